import { describe, expect, it } from "vitest";
import { checkFilter } from "./check-filter.ts";
import { CONTACT_FIELDS, OPERATORS } from "./segment-fields.ts";

describe("checking a segment filter", () => {
  it("accepts every operator of every contact field with a value of the right kind", () => {
    const sample: Record<string, unknown> = {
      text: "x",
      number: 3,
      date: "2026-01-31",
      bool: true,
      tags: ["vip"],
      choice: "opted_in",
    };
    for (const [field, { kind, range }] of Object.entries(CONTACT_FIELDS)) {
      for (const op of OPERATORS[kind]) {
        let value: unknown = range ? range[0] : sample[kind];
        if (op === "empty" || op === "notEmpty") value = undefined;
        else if (op === "in" || op === "notIn") value = [value];
        else if (op === "between") value = [value, value];
        else if (op === "withinDays" || op === "notWithinDays") value = 90;
        expect(checkFilter("contacts", { field, op, value }), `${field} ${op}`).toEqual([]);
      }
    }
  });

  it("reports every problem with its path, and goes on past the first", () => {
    const problems = checkFilter("contacts", {
      or: [
        { field: "country", op: "in", value: [] },
        { not: { field: "orderTotal", op: "between", value: [100, 10] } },
        { field: "doNotContact", op: "eq", value: "yes" },
        { field: "tags", op: "empty", value: "x" },
        "country = FR",
      ],
    });
    expect(problems).toEqual([
      { path: "filter.or.0.value", message: "expected a non-empty list" },
      { path: "filter.or.1.not.value", message: "from is after to" },
      { path: "filter.or.2.value", message: "expected true or false" },
      { path: "filter.or.3.value", message: "empty takes no value" },
      { path: "filter.or.4", message: "expected a condition or an and / or / not group" },
    ]);
  });

  it("knows which fields each entity has", () => {
    expect(checkFilter("accounts", { field: "status", op: "eq", value: "customer" })).toEqual([]);
    expect(checkFilter("accounts", { field: "orderCount", op: "gt", value: 1 })[0]?.message).toBe(
      'no field "orderCount" on accounts',
    );
    expect(checkFilter("contacts", { field: "__proto__", op: "eq", value: 1 })[0]?.path).toBe("filter.field");
  });

  it("bounds the size of a tree", () => {
    const wide = { or: Array.from({ length: 250 }, () => ({ field: "country", op: "eq", value: "FR" })) };
    expect(checkFilter("contacts", wide).map((p) => p.message)).toContain("more than 200 nodes");
  });
});
