import { z } from "zod";

/** Limits shared by every text field, so a 10 MB string is a validation error, not a row. */
export const LIMITS = {
  shortText: 200,
  longText: 100_000,
  listItems: 50,
  pageSize: { default: 50, max: 500 },
} as const;

export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z]+_[0-9a-z]+$/, "not a Rapport id");
/** Any ISO-8601 instant; stored in UTC so text order is time order on every database. */
export const Timestamp = z.iso.datetime({ offset: true }).overwrite((value) => {
  // zod runs this even when the format check failed: a value that is no date stays as sent, so
  // the client hears "invalid datetime" (422) rather than a RangeError (500).
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
});
export const IsoDate = z.iso.date();

export const ShortText = z.string().trim().max(LIMITS.shortText);
export const LongText = z.string().max(LIMITS.longText);
export const Tags = z.array(z.string().trim().min(1).max(60)).max(LIMITS.listItems);
export const Email = z.string().trim().max(254).pipe(z.email("not a valid email address"));
/** A phone as typed; the server turns it into E.164 in the configured default country. */
export const PhoneInput = z.string().trim().min(3).max(40);
export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/);
export const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, "not a valid domain");
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR")
  .default("EUR");
export const Money = z.number().finite().min(-1e12).max(1e12);
export const Percent = z.number().min(0).max(100);

export const PostalAddress = z.strictObject({
  lines: z.array(ShortText).max(6).default([]),
  postcode: ShortText.nullable().default(null),
  city: ShortText.nullable().default(null),
  /** State, province or county, where the country has them. */
  region: ShortText.nullable().default(null),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "an ISO 3166-1 code such as FR")
    .nullable()
    .default(null),
});
export type PostalAddress = z.infer<typeof PostalAddress>;

/** Fields every stored record has; the server sets them, clients never do. */
export const RecordMeta = z.object({
  id: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int().positive(),
  ownerId: Id,
  teamId: Id.nullable(),
});
export const SERVER_FIELDS = ["id", "createdAt", "updatedAt", "version"] as const;

/**
 * The body of a PATCH: every field of the create body, optional and without its default, so a
 * field the client leaves out is left alone (zod 4 applies defaults even inside optional).
 */
export function updateOf<S extends z.ZodRawShape>(create: z.ZodObject<S>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(create.shape)) {
    shape[key] = (field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType;
  }
  return z.strictObject(shape as unknown as { [K in keyof S]: StripDefault<S[K]> }).partial();
}
type StripDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/** Query parameters every list takes. */
export const ListQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  q: z.string().trim().min(1).max(LIMITS.shortText).optional(),
  ownerId: Id.optional(),
  updatedSince: Timestamp.optional(),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<T> = { items: T[]; nextCursor: string | null };

/** application/problem+json, as every error is answered. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    current: z.unknown().optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof Problem>;

/** A query parameter that may be repeated (`?email=a&email=b`): always read as an array. */
export function repeated<T extends z.ZodType>(item: T, max: number) {
  return z
    .union([item, z.array(item).max(max)])
    .transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);
}
