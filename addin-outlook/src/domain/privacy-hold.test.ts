import type { PrivacyPolicy } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import { itemPerson } from "./outlook-item.ts";
import { privacyHold } from "./privacy-hold.ts";

const policy: PrivacyPolicy = {
  blockedDomains: ["lawfirm.example"],
  blockedAddresses: ["ceo@contoso.com"],
  personalDomains: [],
  captureLevel: "body",
  ownDomains: ["rapport.local"],
  neverLog: ["newsletter@fabrikam.com"],
};
const me = "julien.mercier@rapport.local";
const mine = itemPerson("Julien Mercier", me, "to");

describe("privacyHold", () => {
  it("lets ordinary customer mail through", () => {
    expect(privacyHold([itemPerson("Adele", "adele@contoso.com", "from"), mine], policy, me)).toBeNull();
  });

  it("holds mail with anyone at a blocked domain or address", () => {
    expect(privacyHold([itemPerson("Avocat", "m@LawFirm.example", "cc"), mine], policy, me)).toEqual({
      reason: "blocked_domain",
      who: "lawfirm.example",
    });
    expect(privacyHold([itemPerson("CEO", "CEO@contoso.com", "from"), mine], policy, me)).toEqual({
      reason: "blocked_address",
      who: "ceo@contoso.com",
    });
  });

  it("holds mail from a sender the user never logs", () => {
    expect(privacyHold([itemPerson("News", "newsletter@fabrikam.com", "from"), mine], policy, me)).toMatchObject({
      reason: "never_log",
    });
  });

  it("holds mail between colleagues only, not a mail to a colleague and a customer", () => {
    const colleague = itemPerson("Inès", "ines.haddad@rapport.local", "from");
    expect(privacyHold([colleague, mine], policy, me)).toMatchObject({ reason: "internal" });
    expect(privacyHold([colleague, mine, itemPerson("Adele", "adele@contoso.com", "cc")], policy, me)).toBeNull();
  });

  it("ignores people without an address (X.500)", () => {
    const x500 = itemPerson("Ops", "/O=EXCHANGELABS/CN=OPS", "from");
    expect(privacyHold([x500, itemPerson("Adele", "adele@contoso.com", "to")], policy, me)).toBeNull();
  });
});
