import type { LookupResult, PrivacyPolicy } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import { companyNameOf, proposeContact } from "./contact-proposal.ts";

const nothing = (email: string, skipped: LookupResult["skipped"] = null): LookupResult => ({
  email,
  contact: null,
  account: null,
  openOpportunities: [],
  openCases: [],
  recentActivities: [],
  reasons: [],
  skipped,
});
const policy = {
  blockedDomains: [],
  blockedAddresses: [],
  personalDomains: ["laposte.fr"],
  captureLevel: "body",
  ownDomains: ["rapport.local"],
  neverLog: [],
} satisfies PrivacyPolicy;

describe("proposeContact", () => {
  it("splits the display name and proposes an account named after a company domain", () => {
    const proposal = proposeContact(
      { name: "Alex Wilber", address: "AlexW@contoso.OnMicrosoft.com" },
      nothing("alexw@contoso.onmicrosoft.com"),
      policy,
    );
    expect(proposal).toEqual({
      firstName: "Alex",
      lastName: "Wilber",
      email: "AlexW@contoso.OnMicrosoft.com",
      account: { kind: "create", name: "Contoso", domain: "contoso.onmicrosoft.com" },
    });
  });

  it("never proposes an account for free-mail, the admin's extra personal domains or the organisation's own", () => {
    expect(proposeContact({ name: "Jean", address: "jean@gmail.com" }, undefined, policy).account).toEqual({
      kind: "none",
      why: "personal_domain",
    });
    expect(proposeContact({ name: "Jean", address: "jean@laposte.fr" }, undefined, policy).account.kind).toBe("none");
    expect(proposeContact({ name: "Inès", address: "ines@rapport.local" }, undefined, policy).account).toEqual({
      kind: "none",
      why: "own_domain",
    });
  });

  it("proposes the account Rapport already has for the domain", () => {
    const result = {
      ...nothing("alexw@contoso.onmicrosoft.com"),
      account: { id: "acc_1", name: "Contoso Ltd" },
    } as unknown as LookupResult;
    expect(proposeContact({ name: "Alex", address: "alexw@contoso.onmicrosoft.com" }, result, policy).account).toEqual({
      kind: "existing",
      link: { kind: "account", id: "acc_1", name: "Contoso Ltd" },
    });
  });

  it("leaves names empty when Outlook shows only the address", () => {
    expect(proposeContact({ name: "a@b.fr", address: "a@b.fr" }, undefined, null)).toMatchObject({
      firstName: null,
      lastName: null,
    });
  });
});

describe("companyNameOf", () => {
  it("takes the label before the public suffix", () => {
    expect(companyNameOf("mail.acme-industrie.fr")).toBe("Acme-industrie");
    expect(companyNameOf("fabrikam.co.uk")).toBe("Fabrikam");
  });
});
