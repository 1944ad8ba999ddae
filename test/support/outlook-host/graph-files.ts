import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { REPO_ROOT } from "../server-process.ts";
import type { GraphEvent, GraphMessage } from "./graph-items.ts";

const GRAPH = resolve(REPO_ROOT, "../shared/data/graph");

/** A recorded Microsoft Graph response body from ../shared/data/graph/docs-examples. */
export function graphDoc<T>(name: string): T {
  return JSON.parse(readFileSync(resolve(GRAPH, "docs-examples", name), "utf8")) as T;
}

export const messageGet = () => graphDoc<GraphMessage>("message-get.json");
export const eventsList = () => graphDoc<{ value: GraphEvent[] }>("events-list_select_prefer-PST.json").value;

/**
 * The recorded messages of the Dev Proxy mock file that carry a real internetMessageId (an item
 * attachment, meeting requests, a bounce): mails as Outlook holds them, for multi-select.
 */
export function recordedMessages(): GraphMessage[] {
  const file = JSON.parse(
    readFileSync(resolve(GRAPH, "devproxy-graph-v1_0-mocks_outlook-mail-calendar-contacts.json"), "utf8"),
  ) as {
    mocks: Array<{ response: { body?: unknown } }>;
  };
  const found = new Map<string, GraphMessage>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const message = value as Partial<GraphMessage> & { from?: unknown };
    if (typeof message.internetMessageId === "string" && message.internetMessageId.startsWith("<") && message.from) {
      found.set(message.internetMessageId, value as GraphMessage);
    }
    Object.values(value).forEach(walk);
  };
  for (const mock of file.mocks) walk(mock.response.body);
  return [...found.values()];
}
