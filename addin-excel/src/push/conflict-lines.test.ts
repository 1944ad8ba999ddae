import type { ImportRowResult } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import { conflictLines, valueText } from "./conflict-lines.ts";
import { rowStatus } from "./row-status.ts";

describe("a conflict as the pane shows it", () => {
  const changes = [
    { field: "jobTitle", from: "Head buyer", to: "Intern" },
    { field: "phones", from: ["+33612345678"], to: ["+33612345678", "+33143000000"] },
    {
      field: "address",
      from: null,
      to: { lines: ["8 avenue Foch"], postcode: "69006", city: "Lyon", region: null, country: "FR" },
    },
  ];

  it("sets Rapport's value beside the sheet's, field by field, in words", () => {
    expect(conflictLines({ changes }, "en")).toEqual([
      { field: "job title", server: "Head buyer", mine: "Intern" },
      { field: "phones", server: "+33612345678", mine: "+33612345678, +33143000000" },
      { field: "address", server: "—", mine: "8 avenue Foch, 69006 Lyon, FR" },
    ]);
    expect(conflictLines({ changes }, "fr")[0]?.field).toBe("fonction");
    expect(valueText([])).toBe("—");
  });

  it("says in the status column which row a duplicate repeats, as the sheet numbers it", () => {
    const result: ImportRowResult = {
      row: 5,
      action: "duplicate",
      proposed: "duplicate",
      overridden: false,
      targetId: null,
      duplicateOf: 2,
      score: 0.99,
      review: false,
      reasons: [],
      changes: [],
      errors: [],
      values: {},
      status: "pending",
      recordId: null,
    };
    // Import row 2 is the sheet's row 3 (a header above it).
    expect(rowStatus(result, (row) => row + 1, "en")).toEqual({ text: "Duplicate of row 3", fill: "#FFEB9C" });
    expect(rowStatus({ ...result, action: "conflict", changes }, () => 0, "fr").text).toMatch(
      /^Conflit : modifié dans Rapport/,
    );
  });
});
