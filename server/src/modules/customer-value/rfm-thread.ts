import type { LifetimeValueSettings } from "@rapport/shared/marketing";
import { sql } from "kysely";
import type { Db } from "../../db/connect.ts";
import { runInThread } from "../../threads/run-in-thread.ts";
import { BUYERS_SQL, CATEGORIES_SQL, type CustomerScores, collectAggregates, scoreCustomers } from "./rfm-scores.ts";

export type ScoreInput = { file: string; since: string; periodMonths: number; settings: LifetimeValueSettings };

/**
 * Reads the period's buyers and scores them: on a SQLite file, on a thread of its own; on
 * PostgreSQL (whose reads do not hold the event loop) and in-memory SQLite, here.
 */
export async function scoreBuyers(
  database: Db,
  since: string,
  periodMonths: number,
  settings: LifetimeValueSettings,
): Promise<CustomerScores> {
  if (database.file) {
    const input: ScoreInput = { file: database.file, since, periodMonths, settings };
    return runInThread(new URL("./rfm-worker.ts", import.meta.url), input);
  }
  const postgres = database.kind === "postgres";
  const read = async (text: string) => {
    // Same statement on both databases: PostgreSQL numbers its one parameter.
    const query = sql.raw(postgres ? text.replace("?", "$1") : text);
    const compiled = { ...query.compile(database.reader), parameters: [since] };
    const { rows } = await database.reader.executeQuery<Record<string, unknown>>(compiled);
    return rows.map((row) => Object.values(row));
  };
  return scoreCustomers(collectAggregates(await read(BUYERS_SQL), await read(CATEGORIES_SQL)), periodMonths, settings);
}
