import { z } from "zod";
import { Id, Timestamp } from "./common.ts";

export const DedupEntity = z.enum(["contacts", "accounts"]);

export const DedupScanRequest = z.strictObject({
  entity: DedupEntity,
  /** Pairs below this probability are not reported. */
  minScore: z.number().min(0).max(1).default(0.5),
  limit: z.number().int().min(1).max(5000).default(500),
});

export const DuplicatePair = z
  .object({
    a: Id,
    b: Id,
    labelA: z.string(),
    labelB: z.string(),
    score: z.number(),
    /** merge: above the auto-merge threshold; review: a person should decide. */
    suggestion: z.enum(["merge", "review"]),
    reasons: z.array(z.string()),
  })
  .meta({ id: "DuplicatePair" });

export const DedupScanResult = z.object({
  entity: DedupEntity,
  pairs: z.array(DuplicatePair),
  /** Groups of records the engine considers one (ids), largest first. */
  clusters: z.array(z.array(Id)),
  stats: z.object({ records: z.number().int(), candidatePairs: z.number().int(), ms: z.number() }),
});

export const MergeRequest = z.strictObject({
  /** The record that stays; the others are folded into it and removed. */
  survivorId: Id,
  mergedIds: z.array(Id).min(1).max(20),
});

export const Merge = z
  .object({
    id: Id,
    entity: DedupEntity,
    survivorId: Id,
    mergedIds: z.array(Id),
    /** Links moved to the survivor (activities, deals, cases, orders, contacts). */
    repointed: z.number().int(),
    createdAt: Timestamp,
    createdBy: Id,
    undoneAt: Timestamp.nullable(),
    /**
     * Once undone: whether the survivor got its fields from before the merge back. False when it
     * was edited after the merge; its current values were then kept. Null until undone.
     */
    survivorRestored: z.boolean().nullable(),
  })
  .meta({ id: "Merge" });
export type Merge = z.infer<typeof Merge>;

export const MergeListQuery = z.strictObject({
  recordId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
