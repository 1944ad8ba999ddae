import type { MatchRecord } from "./match-record.ts";
import { editDistance, jaroWinkler } from "./similarity.ts";

/**
 * One field's comparison: the agreement levels it can find between two records, from the
 * strongest to plain disagreement. compare() answers a level's index, or MISSING when either side
 * has no value (a missing value is no evidence either way).
 */
export interface Comparison {
  field: string;
  /** Human words for each level, used in match reasons: "same first name", "first name 0.93". */
  levels: readonly string[];
  /**
   * How often two strangers agree at each level in a typical contact base: the starting belief
   * about u, which a small file cannot estimate (four rows, two of which share an email, would
   * "show" that a shared email is common).
   */
  typicalU?: readonly number[];
  compare(a: MatchRecord, b: MatchRecord): number;
}

export const MISSING = -1;

/** Levels of a string compared by Jaro-Winkler: exact, then two similarity bands. */
function fuzzyLevel(a: string, b: string, high: number, low: number): number {
  if (a === b) return 0;
  const score = jaroWinkler(a, b);
  if (score >= high) return 1;
  if (score >= low) return 2;
  return 3;
}

/** Names typed in each other's column ("Doe Jane" against "Jane Doe") count as the same names. */
function swapped(a: MatchRecord, b: MatchRecord): boolean {
  return a.firstName !== null && a.firstName === b.lastName && a.lastName !== null && a.lastName === b.firstName;
}

/** The single-valued text fields of a match record. */
type TextField = {
  [K in keyof MatchRecord]: MatchRecord[K] extends string | null ? (string extends MatchRecord[K] ? K : never) : never;
}[keyof MatchRecord];

/**
 * One reader per text field. Comparisons run for every candidate pair (100 million field reads on a
 * million contacts), and a read by computed name (`record[field]`) in code shared by all of them is
 * a slow generic lookup; a function per field reads a known property.
 */
const READ: { [K in TextField]: (record: MatchRecord) => string | null } = {
  firstName: (record) => record.firstName,
  lastName: (record) => record.lastName,
  birthDate: (record) => record.birthDate,
  nationalId: (record) => record.nationalId,
  streetNumber: (record) => record.streetNumber,
  street: (record) => record.street,
  locality: (record) => record.locality,
  postcode: (record) => record.postcode,
  city: (record) => record.city,
  region: (record) => record.region,
  company: (record) => record.company,
  firstNameCode: (record) => record.firstNameCode,
  lastNameCode: (record) => record.lastNameCode,
};

/**
 * A comparison of one text field: MISSING when either side has no value, otherwise the level
 * `levelOf` finds for the two values (it may look at the whole records, as names do for swaps).
 */
function onField(
  field: TextField,
  levels: readonly string[],
  levelOf: (left: string, right: string, a: MatchRecord, b: MatchRecord) => number,
): Comparison {
  const read = READ[field];
  return {
    field,
    levels,
    compare(a, b) {
      const left = read(a);
      const right = read(b);
      return left === null || right === null ? MISSING : levelOf(left, right, a, b);
    },
  };
}

function nameComparison(field: "firstName" | "lastName", label: string): Comparison {
  return onField(
    field,
    [`same ${label}`, `similar ${label}`, `close ${label}`, `different ${label}`],
    (left, right, a, b) => {
      if (swapped(a, b)) return 0;
      // An initial ("J.") against a full name is a close, not a different, name.
      if ((left.length === 1 || right.length === 1) && left[0] === right[0]) return 2;
      return fuzzyLevel(left, right, 0.92, 0.8);
    },
  );
}

/** Levels of a code compared by edits: exact, one edit, two edits, different. */
function editLevel(a: string, b: string, maxLevels: 2 | 3): number {
  if (a === b) return 0;
  const distance = editDistance(a, b, 2);
  if (distance === 1) return 1;
  if (distance === 2 && maxLevels === 3) return 2;
  return maxLevels;
}

function codeComparison(
  field: "nationalId" | "postcode" | "birthDate",
  label: string,
  levels: 2 | 3,
  extra?: (a: string, b: string) => boolean,
): Comparison {
  const words =
    levels === 3
      ? [`same ${label}`, `${label} one typo apart`, `${label} two typos apart`, `different ${label}`]
      : [`same ${label}`, `${label} one typo apart`, `different ${label}`];
  return onField(field, words, (left, right) => {
    const level = editLevel(left, right, levels);
    return level === levels && extra?.(left, right) ? levels - 1 : level;
  });
}

/** Day and month swapped, the commonest date slip between French and US forms. */
function dayMonthSwapped(a: string, b: string): boolean {
  return (
    a.length === 8 &&
    b.length === 8 &&
    a.slice(0, 4) === b.slice(0, 4) &&
    a.slice(4, 6) === b.slice(6, 8) &&
    a.slice(6, 8) === b.slice(4, 6)
  );
}

function exactComparison(field: "streetNumber" | "region", label: string): Comparison {
  return onField(field, [`same ${label}`, `different ${label}`], (left, right) => (left === right ? 0 : 1));
}

function textComparison(field: "street" | "locality" | "city", label: string): Comparison {
  return onField(field, [`same ${label}`, `similar ${label}`, `close ${label}`, `different ${label}`], (left, right) =>
    fuzzyLevel(left, right, 0.92, 0.8),
  );
}

/**
 * Company names compared by the words they do not share: "Distribuciones Muñoz" and
 * "Distribuciones López" are two firms however alike their letters, while "Acme Industrie" and
 * "Acme Industries" are one firm typed twice. A name inside the other ("Acme", "Acme France") is
 * similar.
 */
const company = onField(
  "company",
  ["same company", "similar company", "close company", "different company"],
  (left, right) => {
    if (left === right) return 0;
    const leftWords = left.split(" ");
    const rightWords = right.split(" ");
    const own = (words: string[], other: string[]) => words.filter((word) => !other.includes(word)).join(" ");
    const leftOwn = own(leftWords, rightWords);
    const rightOwn = own(rightWords, leftWords);
    if (leftOwn === "" || rightOwn === "") return 1;
    return fuzzyLevel(leftOwn, rightOwn, 0.92, 0.8);
  },
);

/**
 * The town, when the postcodes do not already agree: a postcode names its town, so counting both
 * counted one fact twice (+17 bits for "lives in Montreuil", enough to pass a stranger who shares
 * a surname). With postcodes that differ or are missing, the town is evidence of its own.
 */
const city: Comparison = (() => {
  const town = textComparison("city", "city");
  return {
    ...town,
    compare: (a, b) => (a.postcode !== null && a.postcode === b.postcode ? MISSING : town.compare(a, b)),
  };
})();

function shareAny(left: string[], right: string[]): boolean {
  for (const value of left) if (right.includes(value)) return true;
  return false;
}

/**
 * Emails agree or not. "jean.martin@a.fr" against "jean.martin@b.fr" is no level of its own: work
 * addresses are built from names, so a shared local part says no more than the names already do,
 * and counting it merged namesakes at different companies.
 */
const emails: Comparison = {
  field: "emails",
  levels: ["same email", "different email"],
  compare(a, b) {
    if (a.emails.length === 0 || b.emails.length === 0) return MISSING;
    return shareAny(a.emails, b.emails) ? 0 : 1;
  },
};

const phones: Comparison = {
  field: "phones",
  levels: ["same phone", "different phone"],
  compare(a, b) {
    if (a.phones.length === 0 || b.phones.length === 0) return MISSING;
    return shareAny(a.phones, b.phones) ? 0 : 1;
  },
};

/** Typical stranger agreement rates per field (see Comparison.typicalU), from the FEBRL and synthetic data. */
const TYPICAL_U: Record<string, readonly number[]> = {
  firstName: [0.005, 0.001, 0.005, 0.989],
  lastName: [0.003, 0.0005, 0.003, 0.9935],
  emails: [1e-6, 0.999999],
  phones: [1e-6, 0.999999],
  birthDate: [5e-5, 1e-3, 0.015, 0.98395],
  nationalId: [1e-6, 1e-5, 2e-4, 0.999789],
  streetNumber: [0.015, 0.985],
  street: [6e-4, 2e-4, 0.014, 0.9854],
  locality: [6e-4, 3e-4, 0.002, 0.9971],
  postcode: [0.001, 0.013, 0.986],
  city: [0.001, 2e-4, 0.003, 0.9958],
  region: [0.2, 0.8],
  company: [0.002, 0.001, 0.005, 0.992],
};

const firstNames = nameComparison("firstName", "first name");
const lastNames = nameComparison("lastName", "last name");
const DIFFERENT_NAME = 3;

/**
 * Whether two records name different people: a first or a last name that differs outright, not a
 * typo, an initial or a swap (a name missing on either side says nothing). A shared phone is a
 * switchboard, a household or a number passed on as often as it is one person.
 */
export function namesDiffer(a: MatchRecord, b: MatchRecord): boolean {
  return firstNames.compare(a, b) === DIFFERENT_NAME || lastNames.compare(a, b) === DIFFERENT_NAME;
}

/** Every comparison the engine knows; a model keeps those the data actually fills. */
export const COMPARISONS: readonly Comparison[] = (
  [
    firstNames,
    lastNames,
    emails,
    phones,
    codeComparison("birthDate", "date of birth", 3, dayMonthSwapped),
    codeComparison("nationalId", "national id", 3),
    exactComparison("streetNumber", "street number"),
    textComparison("street", "street"),
    textComparison("locality", "address line"),
    codeComparison("postcode", "postcode", 2),
    city,
    exactComparison("region", "region"),
    company,
  ] as Comparison[]
).map((comparison) => ({ ...comparison, typicalU: TYPICAL_U[comparison.field] }));
