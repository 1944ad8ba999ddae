import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPostalLines } from "./postal-address.ts";

const address = (lines: string[], postcode: string | null, city: string | null, country: string | null) => ({
  lines,
  postcode,
  city,
  country,
});

describe("formatPostalLines", () => {
  it("writes a French address by the norm: capitals, no accents, no commas or dots", () => {
    expect(formatPostalLines(address(["10, rue de la Paix"], "75 002", "Paris", "FR"))).toEqual([
      "10 RUE DE LA PAIX",
      "75002 PARIS",
    ]);
    expect(
      formatPostalLines(
        address(
          ["Résidence « Les Érables », Bât. B", "12 bis, av. du Général-de-Gaulle", "B.P. 27"],
          "94160",
          "Saint-Mandé",
          "FR",
        ),
      ),
    ).toEqual(["RESIDENCE LES ERABLES BAT B", "12 BIS AV DU GENERAL-DE-GAULLE", "BP 27", "94160 SAINT-MANDE"]);
    expect(formatPostalLines(address(["3 place de l’Église"], "94240", "L'Haÿ-les-Roses", null))).toEqual([
      "3 PLACE DE L'EGLISE",
      "94240 L'HAY-LES-ROSES",
    ]);
  });

  it("adds the country in French when the mail leaves the sender's country", () => {
    expect(formatPostalLines(address(["10 Downing Street"], "sw1a2aa", "London", "GB"))).toEqual([
      "10 DOWNING STREET",
      "SW1A 2AA LONDON",
      "ROYAUME-UNI",
    ]);
    expect(formatPostalLines(address(["Unter den Linden 77"], "10117", "Berlin", "Deutschland"))).toEqual([
      "UNTER DEN LINDEN 77",
      "10117 BERLIN",
      "ALLEMAGNE",
    ]);
    expect(formatPostalLines(address(["1600 Pennsylvania Ave NW"], "20500", "Washington", "US"))).toContain(
      "ETATS-UNIS",
    );
    expect(formatPostalLines(address(["Rue du Rhône 1"], "1204", "Genève", "CH"), { senderCountry: "CH" })).toEqual([
      "RUE DU RHONE 1",
      "1204 GENEVE",
    ]);
    expect(formatPostalLines(address(["1 rue de Rivoli"], "75001", "Paris", "FR"), { senderCountry: "BE" })).toEqual([
      "1 RUE DE RIVOLI",
      "75001 PARIS",
      "FRANCE",
    ]);
    expect(formatPostalLines(address(["Main Street 1"], "999", "Springfield", "ZZ"))).toEqual([
      "MAIN STREET 1",
      "999 SPRINGFIELD",
      "ZZ",
    ]);
  });

  it("wraps long lines between words and cuts only a word longer than a line", () => {
    const lines = formatPostalLines(
      address(["Appartement 12, escalier B, 3e étage, porte gauche au fond du couloir"], "69001", "Lyon", "FR"),
    );
    expect(lines).toEqual(["APPARTEMENT 12 ESCALIER B 3E ETAGE", "PORTE GAUCHE AU FOND DU COULOIR", "69001 LYON"]);
    const long = "X".repeat(50);
    expect(formatPostalLines(address([long], null, null, null))).toEqual(["X".repeat(38), "X".repeat(12)]);
  });

  it("keeps postcode and locality on one line, shortened as La Poste does", () => {
    const lines = formatPostalLines(
      address(["Mairie"], "51300", "Saint-Rémy-en-Bouzemont-Saint-Genest-et-Isson", "FR"),
    );
    expect(lines).toEqual(["MAIRIE", "51300 ST REMY EN BOUZEMONT ST GENEST"]);
  });

  it("drops the first complements when the address does not fit in six lines", () => {
    const lines = formatPostalLines(
      address(
        ["Service comptabilité", "Chez M. Martin", "Bâtiment C", "Entrée 2", "Zone industrielle", "4 rue des Lilas"],
        "1000",
        "Bruxelles",
        "BE",
      ),
    );
    expect(lines).toEqual([
      "BATIMENT C",
      "ENTREE 2",
      "ZONE INDUSTRIELLE",
      "4 RUE DES LILAS",
      "1000 BRUXELLES",
      "BELGIQUE",
    ]);
  });

  it("gives nothing for an empty address", () => {
    expect(formatPostalLines(address([], null, null, null))).toEqual([]);
    expect(formatPostalLines(address(["  ", ","], "", "", "FR"))).toEqual([]);
  });

  it("never exceeds 6 lines of 38 capitals, digits, spaces, hyphens, apostrophes or slashes", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 90 });
    const country = fc.constantFrom("FR", "GB", "DE", "US", "Pays-Bas", null);
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 8 }),
        fc.option(text),
        fc.option(text),
        country,
        (lines, postcode, city, where) => {
          const printed = formatPostalLines(address(lines, postcode, city, where));
          expect(printed.length).toBeLessThanOrEqual(6);
          for (const line of printed) {
            expect(line.length).toBeGreaterThan(0);
            expect(line.length).toBeLessThanOrEqual(38);
            expect(line).toMatch(/^[A-Z0-9'/ -]+$/);
            expect(line).toBe(line.trim());
          }
        },
      ),
    );
  });
});
