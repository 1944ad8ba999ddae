import { type ColumnMapping, mapRow } from "@rapport/shared/import";
import type { CountryCode } from "@rapport/shared/normalize";
import { type Contact, ContactCreate, type ImportJob } from "@rapport/shared/schemas";
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { readJson, writeJson } from "../../records/json-column.ts";
import { fieldsOf } from "../../records/record-service.ts";
import type { RecordChange } from "../../records/record-store.ts";
import type { RequestContext } from "../../records/request-context.ts";
import type { ContactFields } from "../contacts/contacts.repo.ts";
import { contactService, contactStore } from "../contacts/contacts.service.ts";
import { markApplied, type RowOutcome, type RowRow, recordIdsOf } from "./imports.repo.ts";
import { mergeRowInto, updateWithRow } from "./row-merge.ts";
import { fieldsOfValues, type PreparedRow, type RowOptions, type RowValues, rowToContact } from "./row-to-contact.ts";

/** Rows read per round; a transaction commits after at most this many. */
export const APPLY_CHUNK = 20_000;
/**
 * A transaction applies its rows in batches (creates written together, outcomes marked together),
 * each sized from the time rows took so far to last about SLICE_MS, and lets other requests run
 * between them. Lookups read through their own connection (Db.reader), so they go on while the
 * transaction is open. Another request that wants the writing connection makes the transaction
 * commit at the end of the current batch, so it waits one batch and a commit; with nobody
 * waiting, the transaction grows up to APPLY_CHUNK rows or TRANSACTION_MS. Long transactions are
 * what makes a big import fast: each new contact lands at random places in a dozen indexes, and a
 * commit writes every page it touched, so the fewer commits, the fewer times a page is written
 * (100k rows into 1M contacts: 18 s of commits in one-second transactions, about 10 s in these).
 */
export const SLICE_MS = 25;
const TRANSACTION_MS = 10_000;
const MIN_BATCH = 16;
/** A first guess of a row's cost, corrected after every batch. */
const FIRST_MS_PER_ROW = 0.5;

/** Lets queued requests (a lookup from the Outlook pane) run between two slices of a long job. */
export const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

const WRITING_ACTIONS = new Set(["create", "update", "merge", "duplicate"]);

/**
 * Applies rows after `job.progress.done`, chunk by chunk. Each chunk's records, its rows' outcome
 * and the job's progress commit in one transaction (see TRANSACTION_MS for how long it grows), so a
 * crash loses no committed chunk and a restart carries on from the first row not yet done, never
 * applying a row twice. A chunk that fails is redone row by row, and the rows that fail alone are
 * marked failed.
 */
export async function applyRows(ctx: RequestContext, job: ImportJob): Promise<void> {
  const options: RowOptions = {
    defaultCountry: (job.options.defaultCountry ?? ctx.config.defaultCountry) as CountryCode,
    dayFirst: job.options.dayFirst,
  };
  let done = (
    await ctx.db.selectFrom("import_jobs").select("progress_done").where("id", "=", job.id).executeTakeFirstOrThrow()
  ).progress_done;
  let msPerRow = FIRST_MS_PER_ROW;
  // Rows read but not applied yet: a slice takes what it has time for, the next slice the rest.
  let rows: RowRow[] = [];
  for (;;) {
    if (rows.length === 0) {
      rows = await ctx.db
        .selectFrom("import_rows")
        .selectAll()
        .where("job_id", "=", job.id)
        .where("row_number", ">", done)
        .orderBy("row_number")
        .limit(APPLY_CHUNK)
        .execute();
      if (rows.length === 0) return;
    }
    // The rows this transaction took on (all of its batches, the failing one included).
    let taken = 0;
    try {
      await ctx.db.transaction().execute(async (tx) => {
        const transactionEnds = performance.now() + TRANSACTION_MS;
        const othersWaiting = ctx.writersWaiting ?? (() => 0);
        for (;;) {
          const started = performance.now();
          const size = Math.max(MIN_BATCH, Math.floor(SLICE_MS / msPerRow));
          const batch = rows.slice(taken, taken + size);
          taken += batch.length;
          await applyBatch({ ...ctx, db: tx }, tx, job, batch, options);
          // Smoothed: a batch of skipped rows says little about the next one.
          msPerRow = (msPerRow + (performance.now() - started) / batch.length) / 2;
          if (taken >= rows.length || performance.now() >= transactionEnds) break;
          // Synchronous SQLite holds the event loop while it works: let lookups in between.
          await yieldToOtherRequests();
          // A request waits for the connection this transaction holds: commit and let it have it.
          if (othersWaiting() > 0) break;
        }
        await progress(tx, job.id, (rows[taken - 1] as RowRow).row_number);
      });
    } catch {
      // One bad row must not sink its chunk: redo it row by row and record which failed (at least
      // one row, should the transaction have failed before its first batch).
      taken = Math.max(taken, 1);
      for (const row of rows.slice(0, taken)) {
        try {
          await ctx.db.transaction().execute(async (tx) => {
            await applyBatch({ ...ctx, db: tx }, tx, job, [row], options);
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
      }
    }
    done = (rows[taken - 1] as RowRow).row_number;
    rows = rows.slice(taken);
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

/** Where a row's values go: a new contact, a stored one, or the contact an earlier row of the batch writes. */
type Target = { kind: "new" } | { kind: "record"; id: string } | { kind: "row"; of: number };
type Plan = { row: RowRow; prepared: Pick<PreparedRow, "fields" | "version">; target: Target };

/**
 * What a row writes: the values its dry run showed, so the apply does what the user saw (rows,
 * mapping and options cannot change in between without a new dry run). A row pulled from Rapport
 * is read again for the version it was pulled at, which the dry run does not keep.
 */
function preparedOf(row: RowRow, job: ImportJob, options: RowOptions): Plan["prepared"] {
  if (row.action === "update")
    return rowToContact(mapRow(readJson<string[]>(row.cells, []), job.mapping as ColumnMapping), options);
  return { fields: fieldsOfValues(readJson<RowValues>(row.row_values, {})), version: null };
}

/**
 * Applies consecutive rows in the caller's transaction, with the results of applying them one
 * after the other: the new contacts in one `createMany`, then the merges and updates in row order
 * (several at once through `updateMany` while they touch different contacts), then every row's
 * outcome in one statement. All or nothing.
 */
async function applyBatch(
  ctx: RequestContext,
  tx: Transaction<Database>,
  job: ImportJob,
  rows: readonly RowRow[],
  options: RowOptions,
): Promise<void> {
  const writing = rows.filter((row) => row.status === "pending" && row.action && WRITING_ACTIONS.has(row.action));
  if (writing.length === 0) return;
  // Every writing row of the batch writes a record (or the batch fails): a duplicate whose first
  // row is earlier in the batch joins that row's record.
  const here = new Set(writing.map((row) => row.row_number));
  const leaderHere = (row: RowRow) =>
    row.duplicate_of !== null && row.duplicate_of < row.row_number && here.has(row.duplicate_of);
  const leaders = await recordIdsOf(tx, job.id, [
    ...new Set(
      writing.flatMap((row) =>
        row.action === "duplicate" && row.duplicate_of !== null && !leaderHere(row) ? [row.duplicate_of] : [],
      ),
    ),
  ]);

  const plans: Plan[] = writing.map((row) => {
    const prepared = preparedOf(row, job, options);
    let target: Target = row.target_id ? { kind: "record", id: row.target_id } : { kind: "new" };
    if (row.action === "duplicate" && row.duplicate_of !== null) {
      const leader = leaders.get(row.duplicate_of);
      if (leaderHere(row)) target = { kind: "row", of: row.duplicate_of };
      // A duplicate whose first row was skipped (or failed) makes a contact of its own.
      else target = leader ? { kind: "record", id: leader } : { kind: "new" };
    }
    if (row.action === "create") target = { kind: "new" };
    return { row, prepared, target };
  });

  const outcomes: RowOutcome[] = [];
  const recordOf = new Map<number, string>();
  const creates = plans.filter((plan) => plan.target.kind === "new");
  const created = await contactService.createMany(
    ctx,
    creates.map((plan) => ContactCreate.parse(plan.prepared.fields)),
  );
  created.forEach((contact, i) => {
    const rowNumber = (creates[i] as Plan).row.row_number;
    recordOf.set(rowNumber, contact.id);
    outcomes.push({ rowNumber, recordId: contact.id, afterVersion: contact.version, before: null });
  });

  // The contact each merge or update goes into, in row order (a duplicate's first row comes first).
  const changes: Array<{ plan: Plan; id: string }> = [];
  for (const plan of plans) {
    const { target } = plan;
    if (target.kind === "new") continue;
    const id = target.kind === "record" ? target.id : (recordOf.get(target.of) as string);
    recordOf.set(plan.row.row_number, id);
    changes.push({ plan, id });
  }
  if (changes.length > 0) {
    const ids = [...new Set(changes.map((change) => change.id))];
    const current = new Map((await contactStore.findMany(tx, ctx.user, ids)).map((c) => [c.id, c]));
    let run: Array<RecordChange<Contact, ContactFields> & { rowNumber: number; before: ContactFields }> = [];
    const flush = async () => {
      const updated = await contactStore.updateMany(ctx, run);
      run.forEach((change, i) => {
        const contact = updated[i] as Contact;
        current.set(contact.id, contact);
        outcomes.push({
          rowNumber: change.rowNumber,
          recordId: contact.id,
          afterVersion: contact.version,
          before: { version: change.current.version, fields: change.before },
        });
      });
      run = [];
      inRun.clear();
    };
    const inRun = new Set<string>();
    for (const { plan, id } of changes) {
      // A contact changes once per updateMany: a second row for it waits for the first one's result.
      if (inRun.has(id)) await flush();
      inRun.add(id);
      // Missing or out of sight: the error reading it one by one gives.
      const contact = current.get(id) ?? (await contactStore.get(tx, ctx.user, id));
      const { row, prepared } = plan;
      // A conflict the user chose to overwrite ("keep mine") skips this check on purpose.
      if (
        row.action === "update" &&
        row.overridden === 0 &&
        prepared.version !== null &&
        prepared.version < contact.version
      ) {
        throw new Error(
          `contact ${contact.id} changed since the dry run (now version ${contact.version}); analyse again`,
        );
      }
      const before = fieldsOf(contact);
      const next =
        row.action === "update" ? updateWithRow(before, prepared.fields) : mergeRowInto(before, prepared.fields);
      run.push({ current: contact, fields: next.fields, rowNumber: row.row_number, before });
    }
    await flush();
  }
  await markApplied(tx, job.id, outcomes);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
