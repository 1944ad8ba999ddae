import { z } from "zod";
import { IMPORT_FIELDS } from "../import/import-row.ts";
import { Id, LIMITS, Timestamp } from "./common.ts";

export const ImportField = z.enum(IMPORT_FIELDS);
/** One entry per source column: the field it fills, or null to ignore the column. */
export const ColumnMappingSchema = z.array(ImportField.nullable()).max(1000);

/** What the dry run says will happen to a row, and what apply then does. */
export const ImportAction = z.enum([
  "create", // no match: a new contact
  "update", // the row carries the id of a contact it was pulled from; these fields change
  "merge", // the row is a contact already in Rapport (matched by the ladder): merged into it
  "duplicate", // the same person as an earlier row of this import: merged into that row's outcome
  "conflict", // the row was pulled at an older version than the server's: someone changed it since
  "invalid", // the row cannot be imported as it is; errors say why
  "unchanged", // it matches a contact and brings nothing new
  "skip", // the user chose to leave it out
]);
export type ImportAction = z.infer<typeof ImportAction>;

export const ImportOptions = z.strictObject({
  /** Phones without a +prefix are read in this country; also the default postal country. */
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** 03/04/2020 is the 3rd of April (true, the default) or March 4th (false). */
  dayFirst: z.boolean().default(true),
});

export const ImportCreate = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.shortText).default("Import"),
  /** Headers of the rows to come; a mapping is proposed from them when none is given. */
  headers: z.array(z.string().max(LIMITS.shortText)).max(1000).optional(),
  mapping: ColumnMappingSchema.optional(),
  options: ImportOptions.default({ dayFirst: true }),
});

export const ImportUpdate = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.shortText).optional(),
  mapping: ColumnMappingSchema.optional(),
  options: ImportOptions.optional(),
});

/** A chunk of rows, cells in the order of the job's headers. */
export const ImportRowsChunk = z.strictObject({
  rows: z
    .array(z.array(z.string().max(LIMITS.longText)).max(1000))
    .min(1)
    .max(20_000),
});

/** The dry run, apply and undo run in the background: "analysing", "applying" and "undoing" until done. */
export const ImportStatus = z.enum([
  "receiving",
  "analysing",
  "analysed",
  "applying",
  "applied",
  "undoing",
  "undone",
  "failed",
]);
const counts = (keys: readonly string[]) => z.object(Object.fromEntries(keys.map((key) => [key, z.number().int()])));

export const ImportJob = z
  .object({
    id: Id,
    name: z.string(),
    status: ImportStatus,
    headers: z.array(z.string()),
    mapping: ColumnMappingSchema,
    options: ImportOptions,
    rowCount: z.number().int(),
    /** Rows per action, from the last dry run (null until analysed). */
    plan: counts(ImportAction.options).nullable(),
    /** Rows applied so far, for the pane's progress bar. */
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    result: counts(["created", "updated", "merged", "skipped", "failed"]).nullable(),
    undo: z
      .object({
        removed: z.number().int(),
        restored: z.number().int(),
        /** Records edited after the import: left as they are, never clobbered. */
        kept: z.array(z.object({ row: z.number().int(), recordId: Id, reason: z.string() })),
      })
      .nullable(),
    error: z.string().nullable(),
    ownerId: Id,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "ImportJob" });
export type ImportJob = z.infer<typeof ImportJob>;

export const FieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });

export const ImportRowResult = z
  .object({
    /** 1-based, in the order rows were sent. */
    row: z.number().int(),
    action: ImportAction,
    /** What the engine proposed; action differs when the user overrode it. */
    proposed: ImportAction,
    overridden: z.boolean(),
    /** The contact updated or merged into. */
    targetId: Id.nullable(),
    /** The earlier row this one duplicates. */
    duplicateOf: z.number().int().nullable(),
    /** Match probability (0-1), and whether it sits in the review band. */
    score: z.number().nullable(),
    review: z.boolean(),
    reasons: z.array(z.string()),
    changes: z.array(FieldChange),
    errors: z.array(z.string()),
    values: z.record(z.string(), z.unknown()),
    status: z.enum(["pending", "applied", "failed", "undone", "kept"]),
    /** The contact this row created, updated or merged into, once applied. */
    recordId: Id.nullable(),
  })
  .meta({ id: "ImportRowResult" });
export type ImportRowResult = z.infer<typeof ImportRowResult>;

export const ImportRowsQuery = z.strictObject({
  cursor: z.string().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  action: ImportAction.optional(),
});

export const ImportRowOverride = z.strictObject({
  action: z.enum(["create", "update", "merge", "skip"]),
  /** For merge or update: the contact to use, if not the proposed one. */
  targetId: Id.optional(),
});

export const ImportListQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
