import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Activity, Contact, Order, OrderLine, Product } from "@rapport/shared/schemas";
import Sqlite, { type Database, type Statement } from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { migrateToLatest } from "../../server/src/db/migrate.ts";
import type { Database as Tables } from "../../server/src/db/schema.ts";
import { createSynthetic } from "../../server/src/demo/synthetic/index.ts";
import { activityRecords } from "../../server/src/modules/activities/activities.repo.ts";
import { refreshContactFacts, SOLD_STATUSES } from "../../server/src/modules/contacts/contact-facts.ts";
import { contactRecords } from "../../server/src/modules/contacts/contacts.repo.ts";
import { orderRecords } from "../../server/src/modules/orders/orders.repo.ts";
import { productRecords } from "../../server/src/modules/products/products.repo.ts";
import { issueToken } from "../../server/src/modules/users/tokens.service.ts";
import { createTeam, createUser } from "../../server/src/modules/users/users.service.ts";
import type { RecordDefinition, RecordMeta } from "../../server/src/records/record-store.ts";
import { valuesList } from "../../server/src/records/side-rows.ts";
import { bulkWriter, type Owner } from "./bulk.ts";
import { CACHE_DIR, OWN_DOMAIN, sourcesHash } from "./fixture.ts";

/** What shapes the rows (the cache key hashes them, so a schema change rebuilds the database). */
const SHAPING_SOURCES = [
  "../../server/src/db/migrations/",
  "../../server/src/modules/accounts/accounts.repo.ts",
  "../../server/src/modules/activities/activities.repo.ts",
  "../../server/src/modules/contacts/contact-facts.ts",
  "../../server/src/modules/contacts/contacts.repo.ts",
  "../../server/src/modules/orders/orders.repo.ts",
  "../../server/src/modules/products/products.repo.ts",
  "./bulk.ts",
  "./marketing-fixture.ts",
];
const SEED = 20_250_601;
/** Contacts come in companies of this many: an order needs an account (orders.account_id is not null). */
const PER_ACCOUNT = 8;
/**
 * Contact side tables the segment bench never reads, left out because they are most of a
 * contact's write cost: contact_terms (search by name) and contact_match_keys (import matching).
 */
const SKIPPED_MIRRORS = new Set(["contact_terms", "contact_match_keys"]);

export type MarketingFixture = {
  file: string;
  contacts: number;
  orders: number;
  orderLines: number;
  activities: number;
  /** An admin's API token: segments count over everyone's contacts, RFM is an admin action. */
  token: string;
  userEmail: string;
  buildSeconds: number;
};

export async function marketingFixture(
  contacts: number,
  orders: number,
  log: (line: string) => void,
): Promise<MarketingFixture> {
  const size = `${contacts}-${orders}`;
  const base = join(CACHE_DIR, `marketing-${sourcesHash(SHAPING_SOURCES)}-${size}`);
  if (existsSync(`${base}.sqlite`) && existsSync(`${base}.json`)) {
    return JSON.parse(readFileSync(`${base}.json`, "utf8")) as MarketingFixture;
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  // Any other file of this size is from an older key: stale, and gigabytes at full size.
  const sameSize = new RegExp(`^marketing-.*-${size}(\\.building)?\\.(sqlite|json)(-wal|-shm)?$`);
  for (const name of readdirSync(CACHE_DIR)) if (sameSize.test(name)) rmSync(join(CACHE_DIR, name), { force: true });

  const started = performance.now();
  log(
    `building ${contacts.toLocaleString("en")} contacts, ${orders.toLocaleString("en")} orders into ${base}.sqlite (once)...`,
  );
  const building = `${base}.building.sqlite`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${building}${suffix}`, { force: true });
  const users = await prepareDatabase(building);
  const counts = fill(building, contacts, orders, users.owners, log);
  await checkFactsAgainstServer(building, log);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${building}${suffix}`, { force: true });
  renameSync(building, `${base}.sqlite`);
  const fixture: MarketingFixture = {
    file: `${base}.sqlite`,
    contacts,
    ...counts,
    token: users.token,
    userEmail: users.email,
    buildSeconds: (performance.now() - started) / 1000,
  };
  writeFileSync(`${base}.json`, JSON.stringify(fixture));
  log(`built in ${fixture.buildSeconds.toFixed(0)} s; later runs reuse it`);
  return fixture;
}

/** Migrated schema; two sales teams of three reps who own the records; an admin, whose token the bench uses. */
async function prepareDatabase(file: string): Promise<{ owners: Owner[]; token: string; email: string }> {
  const database = kyselyOn(file);
  await migrateToLatest(database.db as never);
  const owners: Owner[] = [];
  for (const name of ["Ventes Nord", "Ventes Sud"]) {
    const team = await createTeam(database.db, name);
    for (let k = 0; k < 3; k++) {
      const n = owners.length;
      const user = await createUser(database.db, {
        email: `rep${n}@${OWN_DOMAIN}`,
        name: `Rep ${n}`,
        role: "rep",
        teamId: team.id,
      });
      owners.push({ id: user.id, teamId: team.id });
    }
  }
  const email = `marketing@${OWN_DOMAIN}`;
  const admin = await createUser(database.db, { email, name: "Marketing", role: "admin", teamId: null });
  const { token } = await issueToken(database.db, { userId: admin.id, name: "bench", expiresAt: null });
  await database.close();
  return { owners, token, email };
}

/**
 * One plain connection for the server's functions. Not the server's connect(): its close leaves
 * the second (reader) connection open when nothing read through it, and the build that follows
 * then finds the database locked.
 */
function kyselyOn(file: string) {
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new Sqlite(file) }) });
  return { db, close: () => db.destroy() };
}

// ---------------------------------------------------------------------------------------------
// Writing.

type Row = Record<string, unknown>;
/** At most this many rows per INSERT: longer statements gain nothing, and stay far below 32,766 parameters. */
const ROWS_PER_INSERT = 500;

/**
 * Buffers rows per table and writes them ROWS_PER_INSERT at a time through one prepared multi-row
 * INSERT: a statement per row costs more than the row itself. Foreign keys are off while building,
 * so tables may be flushed in any order.
 */
function multiRowWriter(db: Database) {
  type Pending = { columns: string[]; values: unknown[]; full: Statement };
  const pending = new Map<string, Pending>();
  const insert = (table: string, columns: string[], rows: number) =>
    db.prepare(`insert into ${table} (${columns.join(", ")}) values ${valuesList(rows, columns.length, false)}`);
  const write = (table: string, p: Pending) => {
    const rows = p.values.length / p.columns.length;
    if (rows === 0) return;
    (rows === ROWS_PER_INSERT ? p.full : insert(table, p.columns, rows)).run(p.values);
    p.values = [];
  };
  return {
    add(table: string, row: Row): void {
      let p = pending.get(table);
      if (!p) {
        const columns = Object.keys(row);
        p = { columns, values: [], full: insert(table, columns, ROWS_PER_INSERT) };
        pending.set(table, p);
      }
      for (const column of p.columns) {
        const value = row[column];
        if (value === undefined) throw new Error(`${table}.${column} is missing from a row`);
        p.values.push(value);
      }
      if (p.values.length === ROWS_PER_INSERT * p.columns.length) write(table, p);
    },
    flush(): void {
      for (const [table, p] of pending) write(table, p);
    },
  };
}

/** A record as the record store writes it: its `toColumns` and meta, and the rows of its mirrors. */
function recordWriter(rows: ReturnType<typeof multiRowWriter>) {
  return <E extends RecordMeta>(def: RecordDefinition<E, E, never>, entity: E, skip?: Set<string>) => {
    // Meta added to the fresh toColumns object rather than spread into another: millions of rows.
    const row: Row = def.toColumns(entity);
    row.id = entity.id;
    row.created_at = entity.createdAt;
    row.updated_at = entity.updatedAt;
    row.version = entity.version;
    row.owner_id = entity.ownerId;
    row.team_id = entity.teamId;
    rows.add(def.table, row);
    for (const mirror of def.mirrors ?? []) {
      if (skip?.has(mirror.table)) continue;
      for (const side of mirror.rows(entity)) rows.add(mirror.table, side);
    }
  };
}

/**
 * Ids in newId's format (type prefix, creation time in base 36, 14 random base-36 characters), the
 * random part drawn from a seeded generator: crypto's randomBytes costs ~7 µs an id, most of a
 * minute over the fixture's 7M records.
 */
function idMaker() {
  const rng = random(SEED + 2);
  const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
  return (prefix: string) => {
    let id = `${prefix}_${Date.now().toString(36).padStart(9, "0")}`;
    for (let k = 0; k < 14; k++) id += ALPHABET[rng.int(36)];
    return id;
  };
}

const DAY_MS = 86_400_000;
const CONTACTS_PER_TRANSACTION = 20_000;

function fill(file: string, contacts: number, orders: number, owners: Owner[], log: (line: string) => void) {
  const db = new Sqlite(file);
  // No journal while building (a failed build is thrown away); WAL again at the end, as the server
  // sets it. SQLite leaves WAL only through a rollback mode.
  db.pragma("journal_mode = DELETE");
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -1048576");
  // Rows are consistent by construction, and their tables are flushed out of order (see multiRowWriter).
  db.pragma("foreign_keys = OFF");
  const now = Date.now();
  const rng = random(SEED);
  const rows = multiRowWriter(db);
  const record = recordWriter(rows);
  const newId = idMaker();
  const ownerOf = (account: number) => owners[account % owners.length] as Owner;
  const meta = (prefix: string, owner: Owner, at: string) => ({
    id: newId(prefix),
    createdAt: at,
    updatedAt: at,
    version: 1,
    ownerId: owner.id,
    teamId: owner.teamId,
  });
  let started = performance.now();
  const took = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  // Companies from the synthetic generator, through the bulk writer (a few per cent of the rows).
  const accounts = Math.ceil(contacts / PER_ACCOUNT);
  const gen = createSynthetic({ seed: SEED, now: new Date(now), duplicateRate: 0 });
  const bulk = bulkWriter(db);
  const accountIds: string[] = [];
  const accountDomains: string[] = [];
  db.transaction(() => {
    for (let a = 0; a < accounts; a++) {
      const { input } = gen.account(a);
      const at = new Date(now - (5 * 365 - (a * 5 * 365) / accounts) * DAY_MS).toISOString();
      accountIds.push(bulk.account(input, ownerOf(a), at));
      accountDomains.push(input.domains?.[0] ?? "example.fr");
    }
  })();
  log(`  ${accounts.toLocaleString("en")} accounts (${took()})`);

  const products = writeProducts(rows, record, () => meta("prd", owners[0] as Owner, new Date(now).toISOString()));
  const orderCounts = ordersPerContact(contacts, orders);

  started = performance.now();
  let orderCount = 0;
  let lineCount = 0;
  let activityCount = 0;
  const writeContacts = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const a = Math.floor(i / PER_ACCOUNT);
      const owner = ownerOf(a);
      const createdAt = new Date(now - rng.between(30, 5 * 365) * DAY_MS).toISOString();
      const contact: Contact = {
        ...meta("con", owner, createdAt),
        ...contactFields(rng, i, accountDomains[a] as string, now),
        accountId: accountIds[a] as string,
      };
      record(contactRecords, contact, SKIPPED_MIRRORS);

      for (let k = 0; k < (orderCounts[i] as number); k++) {
        const order = orderOf(rng, products, now, newId("ord"), contact, ++orderCount);
        record(orderRecords, order);
        lineCount += order.lines.length;
      }

      // Calls and mails logged with 45% of contacts, more recent for buyers: "last activity".
      const activities = rng.chance(0.45) ? 1 + rng.int(3) : 0;
      for (let k = 0; k < activities; k++) {
        const occurredAt = new Date(now - daysAgo(rng, (orderCounts[i] as number) > 0 ? 1.6 : 1.1) * DAY_MS);
        record(activityRecords, activityOf(rng, contact, newId("act"), occurredAt.toISOString()));
        activityCount++;
      }
    }
    rows.flush();
  });
  const indexes = dropIndexes(db, BULK_TABLES);
  for (let from = 0; from < contacts; from += CONTACTS_PER_TRANSACTION) {
    const to = Math.min(contacts, from + CONTACTS_PER_TRANSACTION);
    writeContacts(from, to);
    if ((from / CONTACTS_PER_TRANSACTION) % 10 === 9 || to === contacts) {
      log(`  contacts: ${to.toLocaleString("en")}, orders: ${orderCount.toLocaleString("en")} (${took()})`);
    }
  }
  started = performance.now();
  for (const index of indexes) db.exec(index);
  log(`  ${indexes.length} indexes created again (${took()})`);

  started = performance.now();
  fillFacts(db);
  log(`  order and activity facts: one UPDATE each (${took()})`);
  db.pragma("journal_mode = WAL");
  db.close();
  return { orders: orderCount, orderLines: lineCount, activities: activityCount };
}

/** The tables written a row per contact or more. */
const BULK_TABLES = [
  "contacts",
  "contact_emails",
  "contact_phones",
  "contact_facts",
  "orders",
  "order_lines",
  "activities",
  "activity_contacts",
];

/**
 * Drops the migrations' secondary indexes of `tables` and answers their CREATE statements, to run
 * once the rows are in: building an index from all its rows is much faster than keeping it up to
 * date row by row (order_lines_product, 60 keys each taking rows at its end: ~4 µs a row). The
 * indexes of primary keys and unique columns stay; the schema ends as the migrations made it.
 */
function dropIndexes(db: Database, tables: string[]): string[] {
  const indexes = db
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null
      and tbl_name in (select value from json_each(?))`)
    .all(JSON.stringify(tables)) as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) db.exec(`drop index "${name}"`);
  return indexes.map((index) => index.sql);
}

/**
 * The order and activity facts of every contact at once, from an aggregate of its orders and
 * activities: the same sums as refreshContactFacts, without a million correlated subqueries.
 * Contacts without any keep the table's defaults (0 and null), as there.
 */
function fillFacts(db: Database): void {
  const sold = SOLD_STATUSES.map((status) => `'${status}'`).join(", ");
  db.exec(`update contact_facts set order_count = s.n, order_total = s.total, first_order_at = s.first,
      last_order_at = s.last
    from (select contact_id, count(*) as n, sum(total) as total, min(ordered_at) as first, max(ordered_at) as last
      from orders where status in (${sold}) and contact_id is not null group by contact_id) s
    where s.contact_id = contact_facts.contact_id`);
  db.exec(`update contact_facts set last_activity_at = s.last
    from (select contact_id, max(occurred_at) as last from activity_contacts group by contact_id) s
    where s.contact_id = contact_facts.contact_id`);
}

/**
 * The proof that the set-based UPDATE wrote what the server writes: refreshContactFacts run on a
 * spread of contacts must change nothing. And every contact has its facts row.
 */
async function checkFactsAgainstServer(file: string, log: (line: string) => void): Promise<void> {
  const db = new Sqlite(file, { readonly: true });
  const count = (table: string) => db.prepare(`select count(*) from ${table}`).pluck().get() as number;
  const [contacts, facts] = [count("contacts"), count("contact_facts")];
  if (contacts !== facts) throw new Error(`${facts} contact_facts rows for ${contacts} contacts`);
  const sample = db
    .prepare("select contact_id from contact_facts where abs(random()) % ? = 0 limit 500")
    .pluck()
    .all(Math.max(1, Math.floor(contacts / 500))) as string[];
  const read = db.prepare(`select * from contact_facts where contact_id in (select value from json_each(?))
    order by contact_id`);
  const before = JSON.stringify(read.all(JSON.stringify(sample)));
  db.close();
  const database = kyselyOn(file);
  try {
    await database.db.transaction().execute((tx) => refreshContactFacts(tx, sample));
  } finally {
    await database.close();
  }
  const again = new Sqlite(file, { readonly: true });
  const after = JSON.stringify(again.prepare(read.source).all(JSON.stringify(sample)));
  again.close();
  if (before !== after) throw new Error("the bulk order facts differ from what refreshContactFacts computes");
  log(`  facts of ${sample.length} contacts checked against refreshContactFacts`);
}

// ---------------------------------------------------------------------------------------------
// What the rows hold.

type Random = ReturnType<typeof random>;

/** A small seeded generator (mulberry32): the same database on every build. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min: number, max: number) => min + int(max - min + 1),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[int(items.length)] as T,
  };
}

/** A picker over weighted choices. */
function weighted<T>(choices: ReadonlyArray<readonly [T, number]>): (rng: Random) => T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  return (rng) => {
    let x = rng.next() * total;
    for (const [value, weight] of choices) {
      x -= weight;
      if (x < 0) return value;
    }
    return (choices.at(-1) as readonly [T, number])[0];
  };
}

/** Days back within three years, skewed towards recent ones by `skew` (1: uniform). */
const daysAgo = (rng: Random, skew: number) => Math.floor(3 * 365 * rng.next() ** skew);

const FIRST_NAMES: ReadonlyArray<readonly [string, "M." | "Mme"]> = [
  ["Jean", "M."],
  ["Marie", "Mme"],
  ["Pierre", "M."],
  ["Sophie", "Mme"],
  ["Nicolas", "M."],
  ["Isabelle", "Mme"],
  ["Thomas", "M."],
  ["Camille", "Mme"],
  ["Julien", "M."],
  ["Nathalie", "Mme"],
  ["François", "M."],
  ["Hélène", "Mme"],
  ["Laurent", "M."],
  ["Céline", "Mme"],
  ["Olivier", "M."],
  ["Émilie", "Mme"],
];
const LAST_NAMES = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefèvre",
  "Michel",
  "Garcia",
  "David",
  "Bertrand",
  "Roux",
  "Vincent",
  "Fournier",
  "Morel",
  "Girard",
  "André",
  "Mercier",
];
const ascii = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
const PERSONAL_DOMAINS = ["gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr", "outlook.com"];

type Place = { country: string; city: string; postcode: (rng: Random) => string; mobile: string; digits: number };
const digits = (rng: Random, n: number) => String(rng.int(10 ** n)).padStart(n, "0");
const fr = (city: string, department: string, weight: number): readonly [Place, number] => [
  {
    country: "FR",
    city,
    // Paris by arrondissement; elsewhere the city's département and any three digits.
    postcode: (rng) =>
      department === "75" ? `750${String(rng.between(1, 20)).padStart(2, "0")}` : `${department}${digits(rng, 3)}`,
    mobile: "+336",
    digits: 8,
  },
  weight,
];
const abroad = (country: string, city: string, postcode: string, mobile: string, n: number, weight: number) =>
  [{ country, city, postcode: () => postcode, mobile, digits: n }, weight] as const;
/** Mostly France (Paris and the big cities heavier), then its neighbours. */
const PLACE = weighted<Place>([
  fr("Paris", "75", 12),
  fr("Lyon", "69", 6),
  fr("Marseille", "13", 5),
  fr("Toulouse", "31", 4),
  fr("Bordeaux", "33", 4),
  fr("Lille", "59", 4),
  fr("Nantes", "44", 3),
  fr("Strasbourg", "67", 3),
  fr("Montpellier", "34", 3),
  fr("Rennes", "35", 3),
  fr("Nice", "06", 3),
  fr("Grenoble", "38", 2),
  fr("Nanterre", "92", 4),
  fr("Versailles", "78", 3),
  fr("Créteil", "94", 3),
  fr("Saint-Denis", "93", 2),
  fr("Rouen", "76", 2),
  fr("Dijon", "21", 2),
  fr("Tours", "37", 2),
  fr("Angers", "49", 2),
  fr("Clermont-Ferrand", "63", 2),
  fr("Reims", "51", 2),
  abroad("BE", "Bruxelles", "1000", "+324", 8, 4),
  abroad("BE", "Liège", "4000", "+324", 8, 1.5),
  abroad("CH", "Genève", "1201", "+417", 8, 2.5),
  abroad("CH", "Lausanne", "1003", "+417", 8, 1.5),
  abroad("DE", "Berlin", "10115", "+4915", 9, 2),
  abroad("DE", "München", "80331", "+4915", 9, 1.5),
  abroad("GB", "London", "SW1A 1AA", "+447", 9, 2.5),
  abroad("ES", "Madrid", "28001", "+346", 8, 1.2),
  abroad("IT", "Milano", "20121", "+393", 9, 1),
  abroad("LU", "Luxembourg", "L-1111", "+3526", 8, 1),
]);
const STREETS = [
  "rue de la République",
  "avenue Jean Jaurès",
  "rue Victor Hugo",
  "boulevard Pasteur",
  "place du Marché",
];
/** Lead sources as typed (segments fold them), none for a fifth. */
const SOURCE = weighted<string | null>([
  ["salon", 16],
  ["Salon", 4],
  ["web", 24],
  ["Web", 6],
  ["referral", 12],
  ["phoning", 8],
  ["partner", 6],
  ["import", 4],
  [null, 20],
]);
const TAGS: ReadonlyArray<readonly [string, number]> = [
  ["newsletter", 0.35],
  ["b2b", 0.25],
  ["salon-2025", 0.12],
  ["salon-2024", 0.1],
  ["décideur", 0.08],
  ["black-friday", 0.07],
  ["fidèle", 0.06],
  ["prescripteur", 0.05],
  ["vip", 0.03],
];
type ConsentStatus = Contact["consent"]["email"]["status"];
const consentOf = (optedIn: number, optedOut: number) =>
  weighted<ConsentStatus>([
    ["opted_in", optedIn],
    ["opted_out", optedOut],
    ["unknown", 100 - optedIn - optedOut],
  ]);
const CONSENT = { email: consentOf(45, 10), phone: consentOf(25, 10), sms: consentOf(20, 10), post: consentOf(30, 5) };
const CONSENT_SOURCES = ["formulaire web", "salon", "bon de commande", "téléphone"];
const JOB_TITLES = ["Directeur achats", "Responsable technique", "Gérant", "Office manager", "Architecte"];

function contactFields(rng: Random, i: number, domain: string, now: number): Omit<Contact, keyof RecordMeta> {
  const [firstName, civility] = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const place = PLACE(rng);
  const local = `${ascii(firstName)}.${ascii(lastName)}`;
  const emails: string[] = [];
  // 92% reachable by mail, at work or at home (the index keeps the addresses distinct).
  if (rng.chance(0.92))
    emails.push(rng.chance(0.6) ? `${local}${i}@${domain}` : `${local}${i}@${rng.pick(PERSONAL_DOMAINS)}`);
  if (rng.chance(0.1)) emails.push(`${local.charAt(0)}${ascii(lastName)}${i}@${rng.pick(PERSONAL_DOMAINS)}`);
  const phones = rng.chance(0.7) ? [`${place.mobile}${digits(rng, place.digits)}`] : [];
  const postcode = place.postcode(rng);
  const stamp = () => new Date(now - rng.between(1, 1500) * DAY_MS).toISOString();
  const channel = (status: ConsentStatus) =>
    status === "unknown"
      ? { status, at: null, source: null }
      : { status, at: stamp(), source: rng.pick(CONSENT_SOURCES) };
  return {
    civility,
    firstName,
    lastName,
    emails,
    phones,
    jobTitle: rng.chance(0.5) ? rng.pick(JOB_TITLES) : null,
    birthDate: null,
    accountId: null,
    address: rng.chance(0.95)
      ? {
          lines: [`${rng.between(1, 120)} ${rng.pick(STREETS)}`],
          // Some typed with a space ("75 011"), as people do; the facts fold it away.
          postcode:
            place.country === "FR" && rng.chance(0.05) ? `${postcode.slice(0, 2)} ${postcode.slice(2)}` : postcode,
          city: place.city,
          region: null,
          country: place.country,
        }
      : null,
    source: SOURCE(rng),
    firstContactAt: null,
    firstSaleAt: null,
    discountRate: null,
    tags: TAGS.filter(([, p]) => rng.chance(p)).map(([tag]) => tag),
    consent: {
      email: channel(CONSENT.email(rng)),
      phone: channel(CONSENT.phone(rng)),
      sms: channel(CONSENT.sms(rng)),
      post: channel(CONSENT.post(rng)),
    },
    doNotContact: rng.chance(0.02),
  };
}

type CatalogueProduct = { id: string; listPrice: number; maxQuantity: number };
const CATEGORIES = [
  { category: "furniture", weight: 25, price: [180, 2400], maxQuantity: 4 },
  { category: "lighting", weight: 20, price: [40, 600], maxQuantity: 10 },
  { category: "software", weight: 20, price: [90, 1200], maxQuantity: 20 },
  { category: "training", weight: 15, price: [350, 1800], maxQuantity: 3 },
  { category: "service", weight: 20, price: [120, 900], maxQuantity: 1 },
] as const;
const PRODUCTS_PER_CATEGORY = 12;

/** 60 products, 12 per category, the first of each selling most. */
function writeProducts(
  rows: ReturnType<typeof multiRowWriter>,
  record: ReturnType<typeof recordWriter>,
  meta: () => RecordMeta,
): (rng: Random) => CatalogueProduct {
  const byCategory = CATEGORIES.map(({ category, weight, price: [low, high], maxQuantity }) => {
    const items: Array<readonly [CatalogueProduct, number]> = [];
    for (let k = 0; k < PRODUCTS_PER_CATEGORY; k++) {
      const listPrice = Math.round(low + ((high - low) * ((k * 7) % PRODUCTS_PER_CATEGORY)) / PRODUCTS_PER_CATEGORY);
      const product: Product = {
        ...meta(),
        code: `${category.slice(0, 3).toUpperCase()}-${String(k + 1).padStart(3, "0")}`,
        name: `${category} ${k + 1}`,
        listPrice,
        currency: "EUR",
        category,
        warrantyMonths: category === "furniture" || category === "lighting" ? 24 : 0,
        active: true,
      };
      record(productRecords, product);
      items.push([{ id: product.id, listPrice, maxQuantity }, 1 / (k + 1)]);
    }
    return [weighted(items), weight] as const;
  });
  rows.flush();
  const category = weighted(byCategory);
  return (rng) => category(rng)(rng);
}

/**
 * How many orders each contact has: ~30% none; of the buyers, 45% once, the others by a
 * heavy-tailed weight (a few buy hundreds of times), rounded so the total is exactly `orders`.
 */
function ordersPerContact(contacts: number, orders: number): Int32Array {
  const rng = random(SEED + 1);
  const weights = new Float64Array(contacts).fill(-1);
  let buyers = 0;
  let total = 0;
  for (let i = 0; i < contacts; i++) {
    if (!rng.chance(0.7)) continue;
    buyers++;
    // Lomax (Pareto II, shape 1.3), capped so no one contact holds a noticeable share of the orders.
    const w = rng.chance(0.45) ? 0 : Math.min(60, (1 - rng.next()) ** (-1 / 1.3) - 1);
    weights[i] = w;
    total += w;
  }
  if (buyers > orders) throw new Error(`${orders} orders cannot give ${buyers} buyers one each`);
  const extra = orders - buyers;
  const counts = new Int32Array(contacts);
  let cumulative = 0;
  let given = 0;
  let last = -1;
  for (let i = 0; i < contacts; i++) {
    const w = weights[i] as number;
    if (w < 0) continue;
    const before = Math.floor((cumulative * extra) / total);
    cumulative += w;
    counts[i] = 1 + Math.floor((cumulative * extra) / total) - before;
    given += counts[i] as number;
    last = i;
  }
  // Floating point may leave an order or two over or under: the last buyer takes up the difference.
  if (last >= 0) counts[last] = (counts[last] as number) + orders - given;
  return counts;
}

const STATUS = weighted<Order["status"]>([
  ["delivered", 65],
  ["confirmed", 24],
  ["draft", 5],
  ["cancelled", 6],
]);
const DISCOUNT = weighted([
  [0, 70],
  [5, 20],
  [10, 10],
]);
/** Amounts in whole cents, as the order service computes them (server/src/modules/orders/orders.service.ts). */
const toCents = (amount: number) => Math.round(amount * 100);

/** An order of `contact`'s, written as a literal: spreading five million of them shows in the build time. */
function orderOf(
  rng: Random,
  product: (rng: Random) => CatalogueProduct,
  now: number,
  id: string,
  contact: Contact,
  n: number,
): Order {
  const lines: OrderLine[] = [];
  const count = 1 + rng.int(3);
  for (let k = 0; k < count; k++) {
    const p = product(rng);
    const quantity = 1 + rng.int(p.maxQuantity);
    const discountRate = DISCOUNT(rng);
    const lineTotal = Math.round((quantity * toCents(p.listPrice) * (100 - discountRate)) / 100) / 100;
    lines.push({ productId: p.id, quantity, unitPrice: p.listPrice, discountRate, lineTotal });
  }
  // A growing business: more orders lately.
  const orderedAt = new Date(now - daysAgo(rng, 1.4) * DAY_MS).toISOString().slice(0, 10);
  const at = `${orderedAt}T09:00:00.000Z`;
  return {
    id,
    createdAt: at,
    updatedAt: at,
    version: 1,
    ownerId: contact.ownerId,
    teamId: contact.teamId,
    accountId: contact.accountId as string,
    contactId: contact.id,
    orderedAt,
    reference: `CMD-${orderedAt.slice(0, 4)}-${String(n).padStart(7, "0")}`,
    status: STATUS(rng),
    currency: "EUR",
    total: lines.reduce((sum, line) => sum + toCents(line.lineTotal), 0) / 100,
    lines,
  };
}

const ACTIVITY = weighted<[Activity["type"], Activity["direction"], string]>([
  [["call", "out", "Appel de suivi"], 4],
  [["email", "out", "Votre devis"], 3],
  [["email", "in", "RE: Votre devis"], 2],
  [["meeting", null, "Rendez-vous showroom"], 1],
]);

function activityOf(rng: Random, contact: Contact, id: string, occurredAt: string): Activity {
  const [type, direction, subject] = ACTIVITY(rng);
  return {
    id,
    createdAt: occurredAt,
    updatedAt: occurredAt,
    version: 1,
    ownerId: contact.ownerId,
    teamId: contact.teamId,
    type,
    direction,
    subject,
    bodyText: null,
    occurredAt,
    endsAt: null,
    location: null,
    participants: [
      {
        address: contact.emails[0] ?? null,
        name: `${contact.firstName} ${contact.lastName}`,
        role: "to",
        contactId: contact.id,
      },
    ],
    accountId: contact.accountId,
    opportunityId: null,
    caseId: null,
    externalIds: {},
    loggedBy: contact.ownerId,
  };
}
