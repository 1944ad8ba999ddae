import type { Merge } from "@rapport/shared/schemas";
import type { Kysely, Transaction } from "kysely";
import { inTransactionRetryingDeadlocks } from "../../db/in-transaction.ts";
import type { Database, MergesTable } from "../../db/schema.ts";
import { AppError, notFound } from "../../http/app-error.ts";
import { isVisibleTo, type LooseTables } from "../../records/access.ts";
import { audit } from "../../records/audit.ts";
import type { ListQueryBase, RecordMeta } from "../../records/record-store.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { writeMirrorRows } from "../../records/side-rows.ts";
import { lockedRows } from "./locked-rows.ts";
import { accountMerge, contactMerge, type MergeTarget } from "./merge-targets.ts";
import { lockMerge, markUndone, type Row, readSnapshot, rowToMerge } from "./merges.repo.ts";

/**
 * Splits a merge back: the removed records return with their ids, columns and side rows, and the
 * links that still point at the survivor go back to them. The survivor gets its fields from before
 * the merge only if nobody changed it since (its version is the one the merge left); otherwise the
 * later edits stand, the answer says so (survivorRestored: false), and the user tidies the
 * survivor by hand. Refusing the whole undo instead would keep the removed records lost.
 */
export async function undoMerge(ctx: RequestContext, mergeId: string): Promise<Merge> {
  return inTransactionRetryingDeadlocks(ctx.db, async (tx) => {
    const row = await lockMerge(tx, mergeId);
    if (!row) throw notFound("merge");
    const txCtx = { ...ctx, db: tx };
    return row.entity === "contacts" ? undoWith(txCtx, contactMerge, row) : undoWith(txCtx, accountMerge, row);
  });
}

async function undoWith<E extends RecordMeta, F extends object, Q extends ListQueryBase>(
  ctx: RequestContext & { db: Transaction<Database> },
  target: MergeTarget<E, F, Q>,
  row: MergesTable,
): Promise<Merge> {
  const tx = ctx.db;
  const { store } = target;
  const snapshot = readSnapshot(row);
  const survivor = (await lockedRows(tx, null, store.def.table, [row.survivor_id])).get(row.survivor_id) ?? null;
  // The user must be allowed to edit every record involved: the survivor as it is now (or as it
  // was, if removed since) and each removed record as it was.
  const involved = [survivor ?? snapshot.survivor, ...snapshot.merged] as Array<{
    owner_id: string;
    team_id: string | null;
  }>;
  if (!involved.every((record) => isVisibleTo(ctx.user, record))) throw notFound("merge");
  if (row.undone_at) throw new AppError("conflict", `This merge was already undone, at ${row.undone_at}.`);

  for (const merged of snapshot.merged) await restoreRow(tx, target, merged);
  let movedBack = 0;
  for (const moved of snapshot.links) {
    const link = target.links.find((candidate) => candidate.name === moved.link);
    if (link) movedBack += await link.moveBack(tx, moved, row.survivor_id);
  }
  await target.linksMoved?.(tx, [row.survivor_id, ...snapshot.merged.map((merged) => merged.id as string)]);
  const survivorRestored = survivor !== null && survivor.version === row.survivor_version;
  if (survivorRestored) {
    await store.update(ctx, row.survivor_id, row.survivor_version, () =>
      target.fields(store.def.fromRow(snapshot.survivor)),
    );
  }

  const done = await markUndone(tx, row, { ...snapshot, survivorRestored });
  const mergedIds = snapshot.merged.map((merged) => merged.id as string);
  for (const id of [row.survivor_id, ...mergedIds]) {
    await audit(tx, ctx, {
      action: "unmerge",
      entity: store.def.label,
      entityId: id,
      detail: { mergeId: row.id, survivorId: row.survivor_id, mergedIds, movedBack, survivorRestored },
    });
  }
  return rowToMerge(done);
}

/**
 * Puts a removed record back as it was stored, and rebuilds its side rows (emails, phones, terms,
 * match keys, domains) from it as a write would. A record it pointed at that is gone since (an
 * account merged away meanwhile) is dropped from it rather than blocking the undo.
 */
async function restoreRow<E extends RecordMeta, F extends object, Q extends ListQueryBase>(
  tx: Transaction<Database>,
  target: MergeTarget<E, F, Q>,
  stored: Row,
): Promise<void> {
  const db = tx as unknown as Kysely<LooseTables>;
  const row = { ...stored };
  for (const { column, table } of target.references) {
    const id = row[column];
    if (typeof id !== "string") continue;
    const exists = await db.selectFrom(table).select("id").where("id", "=", id).executeTakeFirst();
    if (!exists) row[column] = null;
  }
  await db.insertInto(target.store.def.table).values(row).execute();
  const [record] = await target.store.hydrate(tx, [row]);
  if (!record) return;
  for (const mirror of target.store.def.mirrors ?? []) {
    await writeMirrorRows(tx, mirror, record.id, mirror.rows(record));
  }
}
