import {
  AccountCreate,
  ActivityCreate,
  CaseCreate,
  ContactCreate,
  OpportunityCreate,
  OrderCreate,
  ProductCreate,
  type Role,
  SegmentCreate,
} from "@rapport/shared/schemas";
import type { Config } from "../config.ts";
import type { Db } from "../db/connect.ts";
import { type AuthUser, actingAs } from "../http/context.ts";
import { accountService } from "../modules/accounts/accounts.service.ts";
import { activityService } from "../modules/activities/activities.service.ts";
import { caseService } from "../modules/cases/cases.service.ts";
import { contactService } from "../modules/contacts/contacts.service.ts";
import { recomputeCustomerValue } from "../modules/customer-value/rfm-run.ts";
import { opportunityService } from "../modules/opportunities/opportunities.service.ts";
import { orderService } from "../modules/orders/orders.service.ts";
import { productService } from "../modules/products/products.service.ts";
import { segmentService } from "../modules/segments/segments.service.ts";
import { createTeam, createUser, rowToUser } from "../modules/users/users.service.ts";
import type { RequestContext } from "../records/request-context.ts";
import { createSynthetic, type Participant } from "./synthetic/index.ts";

export const DEMO_SEED = 2025;
export const DEMO_SIZE = {
  accounts: 25,
  contacts: 80,
  products: 10,
  opportunities: 30,
  orders: 30,
  cases: 12,
  /** Activities per contact, on average. */
  activitiesPerContact: 1.75,
} as const;

const DEMO_SEGMENTS = [
  {
    name: "Clients en France, e-mail accepté",
    filter: {
      and: [
        { field: "country", op: "eq", value: "FR" },
        { field: "consent.email", op: "eq", value: "opted_in" },
      ],
    },
  },
  {
    name: "Clients à relancer : rien depuis 90 jours",
    filter: {
      and: [
        { field: "orderCount", op: "gte", value: 1 },
        { field: "lastActivityAt", op: "notWithinDays", value: 90 },
      ],
    },
  },
  {
    name: "Meilleurs clients (R et M de 4 ou 5)",
    filter: {
      and: [
        { field: "recencyScore", op: "gte", value: 4 },
        { field: "monetaryScore", op: "gte", value: 4 },
      ],
    },
  },
];

type DemoUser = { key: string; name: string; role: Role; team: "sales" | "export" | null };
const DEMO_USERS: DemoUser[] = [
  { key: "claire.rousseau", name: "Claire Rousseau", role: "manager", team: "sales" },
  { key: "julien.mercier", name: "Julien Mercier", role: "rep", team: "sales" },
  { key: "ines.haddad", name: "Inès Haddad", role: "rep", team: "sales" },
  { key: "oliver.whitfield", name: "Oliver Whitfield", role: "rep", team: "export" },
  { key: "sophie.lambert", name: "Sophie Lambert", role: "marketer", team: null },
];

/**
 * Fills an empty workspace with a realistic one (French and foreign companies, their people, mail,
 * meetings and calls, deals at every stage, a catalogue, orders and after-sales cases), written
 * through the services as the API would write it: normalised, with side tables and audit entries.
 * Records are created by the users who own them. Returns a one-line summary, or null when the
 * workspace already has accounts.
 */
export async function loadDemo(database: Db, config: Config): Promise<string | null> {
  const { db } = database;
  if (await db.selectFrom("accounts").select("id").limit(1).executeTakeFirst()) return null;
  const adminRow = await db
    .selectFrom("users")
    .selectAll()
    .where("role", "=", "admin")
    .where("active", "=", 1)
    .orderBy("created_at")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  if (!adminRow) throw new Error("The demo needs an admin user: start the server once, it creates one.");

  const ctxOf = (user: Omit<AuthUser, "scopes" | "client">): RequestContext => ({
    db,
    reader: database.reader,
    config,
    user: actingAs(user, "demo loader"),
    requestId: null,
  });
  const admin = ctxOf(rowToUser(adminRow));

  // -- people of the organisation ----------------------------------------------------------------
  const ownDomain = [...config.ownDomains][0] ?? "rapport.local";
  const teams = {
    sales: await createTeam(db, "Ventes Île-de-France"),
    export: await createTeam(db, "Export"),
  };
  const users = new Map<string, RequestContext>();
  for (const u of DEMO_USERS) {
    const email = `${u.key}@${ownDomain}`;
    const teamId = u.team ? teams[u.team].id : null;
    const existing = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
    const user = existing ? rowToUser(existing) : await createUser(db, { email, name: u.name, role: u.role, teamId });
    users.set(u.key, ctxOf(user));
  }
  const user = (key: string) => users.get(key) as RequestContext;
  const frenchOwners = [user("julien.mercier"), user("ines.haddad"), user("claire.rousseau")];

  const gen = createSynthetic({
    seed: DEMO_SEED,
    now: new Date(),
    duplicateRate: 0,
    contactsPerAccount: DEMO_SIZE.contacts / DEMO_SIZE.accounts,
    privateShare: 0.05,
  });

  // -- catalogue -------------------------------------------------------------------------------------
  const products = [];
  for (let i = 0; i < DEMO_SIZE.products; i++) {
    products.push(await productService.create(admin, ProductCreate.parse(gen.product(i))));
  }
  const priced = products.filter((p) => p.active).map((p) => ({ id: p.id, listPrice: p.listPrice }));

  // -- companies and people ----------------------------------------------------------------------------
  const accounts = [];
  for (let a = 0; a < DEMO_SIZE.accounts; a++) {
    const synthetic = gen.account(a);
    const owner =
      synthetic.country === "FR" ? (frenchOwners[a % frenchOwners.length] as RequestContext) : user("oliver.whitfield");
    const account = await accountService.create(owner, AccountCreate.parse(synthetic.input));
    accounts.push({ account, owner, lang: gen.langOf(a), currency: synthetic.currency, contacts: [] as Person[] });
  }
  type Person = { id: string; emails: string[]; name: string; accountIndex: number | null; owner: RequestContext };
  const contacts: Person[] = [];
  for (let i = 0; i < DEMO_SIZE.contacts; i++) {
    const synthetic = gen.contact(i);
    const home = synthetic.accountIndex === null ? null : accounts[synthetic.accountIndex];
    const owner = home?.owner ?? user("sophie.lambert");
    const contact = await contactService.create(
      owner,
      ContactCreate.parse({ ...synthetic.input, accountId: home?.account.id ?? null }),
    );
    const person = {
      id: contact.id,
      emails: contact.emails,
      name: [contact.firstName, contact.lastName].filter(Boolean).join(" "),
      accountIndex: synthetic.accountIndex,
      owner,
    };
    contacts.push(person);
    home?.contacts.push(person);
  }

  // -- deals, moved stage by stage so each keeps its history ------------------------------------------
  const openDeals = new Map<number, string>();
  let stageChanges = 0;
  for (let i = 0; i < DEMO_SIZE.opportunities; i++) {
    const a = i % accounts.length;
    const home = accounts[a] as (typeof accounts)[number];
    const { input, stages } = gen.opportunity(i, {
      accountId: home.account.id,
      contactId: home.contacts[0]?.id ?? null,
      currency: home.currency,
      lang: home.lang,
      city: home.account.address?.city ?? undefined,
    });
    const [first = "lead", ...later] = stages;
    let deal = await opportunityService.create(home.owner, OpportunityCreate.parse({ ...input, stage: first }));
    for (const stage of later) deal = await opportunityService.update(home.owner, deal.id, deal.version, { stage });
    stageChanges += stages.length;
    if (deal.stage !== "won" && deal.stage !== "lost") openDeals.set(a, deal.id);
  }

  // -- after-sales cases ---------------------------------------------------------------------------------
  const openCases = new Map<number, string>();
  for (let i = 0; i < DEMO_SIZE.cases; i++) {
    const a = (i * 2) % accounts.length;
    const home = accounts[a] as (typeof accounts)[number];
    const input = gen.afterSalesCase(i, {
      accountId: home.account.id,
      contactId: home.contacts[i % Math.max(1, home.contacts.length)]?.id ?? null,
      productId: products[i % products.length]?.id ?? null,
      lang: home.lang,
    });
    const created = await caseService.create(home.owner, CaseCreate.parse(input));
    if (created.status === "open" || created.status === "pending") openCases.set(a, created.id);
  }

  // -- orders from customers (and former customers) ----------------------------------------------------
  const buyers = accounts.filter((a) => a.account.status !== "prospect");
  for (let i = 0; i < DEMO_SIZE.orders && buyers.length > 0; i++) {
    const home = buyers[i % buyers.length] as (typeof accounts)[number];
    const input = gen.order(i, {
      accountId: home.account.id,
      contactId: home.contacts[i % Math.max(1, home.contacts.length)]?.id ?? null,
      products: priced,
    });
    await orderService.create(home.owner, OrderCreate.parse(input));
  }

  // -- mail, meetings, calls, notes, tasks, letters, text messages ----------------------------------
  const activityCount = Math.round(DEMO_SIZE.contacts * DEMO_SIZE.activitiesPerContact);
  for (let k = 0; k < activityCount; k++) {
    const person = contacts[(k * 7) % contacts.length] as Person;
    const a = person.accountIndex;
    const home = a === null ? null : accounts[a];
    const type = gen.activityTypeOf(k);
    // Mail goes to a colleague too now and then; addresses come as typed, in any case.
    const colleague = k % 3 === 0 ? home?.contacts.find((c) => c.id !== person.id) : undefined;
    const addressOf = (p: Person, n: number) => {
      const address = p.emails[n % p.emails.length] as string;
      return n % 4 === 3 ? address.toUpperCase() : address;
    };
    const participants: Participant[] = [
      { address: addressOf(person, k), name: person.name },
      ...(colleague && (type === "email" || type === "meeting")
        ? [{ address: addressOf(colleague, 0), name: colleague.name }]
        : []),
    ].filter((p) => p.address);
    const input = gen.activity(k, {
      type,
      participants,
      ownAddress: person.owner.user.email,
      // Mail and meetings find their account from their people, as logging from Outlook does.
      accountId: type === "email" || type === "meeting" ? null : (home?.account.id ?? null),
      opportunityId: a !== null && k % 3 === 1 ? (openDeals.get(a) ?? null) : null,
      caseId: a !== null && k % 5 === 2 ? (openCases.get(a) ?? null) : null,
      lang: home?.lang ?? "fr",
    });
    await activityService.create(person.owner, ActivityCreate.parse(input));
  }

  // -- the marketer's first segments, and every customer's value -------------------------------------
  for (const segment of DEMO_SEGMENTS) {
    await segmentService.create(user("sophie.lambert"), SegmentCreate.parse(segment));
  }
  await recomputeCustomerValue(database);

  return [
    `${accounts.length} accounts`,
    `${contacts.length} contacts`,
    `${activityCount} activities`,
    `${DEMO_SIZE.opportunities} opportunities (${stageChanges} stage changes)`,
    `${products.length} products`,
    `${buyers.length > 0 ? DEMO_SIZE.orders : 0} orders`,
    `${DEMO_SIZE.cases} cases`,
    `${DEMO_SEGMENTS.length} segments`,
    `${DEMO_USERS.length} users in 2 teams`,
  ].join(", ");
}
