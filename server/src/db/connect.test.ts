import { once } from "node:events";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import Sqlite from "better-sqlite3";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "./connect.ts";

const dir = mkdtempSync(join(tmpdir(), "rapport-connect-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a SQLite database", () => {
  it("lets go of its file on close, even through a connection nothing read through", async () => {
    const file = join(dir, "closed.sqlite");
    const database = connect({ kind: "sqlite", file });
    await sql`create table notes (text text)`.execute(database.db);
    await database.close();
    // Leaving WAL mode needs the file to itself: an open connection answers "database is locked".
    const alone = new Sqlite(file);
    try {
      expect(alone.pragma("journal_mode = DELETE", { simple: true })).toBe("delete");
    } finally {
      alone.close();
    }
  });

  it("reads committed data on its second connection while the first holds a write transaction open", async () => {
    const database = connect({ kind: "sqlite", file: join(dir, "reader.sqlite") });
    try {
      await sql`create table notes (text text)`.execute(database.db);
      await sql`insert into notes values ('kept')`.execute(database.db);
      await database.db.transaction().execute(async (tx) => {
        await sql`insert into notes values ('not yet')`.execute(tx);
        // The writer's connection is taken: this read would wait forever behind it.
        const seen = await sql<{ text: string }>`select text from notes`.execute(database.reader);
        expect(seen.rows.map((row) => row.text)).toEqual(["kept"]);
      });
      await expect(sql`insert into notes values ('x')`.execute(database.reader)).rejects.toThrow();
    } finally {
      await database.close();
    }
  });

  it("waits for another thread's write transaction without holding its own thread", async () => {
    const database = connect({ kind: "sqlite", file: join(dir, "threads.sqlite") });
    const thread = new Worker(new URL("../threads/ts-worker-boot.mjs", import.meta.url), {
      workerData: { entry: new URL("./hold-write.testing.ts", import.meta.url).href, input: database.threadHandle },
    });
    try {
      await sql`create table notes (text text)`.execute(database.db);
      const [said] = await once(thread, "message");
      expect(said).toBe("holding");
      let wrote = false;
      const write = sql`insert into notes values ('from the server')`.execute(database.db).then(() => {
        wrote = true;
      });
      // Waiting inside SQLite would block this thread until the other commits (or time out with
      // "database is locked"): the read below could not answer before the write.
      const seen = await sql<{ text: string }>`select text from notes`.execute(database.reader);
      expect(seen.rows).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(wrote).toBe(false);
      // The count the thread's long job reads to commit early: the server's write, queued behind it.
      expect(database.writersWaiting()).toBe(1);
      thread.postMessage("commit");
      await write;
      const notes = await sql<{ text: string }>`select text from notes order by rowid`.execute(database.reader);
      expect(notes.rows.map((row) => row.text)).toEqual(["from the thread", "from the server"]);
    } finally {
      await thread.terminate();
      await database.close();
    }
  });

  it("counts the queries that wait for the writing connection while a transaction holds it", async () => {
    const database = connect({ kind: "sqlite", file: join(dir, "waiting.sqlite") });
    try {
      await sql`create table notes (text text)`.execute(database.db);
      expect(database.writersWaiting()).toBe(0);
      let queued: Promise<unknown> = Promise.resolve();
      await database.db.transaction().execute(async (tx) => {
        await sql`insert into notes values ('in the transaction')`.execute(tx);
        queued = sql`insert into notes values ('after it')`.execute(database.db);
        await new Promise((resolve) => setImmediate(resolve));
        // The transaction's own queries do not count; the one outside it does.
        await sql`select 1`.execute(tx);
        expect(database.writersWaiting()).toBe(1);
      });
      await queued;
      expect(database.writersWaiting()).toBe(0);
      // The readers' connection is another: its reads are never counted.
      await sql`select * from notes`.execute(database.reader);
      expect(database.writersWaiting()).toBe(0);
    } finally {
      await database.close();
    }
  });

  it("copies its write-ahead log into the file from its checkpointer thread, not on commit", async () => {
    const file = join(dir, "checkpoint.sqlite");
    const database = connect({ kind: "sqlite", file });
    try {
      await sql`create table blobs (data blob)`.execute(database.db);
      const before = statSync(file).size;
      await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000)
        insert into blobs select randomblob(1000) from n`.execute(database.db);
      let size = statSync(file).size;
      for (let waited = 0; size < before + 3_000_000 && waited < 5000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        size = statSync(file).size;
      }
      expect(size).toBeGreaterThan(before + 3_000_000);
    } finally {
      await database.close();
    }
  });
});
