import { z } from "zod";
import { Domain, Id, ListQuery, PhoneInput, PostalAddress, RecordMeta, ShortText, Tags, updateOf } from "./common.ts";

export const AccountStatus = z.enum(["prospect", "customer", "former"]);
export const AccountSize = z.enum(["1-9", "10-49", "50-249", "250-999", "1000+"]);

const accountFields = {
  name: ShortText.min(1),
  domains: z.array(Domain).max(20).default([]),
  industry: ShortText.nullable().default(null),
  size: AccountSize.nullable().default(null),
  phone: PhoneInput.nullable().default(null),
  address: PostalAddress.nullable().default(null),
  tags: Tags.default([]),
  source: ShortText.nullable().default(null),
  status: AccountStatus.default("prospect"),
};

export const Account = RecordMeta.extend({
  ...accountFields,
  phone: z.string().nullable(),
}).meta({ id: "Account" });
export type Account = z.infer<typeof Account>;

export const AccountCreate = z.strictObject({ ...accountFields, ownerId: Id.optional() });
export type AccountCreate = z.infer<typeof AccountCreate>;
export const AccountUpdate = updateOf(AccountCreate);
export type AccountUpdate = z.infer<typeof AccountUpdate>;

export const AccountListQuery = ListQuery.extend({
  status: AccountStatus.optional(),
  domain: Domain.optional(),
  tag: z.string().max(60).optional(),
});
