import type { BrowserContext, Request } from "playwright-core";
import type { GraphMessage } from "./graph-items.ts";

/** Where the pane reaches Microsoft Graph: the real address, answered at the browser's network edge. */
export const GRAPH_ORIGIN = "https://graph.microsoft.com";

export type GraphCall = { url: URL; authorization: string | null };

/**
 * Microsoft Graph for one mailbox, answered by the test's browser for https://graph.microsoft.com:
 * the pane's own fetch and its Content-Security-Policy are the real ones, nothing leaves the machine.
 * It answers `GET /v1.0/me/messages` as Graph does: `$filter=conversationId eq '…'`, `$select`
 * (plus id and etag, which Graph always adds), `$top` pages linked by `@odata.nextLink` with a
 * `$skiptoken`, and Graph's 401 for a missing or wrong token. The mailbox is the recorded Graph
 * messages the test hands in.
 */
export async function serveGraph(
  context: BrowserContext,
  mailbox: GraphMessage[],
  options: { token: string; maxPageSize?: number },
) {
  const calls: GraphCall[] = [];
  await context.route(`${GRAPH_ORIGIN}/**`, async (route) => {
    const request = route.request();
    const cors = corsHeaders(request);
    if (request.method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
    const url = new URL(request.url());
    const authorization = (await request.headerValue("authorization")) ?? null;
    calls.push({ url, authorization });
    const reply = (status: number, body: unknown) => route.fulfill({ status, headers: cors, json: body });
    if (authorization !== `Bearer ${options.token}`) {
      return reply(401, { error: { code: "InvalidAuthenticationToken", message: "Access token validation failure." } });
    }
    if (request.method() !== "GET" || url.pathname !== "/v1.0/me/messages") {
      return reply(404, { error: { code: "ResourceNotFound", message: "Resource not found for the segment." } });
    }
    const filter = url.searchParams.get("$filter") ?? "";
    const match = /^conversationId eq '((?:[^']|'')*)'$/.exec(filter);
    if (filter && !match) {
      return reply(400, {
        error: { code: "BadRequest", message: `This fake Graph reads no filter but conversationId.` },
      });
    }
    const conversationId = match?.[1]?.replaceAll("''", "'");
    return reply(200, listMessages(mailbox, url, conversationId, options.maxPageSize ?? 1000));
  });
  return { calls };
}

/**
 * One page of the mailbox's messages. Graph may page by less than $top (server-driven paging, as
 * `Prefer: odata.maxpagesize` shows in the recorded delta pages): maxPageSize stands for that.
 */
function listMessages(mailbox: GraphMessage[], url: URL, conversationId: string | undefined, maxPageSize: number) {
  const select = url.searchParams.get("$select")?.split(",") ?? null;
  const top = Math.min(Number(url.searchParams.get("$top") ?? 10), maxPageSize);
  const skip = Number(url.searchParams.get("$skiptoken") ?? 0);
  const found = mailbox.filter((m) => conversationId === undefined || m.conversationId === conversationId);
  const page = found.slice(skip, skip + top).map((message) => projected(message, select));
  const next = new URL(url);
  next.searchParams.set("$skiptoken", String(skip + top));
  return {
    "@odata.context": `${GRAPH_ORIGIN}/v1.0/$metadata#users('7f180cbb-a5ae-457c-b7e8-6f5b42ba33e7')/messages(${select?.join(",") ?? ""})`,
    value: page,
    ...(skip + top < found.length ? { "@odata.nextLink": next.toString() } : {}),
  };
}

/** What Graph returns under $select: the chosen properties, with id and etag always. */
function projected(message: GraphMessage, select: string[] | null): Record<string, unknown> {
  const all = message as unknown as Record<string, unknown>;
  if (!select) return all;
  const kept: Record<string, unknown> = { "@odata.etag": all["@odata.etag"] ?? `W/"${message.id}"`, id: message.id };
  for (const field of select) if (field in all) kept[field] = all[field];
  return kept;
}

/** Graph answers browsers from any origin, with the Authorization header allowed. */
function corsHeaders(request: Request): Record<string, string> {
  return {
    "access-control-allow-origin": request.headers().origin ?? "*",
    "access-control-allow-headers": "authorization, accept, content-type",
    "access-control-allow-methods": "GET, OPTIONS",
  };
}
