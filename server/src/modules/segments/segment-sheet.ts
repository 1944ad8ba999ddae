import type { Segment, SegmentSheet } from "@rapport/shared/schemas";
import { sql } from "kysely";
import { jsonText } from "../../db/dialect.ts";
import { visibleSqlOrAll } from "../../records/access.ts";
import { decodeCursor, pageOf } from "../../records/cursor.ts";
import { readJson } from "../../records/json-column.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { type Selection, selection, sourceOf } from "./segment-selection.ts";

type Cell = string | number | boolean | null;
type Column = SegmentSheet["columns"][number];
type Address = {
  lines?: string[];
  postcode?: string | null;
  city?: string | null;
  region?: string | null;
  country?: string | null;
};

const ADDRESS_LINES = 3;
const ADDRESS: Column[] = [...Array<Column>(ADDRESS_LINES).fill("street"), "postcode", "city", "region", "country"];

/** A contact row: names, two emails and phones, the account's name, the address, tags and source. */
const CONTACT_COLUMNS: Column[] = [
  "id",
  "version",
  "civility",
  "firstName",
  "lastName",
  "email",
  "email",
  "phone",
  "phone",
  "jobTitle",
  "company",
  ...ADDRESS,
  "birthDate",
  "tags",
  "source",
  "emailConsent",
  "doNotContact",
];

/** An account row, under the same names: the company, its first web domain, phone and address. */
const ACCOUNT_COLUMNS: Column[] = ["id", "version", "company", "website", "phone", ...ADDRESS, "tags", "source"];

type ContactRow = {
  id: string;
  version: number;
  civility: string | null;
  first_name: string | null;
  last_name: string | null;
  emails: string;
  phones: string;
  job_title: string | null;
  company: string | null;
  address: string | null;
  birth_date: string | null;
  tags: string;
  source: string | null;
  email_consent: string | null;
  do_not_contact: number | boolean;
};
type AccountRow = {
  id: string;
  version: number;
  name: string;
  domains: string;
  phone: string | null;
  address: string | null;
  tags: string;
  source: string | null;
};

function addressCells(json: string | null): Cell[] {
  const address = readJson<Address | null>(json, null);
  const lines = address?.lines ?? [];
  // Lines beyond the sheet's columns go into the last one, a line each: a push splits them again.
  const shown = [...lines.slice(0, ADDRESS_LINES - 1), lines.slice(ADDRESS_LINES - 1).join("\n") || null];
  return [
    ...Array.from({ length: ADDRESS_LINES }, (_, i) => shown[i] ?? null),
    address?.postcode ?? null,
    address?.city ?? null,
    address?.region ?? null,
    address?.country ?? null,
  ];
}

/** The first value, and the others in one cell as Google's export joins them (the import splits them again). */
const firstAndRest = (json: string): [Cell, Cell] => {
  const values = readJson<string[]>(json, []);
  return [values[0] ?? null, values.slice(1).join(" ::: ") || null];
};
const tagCell = (json: string): Cell => readJson<string[]>(json, []).join(", ") || null;

/**
 * A page of the segment as sheet rows, in id order. Only the columns a sheet shows are read (whole
 * records cost three times as much to read and to send), and an account's name appears only when
 * the user may see that account.
 */
export async function segmentSheetPage(
  ctx: RequestContext,
  segment: Segment,
  query: { cursor?: string | undefined; limit: number },
): Promise<SegmentSheet> {
  const chosen = selection(ctx.reader, ctx.user, sourceOf(segment), true);
  const after = query.cursor ? (decodeCursor(query.cursor, 1)[0] as string) : "";
  const page = <R extends { id: string }>(rows: R[]) => pageOf(rows, query.limit, (last) => [last.id]);
  if (segment.entity === "contacts") {
    const { rows } = await contactRows(ctx, chosen, after, query.limit).execute(ctx.reader);
    const { page: shown, nextCursor } = page(rows);
    const cells = shown.map((r): Cell[] => [
      r.id,
      Number(r.version),
      r.civility,
      r.first_name,
      r.last_name,
      ...firstAndRest(r.emails),
      ...firstAndRest(r.phones),
      r.job_title,
      r.company,
      ...addressCells(r.address),
      r.birth_date,
      tagCell(r.tags),
      r.source,
      r.email_consent,
      Boolean(r.do_not_contact),
    ]);
    return { columns: CONTACT_COLUMNS, rows: cells, nextCursor };
  }
  const { rows } = await sql<AccountRow>`select a.id, a.version, a.name, a.domains, a.phone, a.address, a.tags, a.source
    from ${chosen.from} where ${chosen.where} and ${chosen.id} > ${after}
    order by ${chosen.id} limit ${query.limit + 1}`.execute(ctx.reader);
  const { page: shown, nextCursor } = page(rows);
  const cells = shown.map((r): Cell[] => [
    r.id,
    Number(r.version),
    r.name,
    readJson<string[]>(r.domains, [])[0] ?? null,
    r.phone,
    ...addressCells(r.address),
    tagCell(r.tags),
    r.source,
  ]);
  return { columns: ACCOUNT_COLUMNS, rows: cells, nextCursor };
}

function contactRows(ctx: RequestContext, chosen: Selection, after: string, limit: number) {
  return sql<ContactRow>`select c.id, c.version, c.civility, c.first_name, c.last_name, c.emails, c.phones,
      c.job_title, acc.name as company, c.address, c.birth_date, c.tags, c.source,
      ${jsonText(ctx.reader, sql.ref("c.consent"), "email", "status")} as email_consent, c.do_not_contact
    from ${chosen.from}
    left join accounts acc on acc.id = c.account_id and ${visibleSqlOrAll(ctx.user, "acc")}
    where ${chosen.where} and ${chosen.id} > ${after}
    order by ${chosen.id} limit ${limit + 1}`;
}
