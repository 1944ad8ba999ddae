import type { RfmRun } from "@rapport/shared/schemas";
import type { Db } from "../../db/connect.ts";
import { AppError } from "../../http/app-error.ts";
import { audit } from "../../records/audit.ts";
import { nowIso } from "../../records/ids.ts";
import { readJson, writeJson } from "../../records/json-column.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { updateFromValues } from "../../records/update-from-values.ts";
import { readMarketingSettings } from "../settings/marketing-settings.ts";
import type { CustomerScores } from "./rfm-scores.ts";
import { scoreBuyers } from "./rfm-thread.ts";

const RUN_KEY = "rfm_run";
/** Contacts written per transaction: short enough that other writers barely wait. */
const WRITE_CHUNK = 5000;
const IDLE: RfmRun = { status: "idle", periodMonths: null, startedAt: null, finishedAt: null, scored: 0, error: null };

/** The runs under way in this process, by database (one at a time each), with their state. */
const running = new WeakMap<Db, { run: RfmRun; work: Promise<void> }>();

/** Who may recompute: those who work on the whole customer base or answer for a team's. */
const MAY_RECOMPUTE = new Set(["admin", "marketer", "manager"]);

export async function readRun(database: Db): Promise<RfmRun> {
  const under = running.get(database);
  if (under) return under.run;
  const row = await database.reader
    .selectFrom("settings")
    .select("value")
    .where("key", "=", RUN_KEY)
    .executeTakeFirst();
  const run = readJson<RfmRun>(row?.value ?? null, IDLE);
  // Stored as running, yet nothing runs here: the server stopped during it.
  return run.status === "running"
    ? { ...run, status: "failed", error: "The server stopped during this run; start it again." }
    : run;
}

/** Starts a recompute in the background (or joins the one under way) and answers its state. */
export async function startRecompute(
  database: Db,
  ctx: RequestContext,
  periodMonths: number | undefined,
): Promise<RfmRun> {
  if (!MAY_RECOMPUTE.has(ctx.user.role)) {
    throw new AppError("forbidden", "Only a marketer, a manager or an admin may recompute customer value.");
  }
  if (!running.has(database)) {
    await audit(database.db, ctx, { action: "update", entity: "rfm", entityId: null, detail: { periodMonths } });
  }
  void recomputeCustomerValue(database, periodMonths);
  return readRun(database);
}

/**
 * Recomputes RFM, FRAT's type and lifetime value for every contact, in the background: after an
 * import that merged contacts, and on demand. A second call while one runs joins it.
 */
export function recomputeCustomerValue(database: Db, periodMonths?: number): Promise<void> {
  const under = running.get(database);
  if (under) return under.work;
  const run: RfmRun = { ...IDLE, status: "running", periodMonths: periodMonths ?? null, startedAt: nowIso() };
  const work = (async () => {
    const startedAt = run.startedAt as string;
    try {
      const settings = await readMarketingSettings(database.db);
      run.periodMonths = periodMonths ?? settings.rfm.periodMonths;
      await saveRun(database, run);
      const scores = await scoreBuyers(
        database,
        periodStart(run.periodMonths),
        run.periodMonths,
        settings.lifetimeValue,
      );
      await writeScores(database, scores, startedAt);
      await saveRun(database, { ...run, status: "done", finishedAt: nowIso(), scored: scores.ids.length });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await saveRun(database, { ...run, status: "failed", finishedAt: nowIso(), error: message }).catch(() => {});
    } finally {
      running.delete(database);
    }
  })();
  running.set(database, { run, work });
  return work;
}

/** The first day of the scoring period: `months` months before today (UTC), the 31st kept in shorter months. */
export function periodStart(months: number, today = new Date()): string {
  const month = today.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(today.getUTCFullYear(), month + 1, 0)).getUTCDate();
  const start = new Date(Date.UTC(today.getUTCFullYear(), month, Math.min(today.getUTCDate(), lastDay)));
  return start.toISOString().slice(0, 10);
}

/**
 * Scores go to the facts rows a chunk per transaction, the event loop free between chunks; then
 * contacts that bought nothing in the period lose the scores of an earlier run.
 */
async function writeScores(database: Db, scores: CustomerScores, runAt: string): Promise<void> {
  const { db } = database;
  for (let start = 0; start < scores.ids.length; start += WRITE_CHUNK) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(start + WRITE_CHUNK, scores.ids.length); i++) {
      rows.push([
        scores.ids[i],
        scores.recency[i],
        scores.frequency[i],
        scores.monetary[i],
        scores.category[i],
        scores.lifetimeValue[i],
        runAt,
      ]);
    }
    await db.transaction().execute((tx) =>
      updateFromValues(tx, {
        table: "contact_facts",
        key: { column: "contact_id", type: "text" },
        columns: {
          recency_score: "integer",
          frequency_score: "integer",
          monetary_score: "integer",
          product_category: "text",
          lifetime_value: "double precision",
          scored_at: "text",
        },
        rows,
      }),
    );
    await new Promise((resolve) => setImmediate(resolve));
  }
  await db
    .updateTable("contact_facts")
    .set({
      recency_score: null,
      frequency_score: null,
      monetary_score: null,
      product_category: null,
      lifetime_value: null,
      scored_at: runAt,
    })
    .where("scored_at", "is not", null)
    .where("scored_at", "<>", runAt)
    .execute();
}

async function saveRun(database: Db, run: RfmRun): Promise<void> {
  const row = { key: RUN_KEY, value: writeJson(run), updated_at: nowIso(), updated_by: null };
  await database.db
    .insertInto("settings")
    .values(row)
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: row.value, updated_at: row.updated_at }))
    .execute();
}
