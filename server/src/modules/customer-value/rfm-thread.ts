import type { LifetimeValueSettings } from "@rapport/shared/marketing";
import { sql } from "kysely";
import type { Db } from "../../db/connect.ts";
import { runInThread } from "../../threads/run-in-thread.ts";
import {
  BUYERS_SQL,
  bestCategories,
  type CustomerScores,
  categoriesSql,
  collectBuyers,
  scoreCustomers,
  withCategories,
} from "./rfm-scores.ts";

type Categories = ReturnType<typeof bestCategories>;
export type ScorePart = {
  file: string;
  since: string;
  periodMonths: number;
  settings: LifetimeValueSettings;
  range: "below" | "from";
  bound: string | null;
  /** This part also reads and scores the buyers. */
  score: boolean;
};

/**
 * Reads the period's buyers and scores them. On a SQLite file, on two threads at once: the
 * spending per category (the longest read: every order line of the period) is cut at the median
 * contact id, one half per thread, and the first thread reads and scores the buyers too. On
 * PostgreSQL (whose reads do not hold the event loop) and in-memory SQLite, here.
 */
export async function scoreBuyers(
  database: Db,
  since: string,
  periodMonths: number,
  settings: LifetimeValueSettings,
): Promise<CustomerScores> {
  const { file } = database;
  if (file) {
    const middle = await database.reader
      .selectFrom("contact_facts")
      .select("contact_id")
      .orderBy("contact_id")
      .offset(Math.floor((await contactCount(database)) / 2))
      .limit(1)
      .executeTakeFirst();
    const bound = middle?.contact_id ?? "";
    const part = (range: ScorePart["range"], score: boolean): ScorePart => ({
      file,
      since,
      periodMonths,
      settings,
      range,
      bound,
      score,
    });
    const worker = new URL("./rfm-worker.ts", import.meta.url);
    const [first, second] = await Promise.all([
      runInThread<{ scores: CustomerScores; categories: Categories }>(worker, part("below", true)),
      runInThread<{ categories: Categories }>(worker, part("from", false)),
    ]);
    return withCategories(first.scores, first.categories, second.categories);
  }
  const postgres = database.kind === "postgres";
  const read = async (text: string) => {
    // Same statement on both databases: PostgreSQL numbers its one parameter.
    const query = sql.raw(postgres ? text.replace("?", "$1") : text);
    const compiled = { ...query.compile(database.reader), parameters: [since] };
    const { rows } = await database.reader.executeQuery<Record<string, unknown>>(compiled);
    return rows.map((row) => Object.values(row));
  };
  const scores = scoreCustomers(collectBuyers(await read(BUYERS_SQL)), periodMonths, settings);
  return withCategories(scores, bestCategories(await read(categoriesSql("all"))));
}

async function contactCount(database: Db): Promise<number> {
  const row = await database.reader
    .selectFrom("contact_facts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
