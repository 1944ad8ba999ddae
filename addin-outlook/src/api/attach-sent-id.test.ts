import { createClient } from "@rapport/shared/client";
import { describe, expect, it } from "vitest";
import { attachSentId, loggedUnderRealId } from "./attach-sent-id.ts";

const key = "<rapport-send.5d0c@rapport.invalid>";
const real = "<CAF=real@mail.contoso.com>";

/** A Rapport server that holds one activity and records what it was asked. */
function fakeRapport(externalIds: Record<string, string>, version = 3) {
  const seen: Array<{ method: string; path: string; ifMatch: string | null; body: unknown }> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    seen.push({
      method: init?.method ?? "GET",
      path: `${url.pathname}${url.search}`,
      ifMatch: headers.get("if-match"),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    });
    const activity = { id: "act_1", version, externalIds };
    const body = url.pathname.endsWith("/activities") ? { items: [activity], nextCursor: null } : activity;
    return new Response(JSON.stringify(body), { status: 200 });
  };
  return { client: createClient({ baseUrl: "http://rapport.test", fetch: fetch as typeof globalThis.fetch }), seen };
}

describe("attachSentId", () => {
  it("gives the activity the sent mail's real ids, under If-Match, keeping its other ids", async () => {
    const rapport = fakeRapport({ internetMessageId: key, iCalUId: "kept" });
    expect(
      await attachSentId(rapport.client, "act_1", { key, internetMessageId: real, conversationId: "conv-9" }),
    ).toBe(true);
    expect(rapport.seen).toEqual([
      { method: "GET", path: "/api/v1/activities/act_1", ifMatch: null, body: undefined },
      {
        method: "PATCH",
        path: "/api/v1/activities/act_1",
        ifMatch: '"3"',
        body: { externalIds: { internetMessageId: real, conversationId: "conv-9", iCalUId: "kept" } },
      },
    ]);
  });

  it("changes nothing when another device did it already, or the activity is another mail's", async () => {
    const done = fakeRapport({ internetMessageId: real });
    expect(await attachSentId(done.client, "act_1", { key, internetMessageId: real, conversationId: null })).toBe(true);
    const other = fakeRapport({ internetMessageId: "<someone-else@contoso.com>" });
    expect(await attachSentId(other.client, "act_1", { key, internetMessageId: real, conversationId: null })).toBe(
      false,
    );
    expect([...done.seen, ...other.seen].map((s) => s.method)).toEqual(["GET", "GET"]);
  });
});

describe("loggedUnderRealId", () => {
  it("asks Rapport for one activity by the real id", async () => {
    const rapport = fakeRapport({ internetMessageId: real });
    expect(await loggedUnderRealId(rapport.client, real)).toBe(true);
    expect(rapport.seen[0]?.path).toBe(`/api/v1/activities?internetMessageId=${encodeURIComponent(real)}&limit=1`);
  });
});
