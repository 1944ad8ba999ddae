import { parentPort, workerData } from "node:worker_threads";
import { appDeps } from "../../app-deps.ts";
import type { Config } from "../../config.ts";
import { connectInThread, type ThreadHandle } from "../../db/connect.ts";
import { type JobOutcome, runJob, type Work } from "./run-job.ts";

/** What import-runner.ts starts a big job's thread with. */
export type ImportThreadInput = { database: ThreadHandle; config: Config; id: string; work: Work };

/**
 * A big import job's thread: its own connections to the server's database, the same job code as
 * in the server's thread, the outcome posted back once the connections are closed.
 */
const { database: handle, config, id, work } = (workerData as { input: ImportThreadInput }).input;
const database = connectInThread(handle);
let outcome: JobOutcome;
try {
  outcome = await runJob(appDeps(database, config), id, work);
} finally {
  await database.close();
}
parentPort?.postMessage(outcome);
