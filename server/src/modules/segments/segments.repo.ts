import { checkFilter } from "@rapport/shared/marketing";
import type { Segment, SegmentEntity, SegmentListQuery } from "@rapport/shared/schemas";
import type { z } from "zod";
import { readJson, writeJson } from "../../records/json-column.ts";
import { containsTextIgnoringCase } from "../../records/like.ts";
import type { RecordDefinition, RecordMeta } from "../../records/record-store.ts";
import { withMeta } from "../../records/with-meta.ts";

export type SegmentFields = Omit<Segment, keyof RecordMeta | "problems" | "warnings">;

export const segmentRecords: RecordDefinition<Segment, SegmentFields, z.output<typeof SegmentListQuery>> = {
  table: "segments",
  prefix: "seg",
  label: "segment",
  toColumns: (s) => ({
    name: s.name,
    description: s.description,
    entity: s.entity,
    kind: s.kind,
    filter: s.filter === null ? null : writeJson(s.filter),
  }),
  fromRow: (row) => {
    const entity = row.entity as SegmentEntity;
    const filter = readJson<unknown>(row.filter as string | null, null);
    return withMeta(row, {
      name: row.name as string,
      description: row.description as string | null,
      entity,
      kind: row.kind as Segment["kind"],
      filter,
      // Checked on every read: a filter saved under an older catalogue says what no longer exists.
      problems: row.kind === "filter" ? checkFilter(entity, filter) : [],
      warnings: [],
    });
  },
  filter: (qb, query) => {
    let q = qb;
    if (query.entity) q = q.where("entity", "=", query.entity);
    if (query.q) q = q.where(containsTextIgnoringCase("name", query.q));
    return q;
  },
};
