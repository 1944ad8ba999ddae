import { normalizePhone } from "@rapport/shared/normalize";
import type { SearchHit } from "@rapport/shared/schemas";
import { type RawBuilder, type SqlBool, sql } from "kysely";
import { visibleSqlOrAll } from "../../records/access.ts";
import { readJson } from "../../records/json-column.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { afterPrefix, queryTerms } from "../../records/search-terms.ts";

const PHONE_LIKE = /^\+?[\d\s().-]{6,}$/;
const DOMAIN_LIKE = /^[^\s@]+\.[a-z]{2,}$/i;
/**
 * Records the driving term may bring before the other terms narrow them and the page is sorted:
 * keeps "a" cheap on a million contacts. A type-ahead shows the first 20 of these; typing more
 * narrows it.
 */
const CANDIDATES = sql.lit(5000);

type ContactRow = {
  id: string;
  first_name: string | null;
  last_name: string | null;
  emails: string;
  job_title: string | null;
};
type AccountRow = { id: string; name: string; domains: string };

/**
 * Contacts and accounts found by the start of any word of their name, of an address or of a
 * domain, without accents or case ("helene lef" finds "Hélène Lefèvre"), through the term index
 * (records/search-terms.ts). A query that reads as a phone number is matched exactly on its
 * E.164 form, whatever way it was typed.
 */
export async function searchAll(ctx: RequestContext, q: string, limit: number): Promise<SearchHit[]> {
  const phone = PHONE_LIKE.test(q) ? normalizePhone(q, ctx.config.defaultCountry) : null;
  if (phone) return searchPhone(ctx, phone, limit);
  // The longest term is likely the rarest: it drives the search, the others narrow it down.
  const terms = queryTerms(q).sort((a, b) => b.length - a.length);
  if (terms.length === 0) return [];
  const textMatch = q.includes("@") ? "email" : DOMAIN_LIKE.test(q) ? "domain" : "name";
  const accounts = await rows<AccountRow>(
    ctx,
    sql`select a.id, a.name, a.domains
      from ${candidates(ACCOUNT_TERMS, terms)} cross join accounts a
      where a.id = m.id and ${othersMatch(ACCOUNT_TERMS, "a.id", terms)} and ${visible(ctx, "a")}
      order by a.name, a.id limit ${sql.lit(limit)}`,
  );
  const contacts = await rows<ContactRow>(
    ctx,
    sql`select c.id, c.first_name, c.last_name, c.emails, c.job_title
      from ${candidates(CONTACT_TERMS, terms)} cross join contacts c
      where c.id = m.id and ${othersMatch(CONTACT_TERMS, "c.id", terms)} and ${visible(ctx, "c")}
      order by c.last_name, c.first_name, c.id limit ${sql.lit(limit)}`,
  );
  return [
    ...accounts.map((row) => accountHit(row, textMatch === "email" ? "domain" : textMatch)),
    ...contacts.map((row) => contactHit(row, textMatch === "domain" ? "email" : textMatch)),
  ].slice(0, limit);
}

/**
 * Where a record's terms are: a column of side tables, each with the record's id in `owner`. A
 * contact's addresses are its stored emails (contactSearchTerms), found by prefix like its terms.
 */
type TermSource = { table: string; owner: string; column: string };
const ACCOUNT_TERMS: TermSource[] = [{ table: "account_terms", owner: "account_id", column: "term" }];
const CONTACT_TERMS: TermSource[] = [
  { table: "contact_terms", owner: "contact_id", column: "term" },
  { table: "contact_emails", owner: "contact_id", column: "email" },
];

const startsWith = (alias: string, { column }: TermSource, term: string) => {
  const ref = sql.ref(`${alias}.${column}`);
  return sql`${ref} >= ${term} and ${ref} < ${afterPrefix(term)}`;
};

/**
 * The records with a term starting with the first query term, as the derived table `m`. The
 * search is driven from here (CROSS JOIN fixes the order in SQLite): were the planner to start
 * from the visibility indexes instead, it would walk a whole team's records.
 */
function candidates(sources: TermSource[], [first]: string[]) {
  const found = sources.map(
    (source) =>
      sql`select t.${sql.ref(source.owner)} as id from ${sql.table(source.table)} t where ${startsWith("t", source, first as string)}`,
  );
  return sql`(select distinct id from (${sql.join(found, sql` union all `)}) found limit ${CANDIDATES}) m`;
}

/** Every other query term also starts one of the record's terms. */
function othersMatch(sources: TermSource[], idColumn: string, [, ...others]: string[]): RawBuilder<SqlBool> {
  if (others.length === 0) return sql<SqlBool>`1 = 1`;
  const each = others.map((term) => {
    const anywhere = sources.map(
      (source) =>
        sql`exists (select 1 from ${sql.table(source.table)} u where u.${sql.ref(source.owner)} = ${sql.ref(idColumn)} and ${startsWith("u", source, term)})`,
    );
    return sql`(${sql.join(anywhere, sql` or `)})`;
  });
  return sql<SqlBool>`${sql.join(each, sql` and `)}`;
}

async function searchPhone(ctx: RequestContext, phone: string, limit: number): Promise<SearchHit[]> {
  const accounts = await rows<AccountRow>(
    ctx,
    sql`select a.id, a.name, a.domains from accounts a where a.phone = ${phone} and ${visible(ctx, "a")}
      order by a.name, a.id limit ${sql.lit(limit)}`,
  );
  const contacts = await rows<ContactRow>(
    ctx,
    sql`select c.id, c.first_name, c.last_name, c.emails, c.job_title
      from contact_phones p join contacts c on c.id = p.contact_id
      where p.phone = ${phone} and ${visible(ctx, "c")}
      order by c.last_name, c.first_name, c.id limit ${sql.lit(limit)}`,
  );
  return [...accounts.map((row) => accountHit(row, "phone")), ...contacts.map((row) => contactHit(row, "phone"))].slice(
    0,
    limit,
  );
}

const visible = (ctx: RequestContext, alias: string) => visibleSqlOrAll(ctx.user, alias);

async function rows<Row>(ctx: RequestContext, query: RawBuilder<unknown>): Promise<Row[]> {
  return (await (query as RawBuilder<Row>).execute(ctx.reader)).rows;
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
