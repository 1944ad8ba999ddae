import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";

export type DatabaseTarget =
  | { kind: "sqlite"; file: string }
  /** `schema`: a PostgreSQL schema to work in (tests each get their own). */
  | { kind: "postgres"; url: string; schema?: string; poolSize?: number };

export type Db = {
  db: Kysely<Database>;
  kind: DatabaseTarget["kind"];
  close: () => Promise<void>;
};

export function connect(target: DatabaseTarget): Db {
  const db = target.kind === "sqlite" ? connectSqlite(target.file) : connectPostgres(target);
  return { db, kind: target.kind, close: () => db.destroy() };
}

function connectSqlite(file: string): Kysely<Database> {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers go on while one writer commits; NORMAL is durable at each checkpoint and
  // safe against corruption in WAL mode; busy_timeout waits for another process's lock instead
  // of failing at once (the CLI and the server may share the file).
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("cache_size = -65536");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

// COUNT(*) and SUM() answer bigint and numeric, which pg gives as strings by default; every
// number Rapport stores fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

function connectPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
