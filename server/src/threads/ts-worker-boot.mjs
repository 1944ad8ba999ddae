// A worker thread's entry: a worker does not inherit the main thread's TypeScript loader
// (tsx), so it registers it before loading the TypeScript module it was started for.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
