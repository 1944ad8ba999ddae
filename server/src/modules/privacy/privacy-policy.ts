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
function atDomains(email: string, domains: readonly string[]): boolean {
  const domain = emailDomain(email);
  return domain !== null && domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** What the admin blocked of this normalised address: itself, its domain, both or neither. */
function adminBlocks(settings: PrivacySettings, email: string): PrivacyBlock[] {
  return [
    ...(settings.blockedAddresses.includes(email) ? (["blocked_address"] as const) : []),
    ...(atDomains(email, settings.blockedDomains) ? (["blocked_domain"] as const) : []),
  ];
}

/** Whether the admin blocked this address, by itself or by its domain. */
export function isBlockedAddress(settings: PrivacySettings, address: string): boolean {
  return adminBlocks(settings, normalizeEmail(address)).length > 0;
}

/**
 * Why the policy holds a mail or meeting back, from the addresses on it: anyone blocked by the
 * admin, only colleagues on it, or someone on the user's never-log list. Empty when it may be logged.
 */
export function privacyBlocks(policy: PrivacyPolicy, addresses: readonly string[]): PrivacyBlock[] {
  const emails = addresses.map(normalizeEmail).filter((email) => email.includes("@"));
  const blocks = new Set<PrivacyBlock>();
  for (const email of emails) {
    for (const block of adminBlocks(policy, email)) blocks.add(block);
    if (policy.neverLog.includes(email)) blocks.add("never_log");
  }
  if (emails.length > 0 && emails.every((email) => atDomains(email, policy.ownDomains))) blocks.add("internal");
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
