import type { ImportRow } from "@rapport/shared/import";
import { decodeText } from "./decode-text.ts";
import {
  contentLines,
  parseProperty,
  splitEscaped,
  unescapeValue,
  type ValueSource,
  type VcardProperty,
} from "./vcard-properties.ts";

// RFC 6350 PREF runs 1 (most preferred) to 100; 2.1 and 3.0 say PREF or TYPE=pref.
function preference(property: VcardProperty): number {
  const pref = Number(property.params.get("PREF")?.[0]);
  if (pref >= 1) return pref;
  return property.types.has("pref") ? 1 : 101;
}

function byPreference(properties: VcardProperty[]): VcardProperty[] {
  return [...properties].sort((a, b) => preference(a) - preference(b));
}

/** A structured value's components, each a list of unescaped, trimmed items ("Richter,James"). */
function components(value: string): string[][] {
  return splitEscaped(value, ";").map((component) =>
    splitEscaped(component, ",").map((item) => unescapeValue(item).trim()),
  );
}

function text(value: string): string {
  return unescapeValue(value).trim();
}

function lines(items: string[] | undefined): string[] {
  return (items ?? []).flatMap((item) => item.split("\n")).map((line) => line.trim());
}

// "sip:" and other URIs in TEL are not phone numbers; "tel:+1-418-656-9254;ext=102" is.
function phoneValue(value: string): string | undefined {
  const phone = text(value);
  if (!/^tel:/i.test(phone)) return /^[a-z][a-z0-9+.-]*:/i.test(phone) ? undefined : phone;
  return phone.slice(4).replace(/;ext=/i, " ext. ").replace(/;.*$/, "");
}

// Some writers put a whole mailbox in EMAIL ("Omega" <omega@example.com>); the address is what matters.
function emailValue(value: string): string {
  const email = text(value).replace(/^mailto:/i, "");
  return /<([^<>\s]+@[^<>\s]+)>/.exec(email)?.[1] ?? email;
}

/** One address, so lines never mix: the preferred one, else work as in column mapping, else the first. */
function chooseAddress(addresses: VcardProperty[]): VcardProperty | undefined {
  const [preferred] = byPreference(addresses);
  if (preferred && preference(preferred) <= 100) return preferred;
  return addresses.find((address) => address.types.has("work")) ?? addresses[0];
}

type ListField = "email" | "phone" | "street" | "tags";

function put(row: ImportRow, field: Exclude<keyof ImportRow, ListField>, value: string | undefined): void {
  if (value) row[field] ??= value;
}

function putList(row: ImportRow, field: ListField, values: (string | undefined)[]): void {
  const kept = values.filter((value): value is string => Boolean(value));
  if (kept.length > 0) row[field] = kept;
}

function putAddress(row: ImportRow, address: VcardProperty | undefined): void {
  if (!address) return;
  const [poBox, extended, street, locality, region, postcode, country] = components(address.value);
  putList(row, "street", [...lines(street), ...lines(extended), ...lines(poBox)]);
  put(row, "city", locality?.join(", "));
  put(row, "region", region?.join(", "));
  put(row, "postcode", postcode?.join(", "));
  put(row, "country", country?.join(", "));
}

/** N's parts; FN names a person only when N is empty, and an organisation or a place always. */
function putNames(row: ImportRow, name: VcardProperty | undefined, formattedName: string, kind: string): void {
  const [family, given, middle, prefix] = components(name?.value ?? "").map((items) => items.filter(Boolean).join(" "));
  put(row, "lastName", family);
  put(row, "firstName", given);
  put(row, "middleName", middle);
  put(row, "civility", prefix);
  if (kind !== "individual") put(row, "company", formattedName);
  else if (!row.firstName && !row.lastName) put(row, "fullName", formattedName);
}

/** Numbers that reach the person: no fax or pager, nor what Apple labels the assistant's phone. */
function reachablePhones(phones: VcardProperty[], labels: VcardProperty[]): VcardProperty[] {
  // Apple labels a property through its group: "item2.TEL:..." with "item2.X-ABLabel:_$!<AssistantPhone>!$_".
  const labelOf = new Map(labels.map((label) => [label.group, label.value.toLowerCase()]));
  return phones.filter((phone) => {
    if (phone.types.has("fax") || phone.types.has("pager")) return false;
    return !/assistant|fax|pager/.test(labelOf.get(phone.group) ?? "");
  });
}

/** One card's properties as an ImportRow; undefined for a group card or a card with nothing to import. */
function cardToRow(properties: VcardProperty[]): ImportRow | undefined {
  const all = (name: string) => properties.filter((property) => property.name === name);
  const firstText = (name: string) => text(all(name)[0]?.value ?? "");
  const kind = firstText("KIND").toLowerCase() || "individual";
  if (kind === "group") return undefined; // a list of members, not a contact

  const row: ImportRow = {};
  put(row, "company", text(splitEscaped(all("ORG")[0]?.value ?? "", ";")[0] ?? ""));
  putNames(row, all("N")[0], firstText("FN"), kind);
  put(row, "jobTitle", firstText("TITLE"));
  putList(
    row,
    "email",
    byPreference(all("EMAIL")).map((email) => emailValue(email.value)),
  );
  const phones = reachablePhones(byPreference(all("TEL")), all("X-ABLABEL"));
  putList(
    row,
    "phone",
    phones.map((phone) => phoneValue(phone.value)),
  );
  putAddress(row, chooseAddress(all("ADR")));
  put(row, "birthDate", firstText("BDAY"));
  put(row, "website", text(byPreference(all("URL"))[0]?.value ?? ""));
  put(
    row,
    "notes",
    all("NOTE")
      .map((note) => text(note.value))
      .filter(Boolean)
      .join("\n"),
  );
  putList(
    row,
    "tags",
    all("CATEGORIES")
      .flatMap((tags) => text(tags.value).split(","))
      .map((tag) => tag.trim()),
  );
  return Object.keys(row).length > 0 ? row : undefined;
}

function parse(input: string, source: ValueSource): ImportRow[] {
  // Cards are kept in the order they begin, so a parent comes before the cards nested in it.
  const cards: VcardProperty[][] = [];
  const open: VcardProperty[][] = [];
  for (const line of contentLines(input)) {
    const property = parseProperty(line, source);
    if (!property) continue;
    const value = property.value.trim().toUpperCase();
    if (property.name === "BEGIN" && value === "VCARD") {
      const card: VcardProperty[] = [];
      cards.push(card);
      open.push(card);
    } else if (property.name === "END" && value === "VCARD") {
      open.pop();
    } else {
      open.at(-1)?.push(property);
    }
  }
  return cards.map(cardToRow).filter((row): row is ImportRow => row !== undefined);
}

/**
 * Reads the contacts of vCard 2.1, 3.0 and 4.0 text that is already decoded. Lines that cannot be
 * read are skipped: one broken property never loses the file. Values are kept as written; they
 * are normalised later, by the matching step.
 *
 * @example parseVcards("BEGIN:VCARD\nN:Doe;Jane;;Dr.\nEMAIL:jane@acme.fr\nEND:VCARD")
 * // [{ lastName: "Doe", firstName: "Jane", civility: "Dr.", email: ["jane@acme.fr"] }]
 */
export function parseVcards(text: string): ImportRow[] {
  return parse(text, "text");
}

/**
 * Reads a .vcf file's bytes. A file that is UTF-8, UTF-16 or in the charset the caller names is
 * decoded first; any other file is kept as bytes until each property names its CHARSET, because
 * old phones write one vCard in Shift_JIS or windows-1252 property by property.
 */
export function readVcards(bytes: Uint8Array, charset?: string): { rows: ImportRow[]; encoding: string } {
  const decoded = decodeText(bytes, charset);
  if (charset || decoded.encoding !== "windows-1252") {
    return { rows: parse(decoded.text, "text"), encoding: decoded.encoding };
  }
  return { rows: parse(Buffer.from(bytes).toString("latin1"), "binary"), encoding: decoded.encoding };
}
