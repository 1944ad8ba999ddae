/**
 * A country's postcode: the pattern of its compact form (upper case, spaces and hyphens gone),
 * how to write it back, and the old European CEPT prefix ("F-75001", "L-1234") that address books
 * still carry and that is dropped.
 */
type PostcodeRule = { compact: RegExp; write?: (parts: string[]) => string; prefix?: string };

const RULES: Readonly<Record<string, PostcodeRule>> = {
  // Departments 01–98 (97 and 98 overseas and Monaco); Corsica's 2A/2B never appear in postcodes.
  FR: { compact: /^(?:0[1-9]|[1-8]\d|9[0-8])\d{3}$/, prefix: "F" },
  DE: { compact: /^(?:0[1-9]|[1-9]\d)\d{3}$/, prefix: "D" },
  // Provinces 01–52.
  ES: { compact: /^(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$/, prefix: "E" },
  IT: { compact: /^\d{5}$/, prefix: "I" },
  BE: { compact: /^[1-9]\d{3}$/, prefix: "B" },
  CH: { compact: /^[1-9]\d{3}$/, prefix: "CH" },
  AT: { compact: /^[1-9]\d{3}$/, prefix: "A" },
  // Danish, Norwegian and Australian codes may start with 0 (Oslo 0150, Darwin 0800).
  DK: { compact: /^\d{4}$/, prefix: "DK" },
  NO: { compact: /^\d{4}$/, prefix: "N" },
  AU: { compact: /^\d{4}$/ },
  LU: { compact: /^\d{4}$/, prefix: "L" },
  // SA, SD and SS are never issued.
  NL: {
    compact: /^([1-9]\d{3})((?!SA|SD|SS)[A-Z]{2})$/,
    write: ([digits, letters]) => `${digits} ${letters}`,
    prefix: "NL",
  },
  PT: { compact: /^(\d{4})(\d{3})$/, write: ([area, street]) => `${area}-${street}`, prefix: "P" },
  // Outward code (area, district, optional sub-district) then the inward code, always 3 characters.
  GB: {
    compact: /^(GIR|[A-PR-UWYZ](?:\d[A-Z\d]?|[A-HK-Y]\d[A-Z\d]?))(\d[ABD-HJLNP-UW-Z]{2})$/,
    write: ([outward, inward]) => `${outward} ${inward}`,
  },
  US: { compact: /^(\d{5})(\d{4})?$/, write: (parts) => parts.filter(Boolean).join("-") },
  CA: {
    compact: /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])(\d[ABCEGHJ-NPRSTV-Z]\d)$/,
    write: ([forward, local]) => `${forward} ${local}`,
  },
};

/** Countries without a rule: a plausible code is 2–10 letters, digits, spaces or hyphens. */
const ANY_POSTCODE = /^[A-Z\d][A-Z\d -]{0,8}[A-Z\d]$/;

/**
 * Whether a postcode has the shape the country uses, once spaces, hyphens and an old CEPT prefix
 * are set aside ("75 001" is a French postcode). A null or unknown country accepts any plausible code.
 *
 * @example isValidPostcode("SW1A 1AA", "GB") // true
 */
export function isValidPostcode(postcode: string, country: string | null): boolean {
  const rule = ruleFor(country);
  return rule ? rule.compact.test(compact(postcode, rule)) : ANY_POSTCODE.test(tidy(postcode));
}

/**
 * The canonical spelling of a postcode in its country ("sw1a1aa" → "SW1A 1AA", "1234ab" →
 * "1234 AB", "75 001" → "75001"). A code that does not fit the country comes back trimmed, in upper
 * case, with single spaces, so that it still compares; isValidPostcode tells which it was.
 *
 * @example normalizePostcode("1234ab", "NL") // "1234 AB"
 */
export function normalizePostcode(postcode: string, country: string | null): string {
  const rule = ruleFor(country);
  const parts = rule ? rule.compact.exec(compact(postcode, rule)) : null;
  if (!rule || !parts) return tidy(postcode);
  return rule.write ? rule.write(parts.slice(1)) : parts[0];
}

function ruleFor(country: string | null): PostcodeRule | undefined {
  return country ? RULES[country.trim().toUpperCase()] : undefined;
}

function tidy(postcode: string): string {
  return postcode.trim().toUpperCase().replace(/\s+/g, " ");
}

function compact(postcode: string, rule: PostcodeRule): string {
  const text = tidy(postcode);
  const bare = rule.prefix && text.startsWith(`${rule.prefix}-`) ? text.slice(rule.prefix.length + 1) : text;
  return bare.replace(/[\s-]/g, "");
}
