import { beforeEach, describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();
beforeEach(async () => {
  const account = await t.call("POST", "/accounts", {
    body: { name: "Crème & Café SARL", domains: ["creme-cafe.fr"], phone: "+33 1 42 68 53 00" },
  });
  await t.call("POST", "/contacts", {
    body: {
      firstName: "Hélène",
      lastName: "Lefèvre",
      emails: ["helene.lefevre@creme-cafe.fr"],
      phones: ["06 12 34 56 78"],
      accountId: account.json.id,
    },
  });
  await t.call("POST", "/contacts", {
    body: { firstName: "Helen", lastName: "Smith", emails: ["hsmith@example.co.uk"] },
  });
});

const search = async (q: string) => (await t.call("GET", `/search?q=${encodeURIComponent(q)}`)).json.hits;

describe("GET /search", () => {
  it("ignores accents and case", async () => {
    const hits = await search("HELENE lef");
    expect(hits.map((h: { label: string }) => h.label)).toEqual(["Hélène Lefèvre"]);
    expect((await search("CAFE sarl")).map((h: { label: string }) => h.label)).toEqual(["Crème & Café SARL"]);
    expect(await search("hélène")).toHaveLength(1);
    expect(await search("HELEN")).toHaveLength(2);
  });

  it("finds by email, domain and phone typed any way", async () => {
    expect((await search("hsmith@example")).map((h: { matchedOn: string }) => h.matchedOn)).toEqual(["email"]);
    expect((await search("helene.lef")).map((h: { label: string }) => h.label)).toEqual(["Hélène Lefèvre"]);
    expect((await search("hsm example.co")).map((h: { label: string }) => h.label)).toEqual(["Helen Smith"]);
    expect(await search("lefevre@")).toEqual([]);
    const byDomain = await search("creme-cafe.fr");
    expect(byDomain.map((h: { kind: string }) => h.kind).sort()).toEqual(["account", "contact"]);
    const byMobile = await search("+33 6 12 34 56 78");
    expect(byMobile).toMatchObject([{ kind: "contact", label: "Hélène Lefèvre", matchedOn: "phone" }]);
    const byLandline = await search("01.42.68.53.00");
    expect(byLandline).toMatchObject([{ kind: "account", matchedOn: "phone" }]);
  });

  it("an empty query is a 422", async () => {
    expect((await t.call("GET", "/search?q=")).status).toBe(422);
  });

  it("follows renames and deletions, and a rep finds only what they may see", async () => {
    const created = await t.call("POST", "/contacts", { body: { firstName: "Anaïs", lastName: "Nin" } });
    expect(await search("anais")).toHaveLength(1);
    await t.call("PATCH", `/contacts/${created.json.id}`, { body: { firstName: "Ana" }, headers: { "if-match": "1" } });
    expect(await search("anais")).toHaveLength(0);
    expect(await search("ana nin")).toHaveLength(1);
    await t.call("DELETE", `/contacts/${created.json.id}`);
    expect(await search("nin")).toHaveLength(0);

    const team = await t.addTeam("Nord");
    const rep = await t.addUser("rep", team.id);
    const hidden = await t.call("GET", `/search?q=${encodeURIComponent("helene")}`, { token: rep.token });
    expect(hidden.json.hits).toEqual([]);
  });
});
