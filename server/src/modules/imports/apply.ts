import { type ColumnMapping, mapRow } from "@rapport/shared/import";
import type { CountryCode } from "@rapport/shared/normalize";
import { ContactCreate, type ImportJob } from "@rapport/shared/schemas";
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { readJson, writeJson } from "../../records/json-column.ts";
import { fieldsOf } from "../../records/record-service.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { contactService, contactStore } from "../contacts/contacts.service.ts";
import type { RowRow } from "./imports.repo.ts";
import { mergeRowInto, updateWithRow } from "./row-merge.ts";
import { rowToContact } from "./row-to-contact.ts";

/** Rows read per round; a transaction commits after at most this many or SLICE_MS. */
export const APPLY_CHUNK = 2000;
export const SLICE_MS = 25;

/** Lets queued requests (a lookup from the Outlook pane) run between two slices of a long job. */
export const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

const WRITING_ACTIONS = new Set(["create", "update", "merge", "duplicate"]);

/**
 * Applies rows after `job.progress.done`, chunk by chunk. Each chunk's records, its rows' outcome
 * and the job's progress commit in one transaction (up to APPLY_CHUNK rows or SLICE_MS), so a
 * crash loses no committed chunk and a restart carries on from the first row not yet done, never
 * applying a row twice.
 */
export async function applyRows(ctx: RequestContext, job: ImportJob): Promise<void> {
  for (;;) {
    const done = (
      await ctx.db.selectFrom("import_jobs").select("progress_done").where("id", "=", job.id).executeTakeFirstOrThrow()
    ).progress_done;
    const rows = await ctx.db
      .selectFrom("import_rows")
      .selectAll()
      .where("job_id", "=", job.id)
      .where("row_number", ">", done)
      .orderBy("row_number")
      .limit(APPLY_CHUNK)
      .execute();
    if (rows.length === 0) return;
    let last = done;
    try {
      await ctx.db.transaction().execute(async (tx) => {
        // On SQLite a transaction holds the one connection (and, being synchronous, the event
        // loop): end each one after a short time slice so lookups never wait long behind it.
        const sliceEnds = performance.now() + SLICE_MS;
        for (const row of rows) {
          await applyRow({ ...ctx, db: tx }, tx, job, row);
          last = row.row_number;
          if (performance.now() > sliceEnds) break;
        }
        await progress(tx, job.id, last);
      });
    } catch {
      last = done;
      // One bad row must not sink its chunk: redo it row by row and record which failed.
      for (const row of rows) {
        try {
          await ctx.db.transaction().execute(async (tx) => {
            await applyRow({ ...ctx, db: tx }, tx, job, row);
            await progress(tx, job.id, row.row_number);
          });
        } catch (error) {
          await ctx.db.transaction().execute(async (tx) => {
            await tx
              .updateTable("import_rows")
              .set({ status: "failed", errors: writeJson([...readJson<string[]>(row.errors, []), messageOf(error)]) })
              .where("job_id", "=", job.id)
              .where("row_number", "=", row.row_number)
              .execute();
            await progress(tx, job.id, row.row_number);
          });
        }
        last = row.row_number;
      }
    }
    await yieldToOtherRequests();
  }
}

async function progress(tx: Transaction<Database>, jobId: string, done: number): Promise<void> {
  await tx
    .updateTable("import_jobs")
    .set({ progress_done: done, updated_at: new Date().toISOString() })
    .where("id", "=", jobId)
    .execute();
}

async function applyRow(ctx: RequestContext, tx: Transaction<Database>, job: ImportJob, row: RowRow): Promise<void> {
  if (row.status !== "pending" || !row.action || !WRITING_ACTIONS.has(row.action)) return;
  const prepared = rowToContact(mapRow(readJson<string[]>(row.cells, []), job.mapping as ColumnMapping), {
    defaultCountry: (job.options.defaultCountry ?? ctx.config.defaultCountry) as CountryCode,
    dayFirst: job.options.dayFirst,
  });
  let targetId = row.target_id;
  if (row.action === "duplicate" && row.duplicate_of !== null) {
    const leader = await tx
      .selectFrom("import_rows")
      .select("record_id")
      .where("job_id", "=", job.id)
      .where("row_number", "=", row.duplicate_of)
      .executeTakeFirst();
    targetId = leader?.record_id ?? null;
  }
  const mark = (recordId: string, version: number, before: unknown) =>
    tx
      .updateTable("import_rows")
      .set({
        status: "applied",
        record_id: recordId,
        after_version: version,
        before: before === null ? null : writeJson(before),
      })
      .where("job_id", "=", job.id)
      .where("row_number", "=", row.row_number)
      .execute();

  // A new contact, or the first of a group whose leader was skipped.
  if (row.action === "create" || !targetId) {
    const created = await contactService.create(ctx, ContactCreate.parse(prepared.fields));
    await mark(created.id, created.version, null);
    return;
  }
  const current = await contactStore.get(tx, ctx.user, targetId);
  // A conflict the user chose to overwrite ("keep mine") skips this check on purpose.
  if (
    row.action === "update" &&
    row.overridden === 0 &&
    prepared.version !== null &&
    prepared.version < current.version
  ) {
    throw new Error(`contact ${current.id} changed since the dry run (now version ${current.version}); analyse again`);
  }
  const before = fieldsOf(current);
  const next = row.action === "update" ? updateWithRow(before, prepared.fields) : mergeRowInto(before, prepared.fields);
  const updated = await contactStore.update(ctx, current.id, current.version, () => next.fields);
  await mark(updated.id, updated.version, { version: current.version, fields: before });
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
