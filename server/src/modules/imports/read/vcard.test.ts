import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseVcards, readVcards } from "./vcard.ts";

const VCARDS = fileURLToPath(new URL("../../../../../../shared/data/vcard/", import.meta.url));
const read = (file: string) => readVcards(readFileSync(join(VCARDS, file))).rows;

/** Cards per file, from the README's per-file table (rows naming files not shipped here are ignored). */
function readmeCardCounts(): Map<string, number> {
  const readme = readFileSync(join(VCARDS, "README.md"), "utf8");
  return new Map(
    [...readme.matchAll(/^\| ([\w./-]+\.vcf) \| \d+ \| [^|]+ \| (\d+) \|/gm)].map((m) => [m[1] ?? "", Number(m[2])]),
  );
}

const vcfFiles = readdirSync(VCARDS, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".vcf"))
  .sort();

// Cards that yield no row: nothing but X- properties, or a KIND:group list of members.
const NO_ROW = new Set([
  "aosp-vcard/v21_android_custom_prop.vcf",
  "aosp-vcard/v21_im.vcf",
  "vobject/vcard40_group.vcf",
]);

describe("readVcards on every file of shared/data/vcard", () => {
  const counts = readmeCardCounts();

  it("finds the files the README describes", () => {
    expect(vcfFiles.length).toBe(60);
    for (const file of vcfFiles) expect(counts.has(file), file).toBe(true);
  });

  for (const file of vcfFiles) {
    it(`reads ${file}: one row per card, never throwing`, () => {
      const expected = NO_ROW.has(file) ? 0 : counts.get(file);
      expect(read(file)).toHaveLength(expected ?? -1);
    });
  }

  it("never throws on a file cut anywhere", () => {
    for (const file of vcfFiles) {
      const bytes = readFileSync(join(VCARDS, file));
      for (let cut = 1; cut < 10; cut++) {
        expect(() => readVcards(bytes.subarray(0, Math.floor((bytes.length * cut) / 10)))).not.toThrow();
      }
    }
  });
});

describe("readVcards on genuine client exports", () => {
  it("reads Gmail's three-card list", () => {
    expect(read("ez-vcard/gmail-list.vcf")).toEqual([
      { lastName: "Smith", firstName: "Arnold", email: ["asmithk@gmail.com"] },
      { lastName: "Beatle", firstName: "Chris", email: ["chrisy55d@yahoo.com"] },
      { lastName: "White", firstName: "Doug", email: ["dwhite@gmail.com"] },
    ]);
  });

  it("reads an iPhone card: groups, folded photo skipped, no fax, pager or assistant phone", () => {
    expect(read("ez-vcard/John_Doe_IPHONE.vcf")).toEqual([
      {
        lastName: "Doe",
        firstName: "John",
        middleName: "Richter James",
        civility: "Mr.",
        company: "IBM",
        jobTitle: "Money Counter",
        email: ["john.doe@ibm.com"],
        phone: ["905-555-1234", "905-666-1234", "905-777-1234"],
        street: ["Silicon Alley 5"],
        city: "New York",
        region: "New York",
        postcode: "12345",
        country: "United States of America",
        birthDate: "2012-06-06",
        website: "http://www.ibm.com",
      },
    ]);
  });

  it("reads Outlook 2007's vCard 2.1: quoted-printable note, work address, base64 skipped", () => {
    expect(read("ez-vcard/outlook-2007.vcf")).toEqual([
      {
        lastName: "Angstadt",
        firstName: "Michael",
        civility: "Mr.",
        company: "TheCompany",
        jobTitle: "TheJobTitle",
        email: ["mike.angstadt@gmail.com"],
        phone: ["(111) 555-1111", "(111) 555-2222", "(111) 555-4444"],
        street: ["222 Broadway", "TheOffice"],
        city: "New York",
        region: "NY",
        postcode: "99999",
        country: "USA",
        birthDate: "19220310",
        website: "http://mikeangstadt.name",
        notes:
          "This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\n" +
          "But I'm not sure because there's text formatting going on here.\nIt does not preserve the formatting",
      },
    ]);
  });

  it("reads Android's six cards, UTF-8 quoted-printable with soft breaks", () => {
    const rows = read("ez-vcard/John_Doe_ANDROID.vcf");
    expect(rows.slice(0, 3)).toEqual([
      { email: ["john.doe@company.com"], tags: ["My Contacts"] },
      { email: ["jane.doe@company.com"], tags: ["My Contacts"] },
      { lastName: "Ñ Ñ Ñ Ñ", phone: ["123456789"], tags: ["My Contacts"] },
    ]);
    expect(rows[3]?.lastName).toBe(Array(11).fill("Ñ").join(" "));
    expect(rows[4]).toMatchObject({ lastName: "Ñ Ñ", firstName: "Ñ Ñ Ñ", phone: ["123456", "123456"] });
    expect(rows[5]).toMatchObject({ lastName: "ÑÑÑÑ", email: ["henry@company.com"], phone: ["55556666"] });
  });

  it("reads Shift_JIS properties, quoted-printable too", () => {
    expect(read("aosp-vcard/v21_japanese_2.vcf")).toEqual([
      {
        lastName: "安藤",
        firstName: "ロイド1",
        street: ["東京都渋谷区桜丘町26-1セルリアンタワー6階"],
        postcode: "150-8512",
        notes: "メモ",
      },
    ]);
    expect(read("aosp-vcard/v21_multiple_entry.vcf")).toEqual([
      { lastName: "安藤ロイド3", phone: ["9", "10", "11"] },
      { lastName: "安藤ロイド4", phone: ["13", "15", "16"] },
      { lastName: "安藤ロイド5", phone: ["17", "18", "19", "20"] },
    ]);
    expect(read("aosp-vcard/v30_japanese.vcf")).toEqual([{ lastName: "伊能", firstName: "圭一", middleName: "伊予" }]);
  });

  it("reads the 2.1 kitchen sink: five-part N, escaped ORG, preferred email first", () => {
    expect(read("aosp-vcard/v21_complicated.vcf")).toEqual([
      {
        lastName: "Gump",
        firstName: "Forrest",
        middleName: "Hoge",
        civility: "Pos",
        company: "Gump Shrimp Co.",
        jobTitle: "Shrimp Man",
        email: ["forrestgump@walladalla.com", "cell@example.com"],
        phone: ["(111) 555-1212", "(404) 555-1212", "0311111111", "0322222222", "0333333333"],
        street: ["100 Waters Edge"],
        city: "Baytown",
        region: "LA",
        postcode: "30314",
        country: "United States of America",
        birthDate: "19800101",
        website: "http://www.example.com/",
        notes:
          "The following note is the example from RFC 2045.\nNow's the time for all folk to come to the aid of their country.",
      },
    ]);
  });

  it("reads RFC 6350's example: tel: URIs with an extension, BDAY as written", () => {
    expect(read("ez-vcard/rfc6350-example.vcf")).toEqual([
      {
        lastName: "Perreault",
        firstName: "Simon",
        company: "Viagenie",
        email: ["simon.perreault@viagenie.ca"],
        phone: ["+1-418-656-9254 ext. 102", "+1-418-262-6501"],
        street: ["2875 Laurier", "Suite D2-630"],
        city: "Quebec",
        region: "QC",
        postcode: "G1V 2M2",
        country: "Canada",
        birthDate: "--0203",
        website: "http://nomis80.org",
      },
    ]);
  });

  it("puts PREF first (4.0) and keeps the preferred address", () => {
    expect(read("vobject/vcard40_full.vcf")[0]).toMatchObject({
      email: ["johnny@personal.example.org", "john.public@example.com"],
      phone: ["+1-555-555-5555", "+1-555-123-4567"],
      street: ["456 Oak Lane"],
      city: "Somewhere",
      tags: ["BUSINESS", "NETWORKING"],
    });
  });

  it("reads Thunderbird's categories and the work address", () => {
    expect(read("ez-vcard/thunderbird-MoreFunctionsForAddressBook-extension.vcf")[0]).toMatchObject({
      tags: ["category1", "category2", "category3"],
      city: "New York",
      phone: ["555-555-1111", "555-555-2222", "555-555-5555"],
    });
  });
});

describe("readVcards on broken and unusual cards", () => {
  it("yields nested cards in the order they begin", () => {
    expect(read("aosp-vcard/v21_nest.vcf")).toEqual([
      { lastName: "parent", phone: ["1"] },
      { lastName: "nest1" },
      { lastName: "nest2" },
    ]);
  });

  it("skips comment lines but not a comment-looking quoted-printable continuation", () => {
    expect(read("aosp-vcard/v21_invalid_comment_line.vcf")).toEqual([
      {
        firstName: "Conference Call",
        notes: "This is an (sharp ->#<- sharp) example. This message must NOT be ignored.",
      },
    ]);
  });

  it("takes the address out of a mailbox written in EMAIL", () => {
    expect(read("aosp-vcard/v21_invalid_multiple_line.vcf")).toEqual([
      { firstName: "Omega", email: ["omega@example.com"] },
    ]);
  });

  it("reads backslashes as 2.1 writes them", () => {
    expect(read("aosp-vcard/v21_backslash.vcf")).toEqual([{ firstName: "A;B\\", middleName: "C\\;", civility: "D" }]);
  });

  it("keeps the readable parts of an address whose LABEL parameter breaks the line", () => {
    expect(read("ez-vcard/issue114.vcf")[0]).toMatchObject({
      lastName: "Dummy",
      company: "Dummy GmbH",
      street: expect.arrayContaining(["Dummy-Dummy-Strasse 1"]),
      city: "Bad Homburg",
      postcode: "61352",
      country: "Germany",
    });
  });

  it("uses FN only when N names nobody, and an organisation's FN as its company", () => {
    expect(read("aosp-vcard/v21_simple_2.vcf")).toEqual([{ fullName: "Ando Roid" }]);
    expect(read("aosp-vcard/v30_pager.vcf")).toEqual([{ lastName: "F", firstName: "G", middleName: "M" }]);
    expect(read("vobject/vcard40_org.vcf")[0]).toMatchObject({ company: "ABC, Inc." });
    expect(read("vobject/vcard40_location.vcf")[0]).toMatchObject({ company: "Empire State Building" });
    expect(read("vobject/vcard40_multilang.vcf")).toEqual([{ lastName: "Yamada", firstName: "Taro" }]);
  });

  it("reads an address continued over lines by backslashes", () => {
    const card =
      "BEGIN:VCARD\r\nVERSION:2.1\r\nADR;HOME:;;Hermann v. Brevern\\\r\n9999999\\\r\nPackstation 999;Hamburg;;99999;Deutschland\r\nEND:VCARD\r\n";
    expect(parseVcards(card)).toEqual([
      {
        street: ["Hermann v. Brevern", "9999999", "Packstation 999"],
        city: "Hamburg",
        postcode: "99999",
        country: "Deutschland",
      },
    ]);
  });

  it("skips lines it cannot read and closes a card left open at the end", () => {
    const text =
      "TEL:before any card\nBEGIN:VCARD\nthis is not a property\n:no name\nN:Doe;Jane\nEMAIL;TYPE=work:jane@acme.fr\n";
    expect(parseVcards(text)).toEqual([{ lastName: "Doe", firstName: "Jane", email: ["jane@acme.fr"] }]);
    expect(parseVcards("")).toEqual([]);
  });
});

describe("readVcards on encodings", () => {
  const card =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lefèvre;Hélène\r\nitem1.EMAIL;type=INTERNET:helene@acme.fr\r\nEND:VCARD\r\n";
  const expected = [{ lastName: "Lefèvre", firstName: "Hélène", email: ["helene@acme.fr"] }];

  it("reads UTF-16 without a BOM, as Roundcube's sample is", () => {
    const bytes = Buffer.from(card, "utf16le");
    for (let index = 0; index < bytes.length; index += 2) bytes.writeUInt16BE(bytes.readUInt16LE(index), index);
    expect(readVcards(bytes)).toEqual({ rows: expected, encoding: "utf-16be" });
  });

  it("reads UTF-8, and windows-1252 when the bytes are not UTF-8", () => {
    expect(readVcards(Buffer.from(card))).toEqual({ rows: expected, encoding: "utf-8" });
    expect(readVcards(Buffer.from(card, "latin1"))).toEqual({ rows: expected, encoding: "windows-1252" });
  });

  it("decodes a property by its CHARSET, as in Roundcube's johndoe.vcf", () => {
    const bytes = Buffer.from(
      "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=WINDOWS-1252:Sm\u00ebt;John\r\nEND:VCARD\r\n",
      "latin1",
    );
    expect(readVcards(bytes).rows).toEqual([{ lastName: "Smët", firstName: "John" }]);
  });

  it("guesses windows-1252 for quoted-printable without a CHARSET (The Bat!)", () => {
    // The byte is ń in ISO-8859-2; nothing in the card says so, so the Western guess is kept.
    const text = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:Iksi=F1ski;Jan\r\nEND:VCARD\r\n";
    expect(parseVcards(text)).toEqual([{ lastName: "Iksiñski", firstName: "Jan" }]);
  });

  it("honours the charset the caller names", () => {
    expect(readVcards(Buffer.from(card, "latin1"), "iso-8859-1")).toEqual({ rows: expected, encoding: "windows-1252" });
  });
});
