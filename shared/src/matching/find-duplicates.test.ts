import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ImportRow } from "../import/import-row.ts";
import { findDuplicates } from "./find-duplicates.ts";
import { prepareRecord } from "./prepare.ts";

const FEBRL = new URL("../../../../shared/data/febrl/", import.meta.url);

/** FEBRL rows in import form, and their true person (rec-<N>-…). */
function febrl(file: string): { person: string; row: ImportRow }[] {
  const lines = readFileSync(new URL(file, FEBRL), "utf8").split(/\r?\n/).filter(Boolean).slice(1);
  return lines.map((line) => {
    const [id, first, last, number, address1, address2, suburb, postcode, state, birth, ssn] = line
      .split(",")
      .map((cell) => cell.trim());
    const row: ImportRow = { street: [address1, address2].filter((line): line is string => Boolean(line)) };
    for (const [field, value] of [
      ["firstName", first],
      ["lastName", last],
      ["streetNumber", number],
      ["city", suburb],
      ["postcode", postcode],
      ["region", state],
      ["birthDate", birth],
      ["nationalId", ssn],
    ] as const)
      if (value) row[field] = value;
    return { person: id!.split("-")[1]!, row };
  });
}

describe("findDuplicates on FEBRL dataset1 (500 known duplicate pairs)", () => {
  const data = febrl("dataset1.csv");
  const report = findDuplicates(data.map(({ row }) => prepareRecord(row, { defaultCountry: "AU" })));

  it("finds the duplicates and nothing else", () => {
    let truePositives = 0;
    let predicted = 0;
    for (const cluster of report.clusters)
      for (let i = 0; i < cluster.length; i++)
        for (let j = i + 1; j < cluster.length; j++) {
          predicted++;
          if (data[cluster[i]!]!.person === data[cluster[j]!]!.person) truePositives++;
        }
    const precision = truePositives / predicted;
    const recall = truePositives / 500;
    expect(precision).toBeGreaterThanOrEqual(0.995);
    expect(recall).toBeGreaterThanOrEqual(0.995);
  });

  it("explains each pair in words", () => {
    const pair = report.pairs[0]!;
    expect(pair.reasons.length).toBeGreaterThan(3);
    expect(pair.reasons[0]!.weight).toBeGreaterThan(0);
    expect(pair.reasons.map((reason) => reason.text)).toContain("same date of birth");
  });

  it("learns from the data which fields are evidence", () => {
    const birthDate = report.model.fields.find((field) => field.comparison.field === "birthDate")!;
    // Agreeing on the date of birth is far likelier between duplicates than between strangers.
    expect(birthDate.m[0]! / birthDate.u[0]!).toBeGreaterThan(100);
    expect(report.stats.comparedFields).not.toContain("emails");
  });
});

describe("findDuplicates on lists without duplicates", () => {
  it("finds none among FEBRL dataset4a's 5,000 distinct people (EM alone would merge hundreds)", () => {
    const data = febrl("dataset4a.csv");
    const report = findDuplicates(data.map(({ row }) => prepareRecord(row, { defaultCountry: "AU" })));
    expect(report.clusters).toEqual([]);
    expect(report.stats.modelLearned).toBe(false);
  });

  it("still knows on a three-row file that a shared email is strong evidence", () => {
    const rows: ImportRow[] = [
      { firstName: "Hélène", lastName: "Lefèvre", email: ["helene@acme.fr"], postcode: "75001" },
      { firstName: "Jean", lastName: "Dupont", email: ["jean.dupont@exemple.fr"], postcode: "69001" },
      { firstName: "Jean", lastName: "DUPONT", email: ["Jean.Dupont@exemple.fr"] },
    ];
    const report = findDuplicates(rows.map((row) => prepareRecord(row, { defaultCountry: "FR" })));
    expect(report.clusters).toEqual([[1, 2]]);
  });

  it("never merges two people on their names alone", () => {
    const rows: ImportRow[] = [
      { firstName: "Jean", lastName: "Martin", email: ["jean.martin@a.fr"], postcode: "75001" },
      { firstName: "Jean", lastName: "Martin", email: ["jmartin@b.fr"], postcode: "13001" },
    ];
    const report = findDuplicates(rows.map((row) => prepareRecord(row, { defaultCountry: "FR" })));
    expect(report.clusters).toEqual([]);
  });
});
