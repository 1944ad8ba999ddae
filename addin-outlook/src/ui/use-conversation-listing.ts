import { SignInRequired } from "@rapport/addin-kit";
import { useCallback, useEffect, useRef, useState } from "react";
import { GraphError } from "../graph/graph-error.ts";
import type { GraphMessage } from "../graph/graph-message.ts";
import type { MailGraph } from "../graph/mail-graph.ts";

export type ConversationListing =
  /** No Microsoft sign-in, or a mail outside any conversation: nothing to ask Graph. */
  | { status: "off" }
  | { status: "loading" }
  /** Graph needs the user's consent (or sign-in) first: asked from a click, never on load. */
  | { status: "consent" }
  | { status: "failed"; error: unknown }
  | { status: "ready"; messages: GraphMessage[]; complete: boolean };

/**
 * The open mail's whole conversation as Graph lists it, asked silently once per mail; `load(true)`
 * (from a click) may ask the user's consent first. An answer for a request overtaken by another is dropped.
 */
export function useConversationListing(graph: MailGraph | null, conversationId: string | null) {
  const [listing, setListing] = useState<ConversationListing>(
    graph && conversationId ? { status: "loading" } : { status: "off" },
  );
  const asked = useRef(0);

  const load = useCallback(
    async (interactive: boolean) => {
      const mine = ++asked.current;
      if (!graph || !conversationId) return setListing({ status: "off" });
      setListing({ status: "loading" });
      try {
        const { messages, complete } = await graph.conversation(conversationId, interactive);
        if (mine === asked.current) setListing({ status: "ready", messages, complete });
      } catch (error) {
        if (mine !== asked.current) return;
        if (!(error instanceof SignInRequired)) return setListing({ status: "failed", error });
        // Asked from a click and still refused: this Outlook cannot ask (no nested app authentication).
        setListing(
          interactive ? { status: "failed", error: new GraphError("refused", error.message) } : { status: "consent" },
        );
      }
    },
    [graph, conversationId],
  );

  useEffect(() => {
    void load(false);
  }, [load]);

  return { listing, load };
}
