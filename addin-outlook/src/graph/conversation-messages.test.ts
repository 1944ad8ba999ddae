import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { conversationMessages } from "./conversation-messages.ts";
import { GraphError } from "./graph-error.ts";

/** Microsoft Graph's recorded answers (../shared/data/graph): a whole message, and a paged list. */
const recorded = (name: string) =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, "../../../../shared/data/graph/docs-examples", name), "utf8"),
  ) as Record<string, unknown> & { value?: unknown[] };
const message = recorded("message-get.json");
const pageOne = recorded("messages-delta_ex1_round1_page1.json");
const conversationId = "AAQkADOUpag6yWs=";
const BASE = "https://graph.example.test/v1.0";

type Seen = { url: string; authorization: string | null };

/** Answers each URL from the given bodies (by path and query); anything else is Graph's 404. */
function fakeGraph(answers: (url: URL) => { status?: number; body: unknown } | "offline") {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    seen.push({ url: url.toString(), authorization: new Headers(init?.headers).get("authorization") });
    const answer = answers(url);
    if (answer === "offline") throw new TypeError("Failed to fetch");
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const getToken = async () => "graph-token";

describe("conversationMessages", () => {
  it("asks for the conversation's mails with the fields a log needs, and follows Graph's next pages", async () => {
    const graph = fakeGraph((url) =>
      url.searchParams.has("$skiptoken")
        ? { body: { value: [{ ...message, id: "second", internetMessageId: "<second@contoso.com>" }] } }
        : { body: { value: [message], "@odata.nextLink": `${BASE}/me/messages?$skiptoken=GwcBoTmPuoTQWfcsAbkYM` } },
    );
    const { messages, complete } = await conversationMessages(conversationId, { getToken, baseUrl: BASE, ...graph });
    expect(complete).toBe(true);
    expect(messages.map((m) => m.internetMessageId)).toEqual([message.internetMessageId, "<second@contoso.com>"]);
    expect(messages[0]).toMatchObject({
      subject: "9/9/2018: concert",
      isDraft: false,
      bodyPreview: "The group represents Nevada.",
    });
    expect(graph.seen.map((s) => s.authorization)).toEqual(["Bearer graph-token", "Bearer graph-token"]);
    const first = new URL(graph.seen[0]?.url ?? "");
    expect(first.pathname).toBe("/v1.0/me/messages");
    expect(first.searchParams.get("$filter")).toBe(`conversationId eq '${conversationId}'`);
    expect(first.searchParams.get("$select")?.split(",")).toEqual(
      expect.arrayContaining(["internetMessageId", "conversationId", "bodyPreview", "from", "toRecipients", "isDraft"]),
    );
    expect(first.searchParams.get("$top")).toBe("50");
  });

  it("quotes a conversation id the OData way, whatever it holds", async () => {
    const graph = fakeGraph(() => ({ body: { value: [] } }));
    await conversationMessages("it's+/=", { getToken, baseUrl: BASE, ...graph });
    expect(new URL(graph.seen[0]?.url ?? "").searchParams.get("$filter")).toBe("conversationId eq 'it''s+/='");
  });

  it("stops at a sane number of pages and says the list is partial", async () => {
    const graph = fakeGraph(() => ({ body: pageOne }));
    // Graph's recorded delta page links to the next page on its own origin.
    const result = await conversationMessages(conversationId, {
      getToken,
      baseUrl: "https://graph.microsoft.com/v1.0",
      maxPages: 3,
      ...graph,
    });
    expect(graph.seen).toHaveLength(3);
    expect(result.complete).toBe(false);
    expect(result.messages).toHaveLength(6);
  });

  it("never sends the token to another origin's next link", async () => {
    const graph = fakeGraph(() => ({ body: { value: [message], "@odata.nextLink": "https://evil.example/steal" } }));
    const result = await conversationMessages(conversationId, { getToken, baseUrl: BASE, ...graph });
    expect(graph.seen).toHaveLength(1);
    expect(result).toMatchObject({ complete: false, messages: [{ id: message.id }] });
  });

  it("reads the docs' quirks and leaves out what is no message", async () => {
    const graph = fakeGraph(() => ({
      body: { value: [{ ...message, isDraft: "true" }, { subject: "no id" }, "junk", { ...message, from: null }] },
    }));
    const { messages } = await conversationMessages(conversationId, { getToken, baseUrl: BASE, ...graph });
    expect(messages.map((m) => m.isDraft)).toEqual([true, false]);
  });

  it("says why Graph did not list: no access, busy, unreachable", async () => {
    const refused = fakeGraph(() => ({
      status: 403,
      body: { error: { code: "ErrorAccessDenied", message: "Access is denied. Check credentials and try again." } },
    }));
    const error = await conversationMessages(conversationId, { getToken, baseUrl: BASE, ...refused }).catch((e) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ reason: "refused", status: 403, code: "ErrorAccessDenied" });

    const busy = fakeGraph(() => ({ status: 429, body: { error: { code: "TooManyRequests", message: "" } } }));
    await expect(conversationMessages(conversationId, { getToken, baseUrl: BASE, ...busy })).rejects.toMatchObject({
      reason: "throttled",
    });
    const offline = fakeGraph(() => "offline");
    await expect(conversationMessages(conversationId, { getToken, baseUrl: BASE, ...offline })).rejects.toMatchObject({
      reason: "offline",
    });
    const garbled = fakeGraph(() => ({ body: "<html>proxy login</html>" }));
    await expect(conversationMessages(conversationId, { getToken, baseUrl: BASE, ...garbled })).rejects.toMatchObject({
      reason: "failed",
    });
  });
});
