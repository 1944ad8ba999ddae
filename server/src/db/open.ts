import { join } from "node:path";
import type { Env } from "../env.ts";
import { connect, type Db } from "./connect.ts";
import { migrateToLatest } from "./migrate.ts";

/** The database the environment names (PostgreSQL if DATABASE_URL is set, else SQLite under the data dir), migrated. */
export async function openDatabase(env: Env): Promise<Db> {
  const database = env.DATABASE_URL
    ? connect({ kind: "postgres", url: env.DATABASE_URL })
    : connect({ kind: "sqlite", file: join(env.RAPPORT_DATA_DIR, "rapport.sqlite") });
  await migrateToLatest(database.db as never);
  return database;
}
