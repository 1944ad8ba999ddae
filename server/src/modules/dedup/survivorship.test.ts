import type { Consent, PostalAddress } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import { mergeAccountFields, mergeContactFields } from "./survivorship.ts";

const unknown = { status: "unknown", at: null, source: null } as const;
const noConsent: Consent = { email: unknown, phone: unknown, sms: unknown, post: unknown };
const address = (city: string | null, postcode: string | null = null): PostalAddress => ({
  lines: [],
  postcode,
  city,
  region: null,
  country: null,
});

type Fields = {
  firstName: string | null;
  jobTitle: string | null;
  emails: string[];
  phones: string[];
  tags: string[];
  address: PostalAddress | null;
  discountRate: number | null;
  consent: Consent;
  doNotContact: boolean;
};
const fields = (overrides: Partial<Fields>): Fields => ({
  firstName: null,
  jobTitle: null,
  emails: [],
  phones: [],
  tags: [],
  address: null,
  discountRate: null,
  consent: noConsent,
  doNotContact: false,
  ...overrides,
});

describe("mergeContactFields", () => {
  it("keeps every email, phone and tag, the first record's first, emails the same whatever their case", () => {
    const merged = mergeContactFields([
      {
        fields: fields({ emails: ["H.Lefevre@acme.fr"], phones: ["+33612345678"], tags: ["vip"] }),
        updatedAt: "2024-01-01T00:00:00.000Z",
      },
      {
        fields: fields({
          emails: ["helene@gmail.com", "h.lefevre@ACME.fr"],
          phones: ["+33140000000", "+33612345678"],
          tags: ["salon", "vip"],
        }),
        updatedAt: "2025-01-01T00:00:00.000Z",
      },
    ]);
    expect(merged.emails).toEqual(["H.Lefevre@acme.fr", "helene@gmail.com"]);
    expect(merged.phones).toEqual(["+33612345678", "+33140000000"]);
    expect(merged.tags).toEqual(["vip", "salon"]);
  });

  it("takes the newest non-empty value of every other field, whatever the order given", () => {
    const older = {
      fields: fields({ firstName: "Hélène", jobTitle: "Acheteuse", discountRate: 5 }),
      updatedAt: "2024-01-01T00:00:00.000Z",
    };
    const newer = {
      fields: fields({ firstName: "Helene", jobTitle: "  ", discountRate: 0 }),
      updatedAt: "2025-06-01T00:00:00.000Z",
    };
    for (const records of [
      [older, newer],
      [newer, older],
    ]) {
      const merged = mergeContactFields(records);
      expect(merged.firstName).toBe("Helene");
      // Blank text is empty; zero is a value.
      expect(merged.jobTitle).toBe("Acheteuse");
      expect(merged.discountRate).toBe(0);
    }
  });

  it("treats an address as one value: the newest non-blank one wins whole", () => {
    const merged = mergeContactFields([
      { fields: fields({ address: address("Lyon", "69002") }), updatedAt: "2024-01-01T00:00:00.000Z" },
      { fields: fields({ address: address("Paris") }), updatedAt: "2024-06-01T00:00:00.000Z" },
      { fields: fields({ address: address(null) }), updatedAt: "2025-01-01T00:00:00.000Z" },
    ]);
    expect(merged.address).toEqual(address("Paris"));
  });

  it("takes per channel the most recent known consent, dated by its own date when it has one", () => {
    const optedOut = { status: "opted_out", at: "2025-03-01T00:00:00.000Z", source: "unsubscribe link" } as const;
    const optedIn = { status: "opted_in", at: "2023-01-01T00:00:00.000Z", source: "salon" } as const;
    const undated = { status: "opted_in", at: null, source: null } as const;
    const merged = mergeContactFields([
      {
        fields: fields({ consent: { ...noConsent, email: optedOut, sms: undated } }),
        updatedAt: "2025-03-01T00:00:00.000Z",
      },
      // Changed later, but its email consent is older: the opt-out stands.
      {
        fields: fields({ consent: { ...noConsent, email: optedIn, post: optedIn } }),
        updatedAt: "2025-09-01T00:00:00.000Z",
      },
    ]);
    expect(merged.consent).toEqual({ email: optedOut, phone: unknown, sms: undated, post: optedIn });
  });

  it("keeps do-not-contact set when any record has it", () => {
    const merged = mergeContactFields([
      { fields: fields({ doNotContact: true }), updatedAt: "2024-01-01T00:00:00.000Z" },
      { fields: fields({ doNotContact: false }), updatedAt: "2025-01-01T00:00:00.000Z" },
    ]);
    expect(merged.doNotContact).toBe(true);
  });
});

describe("mergeAccountFields", () => {
  it("unions domains and tags and takes the newest non-empty name and phone", () => {
    const merged = mergeAccountFields([
      {
        fields: { name: "Dupré", phone: "+33140000000", domains: ["dupre.fr"], tags: ["b2b"] },
        updatedAt: "2025-01-01T00:00:00.000Z",
      },
      {
        fields: { name: "Boulangerie Dupré", phone: null, domains: ["dupre.com", "dupre.fr"], tags: [] },
        updatedAt: "2025-02-01T00:00:00.000Z",
      },
    ]);
    expect(merged).toEqual({
      name: "Boulangerie Dupré",
      phone: "+33140000000",
      domains: ["dupre.fr", "dupre.com"],
      tags: ["b2b"],
    });
  });
});
