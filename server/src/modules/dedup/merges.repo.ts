import type { Merge, MergeListQuery } from "@rapport/shared/schemas";
import { type Kysely, type SqlBool, sql, type Transaction } from "kysely";
import type { z } from "zod";
import { forUpdate } from "../../db/for-update.ts";
import type { Database, MergesTable } from "../../db/schema.ts";
import type { AuthUser } from "../../http/context.ts";
import { visibleSql } from "../../records/access.ts";
import { nowIso } from "../../records/ids.ts";
import { readJson, writeJson } from "../../records/json-column.ts";
import { containsText } from "../../records/like.ts";
import type { MovedLinks } from "./links.ts";

export type Row = Record<string, unknown>;

/** What undo needs, kept in merges.snapshot: rows as stored, so they come back column for column. */
export type MergeSnapshot = {
  /** The survivor's row before the merge. */
  survivor: Row;
  /** The removed records' rows. */
  merged: Row[];
  links: MovedLinks[];
  /** Set by undo: whether the survivor's fields went back (see the Merge schema). */
  survivorRestored?: boolean;
};

export function rowToMerge(row: MergesTable): Merge {
  return {
    id: row.id,
    entity: row.entity as Merge["entity"],
    survivorId: row.survivor_id,
    mergedIds: readJson(row.merged_ids, []),
    repointed: row.repointed,
    createdAt: row.created_at,
    createdBy: row.created_by,
    undoneAt: row.undone_at,
    survivorRestored: readSnapshot(row).survivorRestored ?? null,
  };
}

export const readSnapshot = (row: MergesTable): MergeSnapshot =>
  readJson(row.snapshot, { survivor: {}, merged: [], links: [] });

export async function insertMerge(tx: Transaction<Database>, row: MergesTable): Promise<void> {
  await tx.insertInto("merges").values(row).execute();
}

/** The merge row, locked so that two undos of it run one after the other. */
export async function lockMerge(tx: Transaction<Database>, id: string): Promise<MergesTable | null> {
  const qb = tx.selectFrom("merges").selectAll().where("id", "=", id);
  return (await forUpdate(tx, qb).executeTakeFirst()) ?? null;
}

export async function markUndone(tx: Transaction<Database>, row: MergesTable, snapshot: MergeSnapshot) {
  const done = { ...row, undone_at: nowIso(), snapshot: writeJson(snapshot) };
  await tx
    .updateTable("merges")
    .set({ undone_at: done.undone_at, snapshot: done.snapshot })
    .where("id", "=", row.id)
    .execute();
  return done;
}

/**
 * Merges newest first: those whose survivor the user can see now, and those they made. With a
 * record id, those where it survived or was removed.
 */
export async function listMerges(db: Kysely<Database>, user: AuthUser, query: z.output<typeof MergeListQuery>) {
  let qb = db.selectFrom("merges").selectAll();
  const recordId = query.recordId;
  if (recordId) {
    qb = qb.where((eb) => eb.or([eb("survivor_id", "=", recordId), containsText("merged_ids", `"${recordId}"`)]));
  }
  // Null for those who see every record.
  const contacts = visibleSql(user, "c");
  const accounts = visibleSql(user, "a");
  if (contacts && accounts) {
    qb = qb.where(
      sql<SqlBool>`(merges.created_by = ${user.id}
        or (merges.entity = 'contacts' and exists (select 1 from contacts c where c.id = merges.survivor_id and ${contacts}))
        or (merges.entity = 'accounts' and exists (select 1 from accounts a where a.id = merges.survivor_id and ${accounts})))`,
    );
  }
  const rows = await qb.orderBy("created_at", "desc").orderBy("id", "desc").limit(query.limit).execute();
  return rows.map(rowToMerge);
}
