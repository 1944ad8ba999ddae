import { z } from "zod";
import {
  Email,
  Id,
  IsoDate,
  ListQuery,
  LongText,
  Money,
  RecordMeta,
  ShortText,
  Timestamp,
  updateOf,
} from "./common.ts";

/** How the action reaches people. */
export const CampaignChannel = z.enum(["mail", "email", "phone", "sms", "press", "web"]);
export type CampaignChannel = z.infer<typeof CampaignChannel>;
/** How people answer: the response channels an action offers, and the one each response used. */
export const ResponseChannel = z.enum(["mail", "email", "phone", "sms", "web", "store", "coupon", "other"]);
export type ResponseChannel = z.infer<typeof ResponseChannel>;
/** What the action promises. */
export const PromiseType = z.enum([
  "gift",
  "discount",
  "free_service",
  "free_shipping",
  "contest",
  "information",
  "other",
]);
export const CampaignStatus = z.enum(["draft", "launched", "closed"]);

/** Every action is coded (SPRING26-EMAIL): responses and orders are attributed through its code. */
export const CampaignCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, "2 to 40 letters, digits, - or _");

const campaignFields = {
  code: CampaignCode,
  name: ShortText.min(1),
  objective: LongText.max(2000).nullable().default(null),
  /** The segment whose members become the target list at launch. */
  segmentId: Id.nullable().default(null),
  channel: CampaignChannel,
  plannedAt: IsoDate.nullable().default(null),
  cost: Money.min(0).default(0),
  promiseType: PromiseType.nullable().default(null),
  promiseSummary: ShortText.nullable().default(null),
  responseChannels: z.array(ResponseChannel).max(8).default([]),
  /** Targets wanted; null: every eligible member. */
  targetQuantity: z.number().int().min(1).max(10_000_000).nullable().default(null),
  /** Eligible members held out at random and not solicited, to measure uplift. */
  controlSize: z.number().int().min(0).max(1_000_000).default(0),
  /** Days after launch during which a targeted contact's email, activity or order counts as a response. */
  responseWindowDays: z.number().int().min(1).max(365).default(30),
};

export const Campaign = RecordMeta.extend({
  ...campaignFields,
  status: CampaignStatus,
  launchedAt: Timestamp.nullable(),
  targetCount: z.number().int(),
  controlCount: z.number().int(),
}).meta({ id: "Campaign" });
export type Campaign = z.infer<typeof Campaign>;

export const CampaignCreate = z.strictObject({ ...campaignFields, ownerId: Id.optional() });
export type CampaignCreate = z.infer<typeof CampaignCreate>;
export const CampaignUpdate = updateOf(z.strictObject({ ...campaignFields, ownerId: Id.optional() }));
export type CampaignUpdate = z.infer<typeof CampaignUpdate>;
export const CampaignListQuery = ListQuery.extend({ status: CampaignStatus.optional() });

/** Why segment members were left out of the target list at launch. */
export const LaunchExclusions = z.object({
  doNotContact: z.number().int(),
  optedOut: z.number().int(),
  /** No address for the channel: no email for an email action, no phone for SMS or calls, no postal address for mail. */
  unreachable: z.number().int(),
  pressureCap: z.number().int(),
  overQuantity: z.number().int(),
});
export const CampaignLaunch = z.object({
  campaign: Campaign,
  segmentMembers: z.number().int(),
  excluded: LaunchExclusions,
});
export type CampaignLaunch = z.infer<typeof CampaignLaunch>;

/** One response or conversion, for a contact named by id or by email. */
export const CampaignResponseInput = z
  .strictObject({
    contactId: Id.optional(),
    email: Email.optional(),
    kind: z.enum(["response", "conversion"]),
    channel: ResponseChannel,
    at: Timestamp,
    /** For a conversion: what it brought in. */
    value: Money.min(0).optional(),
  })
  .refine((r) => (r.contactId === undefined) !== (r.email === undefined), {
    message: "name the contact by contactId or by email, one of the two",
    path: ["contactId"],
  });
export const CampaignResponses = z.strictObject({ items: z.array(CampaignResponseInput).min(1).max(10_000) });
export const CampaignResponsesResult = z.object({
  recorded: z.number().int(),
  /** Items whose contact is not on the action's target or control list (or unknown), by index. */
  notTargeted: z.array(z.number().int()),
});

export const CampaignKpis = z
  .object({
    campaignId: Id,
    code: z.string(),
    name: z.string(),
    channel: CampaignChannel,
    cost: z.number(),
    targets: z.number().int(),
    responses: z.number().int(),
    responseRate: z.number().nullable(),
    conversions: z.number().int(),
    conversionRate: z.number().nullable(),
    revenue: z.number(),
    costPerResponse: z.number().nullable(),
    costPerConversion: z.number().nullable(),
    meanResponseDelayDays: z.number().nullable(),
    /** Responses per response channel. */
    responseChannels: z.record(z.string(), z.number().int()),
    control: z.object({
      size: z.number().int(),
      responses: z.number().int(),
      responseRate: z.number().nullable(),
      conversions: z.number().int(),
      conversionRate: z.number().nullable(),
    }),
    /** Target rate minus control rate, in points of rate; null without a control group. */
    uplift: z.object({ responseRate: z.number().nullable(), conversionRate: z.number().nullable() }),
  })
  .meta({ id: "CampaignKpis" });
export type CampaignKpis = z.infer<typeof CampaignKpis>;

export const CampaignComparisonQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  channel: CampaignChannel.optional(),
});
export const CampaignComparison = z.object({
  items: z.array(
    CampaignKpis.extend({ shareOfResponses: z.number().nullable(), shareOfConversions: z.number().nullable() }),
  ),
  average: z.object({
    responseRate: z.number().nullable(),
    conversionRate: z.number().nullable(),
    costPerResponse: z.number().nullable(),
    costPerConversion: z.number().nullable(),
    meanResponseDelayDays: z.number().nullable(),
  }),
  totals: z.object({
    cost: z.number(),
    targets: z.number().int(),
    responses: z.number().int(),
    conversions: z.number().int(),
    revenue: z.number(),
  }),
});

/** Contacts grouped by source, by location or by segment, with what they bought. */
export const PortfolioQuery = z.strictObject({ by: z.enum(["source", "country", "postcode", "segment"]) });
export const Portfolio = z.object({
  by: z.string(),
  rows: z.array(
    z.object({
      key: z.string().nullable(),
      label: z.string(),
      contacts: z.number().int(),
      customers: z.number().int(),
      orderTotal: z.number(),
    }),
  ),
});

export const CampaignTargetsQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  group: z.enum(["target", "control"]).optional(),
});
export const CampaignTarget = z.object({
  contactId: Id,
  group: z.enum(["target", "control"]),
  respondedAt: Timestamp.nullable(),
  responseChannel: z.string().nullable(),
  convertedAt: Timestamp.nullable(),
  conversionValue: z.number().nullable(),
});
