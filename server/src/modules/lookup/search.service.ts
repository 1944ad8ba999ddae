import { foldText, normalizePhone } from "@rapport/shared/normalize";
import type { SearchHit } from "@rapport/shared/schemas";
import { visibleTo } from "../../records/access.ts";
import { readJson } from "../../records/json-column.ts";
import { containsText } from "../../records/like.ts";
import type { RequestContext } from "../../records/request-context.ts";

const PHONE_LIKE = /^\+?[\d\s().-]{6,}$/;
const DOMAIN_LIKE = /^[^\s@]+\.[a-z]{2,}$/i;

type ContactRow = {
  id: string;
  first_name: string | null;
  last_name: string | null;
  emails: string;
  job_title: string | null;
};
type AccountRow = { id: string; name: string; domains: string };

/**
 * Contacts and accounts whose name, address, domain or phone holds the query, compared without
 * accents or case ("helene" finds "Hélène"). A query that reads as a phone number is matched
 * exactly on the E.164 form, whatever way it was typed.
 */
export async function searchAll(ctx: RequestContext, q: string, limit: number): Promise<SearchHit[]> {
  const phone = PHONE_LIKE.test(q) ? normalizePhone(q, ctx.config.defaultCountry) : null;
  if (phone) return searchPhone(ctx, phone, limit);
  const folded = foldText(q);
  const textMatch = q.includes("@") ? "email" : DOMAIN_LIKE.test(q) ? "domain" : "name";
  const [accounts, contacts] = await Promise.all([
    visibleRows(
      ctx,
      "accounts",
      (qb) => qb.select(["id", "name", "domains"]).where(containsText("search_text", folded)),
      limit,
    ),
    visibleRows(
      ctx,
      "contacts",
      (qb) =>
        qb.select(["id", "first_name", "last_name", "emails", "job_title"]).where(containsText("search_text", folded)),
      limit,
    ),
  ]);
  return [
    ...(accounts as AccountRow[]).map((row) => accountHit(row, textMatch === "email" ? "domain" : textMatch)),
    ...(contacts as ContactRow[]).map((row) => contactHit(row, textMatch === "domain" ? "email" : textMatch)),
  ].slice(0, limit);
}

async function searchPhone(ctx: RequestContext, phone: string, limit: number): Promise<SearchHit[]> {
  const [accounts, contacts] = await Promise.all([
    visibleRows(ctx, "accounts", (qb) => qb.select(["id", "name", "domains"]).where("phone", "=", phone), limit),
    visibleRows(
      ctx,
      "contacts",
      (qb) =>
        qb
          .select(["id", "first_name", "last_name", "emails", "job_title"])
          .where("id", "in", (eb: { selectFrom: AnyQuery }) =>
            eb.selectFrom("contact_phones").select("contact_id").where("phone", "=", phone),
          ),
      limit,
    ),
  ]);
  return [
    ...(accounts as AccountRow[]).map((row) => accountHit(row, "phone")),
    ...(contacts as ContactRow[]).map((row) => contactHit(row, "phone")),
  ].slice(0, limit);
}

// biome-ignore lint/suspicious/noExplicitAny: the query builder is shaped per call; the rows are typed by the caller.
type AnyQuery = any;

async function visibleRows(
  ctx: RequestContext,
  table: "accounts" | "contacts",
  shape: (qb: AnyQuery) => AnyQuery,
  limit: number,
) {
  let qb = shape(ctx.db.selectFrom(table));
  const visible = visibleTo(ctx.user);
  if (visible) qb = qb.where(visible);
  return (await qb.orderBy("id").limit(limit).execute()) as unknown[];
}

function contactHit(row: ContactRow, matchedOn: SearchHit["matchedOn"]): SearchHit {
  const emails = readJson<string[]>(row.emails, []);
  const name = [row.first_name, row.last_name].filter(Boolean).join(" ");
  return {
    kind: "contact",
    id: row.id,
    label: name || emails[0] || row.id,
    sublabel: [row.job_title, emails[0]].filter(Boolean).join(" · ") || null,
    matchedOn,
  };
}

function accountHit(row: AccountRow, matchedOn: SearchHit["matchedOn"]): SearchHit {
  const domains = readJson<string[]>(row.domains, []);
  return { kind: "account", id: row.id, label: row.name, sublabel: domains[0] ?? null, matchedOn };
}
