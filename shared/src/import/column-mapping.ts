import { type ColumnMapping, type ImportField, type ImportRow, REPEATABLE_IMPORT_FIELDS } from "./import-row.ts";

type AddressField = "streetNumber" | "street" | "postcode" | "city" | "region" | "country";

/**
 * What one header says on its own. `group` is set on address fields only: the Business, Home or
 * Other block of an Outlook export, Google's "Address 2", Salesforce's Mailing/Other.
 */
type Guess = {
  field: ImportField | "title";
  group?: string;
  /**
   * The street is called "Address": "Home Address" is a street line in Thunderbird but the whole
   * formatted address in Google's Outlook CSV, where "Home Street" holds the line. Numbered
   * ("Home Address 2", "address_1") it is always a line.
   */
  addressWord?: "bare" | "numbered";
};

function keys<F extends string>(entries: [F, string[]][]): Map<string, F> {
  return new Map(entries.flatMap(([field, names]) => names.map((name): [string, F] => [name, field])));
}

// Compact keys: lower case, accents and everything but letters removed ("E-mail 2 Address" -> "emailaddress").
const FIELD_KEYS = keys<ImportField>([
  ["id", ["id", "rapportid", "idrapport"]],
  ["version", ["version"]],
  ["civility", ["civility", "civilite", "salutation", "nameprefix", "prefix", "honorific"]],
  ["firstName", ["firstname", "givenname", "forename", "first", "prenom"]],
  ["middleName", ["middlename", "additionalname", "deuxiemeprenom", "secondprenom"]],
  ["lastName", ["lastname", "surname", "familyname", "last", "nom", "nomdefamille"]],
  [
    "fullName",
    ["name", "fullname", "displayname", "contactname", "nomcomplet", "prenomnom", "nomprenom", "prenometnom"],
  ],
  ["jobTitle", ["jobtitle", "position", "jobposition", "organizationtitle", "fonction", "poste", "intituledeposte"]],
  [
    "company",
    [
      "company",
      "companyname",
      "organization",
      "organisation",
      "organizationname",
      "accountname",
      "associatedcompany",
      "employer",
      "societe",
      "entreprise",
      "raisonsociale",
      "nomdelentreprise",
      "nomdelasociete",
    ],
  ],
  ["website", ["website", "websiteurl", "webpage", "web", "url", "homepage", "siteweb", "siteinternet", "pageweb"]],
  ["birthDate", ["birthday", "birthdate", "dateofbirth", "dob", "datedenaissance", "naissance", "anniversaire"]],
  [
    "nationalId",
    [
      "nationalid",
      "governmentidnumber",
      "socsecid",
      "ssn",
      "socialsecuritynumber",
      "identifiantnational",
      "nir",
      "numerodesecuritesociale",
    ],
  ],
  ["tags", ["tags", "tag", "categories", "category", "labels", "groupmembership", "etiquettes", "categorie"]],
  ["source", ["source", "leadsource", "originalsource", "contactsource", "origine"]],
  ["notes", ["notes", "note", "description", "comments", "comment", "remarques", "commentaire", "commentaires"]],
]);

// "Title" is the civility in Outlook's export and the job title in Salesforce's; French Outlook writes "Titre" for both.
const TITLE_KEYS = new Set(["title", "titre"]);

const EMAIL_KEYS = new Set([
  "email",
  "emailaddress",
  "mail",
  "mailaddress",
  "courriel",
  "adresseemail",
  "adressemail",
  "adressecourriel",
  "adressedemessagerie",
  "adresseelectronique",
]);

// Fax, pager, telex, callback and the assistant's phone are left out: they are not a way to reach this
// person, and a number shared by several contacts would make the phone step of the matching ladder lie.
const PHONE_KEYS = new Set([
  "phone",
  "phonenumber",
  "telephone",
  "telephonenumber",
  "tel",
  "mobile",
  "mobilephone",
  "mobilephonenumber",
  "mobilenumber",
  "cell",
  "cellphone",
  "cellular",
  "carphone",
  "radiophone",
  "ttytddphone",
  "primaryphone",
  "mainphone",
  "companymainphone",
  "whatsappphonenumber",
  "portable",
  "gsm",
  "fixe",
  "numerodetelephone",
  "telportable",
  "telmobile",
  "telvoiture",
  "telephoneportable",
  "telephonemobile",
  "telephonefixe",
  "telephonesociete",
]);

const ADDRESS_KEYS = keys<AddressField>([
  [
    "street",
    [
      "street",
      "streetaddress",
      "addressline",
      "addresspobox",
      "pobox",
      "lignedadresse",
      "rue",
      "voie",
      "complementdadresse",
      "boitepostale",
    ],
  ],
  ["streetNumber", ["streetnumber", "streetno", "housenumber", "numerodevoie", "numerodelarue", "numero"]],
  ["postcode", ["postcode", "postalcode", "zip", "zipcode", "zippostalcode", "codepostal", "cp", "npa", "plz"]],
  ["city", ["city", "town", "suburb", "locality", "ville", "commune", "localite"]],
  [
    "region",
    ["state", "region", "province", "stateregion", "stateprovince", "departement", "depregion", "departementouregion"],
  ],
  ["country", ["country", "countryregion", "pays", "paysregion"]],
]);

/** Words that name an address block, before ("Business City") or after ("Ville (bureau)") the field. */
const QUALIFIERS = keys([
  ["business", ["business", "work", "office", "mailing", "bureau", "professionnel", "professionnelle", "pro"]],
  ["home", ["home", "personal", "private", "domicile", "personnel", "personnelle", "perso"]],
  ["other", ["other", "autre", "billing", "shipping", "primary", "secondary", "main", "alternate"]],
]);

// Google's repeated groups: "E-mail 1 - Value", "Address 2 - Postal Code", "Organization 1 - Name".
const GOOGLE_GROUP = /^(.+?)\s*(\d+)\s+-\s+(.+)$/;
const GOOGLE_VALUES = keys<ImportField>([
  ["email", ["email"]],
  ["phone", ["phone"]],
  ["website", ["website"]],
]);
const GOOGLE_ORGANIZATION_PARTS = keys<ImportField>([
  ["company", ["name"]],
  ["jobTitle", ["title"]],
]);
const GOOGLE_ADDRESS_PARTS = keys<AddressField>([
  ["street", ["street", "pobox", "extendedaddress"]],
  ["city", ["city"]],
  ["region", ["region"]],
  ["postcode", ["postalcode"]],
  ["country", ["country"]],
]);

function fold(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .trim();
}

function compact(folded: string): string {
  return folded.replace(/[^\p{L}]+/gu, "");
}

// Label/Type columns, events, relations and custom fields are left out.
function guessGoogleGroup(section: string, index: string, part: string): Guess | null {
  const field =
    part === "value"
      ? GOOGLE_VALUES.get(section)
      : section === "organization"
        ? GOOGLE_ORGANIZATION_PARTS.get(part)
        : undefined;
  if (field) return { field };
  const address = section === "address" ? GOOGLE_ADDRESS_PARTS.get(part) : undefined;
  return address ? { field: address, group: `address ${index}` } : null;
}

/** The field, and for addresses the block, a header names; null when it names nothing we import. */
function guessHeader(header: string): Guess | null {
  const folded = fold(header);
  const google = GOOGLE_GROUP.exec(folded);
  if (google?.[1] && google[2] && google[3]) return guessGoogleGroup(compact(google[1]), google[2], compact(google[3]));

  // Thunderbird splits the birthday into Birth Year, Birth Month and Birth Day columns: no column is the date.
  if (/^birth (day|month|year)$/.test(folded)) return null;
  const key = compact(folded);
  if (TITLE_KEYS.has(key)) return { field: "title" };
  const field = FIELD_KEYS.get(key);
  if (field) return { field };

  const candidates: [string, string][] = [[key, ""]];
  for (const [word, group] of QUALIFIERS) {
    if (key.length <= word.length) continue;
    if (key.startsWith(word)) candidates.push([key.slice(word.length), group]);
    if (key.endsWith(word)) candidates.push([key.slice(0, -word.length), group]);
  }
  for (const [rest, group] of candidates) {
    if (EMAIL_KEYS.has(rest)) return { field: "email" };
    if (PHONE_KEYS.has(rest)) return { field: "phone" };
    if (rest === "address" || rest === "adresse") {
      return { field: "street", group, addressWord: /\d/.test(header) ? "numbered" : "bare" };
    }
    const address = ADDRESS_KEYS.get(rest);
    if (address) return { field: address, group };
  }
  return null;
}

// A plain "City" column is the file's main address; then Business (a CRM wants where to reach people
// at work), then Home; other blocks in the order they appear.
const GROUP_RANK = new Map([
  ["", 0],
  ["business", 1],
  ["home", 2],
]);
function groupRank(group: string): number {
  return GROUP_RANK.get(group) ?? 3;
}

/** The one address block to keep, so a row never mixes the Business street with the Home city. */
function chooseAddressGroup(guesses: (Guess | null)[]): string | undefined {
  let best: string | undefined;
  for (const guess of guesses) {
    if (guess?.group === undefined) continue;
    if (best === undefined || groupRank(guess.group) < groupRank(best)) best = guess.group;
  }
  return best;
}

/**
 * Proposes, for each header of a contact file, the import field it fills, or null to ignore the
 * column. Headers are recognised whatever their case, accents and punctuation, from Outlook
 * (desktop and web, English and French), Google, Thunderbird, HubSpot, Salesforce, Zoho, FEBRL and
 * the Excel pane's own sheets. Only one address block is kept (a plain one, else Business, else
 * Home), and a field that takes one value goes to its first column only. The user reviews the
 * proposal before anything is imported.
 *
 * @example proposeMapping(["First Name", "E-mail Address", "E-mail Type", "Home City"])
 * // ["firstName", "email", null, "city"]
 */
export function proposeMapping(headers: string[]): ColumnMapping {
  const guessed = headers.map(guessHeader);
  const groupsWithStreet = new Set(
    guessed.filter((guess) => guess?.field === "street" && !guess.addressWord).map((guess) => guess?.group),
  );
  const guesses = guessed.map((guess) =>
    guess?.addressWord === "bare" && groupsWithStreet.has(guess.group) ? null : guess,
  );
  const addressGroup = chooseAddressGroup(guesses);
  const fields = guesses.map((guess) =>
    guess && (guess.group === undefined || guess.group === addressGroup) ? guess.field : null,
  );

  const named = new Set(fields);
  const taken = new Set<ImportField>();
  return fields.map((field) => {
    // A "Title" column is the civility unless another column already says it, then the job title.
    const resolved =
      field === "title"
        ? (["civility", "jobTitle"] as const).find((option) => !named.has(option) && !taken.has(option))
        : field;
    if (!resolved || (taken.has(resolved) && !REPEATABLE_IMPORT_FIELDS.has(resolved))) return null;
    taken.add(resolved);
    return resolved;
  });
}

/** The fields of ImportRow that hold lists: the repeatable ones. */
type ListField = { [K in keyof ImportRow]-?: NonNullable<ImportRow[K]> extends string[] ? K : never }[keyof ImportRow];

function isListField(field: ImportField): field is ListField {
  return REPEATABLE_IMPORT_FIELDS.has(field);
}

// Google joins several values of one cell with " ::: " and marks its own labels with "* "
// ("* myContacts ::: * starred"); Outlook separates categories with ";".
function splitCell(field: ListField, value: string): string[] {
  const parts =
    field === "tags"
      ? value.split(/;|,|:::/).map((tag) => tag.trim().replace(/^\*\s*/, ""))
      : field === "street"
        ? value.split(/\r\n|\r|\n/)
        : value.split(" ::: ");
  return parts.map((part) => part.trim()).filter((part) => part !== "");
}

/**
 * Turns one row of cells into an ImportRow: cells trimmed, empty ones left out, list fields filled
 * in column order, the other fields from their first non-empty column.
 *
 * @example mapRow([" Jane ", "", "vip; 2024"], ["firstName", "email", "tags"])
 * // { firstName: "Jane", tags: ["vip", "2024"] }
 */
export function mapRow(cells: string[], mapping: ColumnMapping): ImportRow {
  const row: ImportRow = {};
  mapping.forEach((field, index) => {
    const value = cells[index]?.trim();
    if (!field || !value) return;
    if (isListField(field)) {
      const values = splitCell(field, value);
      if (values.length > 0) row[field] = [...(row[field] ?? []), ...values];
    } else {
      row[field] ??= value;
    }
  });
  return row;
}

/** What to call each field in a mapping screen. */
export const FIELD_LABELS: Record<ImportField, { en: string; fr: string }> = {
  id: { en: "Rapport ID", fr: "ID Rapport" },
  version: { en: "Version", fr: "Version" },
  civility: { en: "Civility", fr: "Civilité" },
  firstName: { en: "First name", fr: "Prénom" },
  middleName: { en: "Middle name", fr: "Deuxième prénom" },
  lastName: { en: "Last name", fr: "Nom" },
  fullName: { en: "Full name", fr: "Nom complet" },
  email: { en: "Email", fr: "E-mail" },
  phone: { en: "Phone", fr: "Téléphone" },
  jobTitle: { en: "Job title", fr: "Fonction" },
  company: { en: "Company", fr: "Société" },
  website: { en: "Website", fr: "Site web" },
  streetNumber: { en: "Street number", fr: "Numéro de voie" },
  street: { en: "Address line", fr: "Ligne d'adresse" },
  postcode: { en: "Postcode", fr: "Code postal" },
  city: { en: "City", fr: "Ville" },
  region: { en: "Region", fr: "Région" },
  country: { en: "Country", fr: "Pays" },
  birthDate: { en: "Birth date", fr: "Date de naissance" },
  nationalId: { en: "National ID", fr: "Identifiant national" },
  tags: { en: "Tags", fr: "Étiquettes" },
  source: { en: "Source", fr: "Source" },
  notes: { en: "Notes", fr: "Notes" },
};
