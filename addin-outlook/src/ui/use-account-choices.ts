import type { Case, LookupResult, Opportunity } from "@rapport/shared/schemas";
import { useEffect, useState } from "react";
import { usePane } from "./pane-context.ts";

export type AccountChoices = { deals: Opportunity[]; cases: Case[] };

/**
 * The open deals and cases a log can also go to, for the chosen account: from the lookup when the
 * account is one of the people's, else asked from the server (an account found by search).
 */
export function useAccountChoices(accountId: string | null, results: LookupResult[]): AccountChoices {
  const { client } = usePane();
  const known = results.filter((r) => r.account?.id === accountId);
  const [fetched, setFetched] = useState<{ accountId: string; choices: AccountChoices } | null>(null);
  const needsFetch = accountId !== null && known.length === 0;

  useEffect(() => {
    if (!needsFetch || !accountId) return;
    let live = true;
    void Promise.all([
      client.opportunities.list({ query: { accountId, open: "true", limit: 50 } }),
      client.cases.list({ query: { accountId, limit: 50 } }),
    ])
      .then(([deals, cases]) => {
        const open = cases.items.filter((c) => c.status === "open" || c.status === "pending");
        if (live) setFetched({ accountId, choices: { deals: deals.items, cases: open } });
      })
      // Without the lists the user can still log to the account; the pickers just stay empty.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, accountId, needsFetch]);

  if (!accountId) return { deals: [], cases: [] };
  if (!needsFetch) {
    return {
      deals: unique(known.flatMap((r) => r.openOpportunities)),
      cases: unique(known.flatMap((r) => r.openCases)),
    };
  }
  return fetched?.accountId === accountId ? fetched.choices : { deals: [], cases: [] };
}

function unique<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
