import type { LoggedMail, LookupResult } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import {
  defaultSelection,
  EMPTY_SELECTION,
  linksOf,
  selectionFromLinks,
  withoutRecord,
  withRecord,
} from "./record-selection.ts";

const result = (
  email: string,
  contact: { id: string; firstName: string } | null,
  account: { id: string; name: string } | null,
) =>
  ({
    email,
    contact: contact ? { ...contact, lastName: null, emails: [email] } : null,
    account,
    openOpportunities: [],
    openCases: [],
    recentActivities: [],
    reasons: [],
    skipped: null,
  }) as unknown as LookupResult;

describe("record selection", () => {
  it("defaults to the sender's account and every matched contact, never a deal", () => {
    const results = [
      result("adele@contoso.com", { id: "con_a", firstName: "Adele" }, { id: "acc_c", name: "Contoso" }),
      result("bob@fabrikam.com", { id: "con_b", firstName: "Bob" }, { id: "acc_f", name: "Fabrikam" }),
    ];
    expect(linksOf(defaultSelection(results, []))).toEqual([
      { kind: "account", id: "acc_c", name: "Contoso" },
      { kind: "contact", id: "con_a", name: "Adele" },
      { kind: "contact", id: "con_b", name: "Bob" },
    ]);
  });

  it("defaults to where the rest of the conversation went", () => {
    const conversation = [
      {
        links: [
          { kind: "opportunity", id: "opp_1", name: "Renewal" },
          { kind: "account", id: "acc_c", name: "Contoso" },
        ],
      },
    ] as LoggedMail[];
    expect(defaultSelection([], conversation)).toEqual({
      account: { kind: "account", id: "acc_c", name: "Contoso" },
      opportunity: { kind: "opportunity", id: "opp_1", name: "Renewal" },
      case: null,
      contacts: [],
    });
  });

  it("replaces the account and drops its deal when another account is chosen; contacts are added once", () => {
    let selection = selectionFromLinks([
      { kind: "account", id: "acc_c", name: "Contoso" },
      { kind: "opportunity", id: "opp_1", name: "Renewal" },
    ]);
    selection = withRecord(selection, { kind: "account", id: "acc_f", name: "Fabrikam" });
    selection = withRecord(selection, { kind: "contact", id: "con_b", name: "Bob" });
    selection = withRecord(selection, { kind: "contact", id: "con_b", name: "Bob" });
    expect(linksOf(selection).map((l) => l.id)).toEqual(["acc_f", "con_b"]);
    expect(withoutRecord(selection, { kind: "contact", id: "con_b", name: "Bob" }).contacts).toEqual([]);
    expect(withoutRecord(EMPTY_SELECTION, { kind: "account", id: "x", name: "" })).toEqual(EMPTY_SELECTION);
  });
});
