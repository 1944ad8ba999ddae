import { type ConversationMessages, conversationMessages, GRAPH_URL } from "./conversation-messages.ts";

/** The user's mailbox through Microsoft Graph, for what Office.js cannot tell the pane. */
export type MailGraph = {
  /** Every mail of a conversation; `interactive` (from a click only) may show Microsoft's consent first. */
  conversation(conversationId: string, interactive?: boolean): Promise<ConversationMessages>;
};

/**
 * Graph with the user's Microsoft token for Mail.Read. The address is Graph's own in the pane;
 * only unit tests hand another (nothing a user types or a page says can point the token elsewhere).
 */
export function mailGraph(token: (interactive: boolean) => Promise<string>, baseUrl = GRAPH_URL): MailGraph {
  return {
    conversation: (conversationId, interactive = false) =>
      conversationMessages(conversationId, { getToken: () => token(interactive), baseUrl }),
  };
}
