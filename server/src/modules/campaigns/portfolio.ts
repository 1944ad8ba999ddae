import type { Portfolio, PortfolioQuery } from "@rapport/shared/schemas";
import { type RawBuilder, sql } from "kysely";
import type { z } from "zod";
import { visibleSql, visibleSqlOrAll } from "../../records/access.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { selection, sourceOf } from "../segments/segment-selection.ts";
import { segmentStore } from "../segments/segments.service.ts";

type PortfolioRow = z.output<typeof Portfolio>["rows"][number];
type Figures = { contacts: number | string; customers: number | string | null; order_total: number | string | null };

/** What each grouping reads from the facts row (alias f): a postcode's first two characters are its French département. */
const KEYS: Record<Exclude<z.output<typeof PortfolioQuery>["by"], "segment">, RawBuilder<string | null>> = {
  source: sql`f.source`,
  country: sql`f.country`,
  postcode: sql`substr(f.postcode, 1, 2)`,
};

const NONE = "(none)";

/**
 * The contacts the user may see, grouped by source, country, département or segment, with how many
 * bought (a sold order) and for how much: one aggregate over the narrow facts table per grouping,
 * or per segment. Largest groups first.
 */
export async function portfolio(
  ctx: RequestContext,
  query: z.output<typeof PortfolioQuery>,
): Promise<z.output<typeof Portfolio>> {
  const rows = query.by === "segment" ? await bySegment(ctx) : await byKey(ctx, KEYS[query.by]);
  rows.sort(
    (a, b) =>
      b.contacts - a.contacts ||
      (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) ||
      a.label.localeCompare(b.label) ||
      (a.key ?? "").localeCompare(b.key ?? ""),
  );
  return { by: query.by, rows };
}

const figures = (row: Figures) => ({
  contacts: Number(row.contacts),
  customers: Number(row.customers ?? 0),
  orderTotal: Math.round(Number(row.order_total ?? 0) * 10_000) / 10_000,
});

const measures = sql`count(*) as contacts,
  sum(case when f.order_count > 0 then 1 else 0 end) as customers,
  sum(f.order_total) as order_total`;

async function byKey(ctx: RequestContext, key: RawBuilder<string | null>): Promise<PortfolioRow[]> {
  const { rows } = await sql<Figures & { key: string | null }>`select ${key} as key, ${measures}
    from contact_facts f where ${visibleSqlOrAll(ctx.user, "f")} group by ${key}`.execute(ctx.reader);
  return rows.map((row) => ({ key: row.key, label: row.key ?? NONE, ...figures(row) }));
}

/** One row per contact segment the user may see, its members counted as the segment selects them. */
async function bySegment(ctx: RequestContext): Promise<PortfolioRow[]> {
  const visible = visibleSql(ctx.user);
  const stored = await ctx.reader
    .selectFrom("segments")
    .selectAll()
    .where("entity", "=", "contacts")
    .$if(visible !== null, (qb) => qb.where(visible as NonNullable<typeof visible>))
    .orderBy("id")
    .execute();
  const segments = await segmentStore.hydrate(ctx.reader, stored as Array<Record<string, unknown>>);
  const rows: PortfolioRow[] = [];
  // A filter that no longer runs has no members to show; its editor says what to fix.
  for (const segment of segments.filter((s) => s.problems.length === 0)) {
    const chosen = selection(ctx.reader, ctx.user, sourceOf(segment));
    const { rows: found } = await sql<Figures>`select ${measures} from ${chosen.from} where ${chosen.where}`.execute(
      ctx.reader,
    );
    rows.push({
      key: segment.id,
      label: segment.name,
      ...figures(found[0] ?? { contacts: 0, customers: 0, order_total: 0 }),
    });
  }
  return rows;
}
