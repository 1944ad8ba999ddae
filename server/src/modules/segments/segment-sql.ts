import { type FieldKind, segmentFields } from "@rapport/shared/marketing";
import { foldText } from "@rapport/shared/normalize";
import type { SegmentCondition, SegmentEntity, SegmentFilter } from "@rapport/shared/schemas";
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import { containsSubstring, jsonText } from "../../db/dialect.ts";
import { foldPostcode, tagKey } from "../contacts/contact-facts.ts";

type AnyDb = Pick<Kysely<unknown>, "getExecutor">;

/**
 * Where a field lives and how a user's value is brought to the stored form. Contact segments read
 * the narrow `contact_facts` row (alias f) and only join the contact (alias c) for the few fields
 * it alone holds; account segments read the account (alias a).
 */
type Column = {
  expr: (db: AnyDb) => Expression<unknown>;
  /** Needs the contacts table joined. */
  contact?: true;
  /** The stored form of a text value (folded, upper-cased). */
  fold?: (value: string) => string;
  /** Dates stored as YYYY-MM-DD rather than full timestamps. */
  dateOnly?: true;
  /** Compared case-insensitively through lower(), for columns stored as typed. */
  lower?: true;
};

const ref = (name: string) => () => sql.ref(name);
const upper = (value: string) => value.trim().toUpperCase();

const CONTACT_COLUMNS: Record<string, Column> = {
  firstName: { expr: ref("c.first_name"), contact: true, lower: true },
  lastName: { expr: ref("c.last_name"), contact: true, lower: true },
  jobTitle: { expr: ref("c.job_title"), contact: true, lower: true },
  // Compared through the contact's normalised addresses (emailCondition), not a column.
  email: { expr: ref("f.has_email") },
  accountId: { expr: ref("c.account_id"), contact: true },
  createdAt: { expr: ref("c.created_at"), contact: true },
  ownerId: { expr: ref("f.owner_id") },
  source: { expr: ref("f.source"), fold: foldText },
  tags: { expr: ref("f.tags") },
  country: { expr: ref("f.country"), fold: upper },
  postcode: { expr: ref("f.postcode"), fold: foldPostcode },
  city: { expr: ref("f.city"), fold: foldText },
  "consent.email": { expr: ref("f.email_consent") },
  "consent.phone": { expr: ref("f.phone_consent") },
  "consent.sms": { expr: ref("f.sms_consent") },
  "consent.post": { expr: ref("f.post_consent") },
  doNotContact: { expr: ref("f.do_not_contact") },
  hasEmail: { expr: ref("f.has_email") },
  hasPhone: { expr: ref("f.has_phone") },
  lastActivityAt: { expr: ref("f.last_activity_at") },
  orderCount: { expr: ref("f.order_count") },
  orderTotal: { expr: ref("f.order_total") },
  firstOrderAt: { expr: ref("f.first_order_at"), dateOnly: true },
  lastOrderAt: { expr: ref("f.last_order_at"), dateOnly: true },
  recencyScore: { expr: ref("f.recency_score") },
  frequencyScore: { expr: ref("f.frequency_score") },
  monetaryScore: { expr: ref("f.monetary_score") },
  productCategory: { expr: ref("f.product_category"), fold: foldText },
  lifetimeValue: { expr: ref("f.lifetime_value") },
};

const ACCOUNT_COLUMNS: Record<string, Column> = {
  name: { expr: ref("a.name"), lower: true },
  industry: { expr: ref("a.industry"), lower: true },
  size: { expr: ref("a.size") },
  status: { expr: ref("a.status") },
  source: { expr: ref("a.source"), lower: true },
  tags: { expr: ref("a.tags") },
  country: { expr: (db) => jsonText(db, sql.ref("a.address"), "country"), fold: upper },
  postcode: { expr: (db) => jsonText(db, sql.ref("a.address"), "postcode") },
  city: { expr: (db) => jsonText(db, sql.ref("a.address"), "city"), lower: true },
  ownerId: { expr: ref("a.owner_id") },
  createdAt: { expr: ref("a.created_at") },
};

export type CompiledFilter = { where: RawBuilder<SqlBool>; needsContact: boolean };

/**
 * A checked filter tree (checkFilter found nothing) as one SQL condition over the segment's
 * tables. Values are always bound parameters. Under a `not`, every condition is made two-valued
 * (`is true`), so "not in France" keeps the contacts whose country is unknown.
 */
export function compileFilter(
  db: AnyDb,
  entity: SegmentEntity,
  filter: SegmentFilter,
  now = new Date(),
): CompiledFilter {
  const columns = entity === "contacts" ? CONTACT_COLUMNS : ACCOUNT_COLUMNS;
  const fields = segmentFields(entity);
  let needsContact = false;

  const node = (n: SegmentFilter, twoValued: boolean): RawBuilder<SqlBool> => {
    if ("and" in n)
      return group(
        n.and.map((child) => node(child, twoValued)),
        "and",
      );
    if ("or" in n)
      return group(
        n.or.map((child) => node(child, twoValued)),
        "or",
      );
    if ("not" in n) return sql<SqlBool>`not (${node(n.not, true)})`;
    const column = columns[n.field] as Column;
    const kind = fields[n.field]?.kind as FieldKind;
    if (column.contact) needsContact = true;
    const condition = leaf(db, entity, column, kind, n, now);
    return twoValued ? sql<SqlBool>`((${condition}) is true)` : condition;
  };
  return { where: node(filter, false), needsContact };
}

function group(parts: RawBuilder<SqlBool>[], joiner: "and" | "or"): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(parts, sql.raw(` ${joiner} `))})`;
}

/** One condition: the field's column compared with the user's value in its stored form. */
function leaf(
  db: AnyDb,
  entity: SegmentEntity,
  column: Column,
  kind: FieldKind,
  condition: SegmentCondition,
  now: Date,
): RawBuilder<SqlBool> {
  const { op, value } = condition;
  if (entity === "contacts" && condition.field === "email") return emailCondition(op, value);
  const raw = column.expr(db);
  const col = column.lower ? sql`lower(${raw})` : raw;
  const stored = (v: unknown): unknown => {
    if (kind === "bool") return v ? 1 : 0;
    if (typeof v !== "string") return v;
    if (column.fold) return column.fold(v);
    return column.lower ? v.trim().toLowerCase() : v;
  };
  const list = () => sql.join((value as unknown[]).map(stored));

  if (kind === "tags") return tagsCondition(db, entity, raw, op, value as string[] | undefined);
  if (kind === "date") return dateCondition(raw, op, value, column.dateOnly === true, now);
  switch (op) {
    case "eq":
      return sql<SqlBool>`${col} = ${stored(value)}`;
    case "neq":
      return sql<SqlBool>`(${col} is null or ${col} <> ${stored(value)})`;
    case "in":
      return sql<SqlBool>`${col} in (${list()})`;
    case "notIn":
      return sql<SqlBool>`(${col} is null or ${col} not in (${list()}))`;
    case "contains":
      return sql<SqlBool>`${col} like ${`%${escapeLike(stored(value) as string)}%`} escape '\\'`;
    case "startsWith":
      return sql<SqlBool>`${col} like ${`${escapeLike(stored(value) as string)}%`} escape '\\'`;
    case "gt":
      return sql<SqlBool>`${col} > ${value}`;
    case "gte":
      return sql<SqlBool>`${col} >= ${value}`;
    case "lt":
      return sql<SqlBool>`${col} < ${value}`;
    case "lte":
      return sql<SqlBool>`${col} <= ${value}`;
    case "between": {
      const [from, to] = value as [number, number];
      return sql<SqlBool>`${col} between ${from} and ${to}`;
    }
    case "empty":
      return kind === "text" ? sql<SqlBool>`(${col} is null or ${col} = '')` : sql<SqlBool>`${col} is null`;
    case "notEmpty":
      return kind === "text" ? sql<SqlBool>`(${col} is not null and ${col} <> '')` : sql<SqlBool>`${col} is not null`;
    default:
      throw new Error(`segment operator ${op} reached the compiler unchecked`);
  }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Dates compare as ISO text. A day given for a timestamp column means the whole day: "before
 * 2026-03-01" is before its first instant, "after" starts at it, "between" includes both ends.
 */
function dateCondition(
  col: Expression<unknown>,
  op: string,
  value: unknown,
  dateOnly: boolean,
  now: Date,
): RawBuilder<SqlBool> {
  const dayAfter = (day: string) =>
    day.length === 10 ? new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : day;
  const cutoff = () => {
    const instant = new Date(now.getTime() - (value as number) * 86_400_000).toISOString();
    return dateOnly ? instant.slice(0, 10) : instant;
  };
  switch (op) {
    case "before":
      return sql<SqlBool>`${col} < ${value}`;
    case "after":
      return sql<SqlBool>`${col} >= ${value}`;
    case "between": {
      const [from, to] = value as [string, string];
      return sql<SqlBool>`(${col} >= ${from} and ${col} < ${dayAfter(to)})`;
    }
    case "withinDays":
      return sql<SqlBool>`${col} >= ${cutoff()}`;
    case "notWithinDays":
      // "No activity in 90 days" includes those who never had any.
      return sql<SqlBool>`(${col} is null or ${col} < ${cutoff()})`;
    case "empty":
      return sql<SqlBool>`${col} is null`;
    default:
      return sql<SqlBool>`${col} is not null`;
  }
}

/**
 * Contacts keep folded tags between bars in their facts row; accounts keep the JSON list, where a
 * tag is found as its JSON string ("vip" with its quotes), exactly as written.
 */
function tagsCondition(
  db: AnyDb,
  entity: SegmentEntity,
  col: Expression<unknown>,
  op: string,
  tags: string[] | undefined,
): RawBuilder<SqlBool> {
  const empty = entity === "contacts" ? sql<SqlBool>`${col} = ''` : sql<SqlBool>`${col} = '[]'`;
  if (op === "empty") return empty;
  if (op === "notEmpty") return sql<SqlBool>`not (${empty})`;
  const has = (tag: string) =>
    containsSubstring(db, col, entity === "contacts" ? `|${tagKey(tag)}|` : JSON.stringify(tag.trim()));
  const each = (tags ?? []).map(has);
  if (op === "hasAll") return group(each, "and");
  if (op === "hasAny") return group(each, "or");
  return sql<SqlBool>`not ${group(each, "or")}`;
}

/** Email: through the contact's normalised addresses (one probe per contact), or whether it has one. */
function emailCondition(op: string, value: unknown): RawBuilder<SqlBool> {
  if (op === "empty") return sql<SqlBool>`f.has_email = 0`;
  if (op === "notEmpty") return sql<SqlBool>`f.has_email = 1`;
  const lowered = (v: unknown) => String(v).trim().toLowerCase();
  const addresses = (test: RawBuilder<SqlBool>) =>
    sql<SqlBool>`exists (select 1 from contact_emails e where e.contact_id = f.contact_id and ${test})`;
  switch (op) {
    case "eq":
      return addresses(sql<SqlBool>`e.email = ${lowered(value)}`);
    case "neq":
      return sql<SqlBool>`not ${addresses(sql<SqlBool>`e.email = ${lowered(value)}`)}`;
    case "in":
      return addresses(sql<SqlBool>`e.email in (${sql.join((value as unknown[]).map(lowered))})`);
    case "notIn":
      return sql<SqlBool>`not ${addresses(sql<SqlBool>`e.email in (${sql.join((value as unknown[]).map(lowered))})`)}`;
    case "contains":
      return addresses(sql<SqlBool>`e.email like ${`%${escapeLike(lowered(value))}%`} escape '\\'`);
    default:
      return addresses(sql<SqlBool>`e.email like ${`${escapeLike(lowered(value))}%`} escape '\\'`);
  }
}
