import type { Kysely, Transaction } from "kysely";
import { forUpdate } from "../../db/for-update.ts";
import type { Database, RecordTable } from "../../db/schema.ts";
import type { AuthUser } from "../../http/context.ts";
import { type LooseTables, visibleTo } from "../../records/access.ts";
import type { Row } from "./merges.repo.ts";

/**
 * The rows of `ids` the user may see (all of them when `user` is null), locked until the
 * transaction ends and read in id order: a second merge or undo touching any of them waits for
 * this one, then reads what it left (a removed record is then not found).
 */
export async function lockedRows(
  tx: Transaction<Database>,
  user: AuthUser | null,
  table: RecordTable,
  ids: string[],
): Promise<Map<string, Row>> {
  const db = tx as unknown as Kysely<LooseTables>;
  let qb = db.selectFrom(table).selectAll().where("id", "in", ids).orderBy("id");
  const visible = user ? visibleTo(user) : null;
  if (visible) qb = qb.where(visible);
  const rows = (await forUpdate(db, qb).execute()) as Row[];
  return new Map(rows.map((row) => [row.id as string, row]));
}
