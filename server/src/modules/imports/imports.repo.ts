import {
  ImportAction as Actions,
  type ImportAction,
  type ImportJob,
  type ImportRowResult,
} from "@rapport/shared/schemas";
import type { Selectable } from "kysely";
import type { ImportJobsTable, ImportRowsTable } from "../../db/schema.ts";
import { readJson } from "../../records/json-column.ts";

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
