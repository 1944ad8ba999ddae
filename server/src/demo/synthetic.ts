/**
 * Deterministic synthetic CRM data: companies, people, deals, orders, after-sales cases and
 * activities that look like a French B2B customer base with a share of foreign customers, plus
 * PLANTED DUPLICATES with their ground truth, for the demo workspace and the benchmarks.
 *
 * Every generator is a pure function of (seed, index): `contact(123_456)` is the same whatever was
 * generated before, so a benchmark can regenerate any record (or its duplicate's original) without
 * keeping a million of them in memory. No Math.random and no clock: dates are counted back from
 * `now`, which the caller fixes.
 *
 * Values are what a client would type (accents, capitals, phones in many national and
 * international formats) and are accepted by the shared create schemas; what the server stores is
 * what those schemas and the services make of them.
 */
import type {
  AccountCreate,
  ActivityCreate,
  CaseCreate,
  ContactCreate,
  OpportunityCreate,
  OpportunityStage,
  OrderCreate,
  ProductCreate,
} from "@rapport/shared/schemas";
import type { z } from "zod";

/** Bump when any generator's output changes: benchmark caches are keyed on it. */
export const SYNTHETIC_VERSION = 1;

export type AccountInput = z.input<typeof AccountCreate>;
export type ContactInput = z.input<typeof ContactCreate>;
export type ActivityInput = z.input<typeof ActivityCreate>;
export type OpportunityInput = z.input<typeof OpportunityCreate>;
export type ProductInput = z.input<typeof ProductCreate>;
export type OrderInput = z.input<typeof OrderCreate>;
export type CaseInput = z.input<typeof CaseCreate>;
type ActivityType = ActivityInput["type"];
type Address = { lines: string[]; postcode: string | null; city: string | null; country: string | null };
type Gender = "f" | "m";

export const ACTIVITY_TYPES: readonly ActivityType[] = ["email", "meeting", "call", "note", "task", "letter", "sms"];
export const OPPORTUNITY_STAGES: readonly OpportunityStage[] = [
  "lead",
  "qualified",
  "proposal",
  "negotiation",
  "won",
  "lost",
];

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

// ---------------------------------------------------------------------------------------------
// Randomness: one mulberry32 stream, re-seeded from (seed, kind, index) for each record.

function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ Math.imul(c + 0x27d4eb2f, 0x165667b1);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

class Rng {
  private state = 0;
  reset(seed: number): this {
    this.state = seed >>> 0;
    return this;
  }
  /** mulberry32: a uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  digits(n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += this.int(10);
    return out;
  }
}

const at = <T>(items: readonly T[], i: number): T => items[i] as T;

/**
 * Eight digits, distinct for every i below 10^8 (mul is coprime with 10, and i * mul stays below
 * 2^53 so the arithmetic is exact): unique phone number tails.
 */
const scramble8 = (i: number, mul: number, add: number) => String((i * mul + add) % 100_000_000).padStart(8, "0");

/** A multiplier coprime with n, so (i * m) mod n is a permutation of [0, n). */
function coprimeNear(n: number, target: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let m = Math.max(1, Math.floor(target));
  while (gcd(m, n) !== 1) m++;
  return m;
}

// ---------------------------------------------------------------------------------------------
// Text helpers (run once per list entry at load, not per record).

const ASCII_SPECIAL: Record<string, string> = {
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  đ: "d",
  Đ: "D",
  ı: "i",
};

/** "Łukasz Wiśniewski" -> "Lukasz Wisniewski". */
export function toAscii(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[łŁøØßæÆœŒđĐı]/g, (ch) => ASCII_SPECIAL[ch] ?? ch);
}

/** "Boulangerie Dupré & Fils" -> "boulangerie-dupre-fils". */
export function slugify(text: string): string {
  return toAscii(text)
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The part of a name that goes into an address: "N'Diaye" -> "ndiaye", "Le Goff" -> "legoff". */
const mailPart = (name: string) =>
  toAscii(name)
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "");

// ---------------------------------------------------------------------------------------------
// Reference lists.

type Person = { text: string; mail: string; gender: Gender };
type Surname = { text: string; mail: string };

const people = (list: string, gender: Gender): Person[] =>
  list.split(",").map((text) => ({ text, mail: mailPart(text), gender }));
const surnames = (list: string): Surname[] => {
  const seen = new Set<string>();
  return list
    .split(",")
    .map((text) => ({ text, mail: mailPart(text) }))
    .filter((s) => !seen.has(s.mail) && seen.add(s.mail));
};

type NameSet = "fr" | "en" | "de" | "es" | "it";
const FIRST_NAMES: Record<NameSet, Person[]> = {
  fr: [
    ...people(
      "Hélène,Françoise,Amélie,Cécile,Gaëlle,Noémie,Anaïs,Zoé,Léa,Chloé,Émilie,Thérèse,Aurélie,Valérie,Agnès,Marie,Sophie,Isabelle,Camille,Nathalie,Sandrine,Céline,Caroline,Marion,Pauline,Claire,Élodie,Manon,Inès,Solène,Marie-Claire,Anne-Sophie,Aïssatou,Fatou,Leïla,Yasmine,Małgorzata,Siobhán,Björk,Maëlys",
      "f",
    ),
    ...people(
      "Jérôme,Stéphane,Benoît,Frédéric,Loïc,Maël,Éric,Sébastien,Joël,Clément,Raphaël,Grégoire,Jean,Pierre,Nicolas,Julien,Thomas,Laurent,Philippe,David,Olivier,Antoine,Vincent,Guillaume,Mathieu,Hugo,Yann,François,Jean-Luc,Jean-François,Moussa,Mamadou,Karim,Mehdi,Samir,Łukasz,Jürgen,Søren,José,Noël",
      "m",
    ),
  ],
  en: [
    ...people("Emily,Charlotte,Sarah,Emma,Olivia,Aoife,Siobhán,Chloë,Renée,Grace,Hannah,Zoë,Priya,Amelia", "f"),
    ...people("James,Oliver,Michael,Daniel,William,Patrick,Liam,Seán,Noah,Harry,George,Rajesh,Connor,Ethan", "m"),
  ],
  de: [
    ...people("Anna,Katharina,Sabine,Lena,Ursula,Müge,Jana", "f"),
    ...people("Lukas,Matthias,Jürgen,Jörg,Uwe,Björn,Stefan,Florian,Tobias", "m"),
  ],
  es: [...people("María,Lucía,Carmen,Núria,Inés,Begoña", "f"), ...people("Javier,José,Ángel,Íñigo,Sergio,Álvaro", "m")],
  it: [...people("Giulia,Chiara,Francesca,Sofia", "f"), ...people("Marco,Luca,Niccolò,Andrea,Matteo", "m")],
};

const LAST_NAMES: Record<NameSet, Surname[]> = {
  fr: surnames(
    "Lefèvre,Dupré,Gérard,Rousseau,Lemaître,Bénard,Faure,Mercier,Chevalier,Boucher,Girard,Bonnet,François,Martin,Bernard,Dubois,Thomas,Robert,Richard,Petit,Durand,Leroy,Moreau,Simon,Laurent,Michel,Garcia,Bertrand,Roux,Vincent,Fournier,Morel,André,Lévêque,Mathieu,Clément,Gauthier,Perrin,Robin,Masson,Henry,Roussel,Lemoine,Gaillard,Barbier,Arnaud,Brun,Blanc,Guérin,Boyer,Garnier,Rivière,Lucas,Joly,Roche,Noël,Meyer,Lacroix,Caron,Le Gall,Le Goff,Le Roux,Kerdraon,Hervé,Ménard,Collet,Fabre,Aubert,Da Silva,Dos Santos,Pereira,Nguyen,Tran,Diallo,Traoré,N'Diaye,Benali,Haddad,Cohen,Lévy,Schmitt,Müller,O'Brien,Kowalski,Wiśniewski,D'Angelo,Bouvier,Carré,Lebœuf,Delacroix,Châtelain,Prévost,Bréhaut,Féron,Thébault,Sénéchal,Œuvray",
  ),
  en: surnames(
    "Smith,Jones,Williams,Taylor,Brown,Davies,Evans,Wilson,O'Brien,McAllister,MacDonald,O'Connor,Harrington,Whitfield,Ashworth,Patel,Khan,Murphy,Kelly,Walsh,Thompson,Robinson,Clarke,Hughes,Fitzgerald,Nakamura,Johnson,Miller,Anderson,Garcia,Rodriguez,Nguyen",
  ),
  de: surnames(
    "Müller,Schmidt,Schneider,Fischer,Weiß,Schäfer,Becker,Hoffmann,Köhler,Krüger,Wagner,Bauer,Zimmermann,Lehmann,Groß,Jäger",
  ),
  es: surnames("Martínez,Fernández,Núñez,González,Rodríguez,López,Sánchez,Pérez,Gómez,Jiménez,Muñoz,Ibáñez"),
  it: surnames("Rossi,Bianchi,Esposito,Ricci,Galli,Romano,Colombo,Bruno,Greco,Conti,De Luca,Mancini"),
};

type City = { postcode: string; city: string; region: 1 | 2 | 3 | 4 | 5 };
/** Steps that visit every surname of a list: for companies (spread out) and colleagues (distinct). */
const COMPANY_STEP = Object.fromEntries(
  Object.entries(LAST_NAMES).map(([set, list]) => [set, coprimeNear(list.length, list.length * 0.618)]),
) as Record<NameSet, number>;
const COLLEAGUE_STEP = Object.fromEntries(
  Object.entries(LAST_NAMES).map(([set, list]) => [set, coprimeNear(list.length, 11)]),
) as Record<NameSet, number>;

const FR_CITIES: City[] = [
  ["75008", "Paris", 1],
  ["75011", "Paris", 1],
  ["75015", "Paris", 1],
  ["92100", "Boulogne-Billancourt", 1],
  ["93100", "Montreuil", 1],
  ["94300", "Vincennes", 1],
  ["78000", "Versailles", 1],
  ["45000", "Orléans", 2],
  ["37000", "Tours", 2],
  ["44000", "Nantes", 2],
  ["35000", "Rennes", 2],
  ["29200", "Brest", 2],
  ["14000", "Caen", 2],
  ["76000", "Rouen", 2],
  ["49000", "Angers", 2],
  ["72000", "Le Mans", 2],
  ["56100", "Lorient", 2],
  ["22000", "Saint-Brieuc", 2],
  ["59000", "Lille", 3],
  ["67000", "Strasbourg", 3],
  ["51100", "Reims", 3],
  ["80000", "Amiens", 3],
  ["25000", "Besançon", 3],
  ["57000", "Metz", 3],
  ["54000", "Nancy", 3],
  ["21000", "Dijon", 3],
  ["69002", "Lyon", 4],
  ["69003", "Lyon", 4],
  ["13001", "Marseille", 4],
  ["13100", "Aix-en-Provence", 4],
  ["06000", "Nice", 4],
  ["38000", "Grenoble", 4],
  ["74000", "Annecy", 4],
  ["73000", "Chambéry", 4],
  ["34000", "Montpellier", 4],
  ["30000", "Nîmes", 4],
  ["84000", "Avignon", 4],
  ["63000", "Clermont-Ferrand", 4],
  ["31000", "Toulouse", 5],
  ["33000", "Bordeaux", 5],
  ["64000", "Pau", 5],
  ["66000", "Perpignan", 5],
  ["87000", "Limoges", 5],
  ["86000", "Poitiers", 5],
  ["17000", "La Rochelle", 5],
  ["40100", "Dax", 5],
  ["19100", "Brive-la-Gaillarde", 5],
].map(([postcode, city, region]) => ({ postcode, city, region }) as City);

const FR_STREETS = [
  "rue de la République",
  "avenue Jean Jaurès",
  "boulevard Voltaire",
  "rue Victor Hugo",
  "place du Général de Gaulle",
  "rue des Écoles",
  "chemin des Vignes",
  "allée des Tilleuls",
  "rue de l'Église",
  "quai de la Fosse",
  "impasse des Mûriers",
  "route de Lyon",
  "rue du Faubourg Saint-Honoré",
  "cours Mirabeau",
  "rue Émile Zola",
];
const FR_LINE2 = ["Bâtiment B", "ZI des Marches", "Parc d'activités du Moulin", "3e étage", "BP 42", "Zone Artisanale"];

type Foreign = { country: string; places: Array<[postcode: string, city: string]>; streets: string[] };
const FOREIGN_PLACES: Record<string, Foreign> = {
  GB: {
    country: "GB",
    places: [
      ["EC1A 1BB", "London"],
      ["SW1A 2AA", "London"],
      ["M1 1AE", "Manchester"],
      ["B1 1BB", "Birmingham"],
      ["EH1 1YZ", "Edinburgh"],
      ["BS1 4DJ", "Bristol"],
    ],
    streets: ["High Street", "Station Road", "Church Lane", "Victoria Road", "King Street", "Baker Street"],
  },
  US: {
    country: "US",
    places: [
      ["94105", "San Francisco"],
      ["10001", "New York"],
      ["60601", "Chicago"],
      ["02108", "Boston"],
      ["98101", "Seattle"],
      ["78701", "Austin"],
    ],
    streets: ["Market Street", "Main Street", "Broadway", "Madison Avenue", "Pine Street", "Congress Avenue"],
  },
  DE: {
    country: "DE",
    places: [
      ["10117", "Berlin"],
      ["80331", "München"],
      ["20095", "Hamburg"],
      ["50667", "Köln"],
      ["60311", "Frankfurt am Main"],
    ],
    streets: ["Friedrichstraße", "Hauptstraße", "Schillerstraße", "Bahnhofstraße", "Königsallee"],
  },
  ES: {
    country: "ES",
    places: [
      ["28013", "Madrid"],
      ["08002", "Barcelona"],
      ["46001", "Valencia"],
      ["41001", "Sevilla"],
    ],
    streets: ["Calle Mayor", "Gran Vía", "Calle de Alcalá", "Paseo de Gracia"],
  },
  IT: {
    country: "IT",
    places: [
      ["00184", "Roma"],
      ["20121", "Milano"],
      ["10121", "Torino"],
      ["50122", "Firenze"],
    ],
    streets: ["Via Roma", "Corso Italia", "Via Garibaldi", "Piazza della Repubblica"],
  },
  BE: {
    country: "BE",
    places: [
      ["1000", "Bruxelles"],
      ["4000", "Liège"],
      ["2000", "Antwerpen"],
    ],
    streets: ["Rue Neuve", "Avenue Louise", "Chaussée de Wavre", "Meir"],
  },
  CH: {
    country: "CH",
    places: [
      ["1201", "Genève"],
      ["8001", "Zürich"],
      ["1003", "Lausanne"],
    ],
    streets: ["Rue du Rhône", "Bahnhofstrasse", "Avenue de la Gare", "Rue de Bourg"],
  },
};

type Lang = "fr" | "en";
type CompanyPattern = {
  name: string;
  industry: string;
  forms: string[];
  sizes: Array<NonNullable<AccountInput["size"]>>;
};
/** A country's companies: name patterns ({S}: a surname), its web suffix, its people. */
type Region = {
  country: string;
  lang: Lang;
  tld: string;
  currency: string;
  names: NameSet;
  companyNames: NameSet;
  patterns: CompanyPattern[];
};

const SMALL: CompanyPattern["sizes"] = ["1-9", "1-9", "10-49"];
const MID: CompanyPattern["sizes"] = ["10-49", "50-249", "50-249", "250-999"];
const LARGE: CompanyPattern["sizes"] = ["50-249", "250-999", "1000+"];
const FR_SMALL_FORMS = ["SARL", "SARL", "EURL", "SAS", ""];
const FR_FORMS = ["SAS", "SAS", "SA", "SARL", "SASU"];

const p = (name: string, industry: string, forms: string[], sizes: CompanyPattern["sizes"]): CompanyPattern => ({
  name,
  industry,
  forms,
  sizes,
});

const REGIONS: Record<string, Region> = {
  FR: {
    country: "FR",
    lang: "fr",
    tld: "fr",
    currency: "EUR",
    names: "fr",
    companyNames: "fr",
    patterns: [
      p("Boulangerie {S}", "Boulangerie-pâtisserie", FR_SMALL_FORMS, SMALL),
      p("Menuiserie {S}", "Bâtiment", FR_SMALL_FORMS, SMALL),
      p("Transports {S}", "Transport et logistique", FR_FORMS, MID),
      p("{S} et Fils", "Négoce de matériaux", ["SARL", "SA"], MID),
      p("Établissements {S}", "Commerce de gros", FR_FORMS, MID),
      p("Cabinet {S}", "Expertise comptable", ["SELARL", "SARL", ""], SMALL),
      p("Garage {S}", "Automobile", FR_SMALL_FORMS, SMALL),
      p("{S} Conseil", "Conseil en management", ["SAS", "SASU", "EURL"], SMALL),
      p("{S} Industrie", "Industrie mécanique", ["SA", "SAS"], LARGE),
      p("Groupe {S}", "Distribution", ["SA", "SAS"], LARGE),
      p("Atelier {S}", "Artisanat d'art", FR_SMALL_FORMS, SMALL),
      p("Imprimerie {S}", "Imprimerie", FR_FORMS, MID),
      p("Pharmacie {S}", "Santé", ["SELARL", "SNC", ""], SMALL),
      p("Laboratoires {S}", "Pharmacie et cosmétique", ["SA", "SAS"], LARGE),
      p("{S} Immobilier", "Immobilier", FR_SMALL_FORMS, SMALL),
      p("Agence {S}", "Communication", ["SAS", "SARL"], SMALL),
      p("Maison {S}", "Vins et spiritueux", ["SAS", "SA"], MID),
      p("Fromagerie {S}", "Agroalimentaire", FR_SMALL_FORMS, SMALL),
      p("{S} Électricité", "Bâtiment", FR_SMALL_FORMS, SMALL),
      p("{S} Bâtiment", "Bâtiment", FR_FORMS, MID),
      p("Clinique vétérinaire {S}", "Santé animale", ["SELARL", "SCP"], SMALL),
      p("Librairie {S}", "Commerce de détail", FR_SMALL_FORMS, SMALL),
      p("Hôtel {S}", "Hôtellerie", ["SAS", "SARL"], MID),
      p("{S} Informatique", "Services informatiques", FR_FORMS, MID),
      p("{S} Logistique", "Transport et logistique", FR_FORMS, MID),
      p("Domaine {S}", "Viticulture", ["SCEA", "EARL", "GFA"], SMALL),
    ],
  },
  GB: {
    country: "GB",
    lang: "en",
    tld: "co.uk",
    currency: "GBP",
    names: "en",
    companyNames: "en",
    patterns: [
      p("{S} Logistics", "Transport and logistics", ["Ltd", "Ltd", "plc"], MID),
      p("{S} & Partners", "Legal services", ["LLP"], SMALL),
      p("{S} Engineering", "Engineering", ["Ltd"], MID),
      p("{S} Consulting", "Management consulting", ["Ltd"], SMALL),
      p("{S} Foods", "Food and beverage", ["Ltd", "plc"], LARGE),
      p("{S} Print", "Printing", ["Ltd"], SMALL),
      p("{S} Estates", "Real estate", ["Ltd"], SMALL),
    ],
  },
  US: {
    country: "US",
    lang: "en",
    tld: "com",
    currency: "USD",
    names: "en",
    companyNames: "en",
    patterns: [
      p("{S} Analytics", "Software", ["Inc", "LLC"], MID),
      p("{S} Software", "Software", ["LLC", "Inc"], MID),
      p("{S} Health", "Healthcare", ["Corp", "Inc"], LARGE),
      p("{S} Capital", "Financial services", ["LLC"], SMALL),
      p("{S} Robotics", "Industrial automation", ["Inc"], MID),
      p("{S} Outfitters", "Retail", ["Inc", "LLC"], MID),
    ],
  },
  DE: {
    country: "DE",
    lang: "en",
    tld: "de",
    currency: "EUR",
    names: "de",
    companyNames: "de",
    patterns: [
      p("{S} Maschinenbau", "Maschinenbau", ["GmbH", "GmbH & Co. KG"], MID),
      p("{S} Logistik", "Logistik", ["GmbH"], MID),
      p("{S} & Söhne", "Großhandel", ["KG", "OHG"], SMALL),
      p("{S} Software", "Software", ["AG", "GmbH"], LARGE),
    ],
  },
  ES: {
    country: "ES",
    lang: "en",
    tld: "es",
    currency: "EUR",
    names: "es",
    companyNames: "es",
    patterns: [
      p("Construcciones {S}", "Construcción", ["SL", "SA"], MID),
      p("Distribuciones {S}", "Distribución", ["SL"], SMALL),
    ],
  },
  IT: {
    country: "IT",
    lang: "en",
    tld: "it",
    currency: "EUR",
    names: "it",
    companyNames: "it",
    patterns: [
      p("{S} Meccanica", "Meccanica", ["S.r.l.", "S.p.A."], MID),
      p("Arredamenti {S}", "Arredamento", ["S.r.l."], SMALL),
    ],
  },
  BE: {
    country: "BE",
    lang: "fr",
    tld: "be",
    currency: "EUR",
    names: "fr",
    companyNames: "fr",
    patterns: [
      p("Brasserie {S}", "Brasserie", ["SRL", "SA"], SMALL),
      p("{S} Services", "Services aux entreprises", ["SRL", "BV"], MID),
    ],
  },
  CH: {
    country: "CH",
    lang: "fr",
    tld: "ch",
    currency: "CHF",
    names: "fr",
    companyNames: "fr",
    patterns: [
      p("Horlogerie {S}", "Horlogerie", ["SA", "Sàrl"], MID),
      p("{S} Fiduciaire", "Fiduciaire", ["SA", "Sàrl"], SMALL),
    ],
  },
};

/** The towns that tell homonym companies' domains apart, each once. */
const DOMAIN_CITIES: Record<string, string[]> = {
  FR: [...new Set(FR_CITIES.map((c) => c.city))],
  ...Object.fromEntries(
    Object.entries(FOREIGN_PLACES).map(([country, f]) => [country, [...new Set(f.places.map(([, city]) => city))]]),
  ),
};

/** Twenty slots per block of twenty accounts: mostly French, some British, American and European. */
const REGION_SLOTS = [
  "FR",
  "FR",
  "FR",
  "GB",
  "FR",
  "FR",
  "FR",
  "US",
  "FR",
  "FR",
  "DE",
  "FR",
  "FR",
  "FR",
  "BE",
  "FR",
  "GB",
  "FR",
  "FR",
  "*",
];
/** Countries that only ever take the rotating slot, so each region numbers its companies alone. */
const ROTATING = ["ES", "IT", "CH"];
const SLOT_RANK = REGION_SLOTS.map((r, i) => REGION_SLOTS.slice(0, i).filter((s) => s === r).length);
const SLOTS_PER_REGION = (r: string) => REGION_SLOTS.filter((s) => s === r).length;

const PERSONAL_DOMAINS_FR = [
  "gmail.com",
  "orange.fr",
  "free.fr",
  "wanadoo.fr",
  "hotmail.fr",
  "yahoo.fr",
  "laposte.net",
];
const PERSONAL_DOMAINS_EN = ["gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.com", "icloud.com", "gmx.de"];
const SOURCES = [
  "Salon Batimat",
  "Site web",
  "Recommandation",
  "Prospection téléphonique",
  "LinkedIn",
  "Trade show",
  "Webinar",
  "Partenaire",
  "Import fichier",
];
const ACCOUNT_TAGS = ["grand-compte", "export", "partenaire", "vip", "salon-2024", "newsletter", "secteur-public"];
const CONTACT_TAGS = ["décideur", "prescripteur", "newsletter", "salon-2024", "technique", "achats", "vip"];

const JOB_TITLES: Record<Lang, Array<[masculine: string, feminine: string]>> = {
  fr: [
    ["Directeur commercial", "Directrice commerciale"],
    ["Responsable des achats", "Responsable des achats"],
    ["Gérant", "Gérante"],
    ["Assistant de direction", "Assistante de direction"],
    ["Directeur administratif et financier", "Directrice administrative et financière"],
    ["Chargé d'affaires", "Chargée d'affaires"],
    ["Directeur technique", "Directrice technique"],
    ["Comptable", "Comptable"],
    ["Président-directeur général", "Présidente-directrice générale"],
    ["Responsable informatique", "Responsable informatique"],
    ["Acheteur", "Acheteuse"],
    ["Chef de projet", "Cheffe de projet"],
  ],
  en: [
    ["Head of Procurement", "Head of Procurement"],
    ["Sales Director", "Sales Director"],
    ["Office Manager", "Office Manager"],
    ["Chief Financial Officer", "Chief Financial Officer"],
    ["IT Manager", "IT Manager"],
    ["Managing Director", "Managing Director"],
    ["Operations Manager", "Operations Manager"],
    ["Purchasing Assistant", "Purchasing Assistant"],
  ],
};

// ---------------------------------------------------------------------------------------------
// Phones: a number is (country code, national significant number); it is typed in many ways.

type Phone = { cc: string; nsn: string };

const group = (digits: string, sizes: number[]) => {
  const parts: string[] = [];
  let pos = 0;
  for (const size of sizes) {
    parts.push(digits.slice(pos, pos + size));
    pos += size;
  }
  if (pos < digits.length) parts.push(digits.slice(pos));
  return parts.join(" ");
};

/** The number as someone might type it, style chosen by `style` (any integer). */
function formatPhone(phone: Phone, style: number): string {
  const { cc, nsn } = phone;
  switch (cc) {
    case "33": {
      const pairs = `${nsn.slice(0, 1)} ${group(nsn.slice(1), [2, 2, 2, 2])}`;
      const national = `0${nsn}`;
      switch (style % 8) {
        case 0:
        case 1:
          return `0${pairs}`; // 06 12 34 56 78
        case 2:
          return `0${pairs}`.replaceAll(" ", "."); // 06.12.34.56.78
        case 3:
          return national; // 0612345678
        case 4:
          return `+33 ${pairs}`; // +33 6 12 34 56 78
        case 5:
          return `+33 (0)${pairs}`; // +33 (0)6 12 34 56 78
        case 6:
          return `+33${nsn}`;
        default:
          return `0033 ${pairs}`;
      }
    }
    case "1": {
      const [a, b, c] = [nsn.slice(0, 3), nsn.slice(3, 6), nsn.slice(6)];
      return [`+1 (${a}) ${b}-${c}`, `+1 ${a}-${b}-${c}`, `+1 ${a} ${b} ${c}`, `001 ${a} ${b} ${c}`, `+1${nsn}`][
        style % 5
      ] as string;
    }
    case "44": {
      const spaced = nsn.startsWith("2") ? group(nsn, [2, 4, 4]) : group(nsn, [4, 6]);
      return [`+44 ${spaced}`, `0044 ${spaced}`, `+44 (0)${spaced}`, `+44${nsn}`][style % 4] as string;
    }
    case "49": {
      const spaced = nsn.startsWith("1") ? group(nsn, [3]) : group(nsn, [2]);
      return [`+49 ${spaced}`, `+49 (0)${spaced}`, `0049 ${spaced}`][style % 3] as string;
    }
    default: {
      const sizes: Record<string, number[]> = {
        "34": [3, 3, 3],
        "39": [2, 4, 4],
        "32": [1, 3, 2, 2],
        "41": [2, 3, 2, 2],
      };
      const spaced = group(nsn, sizes[cc] ?? [3, 3]);
      return [`+${cc} ${spaced}`, `00${cc} ${spaced}`, `+${cc}${nsn}`][style % 3] as string;
    }
  }
}

const US_AREAS = ["212", "415", "312", "617", "206", "512", "303", "646", "408", "213", "305", "404"];
const UK_MOBILE = ["7911", "7700", "7812", "7956", "7403", "7584"];

/** A landline in the country; `tail` (eight digits) makes it distinct. */
function landline(country: string, tail: string, frRegion: number, rng: Rng): Phone {
  switch (country) {
    case "FR":
      return { cc: "33", nsn: `${frRegion}${tail}` };
    case "GB":
      return { cc: "44", nsn: `20${rng.pick(["3", "7", "8"])}${tail.slice(1)}` };
    case "US":
      return { cc: "1", nsn: `${rng.pick(US_AREAS)}${rng.between(2, 9)}${tail.slice(1, 3)}${tail.slice(4)}` };
    case "DE":
      return { cc: "49", nsn: `30${tail.slice(0, 7)}` };
    case "ES":
      return { cc: "34", nsn: `91${tail.slice(0, 7)}` };
    case "IT":
      return { cc: "39", nsn: `06${tail}` };
    case "BE":
      return { cc: "32", nsn: `2${tail.slice(0, 7)}` };
    default:
      return { cc: "41", nsn: `22${tail.slice(0, 7)}` };
  }
}

function mobile(country: string, tail: string, rng: Rng): Phone {
  switch (country) {
    case "FR":
      return { cc: "33", nsn: `6${tail}` };
    case "BE":
      return { cc: "32", nsn: `4${rng.between(7, 9)}${tail.slice(0, 7)}` };
    case "CH":
      return { cc: "41", nsn: `7${rng.between(6, 9)}${tail.slice(0, 7)}` };
    case "GB":
      // 07700 900xxx is reserved for drama and is not a valid number: keep to real ranges.
      return { cc: "44", nsn: `${rng.pick(UK_MOBILE.slice(2))}${tail.slice(2)}` };
    case "US":
      return landline("US", tail, 1, rng);
    case "DE":
      return { cc: "49", nsn: `15${rng.between(1, 2)}${tail}` };
    case "ES":
      return { cc: "34", nsn: `6${tail}` };
    default:
      return { cc: "39", nsn: `34${rng.between(0, 9)}${tail.slice(0, 7)}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Activities, deals, catalogue, cases: the words.

const SUBJECTS: Record<ActivityType, Record<Lang, string[]>> = {
  email: {
    fr: [
      "Devis n°{n} – {product}",
      "Relance facture {ref}",
      "Proposition commerciale {year}",
      "RE: Rendez-vous de jeudi",
      "Demande de documentation",
      "Confirmation de commande {ref}",
      "Votre contrat de maintenance",
      "TR: Question sur la livraison",
    ],
    en: [
      "Quote #{n} for {product}",
      "Follow-up on our call",
      "RE: Meeting next Tuesday",
      "Invoice {ref} overdue",
      "Renewal of your support contract",
      "FW: Delivery schedule",
    ],
  },
  meeting: {
    fr: ["Rendez-vous découverte", "Démonstration {product}", "Point trimestriel", "Visite du site de {city}"],
    en: ["Kick-off meeting", "Quarterly business review", "{product} demo", "Site visit in {city}"],
  },
  call: {
    fr: ["Appel de suivi", "Appel entrant – question facture", "Appel de qualification", "Relance téléphonique devis"],
    en: ["Follow-up call about the proposal", "Cold call", "Inbound call: billing question"],
  },
  note: {
    fr: ["Compte rendu salon Batimat", "Budget validé en comité", "Changement d'interlocuteur aux achats"],
    en: ["Notes from the trade show", "Budget approved by the board", "New purchasing contact"],
  },
  task: {
    fr: [
      "Envoyer le devis révisé",
      "Relancer pour signature",
      "Préparer la démonstration",
      "Rappeler la semaine prochaine",
    ],
    en: ["Prepare renewal quote", "Call back next week", "Send the signed contract"],
  },
  letter: {
    fr: [
      "Courrier de résiliation",
      "Envoi du contrat signé",
      "Lettre de relance",
      "Conditions générales de vente {year}",
    ],
    en: ["Signed contract by post", "Termination letter", "Price list {year}"],
  },
  sms: {
    fr: ["Confirmation RDV demain {hour}h", "Rappel : livraison prévue le {day}", "Technicien en route"],
    en: ["Reminder: visit tomorrow at {hour}", "Your delivery is on its way"],
  },
};

const BODIES: Record<Lang, string[]> = {
  fr: [
    "Bonjour,\n\nSuite à notre échange, vous trouverez ci-joint notre proposition. Je reste à votre disposition pour en discuter.\n\nBien cordialement,",
    "Bonjour {first},\n\nPouvez-vous me confirmer la date de livraison ? Nous aurions besoin du matériel avant la fin du mois.\n\nMerci d'avance,",
    "Échange cordial ; le client souhaite une remise de 5 % sur volume et un délai de paiement à 45 jours.",
  ],
  en: [
    "Hi {first},\n\nThanks for your time today. Please find attached our proposal; happy to walk you through it.\n\nBest regards,",
    "Hello,\n\nCould you confirm the delivery date? We need the equipment before the end of the month.\n\nThanks,",
    "Good call; they want a volume discount and 45-day payment terms.",
  ],
};

const DEAL_NAMES: Record<Lang, string[]> = {
  fr: [
    "Renouvellement parc imprimantes",
    "Équipement nouveaux bureaux {city}",
    "Contrat de maintenance {year}",
    "Migration serveurs",
    "Postes de travail – {n} portables",
    "Téléphonie IP siège",
  ],
  en: ["Fleet upgrade – {n} laptops", "Managed print services {year}", "Office fit-out {city}", "Server refresh"],
};

type CatalogueItem = [code: string, name: string, listPrice: number, warrantyMonths: number];
const CATALOGUE: CatalogueItem[] = [
  ["IMP-LX420", "Imprimante laser LX420", 349, 24],
  ["IMP-MF900", "Multifonction couleur MF900", 1290, 36],
  ["PC-PRO14", "Ordinateur portable Pro 14", 1149, 24],
  ["ECR-27Q", "Écran 27 pouces QHD", 289, 36],
  ["SRV-R2", "Serveur rack R2", 4890, 36],
  ["TEL-IP5", "Téléphone IP T5", 159, 24],
  ["ROUT-X200", "Routeur VPN X200", 420, 24],
  ["OND-1500", "Onduleur 1500 VA", 310, 24],
  ["MNT-STD", "Contrat de maintenance standard (1 an)", 480, 0],
  ["MNT-PRM", "Contrat de maintenance premium (1 an)", 960, 0],
  ["INST-J", "Journée d'installation sur site", 650, 0],
  ["FORM-J", "Formation utilisateurs (journée)", 890, 0],
  ["CART-LX", "Cartouche toner LX420", 79, 0],
  ["DOCK-U3", "Station d'accueil USB-C", 189, 12],
];

const CASE_SUBJECTS: Record<Lang, string[]> = {
  fr: [
    "Imprimante en panne – bourrage papier",
    "Écran avec pixels morts",
    "Retard de livraison commande {ref}",
    "Erreur sur la facture {ref}",
    "Demande d'intervention sous garantie",
    "Le portable ne démarre plus",
    "Toner non reconnu",
  ],
  en: [
    "Laptop does not boot",
    "Wrong item delivered",
    "Request for RMA",
    "Invoice {ref} discrepancy",
    "Toner not recognised",
  ],
};
const CASE_STATUSES: readonly NonNullable<CaseInput["status"]>[] = ["open", "pending", "resolved", "closed"];

// ---------------------------------------------------------------------------------------------
// The generator.

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
    const [code, name, listPrice, warrantyMonths] = at(CATALOGUE, i % CATALOGUE.length);
    const generation = Math.floor(i / CATALOGUE.length);
    return {
      code: generation === 0 ? code : `${code}-G${generation + 1}`,
      name: generation === 0 ? name : `${name} (génération ${generation + 1})`,
      listPrice: Math.round(listPrice * (1 + generation * 0.08) * 100) / 100,
      currency: "EUR",
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
