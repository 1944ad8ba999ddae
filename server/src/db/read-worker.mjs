// A read pool thread (see read-pool.ts): plain JavaScript, so it needs no TypeScript loader, with
// a read-only connection of its own to the database file.
import { parentPort, workerData } from "node:worker_threads";
import SqliteDatabase from "better-sqlite3";

const sqlite = new SqliteDatabase(workerData.file, { readonly: true, fileMustExist: true });
sqlite.pragma("busy_timeout = 5000");
sqlite.pragma("cache_size = -131072");
sqlite.pragma("mmap_size = 17179869184");
const statements = new Map();

parentPort?.on("message", ({ id, text, parameters }) => {
  try {
    let statement = statements.get(text);
    if (!statement) {
      if (statements.size >= 200) statements.clear();
      statement = sqlite.prepare(text).raw(true);
      statements.set(text, statement);
    }
    parentPort?.postMessage({ id, rows: statement.all(...parameters) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
