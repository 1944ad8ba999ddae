import { z } from "zod";

/**
 * What Microsoft Graph says of a mail, for the fields the pane asks for ($select). Graph is outside
 * Rapport's schemas, so its answers are read here, field by field, and never trusted further:
 * anything may be missing (Microsoft's own samples are "truncated"), and the docs even show
 * booleans as strings.
 */
const Recipient = z.object({
  emailAddress: z.object({ name: z.string().nullish(), address: z.string().nullish() }).nullish(),
});
export type GraphRecipient = z.infer<typeof Recipient>;

const Flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);

export const GraphMessage = z.object({
  id: z.string(),
  internetMessageId: z.string().nullish(),
  conversationId: z.string().nullish(),
  subject: z.string().nullish(),
  from: Recipient.nullish(),
  toRecipients: z.array(Recipient).nullish(),
  ccRecipients: z.array(Recipient).nullish(),
  receivedDateTime: z.string().nullish(),
  sentDateTime: z.string().nullish(),
  bodyPreview: z.string().nullish(),
  isDraft: Flag.nullish(),
});
export type GraphMessage = z.infer<typeof GraphMessage>;

/** One page of a Graph collection: its items, and the link to the next page when there is one. */
export const GraphPage = z.object({
  value: z.array(z.unknown()),
  "@odata.nextLink": z.string().optional(),
});

/** The fields the pane asks Graph for: what a log needs, and bodyPreview as the most of a body it may keep. */
export const MESSAGE_FIELDS = [
  "internetMessageId",
  "subject",
  "from",
  "toRecipients",
  "ccRecipients",
  "receivedDateTime",
  "sentDateTime",
  "conversationId",
  "bodyPreview",
  "isDraft",
] as const;
