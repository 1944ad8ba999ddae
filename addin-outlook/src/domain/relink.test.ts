import { ActivityUpdate, type Participant } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import { selectionFromLinks } from "./record-selection.ts";
import { relinkBody } from "./relink.ts";

const onMail: Participant[] = [
  { address: "adelev@contoso.onmicrosoft.com", name: "Adele Vance", role: "from", contactId: "con_adele" },
  { address: "alexw@contoso.onmicrosoft.com", name: "Alex Wilber", role: "to", contactId: null },
];
const addedByHand: Participant = { address: null, name: "Megan Bowen", role: null, contactId: "con_megan" };

describe("relinkBody", () => {
  it("keeps the mail's people, replaces the hand-added contacts, and sets the records", () => {
    const selection = selectionFromLinks([
      { kind: "account", id: "acc_contoso", name: "Contoso" },
      { kind: "opportunity", id: "opp_concert", name: "Concert" },
      { kind: "contact", id: "con_adele", name: "Adele Vance" },
      { kind: "contact", id: "con_lee", name: "Lee Gu" },
    ]);
    const body = relinkBody({ participants: [...onMail, addedByHand] }, selection);
    expect(ActivityUpdate.safeParse(body).success).toBe(true);
    expect(body).toEqual({
      accountId: "acc_contoso",
      opportunityId: "opp_concert",
      caseId: null,
      participants: [{ address: null, name: "Lee Gu", role: null, contactId: "con_lee" }, ...onMail],
    });
  });
});
