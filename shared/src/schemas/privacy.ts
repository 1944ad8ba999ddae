import { z } from "zod";
import { Domain, Email } from "./common.ts";

/** How much of a logged mail the server keeps: headers only, the subject too, or the whole body. */
export const CaptureLevel = z.enum(["metadata", "subject", "body"]);
export type CaptureLevel = z.infer<typeof CaptureLevel>;

const domains = z.array(Domain).max(5000);
const addresses = z.array(Email).max(5000);

/** The admin's privacy policy (DESIGN.md section 5); the server enforces it on every log. */
export const PrivacySettings = z
  .strictObject({
    /** Mail with anyone at these domains is never logged nor matched. */
    blockedDomains: domains.default([]),
    blockedAddresses: addresses.default([]),
    /** Free-mail domains beyond the built-in list (gmail.com, orange.fr...): they never create accounts. */
    personalDomains: domains.default([]),
    captureLevel: CaptureLevel.default("body"),
  })
  .meta({ id: "PrivacySettings" });
export type PrivacySettings = z.infer<typeof PrivacySettings>;
export const PrivacySettingsUpdate = PrivacySettings.partial().strict();

/** What a pane needs to apply the policy: the admin's settings, the company's domains, the user's own list. */
export const PrivacyPolicy = PrivacySettings.extend({
  /** The organisation's own domains: mail between colleagues is not logged. */
  ownDomains: z.array(z.string()),
  /** Senders this user asked never to log. */
  neverLog: z.array(z.string()),
}).meta({ id: "PrivacyPolicy" });
export type PrivacyPolicy = z.infer<typeof PrivacyPolicy>;

export const NeverLogChange = z.strictObject({ address: Email });
export const NeverLogList = z.object({ addresses: z.array(z.string()) });

/** Why the server refused to log an item (422 `privacy_blocked`, listed in the problem's `current`). */
export const PrivacyBlock = z.enum(["blocked_domain", "blocked_address", "internal", "never_log"]);
export type PrivacyBlock = z.infer<typeof PrivacyBlock>;
