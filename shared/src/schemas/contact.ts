import { z } from "zod";
import {
  E164,
  Email,
  Id,
  IsoDate,
  ListQuery,
  Percent,
  PhoneInput,
  PostalAddress,
  RecordMeta,
  ShortText,
  Tags,
  Timestamp,
  updateOf,
} from "./common.ts";

export const Civility = z.enum(["M.", "Mme", "Mlle", "Mr", "Mrs", "Ms", "Miss", "Dr", "Pr"]);
export const ConsentStatus = z.enum(["opted_in", "opted_out", "unknown"]);
export const ConsentChannel = z.enum(["email", "phone", "sms", "post"]);

export const ChannelConsent = z.strictObject({
  status: ConsentStatus.default("unknown"),
  at: Timestamp.nullable().default(null),
  source: ShortText.nullable().default(null),
});
const unknownConsent = { status: "unknown", at: null, source: null } as const;
export const Consent = z.strictObject({
  email: ChannelConsent.default(unknownConsent),
  phone: ChannelConsent.default(unknownConsent),
  sms: ChannelConsent.default(unknownConsent),
  post: ChannelConsent.default(unknownConsent),
});
export type Consent = z.infer<typeof Consent>;

const contactFields = {
  civility: Civility.nullable().default(null),
  firstName: ShortText.nullable().default(null),
  lastName: ShortText.nullable().default(null),
  /** The first address is the primary one. */
  emails: z.array(Email).max(20).default([]),
  phones: z.array(PhoneInput).max(20).default([]),
  jobTitle: ShortText.nullable().default(null),
  birthDate: IsoDate.nullable().default(null),
  accountId: Id.nullable().default(null),
  address: PostalAddress.nullable().default(null),
  source: ShortText.nullable().default(null),
  firstContactAt: IsoDate.nullable().default(null),
  firstSaleAt: IsoDate.nullable().default(null),
  discountRate: Percent.nullable().default(null),
  tags: Tags.default([]),
  consent: Consent.default({
    email: unknownConsent,
    phone: unknownConsent,
    sms: unknownConsent,
    post: unknownConsent,
  }),
  doNotContact: z.boolean().default(false),
};

export const Contact = RecordMeta.extend({
  ...contactFields,
  emails: z.array(z.string()),
  phones: z.array(E164),
}).meta({ id: "Contact" });
export type Contact = z.infer<typeof Contact>;

export const ContactCreate = z
  .strictObject({ ...contactFields, ownerId: Id.optional() })
  .refine((c) => c.firstName || c.lastName || c.emails.length > 0, {
    message: "a contact needs a name or an email address",
    path: ["lastName"],
  });
export type ContactCreate = z.infer<typeof ContactCreate>;
export const ContactUpdate = updateOf(z.strictObject({ ...contactFields, ownerId: Id.optional() }));
export type ContactUpdate = z.infer<typeof ContactUpdate>;

export const ContactListQuery = ListQuery.extend({
  accountId: Id.optional(),
  email: z.string().trim().max(254).optional(),
  tag: z.string().max(60).optional(),
});
