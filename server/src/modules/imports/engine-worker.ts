import { parentPort, workerData } from "node:worker_threads";
import { ENGINE_TASKS, type EngineTasks } from "./engine-tasks.ts";

/** The engine thread's one job: run the task it was started for and post the result back. */
const { task, input } = (workerData as { input: { task: keyof EngineTasks; input: never } }).input;
parentPort?.postMessage(ENGINE_TASKS[task](input));
