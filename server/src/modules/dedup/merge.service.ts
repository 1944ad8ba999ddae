import type { Merge, MergeRequest } from "@rapport/shared/schemas";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { inTransactionRetryingDeadlocks } from "../../db/in-transaction.ts";
import type { MergesTable } from "../../db/schema.ts";
import { invalidField, notFound } from "../../http/app-error.ts";
import type { LooseTables } from "../../records/access.ts";
import { audit } from "../../records/audit.ts";
import { newId, nowIso } from "../../records/ids.ts";
import { writeJson } from "../../records/json-column.ts";
import type { ListQueryBase, RecordMeta } from "../../records/record-store.ts";
import type { RequestContext } from "../../records/request-context.ts";
import type { MovedLinks } from "./links.ts";
import { lockedRows } from "./locked-rows.ts";
import type { MergeTarget } from "./merge-targets.ts";
import { insertMerge, type MergeSnapshot, type Row, rowToMerge } from "./merges.repo.ts";

/**
 * Folds `mergedIds` into the survivor in one transaction: the survivor takes the survivorship
 * values (through the record store, so its version, side tables and audit follow), every link to
 * a removed record moves to the survivor, the removed records go, and the merges row keeps what
 * undo needs. Any failure leaves nothing changed.
 */
export async function mergeRecords<E extends RecordMeta, F extends object, Q extends ListQueryBase>(
  ctx: RequestContext,
  target: MergeTarget<E, F, Q>,
  request: z.output<typeof MergeRequest>,
): Promise<Merge> {
  refuseRepeats(request);
  const { store } = target;
  return inTransactionRetryingDeadlocks(ctx.db, async (tx) => {
    const ids = [request.survivorId, ...request.mergedIds];
    // Visible is editable (the update rule); a record the user may not see answers like a missing one.
    const rows = await lockedRows(tx, ctx.user, store.def.table, ids);
    const ordered = ids.map((id) => rows.get(id)).filter((row): row is Row => row !== undefined);
    if (ordered.length !== ids.length) throw notFound(store.def.label);
    // Survivor first: its emails and phones lead the unioned lists.
    const records = await store.hydrate(tx, ordered);
    const [survivor] = records;
    if (!survivor) throw notFound(store.def.label);
    const updated = await store.update({ ...ctx, db: tx }, survivor.id, survivor.version, () =>
      target.survivorship(records.map((record) => ({ fields: target.fields(record), updatedAt: record.updatedAt }))),
    );

    const links: MovedLinks[] = [];
    for (const from of request.mergedIds) {
      for (const link of target.links) {
        const moved = await link.move(tx, from, survivor.id);
        if (moved.ids.length > 0) links.push(moved);
      }
    }
    await target.linksMoved?.(tx, [survivor.id]);
    await (tx as unknown as Kysely<LooseTables>)
      .deleteFrom(store.def.table)
      .where("id", "in", request.mergedIds)
      .execute();

    const snapshot: MergeSnapshot = {
      survivor: ordered[0] as Row,
      merged: ordered.slice(1),
      links,
    };
    const row: MergesTable = {
      id: newId("mrg"),
      entity: target.entity,
      survivor_id: survivor.id,
      merged_ids: writeJson(request.mergedIds),
      snapshot: writeJson(snapshot),
      repointed: links.reduce((sum, moved) => sum + moved.ids.length, 0),
      survivor_version: updated.version,
      created_at: nowIso(),
      created_by: ctx.user.id,
      undone_at: null,
    };
    await insertMerge(tx, row);
    // One entry per record, so each one's history says where it went.
    for (const id of ids) {
      await audit(tx, ctx, {
        action: "merge",
        entity: store.def.label,
        entityId: id,
        detail: { mergeId: row.id, survivorId: survivor.id, mergedIds: request.mergedIds, repointed: row.repointed },
      });
    }
    return rowToMerge(row);
  });
}

/** A record merged into itself or named twice is a mistake in the request, not something to guess about. */
function refuseRepeats(request: z.output<typeof MergeRequest>): void {
  const seen = new Set([request.survivorId]);
  request.mergedIds.forEach((id, index) => {
    if (id === request.survivorId)
      throw invalidField(`mergedIds.${index}`, "the survivor cannot be merged into itself");
    if (seen.has(id)) throw invalidField(`mergedIds.${index}`, `${id} is listed twice`);
    seen.add(id);
  });
}
