import { emailDomain, normalizeEmail } from "@rapport/shared/normalize";
import type { CaptureLevel, PrivacyBlock, PrivacyPolicy, PrivacySettings } from "@rapport/shared/schemas";
import type { RequestContext } from "../../records/request-context.ts";
import { readPrivacySettings } from "../settings/privacy-settings.ts";
import { neverLogOf } from "./never-log.repo.ts";

/** The admin's policy with the company's domains and the user's own never-log list. */
export async function privacyPolicyFor(ctx: RequestContext): Promise<PrivacyPolicy> {
  const [settings, neverLog] = await Promise.all([
    readPrivacySettings(ctx.reader),
    neverLogOf(ctx.reader, ctx.user.id),
  ]);
  return { ...settings, ownDomains: [...ctx.config.ownDomains].sort(), neverLog };
}

/** A domain matches itself and its subdomains: blocking bank.fr blocks mail.bank.fr too. */
function inDomains(domain: string, domains: readonly string[]): boolean {
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** Whether the admin blocked this address, by itself or by its domain. */
export function isBlockedAddress(settings: PrivacySettings, address: string): boolean {
  const email = normalizeEmail(address);
  const domain = emailDomain(email);
  return settings.blockedAddresses.includes(email) || (domain !== null && inDomains(domain, settings.blockedDomains));
}

/**
 * Why the policy holds a mail or meeting back, from the addresses on it: anyone blocked by the
 * admin, only colleagues on it, or someone on the user's never-log list. Empty when it may be logged.
 */
export function privacyBlocks(policy: PrivacyPolicy, addresses: readonly string[]): PrivacyBlock[] {
  const emails = addresses.map(normalizeEmail).filter((email) => email.includes("@"));
  const blocks = new Set<PrivacyBlock>();
  for (const email of emails) {
    const domain = emailDomain(email);
    if (policy.blockedAddresses.includes(email)) blocks.add("blocked_address");
    if (domain && inDomains(domain, policy.blockedDomains)) blocks.add("blocked_domain");
    if (policy.neverLog.includes(email)) blocks.add("never_log");
  }
  const own = (email: string) => {
    const domain = emailDomain(email);
    return domain !== null && inDomains(domain, policy.ownDomains);
  };
  if (emails.length > 0 && emails.every(own)) blocks.add("internal");
  return [...blocks];
}

const BLOCK_TEXT: Record<PrivacyBlock, string> = {
  blocked_address: "someone on it is on the blocked list",
  blocked_domain: "someone on it is at a blocked domain",
  internal: "only colleagues are on it",
  never_log: "someone on it is on your never-log list",
};

export function describeBlocks(blocks: readonly PrivacyBlock[]): string {
  return `The privacy policy holds this back: ${blocks.map((b) => BLOCK_TEXT[b]).join("; ")}. Log it anyway with policyOverride.`;
}

/** What of a mail the server keeps at the admin's capture level. */
export function captured<T extends { subject: string | null; bodyText: string | null }>(
  level: CaptureLevel,
  item: T,
): T {
  if (level === "metadata") return { ...item, subject: null, bodyText: null };
  if (level === "subject") return { ...item, bodyText: null };
  return item;
}
