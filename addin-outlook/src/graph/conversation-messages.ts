import { GraphError, graphErrorOf } from "./graph-error.ts";
import { GraphMessage, GraphPage, MESSAGE_FIELDS } from "./graph-message.ts";

/** Microsoft Graph, where the mailbox's mails are listed; tests pass another base to a fake. */
export const GRAPH_URL = "https://graph.microsoft.com/v1.0";

/** The delegated permission listing a conversation needs: read the user's own mail, nothing else. */
export const MAIL_READ_SCOPES = ["Mail.Read"];

/** Graph's page size for the list; a conversation longer than MAX_PAGES pages is listed in part. */
const PAGE_SIZE = 50;
const MAX_PAGES = 4;
const TIMEOUT_MS = 15_000;

export type GraphDeps = {
  /** A bearer token for Graph with Mail.Read. */
  getToken: () => Promise<string>;
  baseUrl?: string;
  fetch?: typeof fetch;
  maxPages?: number;
};

export type ConversationMessages = {
  messages: GraphMessage[];
  /** False when the conversation has more mails than the pane lists (MAX_PAGES pages). */
  complete: boolean;
};

/**
 * Every mail of a conversation in the user's mailbox, in any folder (Inbox, Sent Items...), as
 * Graph lists them: `/me/messages` filtered by conversationId, with only the fields a log needs.
 * Office.js cannot list a conversation's other mails; Graph can. Next pages are followed only on
 * Graph's own origin, so the token never goes anywhere else.
 *
 * @example await conversationMessages("AAQkADOUpag6yWs=", { getToken })
 */
export async function conversationMessages(conversationId: string, deps: GraphDeps): Promise<ConversationMessages> {
  const base = deps.baseUrl ?? GRAPH_URL;
  const send = deps.fetch ?? fetch;
  const maxPages = deps.maxPages ?? MAX_PAGES;
  const token = await deps.getToken();
  // OData quotes a string with single quotes and doubles any inside it.
  const filter = `conversationId eq '${conversationId.replaceAll("'", "''")}'`;
  let next: string | null =
    `${base}/me/messages?$filter=${encodeURIComponent(filter)}` +
    `&$select=${MESSAGE_FIELDS.join(",")}&$top=${PAGE_SIZE}`;
  const messages: GraphMessage[] = [];
  let pages = 0;
  let more = false;
  while (next && pages < maxPages) {
    const page = await fetchPage(send, next, token);
    pages++;
    for (const item of page.value) {
      // One unreadable item (an odd item type in the mailbox) is left out, not the whole list.
      const parsed = GraphMessage.safeParse(item);
      if (parsed.success) messages.push(parsed.data);
    }
    more = page["@odata.nextLink"] !== undefined;
    next = sameOrigin(page["@odata.nextLink"], base);
  }
  return { messages, complete: !more };
}

async function fetchPage(send: typeof fetch, url: string, token: string) {
  let response: Response;
  try {
    response = await send(url, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
      ...deadline(),
    });
  } catch (error) {
    throw new GraphError("offline", error instanceof Error ? error.message : "Microsoft Graph cannot be reached");
  }
  if (!response.ok) throw await graphErrorOf(response);
  const parsed = GraphPage.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new GraphError("failed", "Microsoft Graph's answer could not be read", response.status);
  return parsed.data;
}

function sameOrigin(link: string | undefined, base: string): string | null {
  if (!link) return null;
  try {
    return new URL(link).origin === new URL(base).origin ? link : null;
  } catch {
    return null;
  }
}

function deadline(): { signal?: AbortSignal } {
  return typeof AbortSignal.timeout === "function" ? { signal: AbortSignal.timeout(TIMEOUT_MS) } : {};
}
