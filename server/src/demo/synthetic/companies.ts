/**
 * Companies by country: name patterns, legal forms, sizes, web suffix, currency and language, and
 * the fixed rotation that decides which country the next company is in.
 */
import type { AccountInput, Lang } from "./inputs.ts";
import type { NameSet } from "./people.ts";
import { FOREIGN_PLACES, FR_CITIES } from "./places.ts";

type CompanyPattern = {
  name: string;
  industry: string;
  forms: string[];
  sizes: Array<NonNullable<AccountInput["size"]>>;
};
/** A country's companies: name patterns ({S}: a surname), its web suffix, its people. */
export type Region = {
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

export const REGIONS: Record<string, Region> = {
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
export const DOMAIN_CITIES: Record<string, string[]> = {
  FR: [...new Set(FR_CITIES.map((c) => c.city))],
  ...Object.fromEntries(
    Object.entries(FOREIGN_PLACES).map(([country, f]) => [country, [...new Set(f.places.map(([, city]) => city))]]),
  ),
};

/** Twenty slots per block of twenty accounts: mostly French, some British, American and European. */
export const REGION_SLOTS = [
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
export const ROTATING = ["ES", "IT", "CH"];
export const SLOT_RANK = REGION_SLOTS.map((r, i) => REGION_SLOTS.slice(0, i).filter((s) => s === r).length);
export const SLOTS_PER_REGION = (r: string) => REGION_SLOTS.filter((s) => s === r).length;
