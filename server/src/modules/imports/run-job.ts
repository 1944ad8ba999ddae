import type { ImportJob, Role } from "@rapport/shared/schemas";
import type { AppDeps } from "../../app-deps.ts";
import type { Db } from "../../db/connect.ts";
import { actingAs } from "../../http/context.ts";
import { teamScope } from "../../http/team-scope.ts";
import { nowIso } from "../../records/ids.ts";
import { readJson, writeJson } from "../../records/json-column.ts";
import { applyRows, messageOf } from "./apply.ts";
import { jobFromRow } from "./imports.repo.ts";
import { analyseRows } from "./imports.service.ts";
import { undoRows } from "./undo.ts";

export type Work = "analyse" | "apply" | "undo";

/** What the job's end leaves to the process that started it. */
export type JobOutcome = {
  /** Merges (or their undo) moved orders between contacts: customer scores must follow. */
  movedOrders: boolean;
};

/**
 * A claimed job's work, from its claim to its end status ("analysed", "applied", "undone"), or to
 * "failed" with the reason. It runs in the server's thread for small jobs and on a thread of its
 * own for big ones (import-thread.ts), with the same result.
 */
export async function runJob(deps: AppDeps, id: string, work: Work): Promise<JobOutcome> {
  const db = deps.database.db;
  try {
    const job = await db.selectFrom("import_jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const ctx = deps.context(await ownerOf(deps, job.owner_id), null);
    if (work === "analyse") {
      await analyseRows(ctx, jobFromRow(job));
      return { movedOrders: false };
    }
    if (work === "apply") {
      await applyRows(ctx, jobFromRow(job));
      const result = await resultOf(deps, id);
      await db
        .updateTable("import_jobs")
        .set({ status: "applied", result: writeJson(result), updated_at: nowIso() })
        .where("id", "=", id)
        .execute();
      // Creates and updates move no orders; merges do.
      return { movedOrders: (result.merged ?? 0) > 0 };
    }
    const undo = await undoRows(ctx, jobFromRow(job));
    await db
      .updateTable("import_jobs")
      .set({ status: "undone", undo: writeJson(undo), updated_at: nowIso() })
      .where("id", "=", id)
      .execute();
    return { movedOrders: (readJson<ImportJob["result"]>(job.result, null)?.merged ?? 0) > 0 };
  } catch (error) {
    await markFailed(deps.database, id, work, error);
    return { movedOrders: false };
  }
}

/** A failed dry run changed nothing: the job goes back to receiving, with the reason, to try again. */
export async function markFailed(database: Db, id: string, work: Work, error: unknown): Promise<void> {
  await database.db
    .updateTable("import_jobs")
    .set({ status: work === "analyse" ? "receiving" : "failed", error: messageOf(error), updated_at: nowIso() })
    .where("id", "=", id)
    .execute()
    .catch(() => {});
}

async function ownerOf(deps: AppDeps, userId: string) {
  const user = await deps.database.db
    .selectFrom("users")
    .select(["id", "email", "name", "role", "team_id"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const owner = { id: user.id, email: user.email, name: user.name, role: user.role as Role, teamId: user.team_id };
  // A manager's import sees the teams under theirs too, as their requests do.
  return teamScope(deps.database.reader).scoped(actingAs(owner, "import runner"));
}

async function resultOf(deps: AppDeps, id: string): Promise<NonNullable<ImportJob["result"]>> {
  const rows = await deps.database.db
    .selectFrom("import_rows")
    .select(["action", "status", "before"])
    .where("job_id", "=", id)
    .execute();
  const result = { created: 0, updated: 0, merged: 0, skipped: 0, failed: 0 };
  for (const { action, status, before } of rows) {
    if (status === "failed") result.failed++;
    else if (status !== "applied") result.skipped++;
    // Nothing to restore: the row made a new contact (a duplicate whose first row was skipped, too).
    else if (before === null) result.created++;
    else if (action === "update") result.updated++;
    else result.merged++;
  }
  return result;
}
