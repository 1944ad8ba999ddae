import type { Kysely, Transaction } from "kysely";
import type { Config } from "../config.ts";
import type { ReadPool } from "../db/read-pool.ts";
import type { Database } from "../db/schema.ts";
import type { AuthUser } from "../http/context.ts";

/** What a service needs to act for one request: who, which database, which settings. */
export type RequestContext = {
  db: Kysely<Database>;
  /** Committed data only, never blocked by a long write (Db.reader): lookups and search read here. */
  reader: Kysely<Database>;
  /** Threads for reads that scan, where reads would otherwise hold the event loop (Db.readPool). */
  readPool?: ReadPool | null;
  /** How many queries wait for `db` while a transaction holds it (Db.writersWaiting); 0 when unknown. */
  writersWaiting?: () => number;
  config: Config;
  user: AuthUser;
  requestId: string | null;
};

export type Tx = Transaction<Database> | Kysely<Database>;
