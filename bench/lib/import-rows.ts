/**
 * The rows of the import benchmark, built from the fixture's own people so the matching has real
 * work: a tenth are contacts already in the database under the same email (half of them with a
 * new job title, so they merge rather than change nothing), a tenth are contacts typed again with
 * a typo in a name and no email or phone, only their company and address (the fuzzy rung), a
 * twentieth repeat a new person of the same file, and the rest are new people from the synthetic
 * generator (the fixture's generator past its last index, so nobody in the database).
 */

import Sqlite from "better-sqlite3";
import { type ContactInput, createSynthetic } from "../../server/src/demo/synthetic/index.ts";
import { FIXTURE_SEED } from "./fixture.ts";

export const IMPORT_HEADERS = [
  "Civility",
  "First name",
  "Last name",
  "Email",
  "Email 2",
  "Phone",
  "Mobile",
  "Company",
  "Job title",
  "Street",
  "Postcode",
  "City",
  "Country",
];

/** What each row is, for checking the dry run's decisions against it. */
export type Planted =
  /** `index`: the generator index of the contact the row was taken from (its rowid - 1). */
  | { kind: "exact"; index: number }
  | { kind: "fuzzy"; index: number }
  /** `of`: the row number of the other row of the pair, which may come first or second. */
  | { kind: "repeat"; of: number }
  | { kind: "new" };

export type ImportRows = { rows: string[][]; planted: Planted[] };

type Address = { lines: string[]; postcode: string | null; city: string | null; country: string | null };
type Person = {
  civility: string | null;
  firstName: string | null;
  lastName: string | null;
  emails: string[];
  phones: string[];
  company: string | null;
  jobTitle: string | null;
  address: Address | null;
};
type StoredRow = {
  rowid: number;
  civility: string | null;
  first_name: string | null;
  last_name: string | null;
  emails: string;
  phones: string;
  job_title: string | null;
  address: string | null;
  company: string | null;
};

const NEW_TITLES = ["Directeur commercial", "Responsable achats", "Chef de projet", "Head of Sales", "Gérante"];

function toCells(p: Person): string[] {
  const a = p.address;
  return [
    p.civility ?? "",
    p.firstName ?? "",
    p.lastName ?? "",
    p.emails[0] ?? "",
    p.emails[1] ?? "",
    p.phones[0] ?? "",
    p.phones[1] ?? "",
    p.company ?? "",
    p.jobTitle ?? "",
    a?.lines[0] ?? "",
    a?.postcode ?? "",
    a?.city ?? "",
    a?.country ?? "",
  ];
}

function stored(row: StoredRow): Person {
  return {
    civility: row.civility,
    firstName: row.first_name,
    lastName: row.last_name,
    emails: JSON.parse(row.emails) as string[],
    phones: JSON.parse(row.phones) as string[],
    company: row.company,
    jobTitle: row.job_title,
    address: row.address ? (JSON.parse(row.address) as Address) : null,
  };
}

/** A fixed stream of pseudo-random numbers (an LCG), so every run imports the same file. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4294967296;
  };
}

/** A slip of the keyboard inside a name: two letters swapped, one dropped or one doubled. */
function typo(name: string, random: () => number): string {
  if (name.length < 4) return `${name}${name.slice(-1)}`;
  const at = 1 + Math.floor(random() * (name.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return name.slice(0, at) + name.charAt(at + 1) + name.charAt(at) + name.slice(at + 2);
  if (kind === 1) return name.slice(0, at) + name.slice(at + 1);
  return name.slice(0, at) + name.charAt(at) + name.slice(at);
}

const capitalised = (email: string) =>
  email.replace(/(^|[.@-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());

/** `count` evenly spread items of `items`. */
function spread<T>(items: T[], count: number): T[] {
  if (items.length < count) throw new Error(`only ${items.length} candidates for ${count} rows`);
  return Array.from({ length: count }, (_, k) => items[Math.floor(((k + 0.5) * items.length) / count)] as T);
}

export function importRows(fixtureFile: string, contacts: number, total: number): ImportRows {
  const random = lcg(7_919);
  const exactCount = Math.round(total * 0.1);
  const fuzzyCount = Math.round(total * 0.1);
  const repeatCount = Math.round(total * 0.05);
  const newCount = total - exactCount - fuzzyCount - repeatCount;
  const db = new Sqlite(fixtureFile, { readonly: true });
  const columns = `c.rowid, c.civility, c.first_name, c.last_name, c.emails, c.phones, c.job_title, c.address,
    a.name as company from contacts c left join accounts a on a.id = c.account_id`;
  // Contacts with an address for the fuzzy rows (their postcode and city are what is left to match on)...
  const withAddress = (
    db.prepare(`select ${columns} where c.address is not null order by c.rowid`).all() as StoredRow[]
  ).filter((row) => row.first_name && row.last_name && (JSON.parse(row.address as string) as Address).postcode);
  const fuzzyPicks = spread(withAddress, fuzzyCount);
  const taken = new Set(fuzzyPicks.map((row) => row.rowid));
  // ...and any others for the exact-email rows.
  const byRowid = db.prepare(`select ${columns} where c.rowid = ?`);
  const exactPicks: StoredRow[] = [];
  for (let k = 0; exactPicks.length < exactCount; k++) {
    // Past the end (a contact without email was passed over), round again from the start.
    let rowid = 1 + (Math.floor(((k + 0.5) * contacts) / exactCount) % contacts);
    while (taken.has(rowid)) rowid = (rowid % contacts) + 1;
    const row = byRowid.get(rowid) as StoredRow | undefined;
    if (!row) throw new Error(`no contact at rowid ${rowid}`);
    if ((JSON.parse(row.emails) as string[]).length === 0) continue;
    taken.add(rowid);
    exactPicks.push(row);
  }
  db.close();

  const entries: { cells: string[]; planted: Planted }[] = [];
  exactPicks.forEach((row, k) => {
    const person = stored(row);
    const email = person.emails[0] as string;
    entries.push({
      cells: toCells({
        ...person,
        emails: [k % 3 === 0 ? email.toUpperCase() : k % 3 === 1 ? capitalised(email) : email],
        jobTitle: k % 2 === 0 ? (NEW_TITLES[k % NEW_TITLES.length] as string) : person.jobTitle,
      }),
      planted: { kind: "exact", index: row.rowid - 1 },
    });
  });
  fuzzyPicks.forEach((row, k) => {
    const person = stored(row);
    const [first, last] = [person.firstName as string, person.lastName as string];
    entries.push({
      cells: toCells({
        ...person,
        civility: null,
        firstName: k % 2 === 0 ? typo(first, random) : first,
        lastName: k % 2 === 1 ? typo(last, random) : last,
        emails: [],
        phones: [],
      }),
      planted: { kind: "fuzzy", index: row.rowid - 1 },
    });
  });

  // New people: the fixture's generator past its last contact, without planted duplicates.
  const gen = createSynthetic({ seed: FIXTURE_SEED, duplicateRate: 0 });
  const companies = new Map<number, string>();
  const fresh: Person[] = [];
  for (let k = 0; k < newCount; k++) {
    const c = gen.contact(contacts + k);
    const input: Omit<ContactInput, "accountId"> = c.input;
    let company: string | null = null;
    if (c.accountIndex !== null) {
      company = companies.get(c.accountIndex) ?? gen.account(c.accountIndex).input.name;
      companies.set(c.accountIndex, company);
    }
    fresh.push({
      civility: input.civility ?? null,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      emails: input.emails ?? [],
      phones: input.phones ?? [],
      company,
      jobTitle: input.jobTitle ?? null,
      address: (input.address as Address | null | undefined) ?? null,
    });
  }
  const firstNew = entries.length;
  for (const person of fresh) entries.push({ cells: toCells(person), planted: { kind: "new" } });
  // The same new person again: the surname in capitals, the address capitalised, no phone or title.
  const repeated = spread(
    fresh.map((person, k) => ({ person, k })).filter(({ person }) => person.emails.length > 0),
    repeatCount,
  );
  for (const { person, k } of repeated) {
    entries.push({
      cells: toCells({
        ...person,
        lastName: person.lastName?.toUpperCase() ?? null,
        emails: [capitalised(person.emails[0] as string)],
        phones: [],
        jobTitle: null,
      }),
      planted: { kind: "repeat", of: firstNew + k },
    });
  }

  // Shuffled (Fisher-Yates), then `repeat` points at the row number of its pair.
  const order = entries.map((_, k) => k);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const rowOf = new Map(order.map((entry, position) => [entry, position + 1]));
  return {
    rows: order.map((entry) => (entries[entry] as (typeof entries)[number]).cells),
    planted: order.map((entry) => {
      const planted = (entries[entry] as (typeof entries)[number]).planted;
      return planted.kind === "repeat" ? { kind: "repeat", of: rowOf.get(planted.of) as number } : planted;
    }),
  };
}
