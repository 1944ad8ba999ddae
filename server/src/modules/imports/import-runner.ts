import type { ImportJob, Role } from "@rapport/shared/schemas";
import type { AppDeps } from "../../app-deps.ts";
import { AppError } from "../../http/app-error.ts";
import { actingAs } from "../../http/context.ts";
import { teamScope } from "../../http/team-scope.ts";
import { nowIso } from "../../records/ids.ts";
import { readJson, writeJson } from "../../records/json-column.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { recomputeCustomerValue } from "../customer-value/rfm-run.ts";
import { applyRows, messageOf } from "./apply.ts";
import { jobFromRow } from "./imports.repo.ts";
import { analyseRows, assertEditable, findJob, getJob } from "./imports.service.ts";
import { undoRows } from "./undo.ts";

/** Jobs this process is running, so a second apply call does not start a second run. */
const running = new Set<string>();

type Work = "analyse" | "apply" | "undo";
const WORK_OF_STATUS: Partial<Record<ImportJob["status"], Work>> = {
  analysing: "analyse",
  applying: "apply",
  undoing: "undo",
};

/**
 * Starts the dry run in the background and answers at once ("analysing"); the pane polls the job
 * until it is "analysed". A dry run of 100,000 rows takes longer than a proxy waits for an answer,
 * and in the request it kept the server from answering lookups meanwhile.
 */
export async function startAnalyse(deps: AppDeps, ctx: RequestContext, id: string): Promise<ImportJob> {
  const job = await findJob(ctx, id);
  if (job.status === "analysing") return jobFromRow(job);
  assertEditable(job);
  await assertImportSlot(deps, ctx);
  const claimed = await ctx.db
    .updateTable("import_jobs")
    .set({ status: "analysing", plan: null, error: null, updated_at: nowIso() })
    .where("id", "=", id)
    .where("status", "in", ["receiving", "analysed"])
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 1) run(deps, id, "analyse");
  return getJob(ctx, id);
}

/**
 * Starts applying an analysed job in the background and answers at once; the pane polls the job
 * for progress. Calling it again while it runs, or after, changes nothing.
 */
export async function startApply(deps: AppDeps, ctx: RequestContext, id: string): Promise<ImportJob> {
  const job = await findJob(ctx, id);
  if (job.status === "applying" || job.status === "applied") return jobFromRow(job);
  if (job.status !== "analysed")
    throw new AppError("conflict", `Run the dry run before applying (the job is ${job.status}).`);
  await assertImportSlot(deps, ctx);
  const claimed = await ctx.db
    .updateTable("import_jobs")
    .set({ status: "applying", progress_done: 0, updated_at: nowIso() })
    .where("id", "=", id)
    .where("status", "=", "analysed")
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 1) run(deps, id, "apply");
  return getJob(ctx, id);
}

export async function startUndo(deps: AppDeps, ctx: RequestContext, id: string): Promise<ImportJob> {
  const job = await findJob(ctx, id);
  if (job.status === "undoing" || job.status === "undone") return jobFromRow(job);
  if (job.status !== "applied")
    throw new AppError("conflict", `Only an applied import can be undone (this one is ${job.status}).`);
  await assertImportSlot(deps, ctx);
  const claimed = await ctx.db
    .updateTable("import_jobs")
    .set({ status: "undoing", updated_at: nowIso() })
    .where("id", "=", id)
    .where("status", "=", "applied")
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 1) run(deps, id, "undo");
  return getJob(ctx, id);
}

const RETRY_SLOT_SECONDS = 30;

/**
 * Refuses to start one more import while `maxConcurrentImports` run (all users), counted in the
 * database so the cap holds across processes and restarts. Counted before the claim, so two
 * starts at the same instant may both pass: the cap keeps imports from crowding out lookups, it is
 * not an exact quota. Jobs resumed after a restart are never refused: they were running already.
 */
async function assertImportSlot(deps: AppDeps, ctx: RequestContext): Promise<void> {
  const cap = deps.config.maxConcurrentImports;
  const { n } = await ctx.db
    .selectFrom("import_jobs")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("status", "in", ["analysing", "applying", "undoing"])
    .executeTakeFirstOrThrow();
  if (Number(n) < cap) return;
  throw new AppError(
    "too_many_requests",
    `This server runs at most ${cap} imports at once (RAPPORT_MAX_CONCURRENT_IMPORTS) and ${n} are running; ` +
      `start this one again in ${RETRY_SLOT_SECONDS} seconds.`,
    { retryAfterSeconds: RETRY_SLOT_SECONDS },
  );
}

/**
 * After a restart (or a crash), jobs that were mid-apply or mid-undo carry on where they stopped;
 * a dry run starts again (it writes nothing but its decisions).
 */
export async function resumeImports(deps: AppDeps): Promise<number> {
  const jobs = await deps.database.db
    .selectFrom("import_jobs")
    .select(["id", "status"])
    .where("status", "in", ["analysing", "applying", "undoing"])
    .execute();
  for (const job of jobs) run(deps, job.id, WORK_OF_STATUS[job.status as ImportJob["status"]] as Work);
  return jobs.length;
}

/** Resolves when the job has no background run in this process (tests and the CLI wait on it). */
export async function settled(id: string): Promise<void> {
  while (running.has(id)) await new Promise((resolve) => setTimeout(resolve, 20));
}

function run(deps: AppDeps, id: string, work: Work): void {
  if (running.has(id)) return;
  running.add(id);
  void (async () => {
    const db = deps.database.db;
    try {
      const job = await db.selectFrom("import_jobs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      const ctx = deps.context(await ownerOf(deps, job.owner_id), null);
      if (work === "analyse") {
        await analyseRows(ctx, jobFromRow(job));
      } else if (work === "apply") {
        await applyRows(ctx, jobFromRow(job));
        const result = await resultOf(deps, id);
        await db
          .updateTable("import_jobs")
          .set({ status: "applied", result: writeJson(result), updated_at: nowIso() })
          .where("id", "=", id)
          .execute();
        // Merges moved orders between contacts: their scores follow (creates and updates move none).
        if ((result.merged ?? 0) > 0) void recomputeCustomerValue(deps.database);
      } else {
        const undo = await undoRows(ctx, jobFromRow(job));
        await db
          .updateTable("import_jobs")
          .set({ status: "undone", undo: writeJson(undo), updated_at: nowIso() })
          .where("id", "=", id)
          .execute();
        if (readJson<ImportJob["result"]>(job.result, null)?.merged) void recomputeCustomerValue(deps.database);
      }
    } catch (error) {
      // A failed dry run changed nothing: the job goes back to receiving, with the reason, to try again.
      await db
        .updateTable("import_jobs")
        .set({ status: work === "analyse" ? "receiving" : "failed", error: messageOf(error), updated_at: nowIso() })
        .where("id", "=", id)
        .execute()
        .catch(() => {});
    } finally {
      running.delete(id);
    }
  })();
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
