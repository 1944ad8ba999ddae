import type { Segment, SegmentEntity, SegmentFilter } from "@rapport/shared/schemas";
import { type RawBuilder, type SqlBool, sql } from "kysely";
import type { ReadPool } from "../../db/read-pool.ts";
import { AppError } from "../../http/app-error.ts";
import type { AuthUser } from "../../http/context.ts";
import { visibleSqlOrAll } from "../../records/access.ts";
import type { Tx } from "../../records/request-context.ts";
import { compileFilter } from "./segment-sql.ts";

/**
 * The records a segment selects for one user, as SQL parts: `from` (tables and joins), `where`
 * (the filter, the user's visibility, and for a static list its membership) and `id` (the member
 * id column). Counting, paging members and freezing a campaign's targets all build on this.
 */
export type Selection = {
  entity: SegmentEntity;
  from: RawBuilder<unknown>;
  where: RawBuilder<SqlBool>;
  id: RawBuilder<string>;
  /** The table a count scans and its row number there, by which a scan is cut in parts. */
  scanned: { table: "contact_facts" | "accounts"; rowid: RawBuilder<number> };
};

type Source = { entity: SegmentEntity; filter: SegmentFilter } | { entity: SegmentEntity; staticListId: string };

/**
 * `withRecords`: join the contacts table even when the filter does not need it (to read whole
 * records). A contact segment counts over the narrow facts table alone whenever it can.
 */
export function selection(db: Tx, user: AuthUser, source: Source, withRecords = false, now = new Date()): Selection {
  const compiled = "filter" in source ? compileFilter(db, source.entity, source.filter, now) : null;
  const parts: RawBuilder<SqlBool>[] = [];
  if (compiled) parts.push(compiled.where);

  if (source.entity === "contacts") {
    parts.push(visibleSqlOrAll(user, "f"));
    let from = sql`contact_facts f`;
    if ("staticListId" in source) {
      from = sql`segment_members m join contact_facts f on f.contact_id = m.member_id`;
      parts.push(sql<SqlBool>`m.segment_id = ${source.staticListId}`);
    }
    if (withRecords || compiled?.needsContact) from = sql`${from} join contacts c on c.id = f.contact_id`;
    const scanned = { table: "contact_facts" as const, rowid: sql<number>`f.rowid` };
    return { entity: source.entity, from, where: and(parts), id: sql<string>`f.contact_id`, scanned };
  }

  parts.push(visibleSqlOrAll(user, "a"));
  let from = sql`accounts a`;
  if ("staticListId" in source) {
    from = sql`segment_members m join accounts a on a.id = m.member_id`;
    parts.push(sql<SqlBool>`m.segment_id = ${source.staticListId}`);
  }
  const scanned = { table: "accounts" as const, rowid: sql<number>`a.rowid` };
  return { entity: source.entity, from, where: and(parts), id: sql<string>`a.id`, scanned };
}

/** A stored segment as a source: refused with what is broken when its filter no longer runs. */
export function sourceOf(segment: Segment): Source {
  if (segment.problems.length > 0) {
    throw new AppError(
      "validation_failed",
      `This segment's filter no longer runs: ${segment.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}. Edit it to fix.`,
      { errors: segment.problems },
    );
  }
  return segment.kind === "static"
    ? { entity: segment.entity, staticListId: segment.id }
    : { entity: segment.entity, filter: segment.filter as SegmentFilter };
}

function and(parts: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.join(parts, sql.raw(" and "))}`;
}

/**
 * How many records a selection holds. With a read pool (a SQLite file), the scan is cut into one
 * range of row numbers per thread, counted at once on both cores, off the server's event loop.
 */
export async function countSelection(db: Tx, s: Selection, pool?: ReadPool | null): Promise<number> {
  if (!pool || db.isTransaction) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${s.from} where ${s.where}`.execute(
      db,
    );
    return Number(rows[0]?.n ?? 0);
  }
  const [[last]] = (await pool.all(sql`select max(rowid) from ${sql.table(s.scanned.table)}`.compile(db))) as [
    [number],
  ];
  const step = Math.ceil((last ?? 0) / pool.size);
  const parts = Array.from({ length: pool.size }, (_, k) =>
    pool.all(
      sql`select count(*) from ${s.from} where ${s.where}
        and ${s.scanned.rowid} > ${k * step} and ${s.scanned.rowid} <= ${(k + 1) * step}`.compile(db),
    ),
  );
  return (await Promise.all(parts)).reduce((sum, rows) => sum + Number(rows[0]?.[0] ?? 0), 0);
}

/** The first members in scan order, on the read pool when there is one. */
export async function firstMembers(db: Tx, s: Selection, limit: number, pool?: ReadPool | null): Promise<string[]> {
  const query = sql<{ id: string }>`select ${s.id} as id from ${s.from} where ${s.where} limit ${limit}`;
  if (!pool) return (await query.execute(db)).rows.map((row) => row.id);
  return (await pool.all(query.compile(db))).map(([id]) => id as string);
}
