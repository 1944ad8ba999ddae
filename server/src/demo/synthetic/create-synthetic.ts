/**
 * The generator: accounts, contacts (with planted duplicates and their ground truth), products,
 * deals, activities, orders and after-sales cases, each a pure function of (seed, index) built
 * from the vocabulary of its sibling files.
 */
import type { OpportunityStage } from "@rapport/shared/schemas";
import { BODIES, CASE_STATUSES, CASE_SUBJECTS, CATALOGUE, DEAL_NAMES, SUBJECTS } from "./activities-vocabulary.ts";
import {
  DOMAIN_CITIES,
  REGION_SLOTS,
  REGIONS,
  type Region,
  ROTATING,
  SLOT_RANK,
  SLOTS_PER_REGION,
} from "./companies.ts";
import {
  ACCOUNT_TAGS,
  CONTACT_TAGS,
  JOB_TITLES,
  PERSONAL_DOMAINS_EN,
  PERSONAL_DOMAINS_FR,
  SOURCES,
} from "./details.ts";
import {
  ACTIVITY_TYPES,
  type AccountInput,
  type ActivityInput,
  type ActivityType,
  type CaseInput,
  type ContactInput,
  type Lang,
  OPPORTUNITY_STAGES,
  type OpportunityInput,
  type OrderInput,
  type ProductInput,
} from "./inputs.ts";
import { COLLEAGUE_STEP, COMPANY_STEP, FIRST_NAMES, LAST_NAMES, type Person, type Surname } from "./people.ts";
import { formatPhone, landline, mobile, type Phone } from "./phones.ts";
import { type Address, FOREIGN_PLACES, type Foreign, FR_CITIES, FR_LINE2, FR_STREETS } from "./places.ts";
import { at, hash3, Rng, scramble8 } from "./random.ts";
import { slugify, toAscii } from "./text.ts";

/** Bump when any generator's output changes: benchmark caches are keyed on it. */
export const SYNTHETIC_VERSION = 1;

/** What was done to an original to make a planted duplicate. */
export type DuplicateMutation =
  | "typo_first_name"
  | "typo_last_name"
  | "swapped_names"
  | "upper_case_last_name"
  | "lower_case_names"
  | "accents_stripped"
  | "email_case"
  | "work_email_dropped"
  | "other_personal_email"
  | "phones_dropped"
  | "phones_reformatted"
  | "job_title_dropped"
  | "address_dropped"
  | "civility_dropped";

export type SyntheticAccount = {
  index: number;
  /** ISO 3166-1 country of the company. */
  country: string;
  /** Currency its deals are priced in. */
  currency: string;
  input: AccountInput;
};

export type SyntheticContact = {
  index: number;
  /** The account this person works for (an index for `account(i)`), null for a private customer. */
  accountIndex: number | null;
  /** Ground truth: the index of the original this record duplicates, or null for an original. */
  duplicateOf: number | null;
  mutations: DuplicateMutation[];
  /** A ContactCreate body without accountId (the caller knows the stored account's id). */
  input: Omit<ContactInput, "accountId">;
};

export type SyntheticOptions = {
  seed?: number;
  /** Dates are counted back (and deals forward) from this instant. */
  now?: Date | string;
  /** Share of contacts re-emitted as a planted duplicate of an earlier one (0 to 0.5). */
  duplicateRate?: number;
  /** Average number of people per company; contacts i fill companies in order. */
  contactsPerAccount?: number;
  /** Share of contacts who are private customers, with no company. */
  privateShare?: number;
};

export type Participant = { address: string; name?: string | null };

const KIND = {
  account: 1,
  contact: 2,
  duplicate: 3,
  dupTarget: 4,
  private: 5,
  mutation: 6,
  product: 7,
  opportunity: 8,
  activity: 9,
  order: 10,
  case: 11,
} as const;
const DAY_MS = 86_400_000;
const UNKNOWN_CONSENT = { status: "unknown", at: null, source: null } as const;

type AccountCore = {
  index: number;
  region: Region;
  domain: string;
  /** How this company spells addresses: 0 first.last, 1 f.last, 2 firstlast, 3 first-last, 4 last. */
  convention: number;
  place: Address;
  frRegion: number;
  status: NonNullable<AccountInput["status"]>;
  input: AccountInput;
};

/** The person before rendering, kept structured so a duplicate can be typed differently. */
type ContactCore = {
  accountIndex: number | null;
  /** A customer's (or former customer's) people have a first sale date. */
  customer: boolean;
  lang: Lang;
  first: Person;
  last: Surname;
  civility: ContactInput["civility"];
  workEmail: string | null;
  personalEmail: string | null;
  personalFirst: boolean;
  phones: Phone[];
  phoneStyle: number;
  jobTitle: string | null;
  address: Address | null;
};

export type Synthetic = ReturnType<typeof createSynthetic>;

export function createSynthetic(options: SyntheticOptions = {}) {
  const seed = options.seed ?? 1;
  const now = new Date(options.now ?? "2025-01-15T10:00:00.000Z").getTime();
  const duplicateRate = Math.min(0.5, Math.max(0, options.duplicateRate ?? 0.05));
  const perAccount = Math.max(1, options.contactsPerAccount ?? 8);
  const privateShare = options.privateShare ?? 0.05;
  const rng = new Rng();
  const unit = (kind: number, i: number) => hash3(seed, kind, i) / 4294967296;

  const daysAgo = (days: number, minutes = 0) => new Date(now - days * DAY_MS - minutes * 60_000);
  const isoDate = (date: Date) => date.toISOString().slice(0, 10);
  // A million contacts ask for the same few thousand days: format each once.
  const dates: string[] = [];
  const stamps: string[] = [];
  const dateAgo = (days: number) => (dates[days] ??= isoDate(daysAgo(days)));
  const stampAgo = (days: number) => (stamps[days] ??= daysAgo(days).toISOString());
  const fill = (template: string, values: Record<string, string | number>) =>
    template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

  // -- accounts --------------------------------------------------------------------------------

  /** Company index -> (region, pattern, surname, city, number), one to one, so every domain is distinct. */
  function companyIdentity(a: number) {
    const block = Math.floor(a / REGION_SLOTS.length);
    const slot = a % REGION_SLOTS.length;
    let regionCode = at(REGION_SLOTS, slot);
    let q = block * SLOTS_PER_REGION(regionCode) + at(SLOT_RANK, slot);
    if (regionCode === "*") {
      regionCode = at(ROTATING, block % ROTATING.length);
      q = Math.floor(block / ROTATING.length);
    }
    const region = REGIONS[regionCode] as Region;
    const patternCount = region.patterns.length;
    const pattern = at(region.patterns, q % patternCount);
    let rest = Math.floor(q / patternCount);
    const names = LAST_NAMES[region.companyNames];
    const surname = at(names, (rest * COMPANY_STEP[region.companyNames]) % names.length);
    rest = Math.floor(rest / names.length);
    // Beyond every (pattern, surname) pair, homonyms are told apart by their town, then a number.
    let suffix = "";
    let city: string | null = null;
    if (rest > 0) {
      const cities = DOMAIN_CITIES[region.country] as string[];
      city = at(cities, (rest - 1) % cities.length);
      const n = Math.floor((rest - 1) / cities.length);
      suffix = `-${slugify(city)}${n > 0 ? `-${n + 1}` : ""}`;
    }
    const base = pattern.name.replace("{S}", surname.text);
    const slug = slugs.get(base) ?? slugify(base);
    slugs.set(base, slug);
    return { region, pattern, base, city, domain: `${slug}${suffix}.${region.tld}` };
  }
  /** Company names repeat (with a town or number added to the domain): slug each once. */
  const slugs = new Map<string, string>();

  function placeIn(country: string, city: string | null): { address: Address; frRegion: number } {
    const number = rng.between(1, 180);
    if (country === "FR") {
      const candidates = city ? FR_CITIES.filter((c) => c.city === city) : FR_CITIES;
      const c = rng.pick(candidates);
      const street = `${number}${rng.chance(0.08) ? " bis" : ""} ${rng.pick(FR_STREETS)}`;
      const lines = rng.chance(0.25) ? [rng.pick(FR_LINE2), street] : [street];
      return { address: { lines, postcode: c.postcode, city: c.city, country: "FR" }, frRegion: c.region };
    }
    const foreign = FOREIGN_PLACES[country] as Foreign;
    const places = city ? foreign.places.filter(([, name]) => name === city) : foreign.places;
    const [postcode, cityName] = rng.pick(places);
    const street =
      country === "DE" || country === "CH" || country === "BE" || country === "IT" || country === "ES"
        ? `${rng.pick(foreign.streets)} ${number}`
        : `${number} ${rng.pick(foreign.streets)}`;
    return { address: { lines: [street], postcode, city: cityName, country }, frRegion: 1 };
  }

  let lastAccount: AccountCore | null = null;
  const accountCache = new Map<number, AccountCore>();

  function accountCore(a: number): AccountCore {
    if (lastAccount?.index === a) return lastAccount;
    const cached = accountCache.get(a);
    if (cached) {
      lastAccount = cached;
      return cached;
    }
    const id = companyIdentity(a);
    rng.reset(hash3(seed, KIND.account, a));
    const form = rng.pick(id.pattern.forms);
    const { address, frRegion } = placeIn(id.region.country, id.city);
    const domains = [id.domain];
    if (rng.chance(0.1) && !id.domain.endsWith(".com")) domains.push(id.domain.replace(/\.[a-z.]+$/, ".com"));
    const statusRoll = rng.next();
    const status = statusRoll < 0.45 ? "prospect" : statusRoll < 0.9 ? "customer" : "former";
    const switchboard = landline(id.region.country, scramble8(a, 69_621_473, 13_572_468), frRegion, rng);
    const tags: string[] = [];
    if (rng.chance(0.3)) tags.push(rng.pick(ACCOUNT_TAGS));
    if (rng.chance(0.1)) tags.push(rng.pick(ACCOUNT_TAGS));
    if (id.region.country !== "FR") tags.push("export");
    const input: AccountInput = {
      name: form ? `${id.base} ${form}` : id.base,
      domains,
      industry: rng.chance(0.9) ? id.pattern.industry : null,
      size: rng.chance(0.85) ? rng.pick(id.pattern.sizes) : null,
      phone: rng.chance(0.85) ? formatPhone(switchboard, rng.int(8)) : null,
      address: rng.chance(0.9) ? address : null,
      tags,
      source: rng.chance(0.7) ? rng.pick(SOURCES) : null,
      status,
    };
    const core: AccountCore = {
      index: a,
      region: id.region,
      domain: id.domain,
      convention: rng.int(5),
      place: address,
      frRegion,
      status,
      input,
    };
    if (accountCache.size > 4096) accountCache.clear();
    accountCache.set(a, core);
    lastAccount = core;
    return core;
  }

  function account(a: number): SyntheticAccount {
    const core = accountCore(a);
    return {
      index: a,
      country: core.region.country,
      currency: core.region.currency,
      input: structuredClone(core.input),
    };
  }

  // -- contacts --------------------------------------------------------------------------------

  const firstOf = (a: number) => Math.ceil(a * perAccount);
  /** The company contact i was generated for (before any duplication). */
  const naturalAccount = (i: number): number | null =>
    unit(KIND.private, i) < privateShare ? null : Math.floor(i / perAccount);

  const isDuplicate = (i: number) => i > 0 && unit(KIND.duplicate, i) < duplicateRate;

  /** Ground truth: the original that contact i re-emits, or null. Cheap: no record is built. */
  function duplicateOf(i: number): number | null {
    if (!isDuplicate(i)) return null;
    let j = Math.floor(unit(KIND.dupTarget, i) * i);
    while (isDuplicate(j)) j = Math.floor(unit(KIND.dupTarget, j) * j);
    return j;
  }

  function workLocal(convention: number, first: Person, last: Surname): string {
    const f = first.mail;
    const l = last.mail;
    switch (convention) {
      case 0:
        return `${f}.${l}`;
      case 1:
        return `${f.charAt(0)}.${l}`;
      case 2:
        return `${f.replaceAll("-", "")}${l}`;
      case 3:
        return `${f}-${l}`;
      default:
        return `${l}.${f}`;
    }
  }

  function contactCore(i: number): ContactCore {
    const a = naturalAccount(i);
    const acc = a === null ? null : accountCore(a);
    rng.reset(hash3(seed, KIND.contact, i));
    const region = acc?.region ?? (REGIONS.FR as Region);
    const lang = region.lang;
    const firsts = FIRST_NAMES[region.names];
    const lasts = LAST_NAMES[region.names];
    let first: Person;
    let last: Surname;
    if (acc && a !== null) {
      // Colleagues never share a surname, so no two people of a company share an address.
      const slot = i - firstOf(a);
      const h = hash3(seed, KIND.account, a);
      first = at(firsts, (h + slot * 7) % firsts.length);
      last = at(lasts, ((h >>> 8) + slot * COLLEAGUE_STEP[region.names]) % lasts.length);
    } else {
      first = rng.pick(firsts);
      last = rng.pick(lasts);
    }
    const country = region.country;
    const civilities: ContactInput["civility"][] =
      lang === "fr"
        ? first.gender === "f"
          ? ["Mme", "Mme", "Mme", "Mlle", "Dr"]
          : ["M.", "M.", "M.", "M.", "Dr"]
        : first.gender === "f"
          ? ["Ms", "Mrs", "Ms", "Dr"]
          : ["Mr", "Mr", "Mr", "Dr"];
    const civility = rng.chance(0.85) ? rng.pick(civilities) : null;
    const workEmail = acc ? `${workLocal(acc.convention, first, last)}@${acc.domain}` : null;
    // The index keeps private addresses distinct: jean.martin48213@gmail.com.
    const personalEmail =
      !acc || rng.chance(0.25)
        ? `${rng.chance(0.5) ? `${first.mail}.${last.mail}` : `${first.mail.charAt(0)}${last.mail}`}${i}@${rng.pick(
            lang === "fr" ? PERSONAL_DOMAINS_FR : PERSONAL_DOMAINS_EN,
          )}`
        : null;
    const phones: Phone[] = [];
    if (rng.chance(0.75)) phones.push(mobile(country, scramble8(i, 48_271_357, 31_415_926), rng));
    if (acc && rng.chance(0.35))
      phones.push(landline(country, scramble8(i, 16_807_219, 27_182_818), acc.frRegion, rng));
    const title = rng.pick(JOB_TITLES[lang]);
    const jobTitle = acc && rng.chance(0.8) ? (first.gender === "f" ? title[1] : title[0]) : null;
    let address: Address | null = null;
    if (!acc || rng.chance(0.3)) {
      address = acc && rng.chance(0.6) ? { ...acc.place, lines: [...acc.place.lines] } : placeIn(country, null).address;
    }
    return {
      accountIndex: a,
      customer: acc !== null && acc.status !== "prospect",
      lang,
      first,
      last,
      civility,
      workEmail,
      personalEmail,
      personalFirst: !acc,
      phones,
      phoneStyle: rng.int(40),
      jobTitle,
      address,
    };
  }

  function renderContact(core: ContactCore, firstName: string, lastName: string): Omit<ContactInput, "accountId"> {
    const emails: string[] = [];
    if (core.personalFirst && core.personalEmail) emails.push(core.personalEmail);
    if (core.workEmail) emails.push(core.workEmail);
    if (!core.personalFirst && core.personalEmail) emails.push(core.personalEmail);
    const phones = core.phones.map((phone, k) => formatPhone(phone, core.phoneStyle + k * 3));
    const firstContact = rng.between(10, 5 * 365);
    const optedIn = rng.chance(0.3);
    return {
      civility: core.civility,
      firstName,
      lastName,
      emails,
      phones,
      jobTitle: core.jobTitle,
      address: core.address,
      source: rng.chance(0.6) ? rng.pick(SOURCES) : null,
      firstContactAt: rng.chance(0.7) ? dateAgo(firstContact) : null,
      firstSaleAt: core.customer && rng.chance(0.6) ? dateAgo(rng.between(0, firstContact)) : null,
      discountRate: rng.chance(0.1) ? rng.pick([5, 10, 12.5, 15]) : null,
      tags: rng.chance(0.3) ? [rng.pick(CONTACT_TAGS)] : [],
      consent: optedIn
        ? {
            email: { status: "opted_in", at: stampAgo(rng.between(1, 900)), source: "formulaire web" },
            phone: UNKNOWN_CONSENT,
            sms: UNKNOWN_CONSENT,
            post: UNKNOWN_CONSENT,
          }
        : { email: UNKNOWN_CONSENT, phone: UNKNOWN_CONSENT, sms: UNKNOWN_CONSENT, post: UNKNOWN_CONSENT },
      doNotContact: rng.chance(0.02),
    };
  }

  const MUTATIONS: DuplicateMutation[] = [
    "typo_last_name",
    "typo_first_name",
    "swapped_names",
    "upper_case_last_name",
    "lower_case_names",
    "accents_stripped",
    "email_case",
    "work_email_dropped",
    "other_personal_email",
    "phones_dropped",
    "phones_reformatted",
    "job_title_dropped",
    "address_dropped",
    "civility_dropped",
  ];

  /** A plausible slip of the keyboard: swapped, missing, doubled or replaced letter. */
  function typo(text: string): string {
    if (text.length < 3) return `${text}${text.slice(-1)}`;
    const pos = rng.between(1, text.length - 2);
    switch (rng.int(4)) {
      case 0:
        return text.slice(0, pos) + text.charAt(pos + 1) + text.charAt(pos) + text.slice(pos + 2);
      case 1:
        return text.slice(0, pos) + text.slice(pos + 1);
      case 2:
        return text.slice(0, pos) + text.charAt(pos) + text.slice(pos);
      default:
        return text.slice(0, pos) + rng.pick(["e", "a", "i", "n", "r", "s"]) + text.slice(pos + 1);
    }
  }

  function contact(i: number): SyntheticContact {
    const original = duplicateOf(i);
    if (original === null) {
      const core = contactCore(i);
      const input = renderContact(core, core.first.text, core.last.text);
      return { index: i, accountIndex: core.accountIndex, duplicateOf: null, mutations: [], input };
    }
    const core = contactCore(original);
    rng.reset(hash3(seed, KIND.mutation, i));
    const count = 1 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.2) ? 1 : 0);
    const mutations = new Set<DuplicateMutation>();
    while (mutations.size < count) mutations.add(rng.pick(MUTATIONS));
    let firstName = core.first.text;
    let lastName = core.last.text;
    const changed: ContactCore = { ...core, phones: [...core.phones] };
    for (const m of mutations) {
      if (m === "typo_last_name") lastName = typo(lastName);
      else if (m === "typo_first_name") firstName = typo(firstName);
      else if (m === "swapped_names") [firstName, lastName] = [lastName, firstName];
      else if (m === "upper_case_last_name") lastName = lastName.toUpperCase();
      else if (m === "lower_case_names") [firstName, lastName] = [firstName.toLowerCase(), lastName.toLowerCase()];
      else if (m === "accents_stripped") [firstName, lastName] = [toAscii(firstName), toAscii(lastName)];
      else if (m === "email_case") {
        const cap = (email: string | null) =>
          email?.replace(/(^|[.@-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase()) ?? null;
        changed.workEmail = cap(changed.workEmail);
        changed.personalEmail = cap(changed.personalEmail);
      } else if (m === "work_email_dropped") changed.workEmail = null;
      else if (m === "other_personal_email") {
        changed.personalEmail = `${core.first.mail}${core.last.mail}.${i}@${rng.pick(PERSONAL_DOMAINS_FR)}`;
      } else if (m === "phones_dropped") changed.phones = [];
      else if (m === "phones_reformatted") changed.phoneStyle = core.phoneStyle + 1 + rng.int(6);
      else if (m === "job_title_dropped") changed.jobTitle = null;
      else if (m === "address_dropped") changed.address = null;
      else changed.civility = null;
    }
    if (!changed.workEmail && !changed.personalEmail) changed.personalFirst = true;
    const input = renderContact(changed, firstName, lastName);
    return { index: i, accountIndex: core.accountIndex, duplicateOf: original, mutations: [...mutations], input };
  }

  // -- catalogue, deals, orders, cases, activities ------------------------------------------------

  function product(i: number): ProductInput {
    const [code, name, listPrice, warrantyMonths, category] = at(CATALOGUE, i % CATALOGUE.length);
    const generation = Math.floor(i / CATALOGUE.length);
    return {
      code: generation === 0 ? code : `${code}-G${generation + 1}`,
      name: generation === 0 ? name : `${name} (génération ${generation + 1})`,
      listPrice: Math.round(listPrice * (1 + generation * 0.08) * 100) / 100,
      currency: "EUR",
      category,
      warrantyMonths,
      active: generation > 0 || i % 11 !== 10,
    };
  }

  /** The stages a deal went through, ending at its stage now; the first few cover every stage. */
  function stagePath(i: number): OpportunityStage[] {
    const roll = rng.next();
    const target =
      i < OPPORTUNITY_STAGES.length
        ? at(OPPORTUNITY_STAGES, i)
        : at(
            OPPORTUNITY_STAGES,
            roll < 0.2 ? 0 : roll < 0.4 ? 1 : roll < 0.55 ? 2 : roll < 0.65 ? 3 : roll < 0.85 ? 4 : 5,
          );
    const start = rng.chance(0.7) ? 0 : 1;
    if (target === "lost") {
      const reached = rng.between(start, 3);
      return [...OPPORTUNITY_STAGES.slice(start, reached + 1), "lost"];
    }
    const end = OPPORTUNITY_STAGES.indexOf(target);
    return OPPORTUNITY_STAGES.slice(Math.min(start, end), end + 1);
  }

  function opportunity(
    i: number,
    refs: { accountId: string; contactId?: string | null; currency?: string; lang?: Lang; city?: string },
  ): { input: OpportunityInput; stages: OpportunityStage[] } {
    rng.reset(hash3(seed, KIND.opportunity, i));
    const stages = stagePath(i);
    const stage = stages.at(-1) as OpportunityStage;
    const closed = stage === "won" || stage === "lost";
    const lang = refs.lang ?? "fr";
    const name = fill(rng.pick(DEAL_NAMES[lang]), {
      city: refs.city ?? (lang === "fr" ? "Lyon" : "London"),
      year: new Date(now).getUTCFullYear() + (rng.chance(0.5) ? 1 : 0),
      n: rng.between(5, 60),
    });
    const close = closed ? daysAgo(rng.between(5, 400)) : daysAgo(-rng.between(10, 200));
    return {
      input: {
        accountId: refs.accountId,
        contactId: refs.contactId ?? null,
        name,
        stage,
        amount: rng.chance(0.9) ? rng.between(8, 400) * 250 : null,
        currency: refs.currency ?? "EUR",
        probability: null,
        expectedCloseDate: rng.chance(0.9) ? isoDate(close) : null,
      },
      stages,
    };
  }

  function activityTypeOf(i: number): ActivityType {
    if (i < ACTIVITY_TYPES.length) return at(ACTIVITY_TYPES, i);
    const roll = unit(KIND.activity + 100, i);
    return roll < 0.45
      ? "email"
      : roll < 0.6
        ? "meeting"
        : roll < 0.75
          ? "call"
          : roll < 0.85
            ? "note"
            : roll < 0.93
              ? "task"
              : roll < 0.97
                ? "sms"
                : "letter";
  }

  /**
   * An activity with the given people: mail and meetings carry their addresses (so the server
   * links them to contacts), and mail and meetings carry the ids that make logging idempotent.
   */
  function activity(
    i: number,
    refs: {
      participants: Participant[];
      /** The user's own address, as sender or organiser. */
      ownAddress?: string | null;
      accountId?: string | null;
      opportunityId?: string | null;
      caseId?: string | null;
      lang?: Lang;
      type?: ActivityType;
    },
  ): ActivityInput {
    const type = refs.type ?? activityTypeOf(i);
    rng.reset(hash3(seed, KIND.activity, i));
    const lang = refs.lang ?? "fr";
    const direction = rng.chance(0.5) ? "in" : "out";
    const other = refs.participants[0];
    const values = {
      n: 1000 + (i % 9000),
      ref: `${lang === "fr" ? "FA" : "INV"}-${new Date(now).getUTCFullYear()}-${String(i % 10_000).padStart(4, "0")}`,
      product: at(CATALOGUE, rng.int(CATALOGUE.length))[1],
      year: new Date(now).getUTCFullYear(),
      city: lang === "fr" ? rng.pick(FR_CITIES).city : "London",
      hour: rng.between(8, 17),
      day: isoDate(daysAgo(-rng.between(1, 10))),
      first: other?.name?.split(" ")[0] ?? "",
    };
    const subject = fill(rng.pick(SUBJECTS[type][lang]), values);
    const occurredAt = (
      type === "task" && rng.chance(0.4) ? daysAgo(-rng.between(1, 20)) : daysAgo(rng.between(0, 365), rng.int(600))
    ).toISOString();
    const own = refs.ownAddress ? [{ address: refs.ownAddress, name: null }] : [];
    const people = refs.participants.map((q) => ({ address: q.address, name: q.name ?? null }));
    let participants: NonNullable<ActivityInput["participants"]>;
    if (type === "email") {
      const [from, to] = direction === "in" ? [people.slice(0, 1), [...own, ...people.slice(1)]] : [own, people];
      participants = [
        ...from.map((q) => ({ ...q, role: "from" as const })),
        ...to.map((q, k) => ({ ...q, role: k < 2 ? ("to" as const) : ("cc" as const) })),
      ];
    } else if (type === "meeting") {
      participants = [
        ...own.map((q) => ({ ...q, role: "organizer" as const })),
        ...people.map((q) => ({ ...q, role: "attendee" as const })),
      ];
    } else {
      participants = people.slice(0, 1).map((q) => ({ ...q, role: type === "note" ? null : ("to" as const) }));
    }
    const tag = `${seed.toString(36)}.${i.toString(36)}`;
    const externalIds =
      type === "email"
        ? {
            internetMessageId: `<${tag}.${rng.digits(6)}@mail.${refs.ownAddress?.split("@")[1] ?? "example.net"}>`,
            conversationId: `conv-${tag}`,
          }
        : type === "meeting"
          ? { iCalUId: `${tag}-${rng.digits(8)}@calendar.rapport` }
          : {};
    return {
      type,
      direction: type === "note" || type === "task" ? null : direction,
      subject,
      bodyText: type === "email" || type === "note" || type === "call" ? fill(rng.pick(BODIES[lang]), values) : null,
      occurredAt,
      participants,
      accountId: refs.accountId ?? null,
      opportunityId: refs.opportunityId ?? null,
      caseId: refs.caseId ?? null,
      externalIds,
    };
  }

  function order(
    i: number,
    refs: {
      accountId: string;
      contactId?: string | null;
      products: Array<{ id: string; listPrice: number }>;
      currency?: string;
    },
  ): OrderInput {
    rng.reset(hash3(seed, KIND.order, i));
    const count = Math.min(refs.products.length, 1 + rng.int(4));
    const start = rng.int(refs.products.length);
    const lines = Array.from({ length: count }, (_, k) => {
      const productRef = at(refs.products, (start + k * 3) % refs.products.length);
      const negotiated = rng.chance(0.2);
      return {
        productId: productRef.id,
        quantity: rng.chance(0.6) ? 1 : rng.between(2, 25),
        ...(negotiated ? { unitPrice: Math.round(productRef.listPrice * 90) / 100 } : {}),
        discountRate: negotiated ? 0 : rng.pick([0, 0, 0, 5, 10, 15]),
      };
    });
    const orderedAt = daysAgo(rng.between(1, 730));
    const roll = rng.next();
    return {
      accountId: refs.accountId,
      contactId: refs.contactId ?? null,
      orderedAt: isoDate(orderedAt),
      reference: `CMD-${orderedAt.getUTCFullYear()}-${String(i + 1).padStart(5, "0")}`,
      status: roll < 0.55 ? "delivered" : roll < 0.8 ? "confirmed" : roll < 0.9 ? "draft" : "cancelled",
      currency: refs.currency ?? "EUR",
      lines,
    };
  }

  /** An after-sales request; the first four cover every status. */
  function afterSalesCase(
    i: number,
    refs: { accountId?: string | null; contactId?: string | null; productId?: string | null; lang?: Lang },
  ): CaseInput {
    rng.reset(hash3(seed, KIND.case, i));
    const lang = refs.lang ?? "fr";
    const status =
      i < CASE_STATUSES.length ? at(CASE_STATUSES, i) : rng.pick([...CASE_STATUSES, "open", "open"] as const);
    const openedDaysAgo = rng.between(1, 120);
    const open = status === "open" || status === "pending";
    return {
      subject: fill(rng.pick(CASE_SUBJECTS[lang]), { ref: `CMD-${new Date(now).getUTCFullYear()}-${rng.digits(5)}` }),
      description:
        lang === "fr"
          ? "Le client signale le problème par téléphone ; matériel sous garantie, numéro de série relevé."
          : "Customer reported the issue by phone; equipment under warranty, serial number noted.",
      contactId: refs.contactId ?? null,
      accountId: refs.accountId ?? null,
      productId: refs.productId ?? null,
      channel: rng.pick(["email", "email", "phone", "phone", "web", "letter", "in_person", "chat"] as const),
      priority: rng.pick(["low", "normal", "normal", "normal", "high", "urgent"] as const),
      status,
      openedAt: daysAgo(openedDaysAgo, rng.int(600)).toISOString(),
      closedAt: open ? null : daysAgo(rng.between(0, openedDaysAgo - 1)).toISOString(),
    };
  }

  return {
    seed,
    now: new Date(now),
    /** How many companies n contacts fill. */
    accountsFor: (contacts: number) => Math.max(1, Math.ceil(contacts / perAccount)),
    account,
    contact,
    duplicateOf,
    product,
    opportunity,
    activity,
    activityTypeOf,
    order,
    afterSalesCase,
    /** The language a company's records are written in. */
    langOf: (accountIndex: number): Lang => accountCore(accountIndex).region.lang,
  };
}
