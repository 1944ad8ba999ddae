import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

type Pair = {
  a: string;
  b: string;
  labelA: string;
  labelB: string;
  score: number;
  suggestion: string;
  reasons: string[];
};

const STRANGERS = [
  { firstName: "Jean", lastName: "Martin", emails: ["jmartin@acme.fr"], phones: ["06 11 11 11 11"] },
  { firstName: "Paul", lastName: "Durand", emails: ["pdurand@corp.fr"], phones: ["06 22 22 22 22"] },
  { firstName: "Sophie", lastName: "Bernard", emails: ["sophie@bernard.fr"] },
  { firstName: "Luc", lastName: "Petit", phones: ["06 33 33 33 33"] },
];

/** Hélène twice (accents, another email, the same mobile) among people who are nobody's double. */
async function plantContacts(token?: string, strangers = STRANGERS) {
  const create = async (body: object) => (await t.call("POST", "/contacts", { body, token })).json.id as string;
  const first = await create({
    firstName: "Hélène",
    lastName: "Lefèvre",
    emails: ["hlefevre@acme.fr"],
    phones: ["06 12 34 56 78"],
  });
  const second = await create({
    firstName: "Helene",
    lastName: "Lefevre",
    emails: ["helene.lefevre@gmail.com"],
    phones: ["+33 6 12 34 56 78"],
  });
  for (const stranger of strangers) await create(stranger);
  return { first, second };
}

const pairOf = (pairs: Pair[], x: string, y: string) =>
  pairs.find((pair) => (pair.a === x && pair.b === y) || (pair.a === y && pair.b === x));

describe("dedup scan", () => {
  it("finds planted duplicate contacts, with labels, a suggestion and reasons", async () => {
    const { first, second } = await plantContacts();
    const scan = await t.call("POST", "/dedup/scan", { body: { entity: "contacts" } });
    expect(scan.status).toBe(200);
    expect(scan.json.entity).toBe("contacts");
    expect(scan.json.stats.records).toBe(6);
    expect(scan.json.stats.candidatePairs).toBeGreaterThanOrEqual(1);
    expect(scan.json.stats.ms).toBeGreaterThanOrEqual(0);
    expect(scan.json.pairs).toHaveLength(1);
    const pair = pairOf(scan.json.pairs, first, second);
    expect(pair).toBeDefined();
    expect([pair?.labelA, pair?.labelB].sort()).toEqual([
      "Helene Lefevre <helene.lefevre@gmail.com>",
      "Hélène Lefèvre <hlefevre@acme.fr>",
    ]);
    expect(pair?.score).toBeGreaterThan(0.999);
    expect(pair?.suggestion).toBe("merge");
    expect(pair?.reasons).toContainEqual(expect.stringMatching(/^same phone \(\+\d+\.\d\)$/));
    expect(pair?.reasons).toContainEqual(expect.stringMatching(/^same last name \(\+\d+\.\d\)$/));
    expect(scan.json.clusters).toEqual([[first, second].sort()]);
  });

  it("leaves out pairs under minScore and answers an empty report for too few records", async () => {
    await plantContacts();
    const strict = await t.call("POST", "/dedup/scan", { body: { entity: "contacts", minScore: 1 } });
    expect(strict.status).toBe(200);
    expect(strict.json.pairs.every((pair: Pair) => pair.score >= 1)).toBe(true);
    const accounts = await t.call("POST", "/dedup/scan", { body: { entity: "accounts" } });
    expect(accounts.json).toMatchObject({ pairs: [], clusters: [], stats: { records: 0, candidatePairs: 0 } });
  });

  it("compares only the records the user may see", async () => {
    const north = await t.addTeam("Nord");
    const south = await t.addTeam("Sud");
    const repNorth = await t.addUser("rep", north.id);
    const repSouth = await t.addUser("rep", south.id);
    const { first, second } = await plantContacts(repNorth.token);
    for (const body of [
      { firstName: "Anne", lastName: "Robert", emails: ["anne.robert@sud.fr"], phones: ["06 44 44 44 44"] },
      { firstName: "Marc", lastName: "Richard", emails: ["marc@richard.fr"] },
      { firstName: "Julie", lastName: "Simon", phones: ["06 55 55 55 55"] },
    ])
      await t.call("POST", "/contacts", { body, token: repSouth.token });

    const southern = await t.call("POST", "/dedup/scan", { body: { entity: "contacts" }, token: repSouth.token });
    expect(southern.json.stats.records).toBe(3);
    expect(southern.json.pairs).toEqual([]);
    expect(southern.json.clusters).toEqual([]);
    const northern = await t.call("POST", "/dedup/scan", { body: { entity: "contacts" }, token: repNorth.token });
    expect(northern.json.stats.records).toBe(6);
    expect(pairOf(northern.json.pairs, first, second)).toBeDefined();
    const all = await t.call("POST", "/dedup/scan", { body: { entity: "contacts" } });
    expect(all.json.stats.records).toBe(9);
    expect(pairOf(all.json.pairs, first, second)).toBeDefined();
  });

  it("finds duplicate accounts by name, phone and address", async () => {
    const create = async (body: object) => (await t.call("POST", "/accounts", { body })).json.id as string;
    const a = await create({
      name: "Boulangerie Dupré",
      phone: "01 40 00 00 00",
      address: { lines: ["3 rue de la Paix"], postcode: "75002", city: "Paris" },
    });
    const b = await create({
      name: "Boulangerie Dupre",
      phone: "+33 1 40 00 00 00",
      address: { lines: ["3 rue de la Paix"], postcode: "75002", city: "PARIS" },
    });
    await create({ name: "Garage Moreau", phone: "04 72 00 00 00", address: { postcode: "69002", city: "Lyon" } });
    await create({ name: "Fromagerie Roux", address: { postcode: "13001", city: "Marseille" } });
    const scan = await t.call("POST", "/dedup/scan", { body: { entity: "accounts" } });
    expect(scan.status).toBe(200);
    expect(scan.json.pairs).toHaveLength(1);
    const pair = pairOf(scan.json.pairs, a, b);
    expect([pair?.labelA, pair?.labelB].sort()).toEqual(["Boulangerie Dupre", "Boulangerie Dupré"]);
    expect(pair?.reasons).toContainEqual(expect.stringMatching(/^same phone /));
  });

  it("meets accounts whose names differ by legal form and case", async () => {
    const create = async (body: object) => (await t.call("POST", "/accounts", { body })).json.id as string;
    const a = await create({ name: "ACME S.A.", phone: "01 45 00 00 00" });
    const b = await create({ name: "Acme", phone: "+33 1 45 00 00 00" });
    await create({ name: "Garage Moreau", phone: "04 72 00 00 00" });
    await create({ name: "Fromagerie Roux", phone: "04 91 00 00 00" });
    const scan = await t.call("POST", "/dedup/scan", { body: { entity: "accounts" } });
    const pair = pairOf(scan.json.pairs, a, b);
    expect(pair?.reasons).toContainEqual(expect.stringMatching(/^same name /));
    expect(pair?.reasons).toContainEqual(expect.stringMatching(/^same phone /));
  });

  it("refuses an unknown entity or a limit out of range", async () => {
    const entity = await t.call("POST", "/dedup/scan", { body: { entity: "deals" } });
    expect(entity.status).toBe(422);
    expect(entity.json.errors[0].path).toBe("entity");
    const limit = await t.call("POST", "/dedup/scan", { body: { entity: "contacts", limit: 0 } });
    expect(limit.status).toBe(422);
  });
});
