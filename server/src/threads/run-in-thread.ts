import { Worker } from "node:worker_threads";

/**
 * Runs a TypeScript module on a thread of its own and resolves with the one message it posts
 * back: heavy work (matching a big file, scoring a million customers) then leaves the server's
 * event loop free for lookups, and gets the second core. The module reads its input from
 * `workerData.input`.
 */
export function runInThread<T>(
  entry: URL,
  input: unknown,
  options: {
    /** Called once the thread has ended, however it ended, with its id. */
    onExit?: (threadId: number) => void;
  } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./ts-worker-boot.mjs", import.meta.url), {
      workerData: { entry: entry.href, input },
    });
    const { threadId } = worker;
    worker.once("message", (result: T) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      options.onExit?.(threadId);
      reject(new Error(`the worker thread stopped (code ${code}) before answering`));
    });
  });
}
