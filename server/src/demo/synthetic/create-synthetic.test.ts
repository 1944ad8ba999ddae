/**
 * What the generator promises through its public API: purity, bodies the create schemas accept,
 * distinct domains and addresses, and planted duplicates with their ground truth.
 */
import { normalizePhone } from "@rapport/shared/normalize";
import {
  AccountCreate,
  ActivityCreate,
  CaseCreate,
  ContactCreate,
  OpportunityCreate,
  OrderCreate,
  ProductCreate,
} from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import { ACTIVITY_TYPES, createSynthetic, OPPORTUNITY_STAGES } from "./index.ts";

const gen = createSynthetic({ seed: 42, duplicateRate: 0.1 });

describe("synthetic data", () => {
  it("is a pure function of seed and index", () => {
    const again = createSynthetic({ seed: 42, duplicateRate: 0.1 });
    expect([again.contact(7_777), again.contact(3)]).toEqual([gen.contact(7_777), gen.contact(3)]);
    expect(again.account(12)).toEqual(gen.account(12));
    expect(createSynthetic({ seed: 43 }).contact(3)).not.toEqual(gen.contact(3));
  });

  it("produces bodies the create schemas accept, with phones valid in every typed format", () => {
    const phones: string[] = [];
    for (let a = 0; a < 2_000; a++) {
      const { input } = gen.account(a);
      expect(AccountCreate.safeParse(input).error).toBeUndefined();
      if (input.phone) phones.push(input.phone);
    }
    for (let i = 0; i < 10_000; i++) {
      const { input } = gen.contact(i);
      expect(ContactCreate.safeParse(input).error).toBeUndefined();
      phones.push(...(input.phones ?? []));
    }
    const invalid = phones.filter((phone) => normalizePhone(phone, "FR") === null);
    expect(invalid).toEqual([]);
    // French national, international and foreign forms are all there.
    for (const shape of [/^0\d \d\d \d\d/, /^\+33 \d/, /^0044 /, /^\+1 \(\d{3}\) \d{3}-\d{4}$/, /^\+49 /]) {
      expect(phones.some((phone) => shape.test(phone))).toBe(true);
    }
  });

  it("generates every kind of record the demo and benchmarks need", () => {
    const id = (prefix: string, n: number) => `${prefix}_${n.toString(36)}`;
    const products = Array.from({ length: 20 }, (_, i) => ProductCreate.parse(gen.product(i)));
    expect(new Set(products.map((p) => p.code)).size).toBe(20);
    const priced = products.map((p, i) => ({ id: id("prd", i), listPrice: p.listPrice }));
    const stages = new Set<string>();
    const types = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const { input, stages: path } = gen.opportunity(i, { accountId: id("acc", i) });
      expect(OpportunityCreate.safeParse(input).error).toBeUndefined();
      expect(path.at(-1)).toBe(input.stage);
      stages.add(input.stage as string);
      const activity = gen.activity(i, {
        participants: [{ address: "helene.lefevre@dupre.fr", name: "Hélène Lefèvre" }],
        ownAddress: "rep@rapport.test",
      });
      expect(ActivityCreate.safeParse(activity).error).toBeUndefined();
      types.add(activity.type);
      expect(OrderCreate.safeParse(gen.order(i, { accountId: id("acc", i), products: priced })).error).toBeUndefined();
      expect(CaseCreate.safeParse(gen.afterSalesCase(i, { accountId: id("acc", i) })).error).toBeUndefined();
    }
    expect(stages).toEqual(new Set(OPPORTUNITY_STAGES));
    expect(types).toEqual(new Set(ACTIVITY_TYPES));
  });

  it("gives every company its own domain and every original person their own addresses", () => {
    const domains = new Set<string>();
    for (let a = 0; a < 30_000; a++) {
      for (const domain of gen.account(a).input.domains ?? []) {
        expect(domains.has(domain)).toBe(false);
        domains.add(domain);
      }
    }
    const emails = new Map<string, number>();
    let accented = 0;
    for (let i = 0; i < 60_000; i++) {
      const contact = gen.contact(i);
      if (contact.duplicateOf !== null) continue;
      if (/[^\p{ASCII}]/u.test(`${contact.input.firstName}${contact.input.lastName}`)) accented++;
      for (const email of contact.input.emails ?? []) {
        expect(email).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+$/);
        expect(emails.get(email)).toBeUndefined();
        emails.set(email, i);
      }
    }
    expect(accented).toBeGreaterThan(5_000);
  });

  it("plants duplicates of earlier originals and says which", () => {
    const n = 20_000;
    let planted = 0;
    for (let i = 0; i < n; i++) {
      const contact = gen.contact(i);
      expect(gen.duplicateOf(i)).toBe(contact.duplicateOf);
      if (contact.duplicateOf === null) continue;
      planted++;
      const original = gen.contact(contact.duplicateOf);
      expect(original.duplicateOf).toBeNull();
      expect(contact.duplicateOf).toBeLessThan(i);
      expect(contact.accountIndex).toBe(original.accountIndex);
      expect(contact.mutations.length).toBeGreaterThan(0);
      expect(contact.input).not.toEqual(original.input);
    }
    expect(planted / n).toBeGreaterThan(0.08);
    expect(planted / n).toBeLessThan(0.12);
    expect(createSynthetic({ seed: 42, duplicateRate: 0 }).duplicateOf(1234)).toBeNull();
  });
});
