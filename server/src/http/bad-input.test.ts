import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../testing/test-app.ts";

const t = useTestApp();

describe("bad input gets a clear 4xx and writes nothing", () => {
  it("malformed JSON: 400 problem+json with a request id", async () => {
    const response = await t.call("POST", "/contacts", { raw: '{"lastName": "Martin",' });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.json).toMatchObject({ code: "malformed_json", status: 400, title: "Malformed JSON" });
    expect(response.json.requestId).toBe(response.headers.get("x-request-id"));
    expect(await t.rowCount("contacts")).toBe(0);
  });

  it("wrong types and unknown fields: 422 listing each field path", async () => {
    const response = await t.call("POST", "/contacts", {
      body: { lastName: 42, emails: "not-a-list", consent: { email: { status: "maybe" } }, isVip: true },
    });
    expect(response.status).toBe(422);
    const paths = response.json.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(["consent.email.status", "emails", "isVip", "lastName"]);
    expect(await t.rowCount("contacts")).toBe(0);
  });

  it("a timestamp that is no date is a 422 on its path, not a 500", async () => {
    const response = await t.call("POST", "/activities", {
      body: { type: "note", occurredAt: "yesterday", participants: [] },
    });
    expect(response.status).toBe(422);
    expect(response.json.errors.map((e: { path: string }) => e.path)).toEqual(["occurredAt"]);
    const consent = await t.call("POST", "/contacts", {
      body: { lastName: "Date", consent: { email: { status: "opted_in", at: "31/12/2026" } } },
    });
    expect(consent.status).toBe(422);
    expect(consent.json.errors[0].path).toBe("consent.email.at");
  });

  it("fields only the server sets are refused", async () => {
    const response = await t.call("POST", "/accounts", { body: { name: "Acme", id: "acc_x", version: 7 } });
    expect(response.status).toBe(422);
    expect(response.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(["id", "version"]);
  });

  it("invalid emails and phones name the offending item", async () => {
    const email = await t.call("POST", "/contacts", { body: { lastName: "Roy", emails: ["ok@acme.fr", "nope@"] } });
    expect(email.status).toBe(422);
    expect(email.json.errors[0].path).toBe("emails.1");
    const phone = await t.call("POST", "/accounts", { body: { name: "Acme", phone: "01 23" } });
    expect(phone.status).toBe(422);
    expect(phone.json.errors[0].path).toBe("phone");
    expect(await t.rowCount("contacts")).toBe(0);
    expect(await t.rowCount("accounts")).toBe(0);
  });

  it("a 10 MB body is refused with 413 before it is parsed", async () => {
    const response = await t.call("POST", "/contacts", { body: { lastName: "x".repeat(10 * 1024 * 1024) } });
    expect(response.status).toBe(413);
    expect(response.json.code).toBe("payload_too_large");
  });

  it("an over-long field under the body cap is a 422, not a truncated row", async () => {
    const response = await t.call("POST", "/contacts", { body: { lastName: "x".repeat(200_000) } });
    expect(response.status).toBe(422);
    expect(response.json.errors[0].path).toBe("lastName");
  });

  it("reads JSON sent with a byte-order mark, in UTF-16 or in a declared windows-1252", async () => {
    const json = JSON.stringify({ firstName: "Zoë", lastName: "Lefèvre" });
    const utf8Bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json, "utf8")]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]);
    const cp1252 = Buffer.from(json, "latin1");
    for (const [body, type] of [
      [utf8Bom, "application/json"],
      [utf16, "application/json"],
      [cp1252, "application/json; charset=windows-1252"],
    ] as const) {
      const response = await t.app.request("/api/v1/contacts", {
        method: "POST",
        headers: { authorization: `Bearer ${t.admin.token}`, "content-type": type },
        body: body,
      });
      expect(response.status, type).toBe(201);
      expect(await response.json()).toMatchObject({ firstName: "Zoë", lastName: "Lefèvre" });
    }
  });

  it("bytes that are not valid UTF-8 are refused, not stored as replacement characters", async () => {
    const response = await t.app.request("/api/v1/contacts", {
      method: "POST",
      headers: { authorization: `Bearer ${t.admin.token}`, "content-type": "application/json" },
      // "è" as the single byte 0xE8 (windows-1252) in a body that declares nothing, so UTF-8.
      body: Buffer.from('{"lastName":"Lef\xe8vre"}', "latin1"),
    });
    expect(response.status).toBe(400);
    expect(await t.rowCount("contacts")).toBe(0);
  });

  it("a body that is not JSON-typed gets 415", async () => {
    const response = await t.call("POST", "/contacts", {
      raw: "lastName=Martin",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(415);
  });

  it("SQL metacharacters, emoji and right-to-left text are stored as given", async () => {
    const names = ["Robert'); DROP TABLE contacts;--", 'O\'Brien "Bob" % _ \\', "Zoë 👩🏽‍💼", "محمد العربي", "שָׁלוֹם"];
    for (const lastName of names) {
      const created = await t.call("POST", "/contacts", { body: { lastName } });
      expect(created.status).toBe(201);
      const read = await t.call("GET", `/contacts/${created.json.id}`);
      expect(read.json.lastName).toBe(lastName);
    }
    const search = await t.call("GET", `/contacts?q=${encodeURIComponent("% _")}`);
    expect(search.json.items.map((c: { lastName: string }) => c.lastName)).toEqual([names[1]]);
    expect(await t.rowCount("contacts")).toBe(names.length);
  });

  it("unknown ids answer 404 and malformed ids 422, never 500", async () => {
    expect((await t.call("GET", "/contacts/con_doesnotexist")).status).toBe(404);
    expect((await t.call("GET", "/contacts/'%20OR%201=1")).status).toBe(422);
    expect((await t.call("GET", "/no-such-route")).status).toBe(404);
  });

  it("bad query parameters are 422 or 400, never 500", async () => {
    expect((await t.call("GET", "/contacts?limit=abc")).status).toBe(422);
    expect((await t.call("GET", "/contacts?limit=100000")).status).toBe(422);
    expect((await t.call("GET", "/contacts?cursor=garbage")).status).toBe(400);
    expect((await t.call("GET", "/lookup")).status).toBe(422);
  });

  it("a reference to a record that does not exist is a 422 on that field", async () => {
    const response = await t.call("POST", "/contacts", { body: { lastName: "Roy", accountId: "acc_missing" } });
    expect(response.status).toBe(422);
    expect(response.json.errors[0].path).toBe("accountId");
  });

  it("any JSON value sent as a contact is answered with 201 or a 4xx, and a 4xx writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            firstName: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
            lastName: fc.oneof(fc.string({ maxLength: 250 }), fc.string({ unit: "binary" })),
            emails: fc.array(fc.oneof(fc.emailAddress(), fc.string()), { maxLength: 3 }),
            phones: fc.array(fc.oneof(fc.constant("+33 6 12 34 56 78"), fc.string()), { maxLength: 2 }),
            tags: fc.array(fc.string(), { maxLength: 3 }),
          }),
        ),
        async (body) => {
          const before = await t.rowCount("contacts");
          const response = await t.call("POST", "/contacts", { body });
          expect([201, 400, 413, 422]).toContain(response.status);
          expect(await t.rowCount("contacts")).toBe(before + (response.status === 201 ? 1 : 0));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("updates with random patches keep the record whole: 200 with version+1, or 4xx and unchanged", async () => {
    const created = await t.call("POST", "/contacts", { body: { firstName: "Anne", lastName: "Dupont" } });
    let current = created.json;
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            firstName: fc.oneof(fc.string({ maxLength: 30 }), fc.constant(null)),
            jobTitle: fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.integer()),
            discountRate: fc.oneof(fc.double({ min: -10, max: 120, noNaN: true }), fc.constant(null)),
            doNotContact: fc.oneof(fc.boolean(), fc.string()),
          },
          { requiredKeys: [] },
        ),
        async (patch) => {
          const response = await t.call("PATCH", `/contacts/${current.id}`, {
            body: patch,
            headers: { "if-match": `"${current.version}"` },
          });
          const after = (await t.call("GET", `/contacts/${current.id}`)).json;
          if (response.status === 200) {
            expect(after.version).toBe(current.version + 1);
            expect(after).toEqual(response.json);
            current = after;
          } else {
            expect([400, 422]).toContain(response.status);
            expect(after).toEqual(current);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
