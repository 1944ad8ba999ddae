import type { ImportJob } from "@rapport/shared/schemas";
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { readJson } from "../../records/json-column.ts";
import type { RequestContext } from "../../records/request-context.ts";
import type { ContactFields } from "../contacts/contacts.repo.ts";
import { contactStore } from "../contacts/contacts.service.ts";
import { SLICE_MS, yieldToOtherRequests } from "./apply.ts";

/** Rows read per round of undo, which undoes them one by one in short transactions. */
const UNDO_CHUNK = 2000;

export type UndoSummary = NonNullable<ImportJob["undo"]>;

/**
 * Undoes an applied job, newest row first: created contacts are removed, updated and merged ones
 * get their previous values back. A record someone edited after the import is listed and left
 * alone, as are the earlier rows that touched it: undo never clobbers later work.
 */
export async function undoRows(ctx: RequestContext, job: ImportJob): Promise<UndoSummary> {
  const summary: UndoSummary = { removed: 0, restored: 0, kept: [] };
  // The version each record should be at for the next (earlier) row's undo to be safe.
  const expected = new Map<string, number | null>();
  let before = 2 ** 31 - 1;
  for (;;) {
    const rows = await ctx.db
      .selectFrom("import_rows")
      .selectAll()
      .where("job_id", "=", job.id)
      .where("status", "=", "applied")
      .where("row_number", "<", before)
      .orderBy("row_number", "desc")
      .limit(UNDO_CHUNK)
      .execute();
    if (rows.length === 0) return summary;
    await ctx.db.transaction().execute(async (tx) => {
      const txCtx = { ...ctx, db: tx };
      const sliceEnds = performance.now() + SLICE_MS;
      for (const row of rows) {
        if (performance.now() > sliceEnds) break;
        before = row.row_number;
        const recordId = row.record_id!;
        const keep = async (reason: string) => {
          summary.kept.push({ row: row.row_number, recordId, reason });
          expected.set(recordId, null);
          await tx
            .updateTable("import_rows")
            .set({ status: "kept" })
            .where("job_id", "=", job.id)
            .where("row_number", "=", row.row_number)
            .execute();
        };
        const current = await contactStore.find(tx, ctx.user, recordId);
        const wanted = expected.has(recordId) ? expected.get(recordId) : row.after_version;
        if (!current) {
          await keep("the contact was deleted after the import");
          continue;
        }
        if (wanted === null || current.version !== wanted) {
          await keep("edited after the import; left as it is");
          continue;
        }
        const previous = readJson<{ version: number; fields: ContactFields } | null>(row.before, null);
        if (previous) {
          const restored = await contactStore.update(txCtx, recordId, current.version, () => previous.fields);
          expected.set(recordId, restored.version);
          summary.restored++;
        } else {
          // Linked since (a deal, an activity): removing it would silently unlink that work.
          const links = await linksTo(tx, recordId);
          if (links.length) {
            await keep(`linked since the import to ${links.join(", ")}; left as it is`);
            continue;
          }
          await contactStore.remove(txCtx, recordId, current.version);
          summary.removed++;
        }
        await tx
          .updateTable("import_rows")
          .set({ status: "undone" })
          .where("job_id", "=", job.id)
          .where("row_number", "=", row.row_number)
          .execute();
      }
    });
    await yieldToOtherRequests();
  }
}

/** The kinds of records that point at a contact (their deletion would set null or cascade). */
async function linksTo(tx: Transaction<Database>, contactId: string): Promise<string[]> {
  const found: string[] = [];
  for (const [table, label] of [
    ["opportunities", "an opportunity"],
    ["orders", "an order"],
    ["cases", "a case"],
    ["activity_contacts", "an activity"],
  ] as const) {
    const row = await tx
      .selectFrom(table)
      .select("contact_id")
      .where("contact_id", "=", contactId)
      .limit(1)
      .executeTakeFirst();
    if (row) found.push(label);
  }
  return found;
}
