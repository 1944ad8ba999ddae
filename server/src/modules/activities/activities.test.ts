import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

const mail = (internetMessageId: string) => ({
  type: "email",
  direction: "out",
  subject: "Proposition commerciale",
  bodyText: "Bonjour, veuillez trouver ci-joint…",
  occurredAt: "2026-10-05T14:00:00Z",
  participants: [{ address: "client@example.org", role: "to" }],
  externalIds: { internetMessageId, conversationId: "AAQkAGI2" },
});

describe("logging activities", () => {
  it("logging the same mail twice returns the first activity (201 then 200)", async () => {
    const first = await t.call("POST", "/activities", { body: mail("<abc@mail.example.org>") });
    const again = await t.call("POST", "/activities", { body: mail("<abc@mail.example.org>") });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    const all = await t.call("GET", "/activities?internetMessageId=%3Cabc%40mail.example.org%3E");
    expect(all.json.items).toHaveLength(1);
  });

  it("a burst of retries of one mail makes one activity", async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => t.call("POST", "/activities", { body: mail("<burst@x.org>") })),
    );
    const ids = new Set(responses.map((r) => r.json.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.every((r) => r.status === 201 || r.status === 200)).toBe(true);
  });

  it("a meeting is idempotent on its iCalUId", async () => {
    const meeting = {
      type: "meeting",
      subject: "Revue trimestrielle",
      occurredAt: "2026-10-06T08:00:00Z",
      externalIds: { iCalUId: "040000008200E00074C5B7101A82E008" },
    };
    const first = await t.call("POST", "/activities", { body: meeting });
    const again = await t.call("POST", "/activities", { body: meeting });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.json.id).toBe(first.json.id);
  });

  it("a meeting keeps its place and end, and a lookup by its calendar id says it is logged", async () => {
    const meeting = await t.call("POST", "/activities", {
      body: {
        type: "meeting",
        subject: "Démo produit",
        occurredAt: "2026-10-06T08:00:00Z",
        endsAt: "2026-10-06T09:30:00+02:00",
        location: "Salle Lumière, Lyon",
        externalIds: { iCalUId: "ical-demo-1" },
      },
    });
    expect(meeting.json).toMatchObject({ endsAt: "2026-10-06T07:30:00.000Z", location: "Salle Lumière, Lyon" });
    const looked = (await t.call("GET", "/lookup?email=x%40example.org&iCalUId=ical-demo-1")).json;
    expect(looked.mail.logged.activity).toMatchObject({ id: meeting.json.id, location: "Salle Lumière, Lyon" });
    expect((await t.call("GET", "/activities?iCalUId=ical-demo-1")).json.items).toHaveLength(1);
  });

  it("a mail logged as it was sent takes its real message id later", async () => {
    const sent = (await t.call("POST", "/activities", { body: mail("<rapport-send.1@rapport.invalid>") })).json;
    const fixed = await t.call("PATCH", `/activities/${sent.id}`, {
      body: { externalIds: { internetMessageId: "<CAF=real@mail.example.org>", conversationId: "conv-9" } },
      headers: { "if-match": "1" },
    });
    expect(fixed.json.externalIds).toEqual({
      internetMessageId: "<CAF=real@mail.example.org>",
      conversationId: "conv-9",
    });
    // Logging the real mail again now finds the same activity.
    const again = await t.call("POST", "/activities", { body: mail("<CAF=real@mail.example.org>") });
    expect([again.status, again.json.id]).toEqual([200, sent.id]);
  });

  it("links participants to contacts by address and files the activity under their account", async () => {
    const account = await t.call("POST", "/accounts", { body: { name: "Globex Ltd", domains: ["globex.co.uk"] } });
    const contact = await t.call("POST", "/contacts", {
      body: { firstName: "Siân", lastName: "O'Neill", emails: ["sian@globex.co.uk"], accountId: account.json.id },
    });
    const logged = await t.call("POST", "/activities", {
      body: { type: "call", occurredAt: "2026-10-07T10:00:00Z", participants: [{ address: "SIAN@globex.co.uk" }] },
    });
    expect(logged.json.participants[0].contactId).toBe(contact.json.id);
    expect(logged.json.accountId).toBe(account.json.id);
    expect(logged.json.loggedBy).toBe(t.admin.id);
    const ofContact = await t.call("GET", `/activities?contactId=${contact.json.id}`);
    expect(ofContact.json.items.map((a: { id: string }) => a.id)).toEqual([logged.json.id]);
  });

  it("stores times in UTC whatever offset the client sent", async () => {
    const logged = await t.call("POST", "/activities", {
      body: { type: "note", occurredAt: "2026-10-07T10:00:00+02:00" },
    });
    expect(logged.json.occurredAt).toBe("2026-10-07T08:00:00.000Z");
  });

  it("an activity can be edited and re-linked to the contacts its addresses belong to", async () => {
    const contact = await t.call("POST", "/contacts", {
      body: { lastName: "Mercier", emails: ["p.mercier@example.org"] },
    });
    const logged = await t.call("POST", "/activities", { body: { type: "call", occurredAt: "2026-10-07T10:00:00Z" } });
    const edited = await t.call("PATCH", `/activities/${logged.json.id}`, {
      body: { subject: "Rappel", participants: [{ address: "P.Mercier@example.org" }] },
      headers: { "if-match": "1" },
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ subject: "Rappel", version: 2, loggedBy: t.admin.id });
    expect(edited.json.participants[0].contactId).toBe(contact.json.id);
  });
});
