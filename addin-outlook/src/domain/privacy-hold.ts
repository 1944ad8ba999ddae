import { emailDomain, normalizeEmail } from "@rapport/shared/normalize";
import type { PrivacyBlock, PrivacyPolicy } from "@rapport/shared/schemas";
import type { ItemPerson } from "./outlook-item.ts";

/** Why the pane does not offer to log an item unless the user insists; the server applies the same rules. */
export type PrivacyHold = { reason: PrivacyBlock; who: string };

/**
 * The admin's policy and the user's own never-log list, applied to the people on an item:
 * anyone at a blocked domain or address, a sender the user never logs, or only colleagues.
 */
export function privacyHold(
  people: ItemPerson[],
  policy: PrivacyPolicy,
  userAddress: string | null,
): PrivacyHold | null {
  const blockedDomains = new Set(policy.blockedDomains.map((d) => d.toLowerCase()));
  const blockedAddresses = new Set(policy.blockedAddresses.map(normalizeEmail));
  const neverLog = new Set(policy.neverLog.map(normalizeEmail));
  const own = new Set(policy.ownDomains.map((d) => d.toLowerCase()));
  const me = userAddress ? normalizeEmail(userAddress) : null;
  const addressed = people.flatMap((p) => (p.address ? [{ ...p, address: normalizeEmail(p.address) }] : []));

  for (const person of addressed) {
    if (blockedAddresses.has(person.address)) return { reason: "blocked_address", who: person.address };
    const domain = emailDomain(person.address);
    if (domain && blockedDomains.has(domain)) return { reason: "blocked_domain", who: domain };
  }
  const sender = addressed.find((p) => p.role === "from" || p.role === "organizer");
  if (sender && neverLog.has(sender.address)) return { reason: "never_log", who: sender.address };
  const others = addressed.filter((p) => p.address !== me);
  if (own.size > 0 && others.length > 0 && others.every((p) => own.has(emailDomain(p.address) ?? ""))) {
    return { reason: "internal", who: [...new Set(others.map((p) => emailDomain(p.address)))].join(", ") };
  }
  return null;
}
