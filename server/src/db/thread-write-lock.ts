import { threadId } from "node:worker_threads";

/**
 * One writer at a time across this process's threads, first come first served, for a SQLite file
 * that several threads write (the server's and an import's). SQLite would serialise them too, but
 * a connection that finds the file locked waits inside better-sqlite3, blocking its whole thread:
 * the server's event loop would stop answering lookups until the import commits. Here a thread
 * waits with Atomics.waitAsync, so its event loop goes on meanwhile.
 *
 * The state lives in a SharedArrayBuffer that every thread's connection is given: a ticket
 * counter, the ticket being served and the holder's thread id (+1, so 0 means free).
 */
export class ThreadWriteLock {
  private readonly slots: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT)) {
    this.slots = new Int32Array(buffer);
  }

  async acquire(): Promise<void> {
    const ticket = Atomics.add(this.slots, NEXT, 1);
    for (;;) {
      const serving = Atomics.load(this.slots, SERVING);
      if (serving === ticket) break;
      const wait = Atomics.waitAsync(this.slots, SERVING, serving);
      if (!wait.async) continue;
      // A pending waitAsync does not keep a thread's event loop alive: a worker with nothing else
      // to do would end here, its ticket never taken up, and every writer behind it stuck.
      const alive = setInterval(() => {}, 60_000);
      try {
        await wait.value;
      } finally {
        clearInterval(alive);
      }
    }
    Atomics.store(this.slots, HOLDER, threadId + 1);
  }

  release(): void {
    Atomics.store(this.slots, HOLDER, 0);
    Atomics.add(this.slots, SERVING, 1);
    Atomics.notify(this.slots, SERVING);
  }

  /** Threads queued behind the holder. */
  waiting(): number {
    const queued = Atomics.load(this.slots, NEXT) - Atomics.load(this.slots, SERVING);
    return Math.max(0, queued - 1);
  }

  /**
   * Frees the lock if `thread` holds it: a thread that ended mid-transaction (its connection, and
   * so its transaction, went with it) must not keep every other writer waiting for ever.
   */
  releaseIfHeldBy(thread: number): void {
    if (Atomics.load(this.slots, HOLDER) === thread + 1) this.release();
  }
}

const NEXT = 0;
const SERVING = 1;
const HOLDER = 2;
