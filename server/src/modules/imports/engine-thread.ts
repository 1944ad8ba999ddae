import { runInThread } from "../../threads/run-in-thread.ts";
import { ENGINE_TASKS, type EngineTasks } from "./engine-tasks.ts";

/** Below this many records a task runs in place: starting a thread costs more than it saves. */
const THREAD_FROM = 5000;

/**
 * Runs one of the dry run's heavy matching tasks on a thread of its own for big inputs, so the
 * server's event loop keeps answering lookups meanwhile (and the work gets the second core);
 * small inputs run in place. The result is the same either way: the task is one pure function.
 */
export function runEngineTask<K extends keyof EngineTasks>(
  task: K,
  input: Parameters<EngineTasks[K]>[0],
  size: number,
): Promise<ReturnType<EngineTasks[K]>> {
  if (size < THREAD_FROM) {
    return Promise.resolve((ENGINE_TASKS[task] as (input: unknown) => ReturnType<EngineTasks[K]>)(input));
  }
  return runInThread(new URL("./engine-worker.ts", import.meta.url), { task, input });
}
