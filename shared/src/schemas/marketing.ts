import { z } from "zod";
import { Id, IsoDate, Timestamp } from "./common.ts";

/** The admin's marketing rules: contact pressure, and the parameters of customer value. */
export const MarketingSettings = z
  .strictObject({
    /** At most `maxSolicitations` campaign solicitations per contact in any `periodDays` days. */
    pressure: z
      .strictObject({
        maxSolicitations: z.number().int().min(1).max(100).default(4),
        periodDays: z.number().int().min(1).max(365).default(30),
      })
      .default({ maxSolicitations: 4, periodDays: 30 }),
    /** RFM scores are computed over the orders of the last `periodMonths` months. */
    rfm: z.strictObject({ periodMonths: z.number().int().min(1).max(120).default(24) }).default({ periodMonths: 24 }),
    lifetimeValue: z
      .strictObject({
        marginRate: z.number().min(0).max(1).default(0.3),
        retentionRate: z.number().min(0).max(0.99).default(0.7),
        discountRate: z.number().min(0).max(1).default(0.1),
        horizonYears: z.number().int().min(1).max(30).default(5),
      })
      .default({ marginRate: 0.3, retentionRate: 0.7, discountRate: 0.1, horizonYears: 5 }),
  })
  .meta({ id: "MarketingSettings" });
export type MarketingSettings = z.infer<typeof MarketingSettings>;
export const MarketingSettingsUpdate = z.strictObject({
  pressure: MarketingSettings.shape.pressure.unwrap().optional(),
  rfm: MarketingSettings.shape.rfm.unwrap().optional(),
  lifetimeValue: MarketingSettings.shape.lifetimeValue.unwrap().optional(),
});

/** What Rapport knows of a contact's value: order facts, RFM and FRAT scores, lifetime value. */
export const ContactValue = z
  .object({
    contactId: Id,
    orderCount: z.number().int(),
    orderTotal: z.number(),
    firstOrderAt: IsoDate.nullable(),
    lastOrderAt: IsoDate.nullable(),
    lastActivityAt: Timestamp.nullable(),
    recencyScore: z.number().int().nullable(),
    frequencyScore: z.number().int().nullable(),
    monetaryScore: z.number().int().nullable(),
    /** R, F and M side by side ("545"), null when the contact bought nothing in the period. */
    rfm: z.string().nullable(),
    /** FRAT's type: the product category the contact spent most on in the period. */
    productCategory: z.string().nullable(),
    lifetimeValue: z.number().nullable(),
    scoredAt: Timestamp.nullable(),
  })
  .meta({ id: "ContactValue" });
export type ContactValue = z.infer<typeof ContactValue>;

export const RfmRun = z
  .object({
    status: z.enum(["idle", "running", "done", "failed"]),
    periodMonths: z.number().int().nullable(),
    startedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
    scored: z.number().int(),
    error: z.string().nullable(),
  })
  .meta({ id: "RfmRun" });
export type RfmRun = z.infer<typeof RfmRun>;
export const RfmRecompute = z.strictObject({ periodMonths: z.number().int().min(1).max(120).optional() });
