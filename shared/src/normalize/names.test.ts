import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractCivility, nameKey, phoneticKey, splitFullName } from "./names.ts";

/** Plain capitalised names that are neither civilities nor particles. */
const plainName = fc.constantFrom(
  "Jane",
  "Hélène",
  "Jean-Pierre",
  "François",
  "Zoë",
  "Doe",
  "Dupont",
  "Lefèvre",
  "O'Brien",
  "Müller",
  "Nguyen",
  "García",
);

describe("extractCivility", () => {
  it("recognises French and English civilities, whatever the case and the dot", () => {
    expect(extractCivility("Mme Hélène Lefèvre")).toEqual({ civility: "Mme", rest: "Hélène Lefèvre" });
    expect(extractCivility("M. Jean Dupont")).toEqual({ civility: "M.", rest: "Jean Dupont" });
    expect(extractCivility("M Dupont")).toEqual({ civility: "M.", rest: "Dupont" });
    expect(extractCivility("MONSIEUR DUPONT").civility).toBe("M.");
    expect(extractCivility("madame Martin").civility).toBe("Mme");
    expect(extractCivility("Mlle Sophie").civility).toBe("Mlle");
    expect(extractCivility("Melle Sophie").civility).toBe("Mlle");
    expect(extractCivility("Mademoiselle Sophie").civility).toBe("Mlle");
    expect(extractCivility("Mr. John Smith").civility).toBe("Mr");
    expect(extractCivility("MR John Smith").civility).toBe("Mr");
    expect(extractCivility("Mrs Jane Doe").civility).toBe("Mrs");
    expect(extractCivility("Ms. Jane Doe").civility).toBe("Ms");
    expect(extractCivility("Miss Marple").civility).toBe("Miss");
    expect(extractCivility("Dr. John Watson")).toEqual({ civility: "Dr", rest: "John Watson" });
    expect(extractCivility("Docteur Knock").civility).toBe("Dr");
    expect(extractCivility("Pr Raoult").civility).toBe("Pr");
    expect(extractCivility("Professeur Tournesol").civility).toBe("Pr");
  });

  it("reads a civility column on its own", () => {
    expect(extractCivility(" Madame ")).toEqual({ civility: "Mme", rest: "" });
    expect(extractCivility("M.")).toEqual({ civility: "M.", rest: "" });
  });

  it("never eats a name or initials", () => {
    expect(extractCivility("Mmeline Durand")).toEqual({ civility: null, rest: "Mmeline Durand" });
    expect(extractCivility("Marie Curie")).toEqual({ civility: null, rest: "Marie Curie" });
    expect(extractCivility("Mrsic Ivan").civility).toBeNull();
    expect(extractCivility("Draper Don").civility).toBeNull();
    expect(extractCivility("M.-J. Dupont")).toEqual({ civility: null, rest: "M.-J. Dupont" });
    expect(extractCivility("  Jane Doe ")).toEqual({ civility: null, rest: "Jane Doe" });
  });

  it("gives back the name after any civility, untouched", () => {
    const civility = fc.constantFrom("M.", "Mme", "MME", "Mlle", "Mr", "Mrs.", "Ms", "Miss", "Dr.", "Pr", "Monsieur");
    fc.assert(
      fc.property(civility, plainName, plainName, (title, first, last) => {
        const { civility: found, rest } = extractCivility(`${title} ${first} ${last}`);
        expect(found).not.toBeNull();
        expect(rest).toBe(`${first} ${last}`);
      }),
    );
  });
});

describe("splitFullName", () => {
  it("reads the usual French and English orders", () => {
    expect(splitFullName("Doe, Jane")).toEqual({ civility: null, firstName: "Jane", lastName: "Doe" });
    expect(splitFullName("Jane Doe")).toEqual({ civility: null, firstName: "Jane", lastName: "Doe" });
    expect(splitFullName("DUPONT Jean")).toEqual({ civility: null, firstName: "Jean", lastName: "DUPONT" });
    expect(splitFullName("Jean DUPONT")).toEqual({ civility: null, firstName: "Jean", lastName: "DUPONT" });
    expect(splitFullName("Mme Hélène Lefèvre")).toEqual({ civility: "Mme", firstName: "Hélène", lastName: "Lefèvre" });
    expect(splitFullName("Dupont")).toEqual({ civility: null, firstName: null, lastName: "Dupont" });
    expect(splitFullName("  ")).toEqual({ civility: null, firstName: null, lastName: null });
  });

  it("keeps particles with the last name", () => {
    expect(splitFullName("Jane van der Berg").lastName).toBe("van der Berg");
    expect(splitFullName("Ludwig van Beethoven").lastName).toBe("van Beethoven");
    expect(splitFullName("Charles de Gaulle")).toMatchObject({ firstName: "Charles", lastName: "de Gaulle" });
    expect(splitFullName("Jean de La Fontaine").lastName).toBe("de La Fontaine");
    expect(splitFullName("Yves Saint Laurent").lastName).toBe("Saint Laurent");
    expect(splitFullName("Leonardo da Vinci").lastName).toBe("da Vinci");
    expect(splitFullName("Jeanne d'Arc")).toMatchObject({ firstName: "Jeanne", lastName: "d'Arc" });
    expect(splitFullName("Van der Berg")).toMatchObject({ firstName: null, lastName: "Van der Berg" });
    expect(splitFullName("De Gaulle Charles")).toMatchObject({ firstName: "Charles", lastName: "De Gaulle" });
  });

  it("takes a particle that is also a first name as one when no particle follows", () => {
    expect(splitFullName("Van Morrison")).toMatchObject({ firstName: "Van", lastName: "Morrison" });
  });

  it("follows capitals across particles and compound names", () => {
    expect(splitFullName("Jean de LA FONTAINE")).toMatchObject({ firstName: "Jean", lastName: "de LA FONTAINE" });
    expect(splitFullName("Marie-Anne LE GOFF")).toMatchObject({ firstName: "Marie-Anne", lastName: "LE GOFF" });
    expect(splitFullName("MARTIN-DUBOIS Anne Sophie")).toMatchObject({
      firstName: "Anne Sophie",
      lastName: "MARTIN-DUBOIS",
    });
    // Initials are not a last name in capitals.
    expect(splitFullName("J.-P. Sartre")).toMatchObject({ firstName: "J.-P.", lastName: "Sartre" });
    // All capitals say nothing about the order.
    expect(splitFullName("JEAN DUPONT")).toMatchObject({ firstName: "JEAN", lastName: "DUPONT" });
  });

  it("finds the civility after a comma too", () => {
    expect(splitFullName("Watson, Dr John")).toEqual({ civility: "Dr", firstName: "John", lastName: "Watson" });
    expect(splitFullName("M. DUPONT, Jean")).toEqual({ civility: "M.", firstName: "Jean", lastName: "DUPONT" });
  });

  it("reads the same person in every order", () => {
    fc.assert(
      fc.property(plainName, plainName, (first, last) => {
        const expected = { civility: null, firstName: first, lastName: last };
        expect(splitFullName(`${first} ${last}`)).toEqual(expected);
        expect(splitFullName(`${last}, ${first}`)).toEqual(expected);
        expect(splitFullName(`${last.toUpperCase()} ${first}`)).toEqual({ ...expected, lastName: last.toUpperCase() });
        expect(splitFullName(`Mme ${first} ${last.toUpperCase()}`)).toEqual({
          ...expected,
          civility: "Mme",
          lastName: last.toUpperCase(),
        });
      }),
    );
  });
});

describe("nameKey", () => {
  it("compares names without accents, case, apostrophes or punctuation", () => {
    expect(nameKey("O'Brien")).toBe("obrien");
    expect(nameKey("O’Brien")).toBe(nameKey("OBrien"));
    expect(nameKey("Jean-François  LEFÈVRE")).toBe("jean francois lefevre");
    expect(nameKey("Lætitia Cœur")).toBe(nameKey("Laetitia Coeur"));
    expect(nameKey("Straße")).toBe("strasse");
    expect(nameKey("Łukasz Ørsted")).toBe("lukasz orsted");
    expect(nameKey("d'Estaing")).toBe("destaing");
    expect(nameKey(" -- ")).toBe("");
  });

  it("is idempotent and leaves only lower-case letters, digits and single spaces", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (text) => {
        const key = nameKey(text);
        expect(nameKey(key)).toBe(key);
        expect(key).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u);
        expect(key).toBe(key.toLowerCase());
      }),
    );
  });
});

describe("phoneticKey", () => {
  it("gives spelling variants of French names one key", () => {
    expect(phoneticKey("Dupont")).toBe(phoneticKey("Dupond"));
    expect(phoneticKey("Lefèvre")).toBe(phoneticKey("LEFEVRE"));
    expect(phoneticKey("Le Goff")).toBe(phoneticKey("Legoff"));
    expect(phoneticKey("Philippe")).toBe(phoneticKey("Filipe"));
    expect(phoneticKey("Thomas")).toBe(phoneticKey("Tomas"));
    expect(phoneticKey("Smith")).toBe(phoneticKey("Schmit"));
    expect(phoneticKey("Dupont")).not.toBe(phoneticKey("Martin"));
  });

  it("returns the NYSIIS key of the folded name, empty for nothing to code", () => {
    expect(phoneticKey("Dupond")).toBe("DAPAD");
    expect(phoneticKey("O'Daniel")).toBe("ODANAL");
    expect(phoneticKey("")).toBe("");
    expect(phoneticKey(" - ")).toBe("");
    expect(phoneticKey("Ольга")).toBe("");
  });

  it("ignores case, accents, spaces and hyphens and keeps 1 to 6 capitals", () => {
    const name = fc.stringMatching(/^[a-zA-Zéèêàçëïôü' -]{0,20}$/);
    fc.assert(
      fc.property(name, (text) => {
        const key = phoneticKey(text);
        expect(key).toMatch(/^[A-Z]{0,6}$/);
        expect(key === "").toBe(!/[a-zA-Zéèêàçëïôü]/.test(text));
        expect(phoneticKey(text.toUpperCase())).toBe(key);
        expect(phoneticKey(text.replace(/[ -]/g, ""))).toBe(key);
      }),
    );
  });
});
