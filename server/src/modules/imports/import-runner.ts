import type { ImportJob } from "@rapport/shared/schemas";
import type { AppDeps } from "../../app-deps.ts";
import { ThreadWriteLock } from "../../db/thread-write-lock.ts";
import { AppError } from "../../http/app-error.ts";
import { nowIso } from "../../records/ids.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { runInThread } from "../../threads/run-in-thread.ts";
import { recomputeCustomerValue } from "../customer-value/rfm-run.ts";
import type { ImportThreadInput } from "./import-thread.ts";
import { jobFromRow } from "./imports.repo.ts";
import { assertEditable, findJob, getJob } from "./imports.service.ts";
import { type JobOutcome, markFailed, runJob, type Work } from "./run-job.ts";

/**
 * Each job's latest run in this process. A job's runs go one after another: the claim in the
 * database already lets one run of each kind start, but a job ends its apply (status "applied")
 * just before its run is over, and an undo claimed in between must wait for that run to end.
 */
const runs = new Map<string, Promise<void>>();

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
  if (Number(claimed.numUpdatedRows) === 1) run(deps, id, "analyse", job.row_count);
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
  if (Number(claimed.numUpdatedRows) === 1) run(deps, id, "apply", job.row_count);
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
  if (Number(claimed.numUpdatedRows) === 1) run(deps, id, "undo", job.row_count);
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
    .select(["id", "status", "row_count"])
    .where("status", "in", ["analysing", "applying", "undoing"])
    .execute();
  for (const job of jobs) run(deps, job.id, WORK_OF_STATUS[job.status as ImportJob["status"]] as Work, job.row_count);
  return jobs.length;
}

/**
 * Jobs of this many rows or more run on a thread of their own: the dry run's matching and the
 * apply's statements and commits, all synchronous, would otherwise hold the server's event loop
 * (lookups waited seconds behind them). Smaller jobs run in place, quicker than starting a thread.
 */
export const THREAD_FROM_ROWS = 2000;

function run(deps: AppDeps, id: string, work: Work, rows: number): void {
  const handle = deps.database.threadHandle;
  const start = (): Promise<JobOutcome> =>
    handle && rows >= THREAD_FROM_ROWS
      ? runInThread<JobOutcome>(
          new URL("./import-thread.ts", import.meta.url),
          { database: handle, config: deps.config, id, work } satisfies ImportThreadInput,
          // A thread that died mid-transaction must not leave the server's writes waiting for it.
          { onExit: (thread) => handle.writeLock && new ThreadWriteLock(handle.writeLock).releaseIfHeldBy(thread) },
        )
      : runJob(deps, id, work);
  const previous = runs.get(id) ?? Promise.resolve();
  const current = previous
    .then(start)
    .then(({ movedOrders }) => {
      if (movedOrders) void recomputeCustomerValue(deps.database);
    })
    // The job's own failures are recorded by runJob; this is the thread itself failing.
    .catch((error: unknown) => markFailed(deps.database, id, work, error))
    .finally(() => {
      if (runs.get(id) === current) runs.delete(id);
    });
  runs.set(id, current);
}
