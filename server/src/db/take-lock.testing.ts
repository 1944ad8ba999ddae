import { parentPort, workerData } from "node:worker_threads";
import { ThreadWriteLock } from "./thread-write-lock.ts";

/** A test's other thread (thread-write-lock.test.ts): takes the lock, says so, lets it go. */
const lock = new ThreadWriteLock((workerData as { input: SharedArrayBuffer }).input);
await lock.acquire();
parentPort?.postMessage("got it");
lock.release();
