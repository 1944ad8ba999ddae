import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { threadId, Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { ThreadWriteLock } from "./thread-write-lock.ts";

describe("the threads' write lock", () => {
  it("serves those who wait in the order they came, and counts them", async () => {
    const lock = new ThreadWriteLock();
    await lock.acquire();
    const order: string[] = [];
    const first = lock.acquire().then(() => order.push("first"));
    const second = lock.acquire().then(() => order.push("second"));
    expect(lock.waiting()).toBe(2);
    lock.release();
    await first;
    expect(lock.waiting()).toBe(1);
    lock.release();
    await second;
    expect(order).toEqual(["first", "second"]);
    expect(lock.waiting()).toBe(0);
  });

  it("keeps a thread that has nothing else to do waiting until its turn comes", async () => {
    const lock = new ThreadWriteLock();
    await lock.acquire();
    const thread = new Worker(new URL("../threads/ts-worker-boot.mjs", import.meta.url), {
      workerData: { entry: new URL("./take-lock.testing.ts", import.meta.url).href, input: lock.buffer },
    });
    try {
      const outcome = Promise.race([
        once(thread, "message").then(([said]) => said),
        once(thread, "exit").then(() => "ended without its turn"),
      ]);
      while (lock.waiting() === 0) await sleep(10);
      // Idle now but for its wait: a thread whose loop let go would end here.
      await sleep(200);
      lock.release();
      expect(await outcome).toBe("got it");
      await lock.acquire();
    } finally {
      await thread.terminate();
    }
  });

  it("is let go when the thread holding it ends without letting go", async () => {
    const lock = new ThreadWriteLock();
    await lock.acquire();
    lock.releaseIfHeldBy(threadId + 1);
    expect(lock.waiting()).toBe(0);
    const next = lock.acquire();
    expect(lock.waiting()).toBe(1);
    lock.releaseIfHeldBy(threadId);
    await next;
    expect(lock.waiting()).toBe(0);
  });
});
