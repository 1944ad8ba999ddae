import { describe, expect, it } from "vitest";
import { itemPerson } from "../domain/outlook-item.ts";
import { lookupPlan } from "./lookup-plan.ts";

const me = "julien.mercier@rapport.local";

describe("lookupPlan", () => {
  it("asks about each distinct address once, sender first, never the user's own", () => {
    const people = [
      itemPerson("Adele", "Adele@Contoso.com", "from"),
      itemPerson("Julien", "Julien.Mercier@rapport.local", "to"),
      itemPerson("Adele again", "adele@contoso.com", "cc"),
      itemPerson("Bob", "bob@fabrikam.com", "cc"),
    ];
    expect(lookupPlan(people, me)).toEqual({
      emails: ["adele@contoso.com", "bob@fabrikam.com"],
      notLookedUp: 0,
      withoutAddress: 0,
    });
  });

  it("asks about the first 100 of 500 recipients and counts the others", () => {
    const people = Array.from({ length: 500 }, (_, i) => itemPerson(`Guest ${i}`, `guest${i}@fabrikam.example`, "to"));
    const plan = lookupPlan(people, me);
    expect(plan.emails).toHaveLength(100);
    expect(plan.notLookedUp).toBe(400);
  });

  it("never looks up an X.500 address, and asks about the user alone so the mail's state still comes back", () => {
    const plan = lookupPlan([itemPerson("Ops", "/O=EXCHANGELABS/CN=OPS", "from"), itemPerson("Julien", me, "to")], me);
    expect(plan).toEqual({ emails: [me], notLookedUp: 0, withoutAddress: 1 });
  });
});
