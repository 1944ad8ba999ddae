import { describe, expect, it } from "vitest";
import { auditQueryOf, datesReversed, NO_FILTERS } from "./audit-query.ts";

describe("auditQueryOf", () => {
  it("sends only the filters that are set", () => {
    expect(auditQueryOf(NO_FILTERS)).toEqual({});
    expect(auditQueryOf({ ...NO_FILTERS, userId: "usr_1", action: "update", entity: "user" })).toEqual({
      userId: "usr_1",
      action: "update",
      entity: "user",
    });
  });

  it("covers whole local days, the last one included", () => {
    const query = auditQueryOf({ ...NO_FILTERS, from: "2025-03-10", to: "2025-03-12" });
    expect(new Date(query.from ?? "").getTime()).toBe(new Date(2025, 2, 10).getTime());
    // The server's `to` is exclusive: the 12th ends at the 13th's midnight.
    expect(new Date(query.to ?? "").getTime()).toBe(new Date(2025, 2, 13).getTime());
  });

  it("ignores a day the date field has not finished", () => {
    expect(auditQueryOf({ ...NO_FILTERS, from: "2025-3", to: "" })).toEqual({});
  });

  it("notices an end before the start", () => {
    expect(datesReversed({ ...NO_FILTERS, from: "2025-03-10", to: "2025-03-09" })).toBe(true);
    expect(datesReversed({ ...NO_FILTERS, from: "2025-03-10", to: "2025-03-10" })).toBe(false);
    expect(datesReversed({ ...NO_FILTERS, from: "", to: "2025-03-09" })).toBe(false);
  });
});
