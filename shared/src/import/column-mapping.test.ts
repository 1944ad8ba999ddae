import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  FIELD_LABELS,
  IMPORT_FIELDS,
  type ImportField,
  mapRow,
  proposeMapping,
  REPEATABLE_IMPORT_FIELDS,
} from "./index.ts";

const HEADERS_DOC = new URL("../../../../shared/data/contact-csv-headers.md", import.meta.url);

/** Every code block of contact-csv-headers.md, keyed by its section number and position ("3", "3#2"). */
function headerBlocks(): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  let section = "";
  for (const match of readFileSync(HEADERS_DOC, "utf8").matchAll(/^## (\w+)\.|^```\n([\s\S]*?)^```/gm)) {
    if (match[1]) {
      section = match[1];
      continue;
    }
    // The doc writes "…" where it skips columns; the other cells are real headers (a trailing comma adds "").
    const headers = (match[2] ?? "")
      .replace(/\n/g, "")
      .split(",")
      .map((cell) => cell.trim().replace(/^"(.*)"$/, "$1"))
      .filter((cell) => !cell.includes("…"));
    const key = blocks.has(section) ? `${section}#2` : section;
    blocks.set(key, headers);
  }
  return blocks;
}

/** The fields proposed for the named headers, to compare with an expectation. */
function proposedFor(headers: string[], names: string[]): Record<string, ImportField | null> {
  const mapping = proposeMapping(headers);
  return Object.fromEntries(
    names.map((name) => {
      const index = headers.indexOf(name);
      if (index < 0) throw new Error(`no header "${name}" in ${headers.slice(0, 3).join(",")}...`);
      return [name, mapping[index] ?? null];
    }),
  );
}

const OUTLOOK_DESKTOP: Record<string, ImportField | null> = {
  Title: "civility",
  "First Name": "firstName",
  "Middle Name": "middleName",
  "Last Name": "lastName",
  Suffix: null,
  Company: "company",
  Department: null,
  "Job Title": "jobTitle",
  "Business Street": "street",
  "Business Street 2": "street",
  "Business City": "city",
  "Business State": "region",
  "Business Postal Code": "postcode",
  "Business Country/Region": "country",
  "Home Street": null,
  "Home City": null,
  "Home Postal Code": null,
  "Other City": null,
  "Business Phone": "phone",
  "Home Phone": "phone",
  "Mobile Phone": "phone",
  "Other Phone": "phone",
  "Car Phone": "phone",
  "Assistant's Phone": null,
  "Business Fax": null,
  Pager: null,
  Birthday: "birthDate",
  Anniversary: null,
  Categories: "tags",
  "E-mail Address": "email",
  "E-mail Type": null,
  "E-mail Display Name": null,
  "E-mail 2 Address": "email",
  "E-mail 2 Type": null,
  "E-mail 3 Address": "email",
  "E-mail 3 Display Name": null,
  "Government ID Number": "nationalId",
  "Organizational ID Number": null,
  Notes: "notes",
  "Web Page": "website",
  Keywords: null,
};

const EXPECTED: Record<string, Record<string, ImportField | null>> = {
  "1": OUTLOOK_DESKTOP,
  "2": {
    "First Name": "firstName",
    Title: "civility",
    Nickname: null,
    "E-mail Address": "email",
    "E-mail 3 Address": "email",
    "Home Phone": "phone",
    "Mobile Phone": "phone",
    "Job Title": "jobTitle",
    Company: "company",
    "Business Street": "street",
    "Business City": "city",
    "Business Postal Code": "postcode",
    "Business Country/Region": "country",
    "Home Street": null,
    "Home City": null,
    "Personal Web Page": null,
    "Web Page": "website",
    Birthday: "birthDate",
    Notes: "notes",
  },
  "3": {
    "First Name": "firstName",
    "Last Name": "lastName",
    "Phonetic First Name": null,
    "Name Prefix": "civility",
    "Organization Name": "company",
    "Organization Title": "jobTitle",
    "Organization Department": null,
    Birthday: "birthDate",
    Labels: "tags",
    Photo: null,
  },
  "3#2": {
    "E-mail 1 - Label": null,
    "E-mail 1 - Value": "email",
    "Phone 1 - Value": "phone",
    "Address 1 - Formatted": null,
    "Address 1 - Street": "street",
    "Address 1 - City": "city",
    "Address 1 - Postal Code": "postcode",
    "Address 1 - Country": "country",
    "Website 1 - Value": "website",
    "Event 1 - Value": null,
    "Custom Field 1 - Value": null,
  },
  "3b": {
    Title: "civility",
    "Web Page": "website",
    "E-mail Address": "email",
    "Home Address": null,
    "Home Street": null,
    Company: "company",
    "Job Title": "jobTitle",
    "Business Address": null,
    "Business Street": "street",
    "Business City": "city",
    "Business Country": "country",
    Categories: "tags",
  },
  "4": {
    Name: "fullName",
    "Given Name": "firstName",
    "Additional Name": "middleName",
    "Family Name": "lastName",
    "Given Name Yomi": null,
    "Name Prefix": "civility",
    Occupation: null,
    "Group Membership": "tags",
    "E-mail 1 - Type": null,
    "E-mail 1 - Value": "email",
    "E-mail 4 - Value": "email",
    "Phone 1 - Type": null,
    "Phone 7 - Value": "phone",
    "Address 1 - Street": "street",
    "Address 1 - City": "city",
    "Address 1 - Postal Code": "postcode",
    "Address 2 - Street": null,
    "Address 2 - City": null,
    "Organization 1 - Name": "company",
    "Organization 1 - Title": "jobTitle",
    "Organization 1 - Yomi Name": null,
    "Website 1 - Value": "website",
    "Website 2 - Value": null,
  },
  "5": {
    "First Name": "firstName",
    "Last Name": "lastName",
    "Display Name": "fullName",
    "Primary Email": "email",
    "Secondary Email": "email",
    "Work Phone": "phone",
    "Mobile Number": "phone",
    "Fax Number": null,
    "Home Address": null,
    "Work Address": "street",
    "Work Address 2": "street",
    "Work City": "city",
    "Work ZipCode": "postcode",
    "Work Country": "country",
    Organization: "company",
    "Web Page 1": "website",
    "Birth Day": null,
    "": null,
  },
  "6": {
    "Record ID": null,
    "First Name": "firstName",
    City: "city",
    "Company Name": "company",
    "Country/Region": "country",
    Email: "email",
    "Mobile Phone Number": "phone",
    "Phone Number": "phone",
    "Postal Code": "postcode",
    "State/Region": "region",
    "Street Address": "street",
    "Website URL": "website",
    "Work email": "email",
    "Associated Company": null,
    "Associated Company IDs": null,
  },
  "8": {
    "Record Id": null,
    "Account Name": "company",
    "Account Name.id": null,
    Mobile: "phone",
    "Mailing Street": "street",
    "Mailing City": "city",
    "Mailing State": "region",
    "Mailing Zip": "postcode",
  },
};

describe("proposeMapping on the real export headers of contact-csv-headers.md", () => {
  const blocks = headerBlocks();

  it("has an expectation for every header list in the document", () => {
    expect([...blocks.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(blocks.get("1")).toHaveLength(92);
    expect(blocks.get("2")).toHaveLength(61);
  });

  for (const [section, expected] of Object.entries(EXPECTED)) {
    it(`maps the important columns of section ${section}`, () => {
      const headers = blocks.get(section) ?? [];
      expect(proposedFor(headers, Object.keys(expected))).toEqual(expected);
    });

    it(`gives one entry per header and each single-valued field once, in section ${section}`, () => {
      const headers = blocks.get(section) ?? [];
      const mapping = proposeMapping(headers);
      expect(mapping).toHaveLength(headers.length);
      const single = mapping.filter((field) => field !== null && !REPEATABLE_IMPORT_FIELDS.has(field));
      expect(new Set(single).size).toBe(single.length);
    });
  }

  it("keeps the street lines of the Outlook export in column order", () => {
    const headers = blocks.get("1") ?? [];
    const mapping = proposeMapping(headers);
    const streets = headers.filter((_, index) => mapping[index] === "street");
    expect(streets).toEqual(["Business Street", "Business Street 2", "Business Street 3", "Business Address PO Box"]);
  });
});

describe("proposeMapping on other known header sets", () => {
  it("reads FEBRL headers; the record id is the caller's choice", () => {
    const headers = ["rec_id", "given_name", "surname", "street_number", "address_1", "address_2", "suburb"];
    const more = ["postcode", "state", "date_of_birth", "soc_sec_id"];
    expect(proposeMapping([...headers, ...more])).toEqual([
      null,
      "firstName",
      "lastName",
      "streetNumber",
      "street",
      "street",
      "city",
      "postcode",
      "region",
      "birthDate",
      "nationalId",
    ]);
  });

  it("reads the Excel pane's own headers", () => {
    const headers = ["Id", "Version", "First name", "Last name", "Email", "Email 2", "Phone", "Company"];
    const more = ["Job title", "Postcode", "City", "Country", "Tags", "Source"];
    expect(proposeMapping([...headers, ...more])).toEqual([
      "id",
      "version",
      "firstName",
      "lastName",
      "email",
      "email",
      "phone",
      "company",
      "jobTitle",
      "postcode",
      "city",
      "country",
      "tags",
      "source",
    ]);
  });

  it("reads French headers; Entreprise after Société finds the company taken", () => {
    const headers = ["Civilité", "Prénom", "Nom", "Société", "Entreprise", "Fonction", "Adresse 1", "Adresse 2"];
    const more = ["Code postal", "Ville", "Pays", "Téléphone", "Téléphone portable", "Adresse e-mail", "Courriel"];
    expect(proposeMapping([...headers, ...more, "Date de naissance"])).toEqual([
      "civility",
      "firstName",
      "lastName",
      "company",
      null,
      "jobTitle",
      "street",
      "street",
      "postcode",
      "city",
      "country",
      "phone",
      "phone",
      "email",
      "email",
      "birthDate",
    ]);
  });

  it("reads French Outlook, where Titre is first the civility and then the job title", () => {
    const headers = ["Titre", "Prénom", "Nom", "Titre", "Rue (bureau)", "Ville (bureau)", "Code postal (bureau)"];
    const more = ["Pays/Région (bureau)", "Rue (domicile)", "Ville (domicile)", "Adresse (domicile)"];
    const phones = [
      "Téléphone professionnel",
      "Tél. voiture",
      "Téléphone de l'assistant(e)",
      "Télécopie professionnelle",
    ];
    const rest = ["Adresse de messagerie", "Type de messagerie", "Anniversaire", "Anniversaire de mariage ou fête"];
    expect(proposeMapping([...headers, ...more, ...phones, ...rest])).toEqual([
      "civility",
      "firstName",
      "lastName",
      "jobTitle",
      "street",
      "city",
      "postcode",
      "country",
      null,
      null,
      null,
      "phone",
      "phone",
      null,
      null,
      "email",
      null,
      "birthDate",
      null,
    ]);
  });

  it("reads a Salesforce Data Export: Title is the job title next to Salutation, Mailing wins over Other", () => {
    const headers = ["Id", "AccountId", "LastName", "FirstName", "Salutation", "Name", "OtherStreet", "OtherCity"];
    const more = ["MailingStreet", "MailingCity", "MailingPostalCode", "Phone", "Fax", "MobilePhone", "AssistantPhone"];
    const rest = ["Email", "Title", "LeadSource", "Birthdate", "Description", "OwnerId"];
    expect(proposeMapping([...headers, ...more, ...rest])).toEqual([
      "id",
      null,
      "lastName",
      "firstName",
      "civility",
      "fullName",
      null,
      null,
      "street",
      "city",
      "postcode",
      "phone",
      null,
      "phone",
      null,
      "email",
      "jobTitle",
      "source",
      "birthDate",
      "notes",
      null,
    ]);
  });

  it("reads HubSpot properties beyond the default view", () => {
    const headers = ["Salutation", "Date of birth", "Original Source", "Private e-mail address", "Email Domain"];
    expect(proposeMapping([...headers, "Invalid email address", "IP City", "Associated Company"])).toEqual([
      "civility",
      "birthDate",
      "source",
      "email",
      null,
      null,
      null,
      "company",
    ]);
  });

  it("ignores case, accents and punctuation, and unknown headers", () => {
    expect(proposeMapping(["FIRST_NAME", "e.mail", "prenom", "TÉLÉPHONE", "Shoe size", ""])).toEqual([
      "firstName",
      "email",
      null,
      "phone",
      null,
      null,
    ]);
  });

  it("prefers a plain address over the Business block, and Home over Other", () => {
    expect(proposeMapping(["Business City", "City"])).toEqual([null, "city"]);
    expect(proposeMapping(["Other City", "Home City", "Home Street"])).toEqual([null, "city", "street"]);
  });

  it("recognises its own labels, in English and in French", () => {
    for (const language of ["en", "fr"] as const) {
      const labels = IMPORT_FIELDS.map((field) => FIELD_LABELS[field][language]);
      expect(proposeMapping(labels)).toEqual([...IMPORT_FIELDS]);
    }
  });
});

describe("mapRow", () => {
  it("trims cells, leaves empty ones out and fills list fields in column order", () => {
    const mapping: (ImportField | null)[] = [
      "firstName",
      "lastName",
      "email",
      "phone",
      "email",
      null,
      "street",
      "street",
    ];
    const cells = [" Hélène ", "  ", "b@acme.fr", "06 12 34 56 78", " a@acme.fr ", "ignored", "1 rue X", ""];
    expect(mapRow(cells, mapping)).toEqual({
      firstName: "Hélène",
      email: ["b@acme.fr", "a@acme.fr"],
      phone: ["06 12 34 56 78"],
      street: ["1 rue X"],
    });
  });

  it("splits tags on ; and , and reads Google's ' ::: ' joins and '* ' marks", () => {
    expect(mapRow(["vip; 2024,salon ;", "* myContacts ::: * starred ::: coworkers"], ["tags", "tags"])).toEqual({
      tags: ["vip", "2024", "salon", "myContacts", "starred", "coworkers"],
    });
    expect(mapRow(["a@x.fr ::: b@x.fr"], ["email"])).toEqual({ email: ["a@x.fr", "b@x.fr"] });
  });

  it("turns a multi-line street cell into lines", () => {
    expect(mapRow(["Industrigata 50B\r\nBygg 2\n"], ["street"])).toEqual({ street: ["Industrigata 50B", "Bygg 2"] });
  });

  it("takes the first non-empty column when a single field is mapped twice", () => {
    expect(mapRow(["", "Acme", "Other"], ["company", "company", "company"])).toEqual({ company: "Acme" });
  });

  it("keeps formula-looking text and copes with short rows", () => {
    expect(mapRow(['=HYPERLINK("x")'], ["notes", "city"])).toEqual({ notes: '=HYPERLINK("x")' });
  });
});
