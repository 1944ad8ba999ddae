import type { RapportClient } from "@rapport/addin-kit";
import type { LookupResponse } from "@rapport/shared/schemas";
import { useCallback, useEffect, useRef, useState } from "react";
import { type LookupPlan, lookupPlan } from "../api/lookup-plan.ts";
import type { ItemMark } from "../domain/item-mark.ts";
import type { OutlookItem } from "../domain/outlook-item.ts";

export type ItemLookup =
  | { status: "loading"; plan: LookupPlan }
  | { status: "error"; plan: LookupPlan; error: unknown }
  | { status: "ready"; plan: LookupPlan; answer: LookupResponse }
  /** The same people, asked again for other ids: their cards stay, but the answer's `mail` is not this item's yet. */
  | { status: "updating"; plan: LookupPlan; answer: LookupResponse };

type Mode = "load" | "update" | "refresh";

/** Which log the lookup should say something about: a mail and its conversation, or a meeting. */
export type LoggedIds = { internetMessageId?: string | null; conversationId?: string | null; iCalUId?: string | null };

/**
 * The key a mail is logged under: the one chosen in compose for a mail logged as it was sent,
 * until its real internetMessageId is attached to the log; else its internetMessageId.
 */
export function mailKey(item: OutlookItem, mark: ItemMark | null): string | null {
  if (item.kind !== "message") return null;
  if (item.mode === "compose") return null;
  if (mark?.kind === "send" && !(mark.attached && item.internetMessageId)) return mark.key;
  return item.internetMessageId;
}

/**
 * One lookup request per item: the people on it and whether it (and, for a mail, others of its
 * conversation) is logged. `refresh` asks again after the pane changed something (a log, a new
 * contact); an answer for an item the user has left is dropped. When only the ids change (another
 * occurrence of a series, a real message id attached) the people stay on screen meanwhile.
 */
export function useItemLookup(client: RapportClient, item: OutlookItem | null, ids: LoggedIds, me: string | null) {
  const plan = item ? lookupPlan(item.people, me) : { emails: [], notLookedUp: 0, withoutAddress: 0 };
  const request = {
    plan,
    internetMessageId: ids.internetMessageId ?? null,
    conversationId: ids.conversationId ?? null,
    iCalUId: ids.iCalUId ?? null,
  };
  // Everything the request depends on, as one value: the same item asks once, whatever re-renders.
  const signature = JSON.stringify(request);
  const people = JSON.stringify(plan);
  const [state, setState] = useState<ItemLookup>({ status: "loading", plan });
  const latest = useRef(signature);
  latest.current = signature;
  const shownPeople = useRef<string | null>(null);

  const run = useCallback(
    async (mode: Mode) => {
      const asked = signature;
      const { plan, internetMessageId, conversationId, iCalUId } = JSON.parse(signature) as typeof request;
      if (plan.emails.length === 0) {
        setState({ status: "ready", plan, answer: { results: [] } });
        return;
      }
      if (mode === "load") setState({ status: "loading", plan });
      if (mode === "update") {
        setState((s) => (s.status === "ready" || s.status === "updating" ? { ...s, status: "updating" } : s));
      }
      try {
        const answer = await client.lookup({
          query: {
            email: plan.emails,
            ...(internetMessageId ? { internetMessageId } : {}),
            ...(conversationId ? { conversationId } : {}),
            ...(iCalUId ? { iCalUId } : {}),
          },
        });
        if (latest.current === asked) setState({ status: "ready", plan, answer });
      } catch (error) {
        // A refresh that fails leaves what is shown; a first answer or new ids that fail say so.
        if (latest.current === asked && mode !== "refresh") setState({ status: "error", plan, error });
      }
    },
    [client, signature],
  );

  useEffect(() => {
    const samePeople = shownPeople.current === people;
    shownPeople.current = people;
    void run(samePeople ? "update" : "load");
  }, [run, people]);

  const refresh = useCallback(() => void run("refresh"), [run]);
  return { lookup: state, refresh };
}
