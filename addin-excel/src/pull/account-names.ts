import { ApiError } from "@rapport/shared/client";
import type { RapportClient } from "../pane-types.ts";

/** Accounts looked up one by one at most per pull: the API has no bulk read, and a user has a rate limit. */
export const MAX_ACCOUNT_LOOKUPS = 300;
const AT_ONCE = 6;

/**
 * The names of the accounts a pulled page's contacts belong to, for the Company column, read
 * once each. Past MAX_ACCOUNT_LOOKUPS distinct accounts the column stays empty for the others and
 * `incomplete` says so (segment members carry only the account id).
 */
export function accountNames(client: RapportClient) {
  const names = new Map<string, string>();
  let lookups = 0;
  let incomplete = false;
  return {
    names: names as ReadonlyMap<string, string>,
    get incomplete() {
      return incomplete;
    },
    async resolve(records: ReadonlyArray<{ accountId?: string | null }>): Promise<void> {
      const unknown = [...new Set(records.map((r) => r.accountId).filter((id): id is string => Boolean(id)))].filter(
        (id) => !names.has(id),
      );
      const allowed = unknown.slice(0, Math.max(0, MAX_ACCOUNT_LOOKUPS - lookups));
      if (allowed.length < unknown.length) incomplete = true;
      lookups += allowed.length;
      for (let start = 0; start < allowed.length; start += AT_ONCE) {
        await Promise.all(
          allowed.slice(start, start + AT_ONCE).map(async (id) => {
            try {
              names.set(id, (await client.accounts.get({ params: { id } })).name);
            } catch (error) {
              // An account the user may not see has no name to show.
              if (error instanceof ApiError && error.status === 404) names.set(id, "");
              else throw error;
            }
          }),
        );
      }
    },
  };
}
