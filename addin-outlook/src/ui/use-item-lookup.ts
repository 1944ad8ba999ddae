import type { RapportClient } from "@rapport/addin-kit";
import type { LookupResponse } from "@rapport/shared/schemas";
import { useCallback, useEffect, useRef, useState } from "react";
import { type LookupPlan, lookupPlan } from "../api/lookup-plan.ts";
import type { ItemMark } from "../domain/item-mark.ts";
import type { OutlookItem } from "../domain/outlook-item.ts";

export type ItemLookup =
  | { status: "loading"; plan: LookupPlan }
  | { status: "error"; plan: LookupPlan; error: unknown }
  | { status: "ready"; plan: LookupPlan; answer: LookupResponse };

/** The key a mail is logged under: the one chosen in compose for a mail logged as it was sent, else its internetMessageId. */
export function mailKey(item: OutlookItem, mark: ItemMark | null): string | null {
  if (item.kind !== "message") return null;
  if (item.mode === "compose") return null;
  if (mark?.kind === "send") return mark.key;
  return item.internetMessageId;
}

/**
 * One lookup request per item: the people on it and, for a mail, whether it and others of its
 * conversation are logged. `refresh` asks again after the pane changed something (a log, a new
 * contact); an answer for an item the user has left is dropped.
 */
export function useItemLookup(
  client: RapportClient,
  item: OutlookItem | null,
  mark: ItemMark | null,
  me: string | null,
) {
  const plan = item ? lookupPlan(item.people, me) : { emails: [], notLookedUp: 0, withoutAddress: 0 };
  const key = item ? mailKey(item, mark) : null;
  const conversationId = item?.kind === "message" ? item.conversationId : null;
  // Everything the request depends on, as one value: the same item asks once, whatever re-renders.
  const signature = JSON.stringify({ plan, key, conversationId });
  const [state, setState] = useState<ItemLookup>({ status: "loading", plan });
  const latest = useRef(signature);
  latest.current = signature;

  const run = useCallback(
    async (quiet: boolean) => {
      const asked = signature;
      const request = JSON.parse(signature) as { plan: LookupPlan; key: string | null; conversationId: string | null };
      const { plan, key: internetMessageId, conversationId: conversation } = request;
      const emails = plan.emails;
      if (emails.length === 0) {
        setState({ status: "ready", plan, answer: { results: [] } });
        return;
      }
      if (!quiet) setState({ status: "loading", plan });
      try {
        const answer = await client.lookup({
          query: {
            email: emails,
            ...(internetMessageId ? { internetMessageId } : {}),
            ...(conversation ? { conversationId: conversation } : {}),
          },
        });
        if (latest.current === asked) setState({ status: "ready", plan, answer });
      } catch (error) {
        if (latest.current === asked && !quiet) setState({ status: "error", plan, error });
      }
    },
    [client, signature],
  );

  useEffect(() => {
    void run(false);
  }, [run]);

  const refresh = useCallback(() => void run(true), [run]);
  return { lookup: state, refresh };
}
