/**
 * The benchmark database: N synthetic contacts (5% planted duplicates) in N/8 companies, and on
 * 2,000 of them the deals, cases and history a lookup returns. Built once with the bulk writer
 * and kept under bench/.cache, keyed by generator version, bulk-writer version and size.
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeEmail } from "@rapport/shared/normalize";
import {
  AccountCreate,
  ActivityCreate,
  CaseCreate,
  CLOSED_STAGES,
  ContactCreate,
  OpportunityCreate,
  type Role,
} from "@rapport/shared/schemas";
import Sqlite from "better-sqlite3";
import { testConfig } from "../../server/src/config.ts";
import { connect } from "../../server/src/db/connect.ts";
import { migrateToLatest } from "../../server/src/db/migrate.ts";
import { createSynthetic, SYNTHETIC_VERSION, type Synthetic } from "../../server/src/demo/synthetic/index.ts";
import { actingAs } from "../../server/src/http/context.ts";
import { accountService } from "../../server/src/modules/accounts/accounts.service.ts";
import { activityService } from "../../server/src/modules/activities/activities.service.ts";
import { caseService } from "../../server/src/modules/cases/cases.service.ts";
import { contactService } from "../../server/src/modules/contacts/contacts.service.ts";
import { opportunityService } from "../../server/src/modules/opportunities/opportunities.service.ts";
import { issueToken } from "../../server/src/modules/users/tokens.service.ts";
import { createTeam, createUser } from "../../server/src/modules/users/users.service.ts";
import { type BulkWriter, bulkWriter, type Owner } from "./bulk.ts";

/**
 * What shapes the rows besides the generator (which has its own version): the migrations, the
 * repo mappings the bulk writer reuses, the derivation of the stored blocking keys, and this
 * code. The cache key hashes them, so a schema change rebuilds the database instead of
 * benchmarking a stale one.
 */
const SHAPING_SOURCES = [
  "../../server/src/db/migrations/",
  "../../server/src/modules/accounts/accounts.repo.ts",
  "../../server/src/modules/contacts/contacts.repo.ts",
  "../../server/src/modules/contacts/contact-facts.ts",
  "../../server/src/records/search-terms.ts",
  // The stored blocking keys: how a contact is prepared for matching and which keys it gets.
  "../../server/src/modules/contacts/contact-match.ts",
  "../../shared/src/matching/prepare.ts",
  "../../shared/src/matching/blocking.ts",
  "../../server/src/modules/activities/activities.repo.ts",
  "../../server/src/modules/opportunities/opportunities.repo.ts",
  "../../server/src/modules/cases/cases.repo.ts",
  "./bulk.ts",
  "./fixture.ts",
];
/** The generator seed of the fixture: `createSynthetic({ seed: FIXTURE_SEED })` regenerates its people. */
export const FIXTURE_SEED = 20_250_115;
const TARGETS = 2_000;
export const OWN_DOMAIN = "rapport-bench.fr";
export const CACHE_DIR = fileURLToPath(new URL("../.cache/", import.meta.url));

export type Fixture = {
  file: string;
  contacts: number;
  accounts: number;
  /** A rep's API token; every record belongs to the rep's team. */
  token: string;
  userEmail: string;
  /** Addresses of the 2,000 looked-up contacts, primary and secondary, in mixed case, shuffled. */
  lookupEmails: string[];
  /** Their primary addresses, to log mail from. */
  senderEmails: string[];
  buildSeconds: number;
};

export async function lookupFixture(contacts: number, log: (line: string) => void): Promise<Fixture> {
  const base = join(CACHE_DIR, `lookup-g${SYNTHETIC_VERSION}-${sourcesHash(SHAPING_SOURCES)}-${contacts}`);
  if (existsSync(`${base}.sqlite`) && existsSync(`${base}.json`)) {
    return JSON.parse(readFileSync(`${base}.json`, "utf8")) as Fixture;
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  // Any other file of this size is from an older key: stale, and a gigabyte at full size.
  const sameSize = new RegExp(`^lookup-.*-${contacts}(\\.building)?\\.(sqlite|json)(-wal|-shm)?$`);
  for (const name of readdirSync(CACHE_DIR)) if (sameSize.test(name)) rmSync(join(CACHE_DIR, name), { force: true });
  const started = performance.now();
  log("checking that the bulk writer writes what the services write...");
  await checkBulkMatchesServices();
  log(`building ${contacts.toLocaleString("en")} contacts into ${base}.sqlite (once)...`);
  const building = `${base}.building.sqlite`;
  const users = await prepareDatabase(building);
  const fixture = fill(building, contacts, users, log);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${building}${suffix}`, { force: true });
  renameSync(building, `${base}.sqlite`);
  const result: Fixture = {
    ...fixture,
    file: `${base}.sqlite`,
    token: users.token,
    userEmail: users.email,
    buildSeconds: (performance.now() - started) / 1000,
  };
  writeFileSync(`${base}.json`, JSON.stringify(result));
  log(`built in ${result.buildSeconds.toFixed(0)} s; later runs reuse it`);
  return result;
}

/** A short hash of the files (or folders, ending in /) that shape a fixture: the cache key's heart. */
export function sourcesHash(sources: readonly string[]): string {
  const hash = createHash("sha256");
  for (const source of sources) {
    const path = fileURLToPath(new URL(source, import.meta.url));
    const files = source.endsWith("/")
      ? readdirSync(path)
          .sort()
          .map((name) => join(path, name))
      : [path];
    for (const file of files) hash.update(file).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 10);
}

/** A copy to run against, so the cached file stays as built (the log-mail benchmark writes). */
export function workingCopy(fixture: Fixture): string {
  const file = join(CACHE_DIR, "run.sqlite");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  copyFileSync(fixture.file, file);
  return file;
}

type Users = { owners: Owner[]; token: string; email: string };

/** Migrated schema, a sales team of four reps, and an API token for the first. */
async function prepareDatabase(file: string): Promise<Users> {
  const database = connect({ kind: "sqlite", file });
  await migrateToLatest(database.db as never);
  const team = await createTeam(database.db, "Ventes");
  const owners: Owner[] = [];
  for (let k = 0; k < 4; k++) {
    const user = await createUser(database.db, {
      email: `rep${k}@${OWN_DOMAIN}`,
      name: `Rep ${k}`,
      role: "rep",
      teamId: team.id,
    });
    owners.push({ id: user.id, teamId: team.id });
  }
  const first = owners[0] as Owner;
  const { token } = await issueToken(database.db, { userId: first.id, name: "bench", expiresAt: null });
  await database.close();
  return { owners, token, email: `rep0@${OWN_DOMAIN}` };
}

function fill(file: string, contacts: number, users: Users, log: (line: string) => void) {
  const db = new Sqlite(file);
  // No journal while building (a failed build is thrown away); WAL again at the end, as the server
  // sets it. SQLite leaves WAL only through a rollback mode.
  db.pragma("journal_mode = DELETE");
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -524288");
  db.pragma("foreign_keys = ON");
  const write = bulkWriter(db);
  const gen = createSynthetic({ seed: FIXTURE_SEED, duplicateRate: 0.05 });
  const owner = (i: number) => users.owners[i % users.owners.length] as Owner;
  const stamp = (i: number, total: number) => new Date(gen.now.getTime() - (total - i) * 1000).toISOString();
  const batch = db.transaction((from: number, to: number, each: (i: number) => void) => {
    for (let i = from; i < to; i++) each(i);
  });
  const inBatches = (label: string, total: number, each: (i: number) => void) => {
    const step = 50_000;
    for (let from = 0; from < total; from += step) {
      batch(from, Math.min(total, from + step), each);
      if ((from / step) % 4 === 3 || from + step >= total) log(`  ${label}: ${Math.min(total, from + step)}`);
    }
  };

  const accountCount = gen.accountsFor(contacts);
  const accountIds: string[] = [];
  inBatches("accounts", accountCount, (a) => {
    accountIds.push(write.account(gen.account(a).input, owner(a), stamp(a, accountCount)));
  });

  const targets = pickTargets(gen, contacts);
  const looked = new Map<number, { id: string; emails: string[]; accountIndex: number }>();
  inBatches("contacts", contacts, (i) => {
    const c = gen.contact(i);
    const accountId = c.accountIndex === null ? null : (accountIds[c.accountIndex] as string);
    const written = write.contact({ ...c.input, accountId }, owner(i), stamp(i, contacts));
    if (targets.has(i)) looked.set(i, { ...written, accountIndex: c.accountIndex as number });
  });

  log(`  deals, cases and history for ${looked.size} looked-up contacts`);
  db.transaction(() => writeHistory(write, gen, looked, accountIds, owner, gen.now.toISOString()))();
  db.pragma("journal_mode = WAL");
  db.close();

  const lookupEmails = [...looked.values()].flatMap((c, k) =>
    c.emails.map((email, n) =>
      (k + n) % 3 === 0 ? email.toUpperCase() : (k + n) % 3 === 1 ? email : capitalise(email),
    ),
  );
  return {
    contacts,
    accounts: accountCount,
    lookupEmails: shuffle(lookupEmails),
    senderEmails: [...looked.values()].map((c) => c.emails[0] as string),
  };
}

/**
 * Evenly spread originals that work for a company and have no planted duplicate (a duplicate
 * holding the same address would answer the lookup instead, without the history).
 */
function pickTargets(gen: Synthetic, contacts: number): Set<number> {
  const duplicated = new Set<number>();
  for (let i = 0; i < contacts; i++) {
    const original = gen.duplicateOf(i);
    if (original !== null) duplicated.add(original);
  }
  const targets = new Set<number>();
  const count = Math.min(TARGETS, Math.floor(contacts / 10));
  for (let k = 0; k < count; k++) {
    let i = Math.floor(((k + 0.5) * contacts) / count);
    while (
      i < contacts - 1 &&
      (gen.duplicateOf(i) !== null || duplicated.has(i) || gen.contact(i).accountIndex === null)
    ) {
      i++;
    }
    targets.add(i);
  }
  return targets;
}

/** Per looked-up contact: two deals on its company (one open), every third an open case, six activities. */
function writeHistory(
  write: BulkWriter,
  gen: Synthetic,
  looked: Map<number, { id: string; emails: string[]; accountIndex: number }>,
  accountIds: string[],
  owner: (i: number) => Owner,
  at: string,
) {
  const people = new Map<string, { contactId: string; accountId: string | null }>();
  for (const c of looked.values()) {
    for (const email of c.emails) {
      people.set(normalizeEmail(email), { contactId: c.id, accountId: accountIds[c.accountIndex] ?? null });
    }
  }
  let n = 0;
  for (const [i, c] of looked) {
    const accountId = accountIds[c.accountIndex] as string;
    const lang = gen.langOf(c.accountIndex);
    let openDeal: string | null = null;
    for (let d = 0; d < 2; d++) {
      const { input, stages } = gen.opportunity(n + d, { accountId, contactId: c.id, lang });
      // The first deal is still open: it stops before any closing stage.
      const path = d === 0 ? stages.filter((stage) => !CLOSED_STAGES.has(stage)) : stages;
      if (path.length === 0) path.push("lead");
      const id = write.opportunity({ ...input, stage: path.at(-1) }, path, owner(i), at);
      if (d === 0) openDeal = id;
    }
    const caseId =
      n % 3 === 0
        ? write.afterSalesCase(
            { ...gen.afterSalesCase(n, { accountId, contactId: c.id, lang }), status: "open", closedAt: null },
            owner(i),
            at,
          )
        : null;
    for (let k = 0; k < 6; k++) {
      const input = gen.activity(n * 6 + k, {
        participants: [{ address: c.emails[k % c.emails.length] as string }],
        ownAddress: `rep0@${OWN_DOMAIN}`,
        accountId: k % 2 === 0 ? null : accountId,
        opportunityId: k === 1 ? openDeal : null,
        caseId: k === 2 ? caseId : null,
        lang,
      });
      write.activity(input, people, owner(i), at);
    }
    n += 2;
  }
}

const capitalise = (email: string) =>
  email.replace(/(^|[.@])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());

/** A fixed shuffle (Fisher-Yates on an LCG), so every run asks in the same order. */
function shuffle<T>(items: T[]): T[] {
  let state = 12_345;
  for (let i = items.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// The proof that bulk rows are service rows.

const SAMPLE = { accounts: 12, contacts: 100, deals: 12, cases: 6, activities: 30 };

/** Writes one sample through the services and through the bulk writer, and compares every row. */
export async function checkBulkMatchesServices(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rapport-bulk-check-"));
  try {
    const viaServices = join(dir, "services.sqlite");
    const viaBulk = join(dir, "bulk.sqlite");
    await writeSampleThroughServices(viaServices);
    const users = await prepareDatabase(viaBulk);
    const db = new Sqlite(viaBulk);
    writeSampleInBulk(bulkWriter(db), users.owners[0] as Owner);
    db.close();
    const a = canonicalRows(viaServices);
    const b = canonicalRows(viaBulk);
    for (const table of Object.keys(a)) {
      const [left, right] = [a[table] ?? [], b[table] ?? []];
      const diff = left.findIndex((row, k) => row !== right[k]);
      if (left.length !== right.length || diff >= 0) {
        throw new Error(
          `The bulk writer no longer writes what the services write (table ${table}):\n` +
            `  services: ${left[diff] ?? `${left.length} rows`}\n  bulk:     ${right[diff] ?? `${right.length} rows`}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sampleRecords() {
  const gen = createSynthetic({ seed: FIXTURE_SEED, duplicateRate: 0.1, contactsPerAccount: 8 });
  const contacts = Array.from({ length: SAMPLE.contacts }, (_, i) => gen.contact(i));
  // Mail is logged from addresses that one contact only holds: with a planted duplicate holding
  // it too, which of the two the service links is the database's choice, not the writer's.
  const holders = new Map<string, number>();
  for (const c of contacts) {
    for (const email of c.input.emails ?? [])
      holders.set(normalizeEmail(email), (holders.get(normalizeEmail(email)) ?? 0) + 1);
  }
  return {
    gen,
    accounts: Array.from({ length: SAMPLE.accounts }, (_, a) => gen.account(a).input),
    contacts,
    mailFrom: [...holders].filter(([, count]) => count === 1).map(([email]) => email),
  };
}

async function writeSampleThroughServices(file: string): Promise<void> {
  const database = connect({ kind: "sqlite", file });
  await migrateToLatest(database.db as never);
  const team = await createTeam(database.db, "Ventes");
  const user = await createUser(database.db, { email: `rep@${OWN_DOMAIN}`, name: "Rep", role: "rep", teamId: team.id });
  const ctx = {
    db: database.db,
    reader: database.reader,
    config: testConfig({ ownDomains: new Set([OWN_DOMAIN]) }),
    user: actingAs({ id: user.id, email: user.email, name: user.name, role: "rep" as Role, teamId: team.id }, "bench"),
    requestId: null,
  };
  const { gen, accounts, contacts, mailFrom } = sampleRecords();
  const accountIds: string[] = [];
  for (const input of accounts) accountIds.push((await accountService.create(ctx, AccountCreate.parse(input))).id);
  const people: Array<{ id: string; emails: string[]; accountId: string | null }> = [];
  for (const c of contacts) {
    const accountId = c.accountIndex === null ? null : (accountIds[c.accountIndex] ?? null);
    const created = await contactService.create(ctx, ContactCreate.parse({ ...c.input, accountId }));
    people.push({ id: created.id, emails: created.emails, accountId });
  }
  for (let d = 0; d < SAMPLE.deals; d++) {
    const { input, stages } = gen.opportunity(d, { accountId: accountIds[d % accountIds.length] as string });
    const [first, ...later] = stages;
    let deal = await opportunityService.create(ctx, OpportunityCreate.parse({ ...input, stage: first }));
    for (const stage of later) deal = await opportunityService.update(ctx, deal.id, deal.version, { stage });
  }
  for (let k = 0; k < SAMPLE.cases; k++) {
    const person = people[k * 7] as (typeof people)[number];
    await caseService.create(
      ctx,
      CaseCreate.parse(gen.afterSalesCase(k, { accountId: person.accountId, contactId: person.id })),
    );
  }
  for (let k = 0; k < SAMPLE.activities; k++) {
    const input = gen.activity(k, { participants: [{ address: mailFrom[(k * 3) % mailFrom.length] as string }] });
    await activityService.create(ctx, ActivityCreate.parse(input));
  }
  await database.close();
}

function writeSampleInBulk(write: BulkWriter, owner: Owner): void {
  const { gen, accounts, contacts, mailFrom } = sampleRecords();
  const at = new Date().toISOString();
  const accountIds = accounts.map((input) => write.account(input, owner, at));
  const people = contacts.map((c) => {
    const accountId = c.accountIndex === null ? null : (accountIds[c.accountIndex] ?? null);
    return { ...write.contact({ ...c.input, accountId }, owner, at), accountId };
  });
  for (let d = 0; d < SAMPLE.deals; d++) {
    const { input, stages } = gen.opportunity(d, { accountId: accountIds[d % accountIds.length] as string });
    write.opportunity(input, stages, owner, at);
  }
  for (let k = 0; k < SAMPLE.cases; k++) {
    const person = people[k * 7] as (typeof people)[number];
    write.afterSalesCase(gen.afterSalesCase(k, { accountId: person.accountId, contactId: person.id }), owner, at);
  }
  const byEmail = new Map(
    people.flatMap((p) =>
      p.emails.map((email) => [normalizeEmail(email), { contactId: p.id, accountId: p.accountId }] as const),
    ),
  );
  for (let k = 0; k < SAMPLE.activities; k++) {
    const input = gen.activity(k, { participants: [{ address: mailFrom[(k * 3) % mailFrom.length] as string }] });
    write.activity(input, byEmail, owner, at);
  }
}

/** Every row of the record tables, ids replaced by "table#n" and write-time columns dropped, sorted. */
function canonicalRows(file: string): Record<string, string[]> {
  const db = new Sqlite(file, { readonly: true });
  const names = new Map<string, string>();
  for (const table of ["accounts", "contacts", "opportunities", "cases", "activities"]) {
    const ids = db.prepare(`select id from ${table} order by rowid`).pluck().all() as string[];
    for (const [n, id] of ids.entries()) names.set(id, `${table}#${n}`);
  }
  const skip = new Set(["id", "created_at", "updated_at", "owner_id", "team_id", "logged_by", "by_user_id", "at"]);
  const canonical = (value: unknown) =>
    typeof value === "string" ? value.replace(/\b[a-z]+_[0-9a-z]{23}\b/g, (id) => names.get(id) ?? "?") : value;
  const tables = [
    "accounts",
    "account_domains",
    "account_terms",
    "contacts",
    "contact_emails",
    "contact_phones",
    "contact_terms",
    "contact_match_keys",
    "contact_facts",
    "opportunities",
    "opportunity_stage_changes",
    "cases",
    "activities",
    "activity_contacts",
  ];
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = db.prepare(`select * from ${table}`).all() as Array<Record<string, unknown>>;
    out[table] = rows
      .map((row) =>
        JSON.stringify(
          Object.entries(row).flatMap(([column, value]) => (skip.has(column) ? [] : [[column, canonical(value)]])),
        ),
      )
      .sort();
  }
  db.close();
  return out;
}
