// The WAL checkpointer's thread (see startCheckpointer in connect.ts): plain JavaScript, so it
// needs no TypeScript loader, with a connection of its own to the database file.
import { parentPort, workerData } from "node:worker_threads";
import SqliteDatabase from "better-sqlite3";

const sqlite = new SqliteDatabase(workerData.file);
sqlite.pragma("busy_timeout = 5000");
const timer = setInterval(() => {
  try {
    // PASSIVE copies what it can without waiting for, or holding up, readers and the writer.
    sqlite.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // A busy database: the next tick tries again.
  }
}, workerData.everyMs);

parentPort?.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  sqlite.close();
  parentPort?.close();
});
