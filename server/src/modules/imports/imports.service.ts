import { type ColumnMapping, proposeMapping } from "@rapport/shared/import";
import type * as s from "@rapport/shared/schemas";
import type { ImportAction, ImportJob, ImportRowResult } from "@rapport/shared/schemas";
import type { z } from "zod";
import { AppError, invalidField } from "../../http/app-error.ts";
import { decodeCursor, pageOf } from "../../records/cursor.ts";
import { newId, nowIso } from "../../records/ids.ts";
import { writeJson } from "../../records/json-column.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { updateFromValues } from "../../records/update-from-values.ts";
import { contactStore } from "../contacts/contacts.service.ts";
import { type Decision, decideRows } from "./analyse.ts";
import { yieldToOtherRequests } from "./apply.ts";
import { countActions, type JobRow, jobFromRow, rowResultFromRow } from "./imports.repo.ts";

/** The most rows one job may hold: a 1M-row push is a job per segment, not one giant job. */
export const MAX_ROWS_PER_JOB = 1_000_000;
const WRITE_CHUNK = 2000;

/**
 * A job is its author's (and an admin's); anyone else gets the 404 of a job that does not exist.
 * Read through `db` (the writing connection by default, to check before a write).
 */
export async function findJob(ctx: RequestContext, id: string, db = ctx.db): Promise<JobRow> {
  let qb = db.selectFrom("import_jobs").selectAll().where("id", "=", id);
  if (ctx.user.role !== "admin") qb = qb.where("owner_id", "=", ctx.user.id);
  const row = await qb.executeTakeFirst();
  if (!row) throw new AppError("not_found", "No import job with that id.");
  return row;
}

/**
 * The job as committed, read beside a running apply's transaction: a pane polling progress must
 * neither wait for that transaction nor, by waiting, make it commit early (applyRows).
 */
export async function getJob(ctx: RequestContext, id: string): Promise<ImportJob> {
  return jobFromRow(await findJob(ctx, id, ctx.reader));
}

export async function listJobs(ctx: RequestContext, query: z.output<typeof s.ImportListQuery>) {
  let qb = ctx.reader.selectFrom("import_jobs").selectAll();
  if (ctx.user.role !== "admin") qb = qb.where("owner_id", "=", ctx.user.id);
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, 2) as [string, string];
    qb = qb.where((eb) =>
      eb.or([eb("created_at", "<", createdAt), eb.and([eb("created_at", "=", createdAt), eb("id", "<", id)])]),
    );
  }
  const rows = await qb
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageOf(rows, query.limit, (last) => [last.created_at, last.id]);
  return { items: page.map(jobFromRow), nextCursor };
}

export async function createJob(ctx: RequestContext, input: z.output<typeof s.ImportCreate>): Promise<ImportJob> {
  const headers = input.headers ?? [];
  const mapping = input.mapping ?? proposeMapping(headers);
  checkMapping(mapping, headers);
  const now = nowIso();
  const row: JobRow = {
    id: newId("imp"),
    name: input.name,
    status: "receiving",
    headers: writeJson(headers),
    mapping: writeJson(mapping),
    options: writeJson(input.options),
    row_count: 0,
    plan: null,
    progress_done: 0,
    result: null,
    undo: null,
    error: null,
    owner_id: ctx.user.id,
    team_id: ctx.user.teamId,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.insertInto("import_jobs").values(row).execute();
  return jobFromRow(row);
}

function checkMapping(mapping: ColumnMapping, headers: string[]): void {
  if (headers.length && mapping.length !== headers.length) {
    throw invalidField("mapping", `has ${mapping.length} entries for ${headers.length} columns`);
  }
}

/** Rows, mapping and options may change until apply (not during a dry run); any change needs a fresh one. */
export function assertEditable(job: JobRow): void {
  if (job.status !== "receiving" && job.status !== "analysed") {
    throw new AppError("conflict", `This import is ${job.status}; it can no longer change.`);
  }
}

export async function updateJob(ctx: RequestContext, id: string, patch: z.output<typeof s.ImportUpdate>) {
  const job = await findJob(ctx, id);
  assertEditable(job);
  const current = jobFromRow(job);
  if (patch.mapping) checkMapping(patch.mapping, current.headers);
  await ctx.db
    .updateTable("import_jobs")
    .set({
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.mapping ? { mapping: writeJson(patch.mapping) } : {}),
      ...(patch.options ? { options: writeJson(patch.options) } : {}),
      status: "receiving",
      plan: null,
      updated_at: nowIso(),
    })
    .where("id", "=", id)
    .execute();
  return getJob(ctx, id);
}

/**
 * Appends rows in one transaction with the job's row count, so a chunk is either all in or not at
 * all. The first chunk of a job created without headers may bring them (a file's header row).
 */
export async function addRows(
  ctx: RequestContext,
  id: string,
  rows: string[][],
  headers?: string[],
  mapping?: ColumnMapping,
): Promise<ImportJob> {
  await ctx.db.transaction().execute(async (tx) => {
    const job = await findJob({ ...ctx, db: tx }, id);
    assertEditable(job);
    const current = jobFromRow(job);
    if (headers && current.headers.length && headers.join("\u0001") !== current.headers.join("\u0001")) {
      throw new AppError("bad_request", "These rows' columns differ from the job's headers; start another import.");
    }
    const columns = headers ?? current.headers;
    if (columns.length === 0) throw new AppError("bad_request", "Give the job its headers before sending rows.");
    if (current.rowCount + rows.length > MAX_ROWS_PER_JOB) {
      throw new AppError("payload_too_large", `An import holds at most ${MAX_ROWS_PER_JOB} rows.`);
    }
    for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
      await tx
        .insertInto("import_rows")
        .values(
          rows.slice(start, start + WRITE_CHUNK).map((cells, k) => ({
            job_id: id,
            row_number: current.rowCount + start + k + 1,
            cells: writeJson(cells),
            status: "pending",
            review: 0,
            overridden: 0,
          })),
        )
        .execute();
    }
    await tx
      .updateTable("import_jobs")
      .set({
        row_count: current.rowCount + rows.length,
        status: "receiving",
        plan: null,
        updated_at: nowIso(),
        ...(current.headers.length
          ? {}
          : { headers: writeJson(columns), mapping: writeJson(mapping ?? proposeMapping(columns)) }),
      })
      .where("id", "=", id)
      .execute();
  });
  return getJob(ctx, id);
}

/**
 * The dry run: decides every row and stores the decisions; nothing else changes. It runs in the
 * background (import-runner.ts) on a job claimed as "analysing", and ends it "analysed".
 */
export async function analyseRows(ctx: RequestContext, job: ImportJob): Promise<void> {
  const rows = await ctx.db
    .selectFrom("import_rows")
    .select(["row_number", "cells"])
    .where("job_id", "=", job.id)
    .orderBy("row_number")
    .execute();
  const decisions = await decideRows(
    ctx,
    job,
    rows.map((r) => ({ row: r.row_number, cells: JSON.parse(r.cells) as string[] })),
  );
  await storeDecisions(ctx, job.id, decisions);
  await ctx.db
    .updateTable("import_jobs")
    .set({ status: "analysed", plan: writeJson(countActions(decisions.map((d) => d.action))), updated_at: nowIso() })
    .where("id", "=", job.id)
    .execute();
}

/** Decisions per statement and transaction: a few milliseconds each, so lookups keep flowing between them. */
const DECISIONS_PER_WRITE = 500;

async function storeDecisions(ctx: RequestContext, id: string, decisions: readonly Decision[]): Promise<void> {
  for (let start = 0; start < decisions.length; start += DECISIONS_PER_WRITE) {
    await updateFromValues(ctx.db, {
      table: "import_rows",
      scope: { column: "job_id", value: id },
      key: { column: "row_number", type: "integer" },
      columns: DECISION_COLUMNS,
      rows: decisions
        .slice(start, start + DECISIONS_PER_WRITE)
        .map((d) => [
          d.row,
          d.action,
          d.action,
          0,
          d.targetId,
          d.duplicateOf,
          d.score,
          d.review ? 1 : 0,
          writeJson(d.reasons),
          writeJson(d.changes),
          writeJson(d.errors),
          writeJson(d.values),
          "pending",
        ]),
    });
    await yieldToOtherRequests();
  }
}

/** What a dry run stores per row, in the order storeDecisions gives the values. */
const DECISION_COLUMNS = {
  action: "text",
  proposed: "text",
  overridden: "integer",
  target_id: "text",
  duplicate_of: "integer",
  score: "double precision",
  review: "integer",
  reasons: "text",
  changes: "text",
  errors: "text",
  row_values: "text",
  status: "text",
} as const;

export async function listRows(ctx: RequestContext, id: string, query: z.output<typeof s.ImportRowsQuery>) {
  await findJob(ctx, id, ctx.reader);
  let qb = ctx.reader.selectFrom("import_rows").selectAll().where("job_id", "=", id);
  if (query.action) qb = qb.where("action", "=", query.action);
  if (query.cursor) qb = qb.where("row_number", ">", Number(decodeCursor(query.cursor, 1)[0]));
  const rows = await qb
    .orderBy("row_number")
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageOf(rows, query.limit, (last) => [last.row_number]);
  return { items: page.map(rowResultFromRow), nextCursor };
}

/** The user's decision for one row wins over the engine's, until the next dry run. */
export async function overrideRow(
  ctx: RequestContext,
  id: string,
  rowNumber: number,
  input: z.output<typeof s.ImportRowOverride>,
): Promise<ImportRowResult> {
  const job = await findJob(ctx, id);
  if (job.status !== "analysed") throw new AppError("conflict", "Run the dry run first; decisions are made on it.");
  const row = await ctx.db
    .selectFrom("import_rows")
    .selectAll()
    .where("job_id", "=", id)
    .where("row_number", "=", rowNumber)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", `No row ${rowNumber} in this import.`);
  if (row.action === "invalid" && input.action !== "skip") {
    throw invalidField("action", "an invalid row can only be skipped; fix it in the file and send it again");
  }
  const targetId = input.targetId ?? row.target_id;
  if (input.action === "merge" || input.action === "update") {
    if (!targetId) throw invalidField("targetId", `${input.action} needs the contact to ${input.action}`);
    await contactStore.get(ctx.db, ctx.user, targetId);
  }
  const action: ImportAction = input.action;
  await ctx.db
    .updateTable("import_rows")
    .set({
      action,
      overridden: 1,
      target_id: action === "create" || action === "skip" ? row.target_id : targetId,
      // A row taken out of its duplicate group stands on its own.
      duplicate_of: action === "create" ? null : row.duplicate_of,
    })
    .where("job_id", "=", id)
    .where("row_number", "=", rowNumber)
    .execute();
  const plan = await ctx.db.selectFrom("import_rows").select("action").where("job_id", "=", id).execute();
  await ctx.db
    .updateTable("import_jobs")
    .set({
      plan: writeJson(countActions(plan.map((r) => (r.action ?? "create") as ImportAction))),
      updated_at: nowIso(),
    })
    .where("id", "=", id)
    .execute();
  const updated = await ctx.db
    .selectFrom("import_rows")
    .selectAll()
    .where("job_id", "=", id)
    .where("row_number", "=", rowNumber)
    .executeTakeFirstOrThrow();
  return rowResultFromRow(updated);
}
