import type { Campaign, CampaignListQuery } from "@rapport/shared/schemas";
import type { z } from "zod";
import { readJson, writeJson } from "../../records/json-column.ts";
import { containsTextIgnoringCase } from "../../records/like.ts";
import type { RecordDefinition, RecordMeta } from "../../records/record-store.ts";
import { withMeta } from "../../records/with-meta.ts";

export type CampaignFields = Omit<Campaign, keyof RecordMeta>;

export const campaignRecords: RecordDefinition<Campaign, CampaignFields, z.output<typeof CampaignListQuery>> = {
  table: "campaigns",
  prefix: "cmp",
  label: "campaign",
  toColumns: (c) => ({
    code: c.code,
    name: c.name,
    objective: c.objective,
    segment_id: c.segmentId,
    channel: c.channel,
    planned_at: c.plannedAt,
    cost: c.cost,
    promise_type: c.promiseType,
    promise_summary: c.promiseSummary,
    response_channels: writeJson(c.responseChannels),
    target_quantity: c.targetQuantity,
    control_size: c.controlSize,
    response_window_days: c.responseWindowDays,
    status: c.status,
    launched_at: c.launchedAt,
    target_count: c.targetCount,
    control_count: c.controlCount,
  }),
  fromRow: (row) =>
    withMeta(row, {
      code: row.code as string,
      name: row.name as string,
      objective: row.objective as string | null,
      segmentId: row.segment_id as string | null,
      channel: row.channel as Campaign["channel"],
      plannedAt: row.planned_at as string | null,
      cost: Number(row.cost),
      promiseType: row.promise_type as Campaign["promiseType"],
      promiseSummary: row.promise_summary as string | null,
      responseChannels: readJson<Campaign["responseChannels"]>(row.response_channels as string, []),
      targetQuantity: row.target_quantity === null ? null : Number(row.target_quantity),
      controlSize: Number(row.control_size),
      responseWindowDays: Number(row.response_window_days),
      status: row.status as Campaign["status"],
      launchedAt: row.launched_at as string | null,
      targetCount: Number(row.target_count),
      controlCount: Number(row.control_count),
    }),
  filter: (qb, query) => {
    let q = qb;
    if (query.status) q = q.where("status", "=", query.status);
    if (query.q) {
      const text = query.q;
      q = q.where((eb) => eb.or([containsTextIgnoringCase("name", text), containsTextIgnoringCase("code", text)]));
    }
    return q;
  },
  // A campaign's segment must be one its author may see; whether it selects contacts is checked at launch.
  references: [{ field: "segmentId", table: "segments", label: "segment" }],
};
