import { normalizeEmail } from "@rapport/shared/normalize";
import type { ItemPerson } from "../domain/outlook-item.ts";

/** The server looks up at most this many addresses per request. */
export const MAX_LOOKUP_ADDRESSES = 100;

export type LookupPlan = {
  /** Distinct addresses to look up, in the item's order (sender first). */
  emails: string[];
  /** People with an address beyond the limit: shown as a count, not looked up. */
  notLookedUp: number;
  /** People Outlook gave no Internet address for (X.500, bare names): shown by name only. */
  withoutAddress: number;
};

/**
 * Which addresses one lookup request asks about: every distinct Internet address on the item except
 * the user's own, up to the server's limit. When nobody else has an address, the user's own goes
 * alone so the request still tells whether the mail is logged.
 */
export function lookupPlan(people: ItemPerson[], userAddress: string | null): LookupPlan {
  const me = userAddress ? normalizeEmail(userAddress) : null;
  const distinct = [...new Set(people.flatMap((p) => (p.address ? [normalizeEmail(p.address)] : [])))];
  const others = distinct.filter((address) => address !== me);
  const emails = others.slice(0, MAX_LOOKUP_ADDRESSES);
  return {
    emails: emails.length === 0 && me ? [me] : emails,
    notLookedUp: others.length - emails.length,
    withoutAddress: people.filter((p) => !p.address).length,
  };
}
