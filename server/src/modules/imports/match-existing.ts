import { MATCH_THRESHOLDS, type MatchRecord, namesDiffer } from "@rapport/shared/matching";
import { normalizeEmail } from "@rapport/shared/normalize";
import type { Contact } from "@rapport/shared/schemas";
import { sql } from "kysely";
import { joinedValues } from "../../db/joined-values.ts";
import type { RequestContext } from "../../records/request-context.ts";
import {
  contactMatchRecord,
  type MatchedColumns,
  matchedFieldsOfRow,
  storedMatchKeys,
} from "../contacts/contact-match.ts";
import { contactStore } from "../contacts/contacts.service.ts";
import { yieldToOtherRequests } from "./apply.ts";
import { runEngineTask } from "./engine-thread.ts";
import { mapInSlices } from "./map-in-slices.ts";
import { mostCounted } from "./most-counted.ts";

/** The best existing contact for an incoming row, and why. */
export interface ExistingMatch {
  contact: Contact;
  score: number;
  reasons: string[];
  /** Found by the exact rungs of the ladder (email, phone) rather than by the fuzzy score. */
  exact: boolean;
  /** Found only by a shared phone, under another name: never merged without a person's say. */
  doubtful: boolean;
}

/** Values per IN list: few statements, well under both databases' parameter limits. */
const BATCH = 2000;
/** A key shared by more contacts than this (a common name in a big city) says little; skip it. */
const MAX_CONTACTS_PER_KEY = 200;
/** A key shared with this few contacts (a rare name in a village) is worth two common ones. */
const RARE_KEY = 5;
/** The stored contacts scored against one row at most: those that share the most keys with it. */
const CANDIDATES_PER_ROW = 10;

/** A stored contact in its comparison form: candidates are many, so only what matching reads. */
interface StoredMatch {
  id: string;
  updatedAt: string;
  record: MatchRecord;
}

type Stored = Map<string, StoredMatch>;

/**
 * The matching ladder against the database (DESIGN section 4), for many rows at once: exact email,
 * then exact phone, then a fuzzy score over the contacts that share the most blocking keys with
 * the row. Only contacts the user may see are candidates: a row never merges into a record its
 * author cannot see.
 */
export async function matchExisting(
  ctx: RequestContext,
  records: readonly MatchRecord[],
): Promise<(ExistingMatch | null)[]> {
  const byEmail = await idsByValue(
    ctx,
    "contact_emails",
    "email",
    records.flatMap((r) => r.emails.map(normalizeEmail)),
  );
  const byPhone = await idsByValue(
    ctx,
    "contact_phones",
    "phone",
    records.flatMap((r) => r.phones),
  );
  const stored: Stored = await storedMatches(ctx, [...byEmail.values(), ...byPhone.values()].flat());
  const newestFirst = (ids: string[] | undefined) =>
    (ids ?? [])
      .map((id) => stored.get(id))
      .filter((match): match is StoredMatch => match !== undefined)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  type Found = { id: string; reasons: string[] };
  // A phone shared under another name (a switchboard, a household, a number passed on) is a
  // question for a person, and only if nothing better turns up.
  const doubtful: (Found | null)[] = records.map(() => null);
  const exact = records.map((record, index): Found | null => {
    for (const email of record.emails) {
      const [match] = newestFirst(byEmail.get(normalizeEmail(email)));
      if (match) return { id: match.id, reasons: [`same email ${email}`] };
    }
    for (const phone of record.phones) {
      const sharing = newestFirst(byPhone.get(phone));
      const match = sharing.find((candidate) => !namesDiffer(record, candidate.record));
      if (match) return { id: match.id, reasons: [`same phone ${phone}`] };
      const [other] = sharing;
      if (other && !doubtful[index])
        doubtful[index] = { id: other.id, reasons: [`same phone ${phone}`, "another name: review before merging"] };
    }
    return null;
  });

  const fuzzyRows = records.flatMap((_, index) => (exact[index] ? [] : [index]));
  const fuzzy = await fuzzyMatches(ctx, records, fuzzyRows, stored);

  // Whole records only for the contacts rows go to (a contact deleted meanwhile matches no row).
  const chosen = [
    ...[...exact, ...doubtful].flatMap((found) => (found ? [found.id] : [])),
    ...[...fuzzy.values()].map((m) => m.id),
  ];
  const contacts = new Map<string, Contact>();
  for (let start = 0; start < chosen.length; start += BATCH) {
    const batch = await contactStore.findMany(ctx.db, ctx.user, [...new Set(chosen.slice(start, start + BATCH))]);
    for (const contact of batch) contacts.set(contact.id, contact);
    await yieldToOtherRequests();
  }
  return records.map((_, index) => {
    const found = exact[index];
    const scored = fuzzy.get(index);
    // The doubtful phone match stands only where the fuzzy rung found nothing worth a review.
    const asked = !found && (scored?.score ?? 0) < MATCH_THRESHOLDS.review ? (doubtful[index] ?? null) : null;
    const match = found ? { ...found, score: 1 } : asked ? { ...asked, score: 1 } : scored;
    const contact = match && contacts.get(match.id);
    if (!contact) return null;
    return { contact, score: match.score, reasons: match.reasons, exact: found !== null, doubtful: asked !== null };
  });
}

/**
 * The fuzzy rung: each row's candidates are the visible contacts that share at least two of its
 * blocking keys (or both its names, or one rare key), the most first; one model, learned from
 * these pairs, scores them all. A typo breaks the keys built on the word it hits, so a returning
 * contact keeps the others (its other name, its postcode), while a stranger who shares one common
 * key is not read.
 */
async function fuzzyMatches(
  ctx: RequestContext,
  records: readonly MatchRecord[],
  rows: number[],
  stored: Stored,
): Promise<Map<number, { id: string; score: number; reasons: string[] }>> {
  const keysOf = rows.map((index) => storedMatchKeys(records[index]!));
  const byKey = await idsByValue(ctx, "contact_match_keys", "key", keysOf.flat(), MAX_CONTACTS_PER_KEY);
  const chosen = await mostSharedKeys(keysOf, byKey);
  for (const [id, match] of await storedMatches(ctx, chosen.flat())) stored.set(id, match);

  // Rows first, then the stored contacts: pairs run across the split, as scoreCandidates expects.
  const candidates = [...new Set(chosen.flat())].flatMap((id) => stored.get(id) ?? []);
  const position = new Map(candidates.map((candidate, k) => [candidate.id, records.length + k]));
  const left: number[] = [];
  const right: number[] = [];
  rows.forEach((index, r) => {
    for (const id of chosen[r]!) {
      const at = position.get(id);
      if (at === undefined) continue;
      left.push(index);
      right.push(at);
    }
  });
  const result = new Map<number, { id: string; score: number; reasons: string[] }>();
  const all = [...records, ...candidates.map((candidate) => candidate.record)];
  const links = await runEngineTask(
    "bestLinks",
    { records: all, rows: records.length, left: Uint32Array.from(left), right: Uint32Array.from(right) },
    left.length,
  );
  for (const link of links) {
    result.set(link.row, { id: candidates[link.candidate]!.id, score: link.score, reasons: link.reasons });
  }
  return result;
}

/**
 * What sharing a key is worth: two for a rare one, or for both names (n:), which a contact with no
 * address has as its only key; one for a name with a place (fp:, lp:, lc:...).
 */
function weightOf(key: string, holders: number): number {
  return holders <= RARE_KEY || key.startsWith("n:") ? 2 : 1;
}

/**
 * For each row, the contacts that share the most of its keys (weighing at least two, weightOf),
 * at most CANDIDATES_PER_ROW. Contacts are numbered as first met, so the tally of tens of
 * millions of shared keys runs on an array of counts, cleared by a second pass over the same keys.
 */
async function mostSharedKeys(keysOf: string[][], byKey: Map<string, string[]>): Promise<string[][]> {
  const ids: string[] = [];
  const numbers = new Map<string, number>();
  const numbered = new Map(
    await mapInSlices([...byKey], ([key, keyIds]) => {
      const sharing = new Int32Array(keyIds.length);
      keyIds.forEach((id, k) => {
        let n = numbers.get(id);
        if (n === undefined) {
          n = ids.length;
          ids.push(id);
          numbers.set(id, n);
        }
        sharing[k] = n;
      });
      return [key, sharing] as const;
    }),
  );
  const counts = new Uint16Array(ids.length);
  return mapInSlices(keysOf, (keys) => {
    const shared = keys.flatMap((key) => {
      const sharing = numbered.get(key);
      return sharing ? [{ sharing, weight: weightOf(key, sharing.length) }] : [];
    });
    const lists = shared.map(({ sharing }) => sharing);
    const hits: number[] = [];
    for (const { sharing, weight } of shared) {
      for (const n of sharing) {
        const before = counts[n]!;
        counts[n] = before + weight;
        if (before < 2 && before + weight >= 2) hits.push(n);
      }
    }
    const best = mostCounted(hits, counts, CANDIDATES_PER_ROW).map((n) => ids[n]!);
    for (const sharing of lists) for (const n of sharing) counts[n] = 0;
    return best;
  });
}

/**
 * For each value of a side table's column, the ids of the contacts that have it (visible or not:
 * storedMatches checks that), one row per value. Values held by more than `maxPerValue` contacts
 * are left out in SQL, so a key half the city shares costs a count, not hundreds of rows.
 */
async function idsByValue(
  ctx: RequestContext,
  table: "contact_emails" | "contact_phones" | "contact_match_keys",
  column: "email" | "phone" | "key",
  values: string[],
  maxPerValue = Number.MAX_SAFE_INTEGER,
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  const distinct = [...new Set(values)];
  const ref = sql.ref(column);
  for (let start = 0; start < distinct.length; start += BATCH) {
    const rows = await sql<{ value: string; ids: string }>`
      select ${ref} as value, ${joinedValues(ctx.db, "contact_id")} as ids from ${sql.table(table)}
      where ${ref} in (${sql.join(distinct.slice(start, start + BATCH))})
      group by ${ref} having count(*) <= ${maxPerValue}`.execute(ctx.db);
    for (const row of rows.rows) result.set(row.value, row.ids.split(","));
    await yieldToOtherRequests();
  }
  return result;
}

/** The columns a stored contact is compared by (contactAsRow), and when it last changed. */
const MATCHED_COLUMNS = ["updated_at", "first_name", "last_name", "emails", "phones", "address", "birth_date"];

/** The visible contacts among `ids` in their comparison form, read without the rest of each record. */
async function storedMatches(ctx: RequestContext, ids: string[]): Promise<Stored> {
  const distinct = [...new Set(ids)];
  const stored: Stored = new Map();
  for (let start = 0; start < distinct.length; start += BATCH) {
    const rows = await contactStore.visibleRows(
      ctx.db,
      ctx.user,
      distinct.slice(start, start + BATCH),
      MATCHED_COLUMNS,
    );
    const records = await mapInSlices(rows, (row) =>
      contactMatchRecord(matchedFieldsOfRow(row as unknown as MatchedColumns)),
    );
    rows.forEach((row, k) => {
      const id = row.id as string;
      stored.set(id, { id, updatedAt: row.updated_at as string, record: records[k]! });
    });
    await yieldToOtherRequests();
  }
  return stored;
}
