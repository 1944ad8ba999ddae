import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

describe("contacts", () => {
  it("creates a contact with normalised phones and answers 201 with the record", async () => {
    const account = await t.call("POST", "/accounts", {
      body: { name: "Boulangerie Dupré SARL", domains: ["dupre.fr"] },
    });
    expect(account.status).toBe(201);
    const created = await t.call("POST", "/contacts", {
      body: {
        civility: "Mme",
        firstName: "Hélène",
        lastName: "Lefèvre",
        emails: ["Helene.Lefevre@Dupre.fr", "helene@gmail.com"],
        phones: ["06 12 34 56 78", "+44 20 7946 0958"],
        accountId: account.json.id,
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      firstName: "Hélène",
      phones: ["+33612345678", "+442079460958"],
      accountId: account.json.id,
      version: 1,
      ownerId: t.admin.id,
    });
    expect(created.json.id).toMatch(/^con_/);
    const read = await t.call("GET", `/contacts/${created.json.id}`);
    expect(read.json).toEqual(created.json);
    expect(read.headers.get("etag")).toBe('"1"');
  });

  it("refuses an invalid phone with the field's path", async () => {
    const response = await t.call("POST", "/contacts", { body: { lastName: "Martin", phones: ["12"] } });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(response.json.errors[0].path).toBe("phones.0");
  });
});
