import { z } from "zod";
import { Id, ListQuery, Timestamp } from "./common.ts";

export const TimelineKind = z.enum(["activity", "order", "stage_change", "case"]);

export const TimelineEntry = z
  .object({
    kind: TimelineKind,
    at: Timestamp,
    recordId: Id,
    title: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "TimelineEntry" });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineQuery = ListQuery.pick({ cursor: true, limit: true }).extend({
  kind: TimelineKind.optional(),
});
