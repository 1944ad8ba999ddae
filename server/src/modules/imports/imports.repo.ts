import {
  ImportAction as Actions,
  type ImportAction,
  type ImportJob,
  type ImportRowResult,
} from "@rapport/shared/schemas";
import type { Selectable, Transaction } from "kysely";
import type { Database, ImportJobsTable, ImportRowsTable } from "../../db/schema.ts";
import { readJson, writeJson } from "../../records/json-column.ts";
import { updateFromValues } from "../../records/update-from-values.ts";

export type JobRow = Selectable<ImportJobsTable>;
export type RowRow = Selectable<ImportRowsTable>;

export function jobFromRow(row: JobRow): ImportJob {
  return {
    id: row.id,
    name: row.name,
    status: row.status as ImportJob["status"],
    headers: readJson(row.headers, []),
    mapping: readJson(row.mapping, []),
    options: readJson(row.options, { dayFirst: true }),
    rowCount: row.row_count,
    plan: readJson(row.plan, null),
    progress: { done: row.progress_done, total: row.row_count },
    result: readJson(row.result, null),
    undo: readJson(row.undo, null),
    error: row.error,
    ownerId: row.owner_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function rowResultFromRow(row: RowRow): ImportRowResult {
  return {
    row: row.row_number,
    action: (row.action ?? "create") as ImportAction,
    proposed: (row.proposed ?? row.action ?? "create") as ImportAction,
    overridden: row.overridden === 1,
    targetId: row.target_id,
    duplicateOf: row.duplicate_of,
    score: row.score,
    review: row.review === 1,
    reasons: readJson(row.reasons, []),
    changes: readJson(row.changes, []),
    errors: readJson(row.errors, []),
    values: readJson(row.row_values, {}),
    status: row.status as ImportRowResult["status"],
    recordId: row.record_id,
  };
}

/** Rows per action, every action present (zero when none). */
export function countActions(actions: Iterable<ImportAction>): Record<ImportAction, number> {
  const counts = Object.fromEntries(Actions.options.map((action) => [action, 0])) as Record<ImportAction, number>;
  for (const action of actions) counts[action]++;
  return counts;
}

/** What apply did with a row: the record it wrote, that record's version after, and (for undo) its state before. */
export type RowOutcome = {
  rowNumber: number;
  recordId: string;
  afterVersion: number;
  /** The record before the row changed it, or null when the row created it. */
  before: unknown;
};

/** Marks rows applied with their outcome, many rows per statement. */
export async function markApplied(tx: Transaction<Database>, jobId: string, outcomes: readonly RowOutcome[]) {
  await updateFromValues(tx, {
    table: "import_rows",
    scope: { column: "job_id", value: jobId },
    key: { column: "row_number", type: "integer" },
    columns: { status: "text", record_id: "text", after_version: "integer", before: "text" },
    rows: outcomes.map((o) => [
      o.rowNumber,
      "applied",
      o.recordId,
      o.afterVersion,
      o.before === null ? null : writeJson(o.before),
    ]),
  });
}

/** The record each of `rowNumbers` wrote (absent: none, as for a row skipped or not applied yet). */
export async function recordIdsOf(
  tx: Transaction<Database>,
  jobId: string,
  rowNumbers: readonly number[],
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  for (let start = 0; start < rowNumbers.length; start += 500) {
    const rows = await tx
      .selectFrom("import_rows")
      .select(["row_number", "record_id"])
      .where("job_id", "=", jobId)
      .where("row_number", "in", rowNumbers.slice(start, start + 500))
      .where("record_id", "is not", null)
      .execute();
    for (const row of rows) if (row.record_id !== null) found.set(row.row_number, row.record_id);
  }
  return found;
}
