import { z } from "zod";
import { Id, ListQuery, LongText, RecordMeta, ShortText, updateOf } from "./common.ts";
import { ImportField } from "./import.ts";

/** What a segment selects: contacts (people to reach) or accounts (companies). */
export const SegmentEntity = z.enum(["contacts", "accounts"]);
export type SegmentEntity = z.infer<typeof SegmentEntity>;

/** A saved filter, evaluated on the server each time; or a static list of members chosen by hand. */
export const SegmentKind = z.enum(["filter", "static"]);

/**
 * One test on one field: `{ field: "country", op: "in", value: ["FR", "BE"] }`. Which fields and
 * operators exist, and what value each operator takes, is checked against the field catalogue
 * (shared/marketing/segment-fields.ts), so an unknown field is reported with its path rather than
 * rejected by shape.
 */
export const SegmentCondition = z.strictObject({
  field: z.string().min(1).max(60),
  op: z.string().min(1).max(30),
  value: z.unknown().optional(),
});
export type SegmentCondition = z.infer<typeof SegmentCondition>;

/** A filter tree: conditions combined with and / or / not. */
export type SegmentFilter =
  | { and: SegmentFilter[] }
  | { or: SegmentFilter[] }
  | { not: SegmentFilter }
  | SegmentCondition;

export const SegmentFilter: z.ZodType<SegmentFilter> = z.lazy(() =>
  z.union([
    z.strictObject({ and: z.array(SegmentFilter).max(100) }),
    z.strictObject({ or: z.array(SegmentFilter).max(100) }),
    z.strictObject({ not: SegmentFilter }),
    SegmentCondition,
  ]),
);

const segmentFields = {
  name: ShortText.min(1),
  description: LongText.max(2000).nullable().default(null),
  entity: SegmentEntity.default("contacts"),
  kind: SegmentKind.default("filter"),
  /** The filter of a `filter` segment; null for a static list. */
  filter: SegmentFilter.nullable().default(null),
};

/** A problem found in a stored filter: where (`filter.and.1.field`) and what. */
export const FilterProblem = z.object({ path: z.string(), message: z.string() });
export type FilterProblem = z.infer<typeof FilterProblem>;

export const Segment = RecordMeta.extend({
  ...segmentFields,
  filter: z.unknown().nullable(),
  /** Empty when the filter runs; otherwise what is broken (a field that no longer exists...). */
  problems: z.array(FilterProblem),
  /** What runs but deserves a look: a tag that no record carries any more. Filled when read alone. */
  warnings: z.array(FilterProblem),
}).meta({ id: "Segment" });
export type Segment = z.infer<typeof Segment>;

export const SegmentCreate = z
  .strictObject({ ...segmentFields, ownerId: Id.optional() })
  .refine((s) => (s.kind === "filter") === (s.filter !== null), {
    message: "a filter segment needs a filter, and a static list has none",
    path: ["filter"],
  });
export type SegmentCreate = z.infer<typeof SegmentCreate>;
export const SegmentUpdate = updateOf(z.strictObject({ ...segmentFields, ownerId: Id.optional() }));
export type SegmentUpdate = z.infer<typeof SegmentUpdate>;

export const SegmentListQuery = ListQuery.extend({ entity: SegmentEntity.optional() });

/** A live count while a filter is being edited, with a few members to show. */
export const SegmentPreviewRequest = z.strictObject({
  entity: SegmentEntity.default("contacts"),
  filter: SegmentFilter,
});
export const SegmentPreview = z.object({
  count: z.number().int(),
  sample: z.array(z.object({ id: Id, label: z.string() })),
});
export type SegmentPreview = z.infer<typeof SegmentPreview>;

export const SegmentCount = z.object({ count: z.number().int() });

/** A page of a segment's members: whole records, for a pull into a sheet. */
export const SegmentMembersQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** A page of a segment as sheet rows: the Excel pane's pull reads this. */
export const SegmentSheetQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});

/** Columns a sheet shows for reading only: a push ignores them (consent changes go through Rapport). */
export const ReadOnlySheetColumn = z.enum(["emailConsent", "doNotContact"]);

/**
 * Members as rows of plain cells under import field names (the same names a push maps columns to),
 * so a pulled sheet pushes back unchanged; a repeated name is the next address line, and a second
 * email or phone cell holds all the others joined by " ::: ". Much smaller than whole records: a
 * 100k-row pull stays fast and every chunk small.
 */
export const SegmentSheet = z
  .object({
    columns: z.array(z.union([ImportField, ReadOnlySheetColumn])),
    rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "SegmentSheet" });
export type SegmentSheet = z.infer<typeof SegmentSheet>;

/** French Excel reads ";" as the separator, English Excel ",". */
export const SegmentExportQuery = z.strictObject({ separator: z.enum([",", ";"]).default(",") });

/** Members added to or removed from a static list. */
export const StaticMembersChange = z.strictObject({
  add: z.array(Id).max(10_000).default([]),
  remove: z.array(Id).max(10_000).default([]),
});
export const StaticMembersResult = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  count: z.number().int(),
});
