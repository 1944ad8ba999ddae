import { parentPort, workerData } from "node:worker_threads";
import { sql } from "kysely";
import { connectInThread, type ThreadHandle } from "./connect.ts";

/**
 * A test's other thread (connect.test.ts): opens the database from its handle, writes a note in a
 * transaction and holds it open, saying "holding", until the test says "commit".
 */
const database = connectInThread((workerData as { input: ThreadHandle }).input);
const commit = new Promise((resolve) => parentPort?.once("message", resolve));
await database.db.transaction().execute(async (tx) => {
  await sql`insert into notes values ('from the thread')`.execute(tx);
  parentPort?.postMessage("holding");
  await commit;
});
await database.close();
parentPort?.postMessage("committed");
