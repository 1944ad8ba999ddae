import { blockingKeys, findDuplicates, levelsOf, type MatchRecord, reasonsOf } from "@rapport/shared/matching";
import { normalizeEmail } from "@rapport/shared/normalize";
import type { Contact } from "@rapport/shared/schemas";
import { sql } from "kysely";
import { visibleSqlOrAll } from "../../records/access.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { contactMatchRecord } from "../contacts/contact-match.ts";
import { contactStore } from "../contacts/contacts.service.ts";

/** The best existing contact for an incoming row, and why. */
export interface ExistingMatch {
  contact: Contact;
  score: number;
  reasons: string[];
  /** Found by the exact rungs of the ladder (email, phone) rather than by the fuzzy score. */
  exact: boolean;
}

const BATCH = 500;
/** A key shared by more contacts than this (a common name in a big city) says little; skip it. */
const MAX_CONTACTS_PER_KEY = 200;

/**
 * The matching ladder against the database (DESIGN section 4), for many rows at once: exact email,
 * then exact phone, then a fuzzy score over the contacts that share a blocking key. Only contacts
 * the user may see are candidates: a row never merges into a record its author cannot see.
 */
export async function matchExisting(
  ctx: RequestContext,
  records: readonly MatchRecord[],
): Promise<(ExistingMatch | null)[]> {
  const visible = visibleSqlOrAll(ctx.user, "c");
  const byEmail = await idsByValue(
    ctx,
    "contact_emails",
    "email",
    unique(records.flatMap((r) => r.emails.map(normalizeEmail))),
    visible,
  );
  const byPhone = await idsByValue(ctx, "contact_phones", "phone", unique(records.flatMap((r) => r.phones)), visible);
  const keysOf = records.map((record) =>
    blockingKeys(record).filter((key) => !key.startsWith("e:") && !key.startsWith("p:")),
  );
  const byKey = await idsByValue(
    ctx,
    "contact_match_keys",
    "key",
    unique(keysOf.flat()),
    visible,
    MAX_CONTACTS_PER_KEY,
  );

  const candidateIds = new Set<string>();
  for (const ids of [...byEmail.values(), ...byPhone.values(), ...byKey.values()])
    for (const id of ids) candidateIds.add(id);
  const contacts = await contactStore.findMany(ctx.db, ctx.user, [...candidateIds]);
  const contactById = new Map(contacts.map((contact) => [contact.id, contact]));
  const newest = (ids: string[] | undefined) =>
    (ids ?? [])
      .map((id) => contactById.get(id))
      .filter((contact): contact is Contact => contact !== undefined)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];

  // Fuzzy scores for every row against its key-sharing contacts, with a model learned from them.
  const candidates = contacts.map(contactMatchRecord);
  const report = candidates.length
    ? findDuplicates([...records, ...candidates], { linkSplit: records.length, thresholds: { match: 1, review: 0.5 } })
    : null;
  const fuzzy = new Map<number, { contact: Contact; score: number; reasons: string[] }>();
  for (const pair of report?.pairs ?? []) {
    const contact = contacts[pair.b - records.length];
    if (!contact || (fuzzy.get(pair.a)?.score ?? 0) >= pair.probability) continue;
    fuzzy.set(pair.a, { contact, score: pair.probability, reasons: pair.reasons.map(reasonText) });
  }

  return records.map((record, index) => {
    for (const email of record.emails) {
      const contact = newest(byEmail.get(normalizeEmail(email)));
      if (contact) return { contact, score: 1, reasons: [`same email ${email}`], exact: true };
    }
    for (const phone of record.phones) {
      const contact = newest(byPhone.get(phone));
      if (contact) return { contact, score: 1, reasons: [`same phone ${phone}`], exact: true };
    }
    const match = fuzzy.get(index);
    if (!match) return null;
    // Explain against the chosen contact with the same model that scored it.
    const levels = report ? levelsOf(report.model.fields, record, contactMatchRecord(match.contact)) : null;
    const reasons = report && levels ? reasonsOf(report.model, levels).map(reasonText) : match.reasons;
    return { ...match, reasons, exact: false };
  });
}

export function reasonText(reason: { text: string; weight: number }): string {
  return `${reason.text} (${reason.weight >= 0 ? "+" : ""}${reason.weight.toFixed(1)})`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** For each value of a side table's column, the ids of the visible contacts that have it. */
async function idsByValue(
  ctx: RequestContext,
  table: "contact_emails" | "contact_phones" | "contact_match_keys",
  column: "email" | "phone" | "key",
  values: string[],
  visible: ReturnType<typeof visibleSqlOrAll>,
  maxPerValue = Number.POSITIVE_INFINITY,
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (let start = 0; start < values.length; start += BATCH) {
    const batch = values.slice(start, start + BATCH);
    // "cross join": SQLite then keeps the side table outermost, probing it by value. With a plain
    // join and no statistics it walked every visible contact through the owner and team indexes
    // instead (48 s a batch on 100k contacts). PostgreSQL plans both forms alike.
    const rows = await sql<{ value: string; id: string }>`
      select s.${sql.ref(column)} as value, s.contact_id as id
      from ${sql.table(table)} s cross join contacts c
      where c.id = s.contact_id and s.${sql.ref(column)} in (${sql.join(batch)}) and ${visible}`.execute(ctx.db);
    for (const row of rows.rows) {
      const ids = result.get(row.value);
      if (ids) ids.push(row.id);
      else result.set(row.value, [row.id]);
    }
  }
  for (const [value, ids] of result) if (ids.length > maxPerValue) result.delete(value);
  return result;
}
