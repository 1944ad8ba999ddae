import { z } from "zod";
import { Id, ListQuery, LongText, RecordMeta, ShortText, Timestamp, updateOf } from "./common.ts";

export const ActivityType = z.enum(["email", "meeting", "call", "note", "task", "letter", "sms"]);
export const Direction = z.enum(["in", "out"]);
export const ParticipantRole = z.enum(["from", "to", "cc", "bcc", "organizer", "attendee"]);

export const Participant = z.strictObject({
  address: z.string().trim().max(254).nullable().default(null),
  name: ShortText.nullable().default(null),
  role: ParticipantRole.nullable().default(null),
  contactId: Id.nullable().default(null),
});
export type Participant = z.infer<typeof Participant>;

/** Identifiers from the mail or calendar system; they make logging the same item twice a no-op. */
export const ExternalIds = z.strictObject({
  internetMessageId: z.string().trim().min(3).max(998).optional(),
  conversationId: z.string().trim().min(1).max(500).optional(),
  iCalUId: z.string().trim().min(1).max(500).optional(),
});

const activityFields = {
  type: ActivityType,
  direction: Direction.nullable().default(null),
  subject: ShortText.nullable().default(null),
  bodyText: LongText.nullable().default(null),
  occurredAt: Timestamp,
  /** A meeting's end and place. */
  endsAt: Timestamp.nullable().default(null),
  location: ShortText.nullable().default(null),
  participants: z.array(Participant).max(500).default([]),
  accountId: Id.nullable().default(null),
  opportunityId: Id.nullable().default(null),
  caseId: Id.nullable().default(null),
  externalIds: ExternalIds.default({}),
};

export const Activity = RecordMeta.extend({ ...activityFields, loggedBy: Id }).meta({
  id: "Activity",
});
export type Activity = z.infer<typeof Activity>;

/** An activity without its body: what lists of recent history show (bodies can be 100 kB each). */
export const ActivitySummary = Activity.omit({ bodyText: true }).meta({ id: "ActivitySummary" });
export type ActivitySummary = z.infer<typeof ActivitySummary>;

export const ActivityCreate = z.strictObject({
  ...activityFields,
  ownerId: Id.optional(),
  /**
   * The user insists on logging mail the privacy policy holds back (a blocked domain, colleagues
   * only, a sender on their never-log list); without it the server answers 422 `privacy_blocked`.
   */
  policyOverride: z.boolean().optional(),
});
export type ActivityCreate = z.infer<typeof ActivityCreate>;
/** `externalIds` given replaces the stored ones (a mail logged as it was sent gets its real message id later). */
export const ActivityUpdate = updateOf(ActivityCreate).omit({ policyOverride: true });
export type ActivityUpdate = z.infer<typeof ActivityUpdate>;

export const ActivityListQuery = ListQuery.extend({
  type: ActivityType.optional(),
  accountId: Id.optional(),
  contactId: Id.optional(),
  opportunityId: Id.optional(),
  caseId: Id.optional(),
  internetMessageId: z.string().max(998).optional(),
  conversationId: z.string().max(500).optional(),
  iCalUId: z.string().max(500).optional(),
});
