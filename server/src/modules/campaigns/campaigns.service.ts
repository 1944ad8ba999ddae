import type { Campaign, CampaignCreate, CampaignTarget, CampaignTargetsQuery } from "@rapport/shared/schemas";
import type { z } from "zod";
import { inTransaction } from "../../db/in-transaction.ts";
import { AppError } from "../../http/app-error.ts";
import { visibleSqlOrAll } from "../../records/access.ts";
import { audit } from "../../records/audit.ts";
import { decodeCursor, pageOf } from "../../records/cursor.ts";
import { nowIso } from "../../records/ids.ts";
import { writeJson } from "../../records/json-column.ts";
import { recordService } from "../../records/record-service.ts";
import { RecordStore } from "../../records/record-store.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { type CampaignFields, campaignRecords } from "./campaigns.repo.ts";
import { type ResponseItem, recordResponses } from "./responses.ts";

export const campaignStore = new RecordStore(campaignRecords);

type CampaignInput = Omit<CampaignCreate, "ownerId">;

/** What may still change once an action is launched: its results are measured against the rest. */
const EDITABLE_AFTER_LAUNCH = new Set<keyof CampaignInput>(["name", "objective", "promiseSummary", "cost"]);

/**
 * A campaign's stored fields from a create or update body. Status, launch date and counts are never
 * the client's to set: a new campaign is a draft, and only launch and close move it on.
 */
function prepare(_ctx: RequestContext, input: CampaignInput, current: Campaign | null): CampaignFields {
  const fields: CampaignInput = {
    code: input.code,
    name: input.name,
    objective: input.objective,
    segmentId: input.segmentId,
    channel: input.channel,
    plannedAt: input.plannedAt,
    cost: input.cost,
    promiseType: input.promiseType,
    promiseSummary: input.promiseSummary,
    responseChannels: input.responseChannels,
    targetQuantity: input.targetQuantity,
    controlSize: input.controlSize,
    responseWindowDays: input.responseWindowDays,
  };
  if (current && current.status !== "draft") {
    const frozen = (Object.keys(fields) as Array<keyof CampaignInput>).filter(
      (key) => !EDITABLE_AFTER_LAUNCH.has(key) && writeJson(fields[key]) !== writeJson(current[key]),
    );
    if (frozen.length > 0) {
      throw new AppError(
        "conflict",
        `This campaign is ${current.status}: its target list is frozen, so only name, objective, promiseSummary and cost may change (not ${frozen.join(", ")}).`,
      );
    }
  }
  return {
    ...fields,
    status: current?.status ?? "draft",
    launchedAt: current?.launchedAt ?? null,
    targetCount: current?.targetCount ?? 0,
    controlCount: current?.controlCount ?? 0,
  };
}

const standard = recordService(campaignStore, prepare);

export const campaignService = {
  ...standard,
  /** A launched or closed action carries its targets' responses: it stays, as the record of what was done. */
  remove: (ctx: RequestContext, id: string, version: number | null): Promise<void> =>
    inTransaction(ctx.db, async (tx) => {
      const current = await campaignStore.get(tx, ctx.user, id);
      if (current.status !== "draft") {
        throw new AppError(
          "conflict",
          `This campaign is ${current.status}: its targets and responses are kept, so it cannot be deleted (close it instead).`,
        );
      }
      await campaignStore.remove({ ...ctx, db: tx }, id, version);
    }),
};

/** Ends a launched action: its results stay, and activities and orders no longer count as responses to it. */
export async function closeCampaign(ctx: RequestContext, id: string): Promise<Campaign> {
  return inTransaction(ctx.db, async (tx) => {
    const current = await campaignStore.get(tx, ctx.user, id);
    if (current.status !== "launched") {
      throw new AppError(
        "conflict",
        current.status === "draft"
          ? "This campaign is a draft: only a launched campaign can be closed."
          : "This campaign is already closed.",
      );
    }
    const now = nowIso();
    const closed = await tx
      .updateTable("campaigns")
      .set({ status: "closed", updated_at: now, version: current.version + 1 })
      .where("id", "=", id)
      .where("version", "=", current.version)
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) !== 1) {
      throw new AppError("conflict", "This campaign was changed meanwhile; read it again.");
    }
    await audit(tx, ctx, {
      action: "update",
      entity: "campaign",
      entityId: id,
      detail: { changed: { status: { from: "launched", to: "closed" } } },
    });
    return campaignStore.get(tx, ctx.user, id);
  });
}

/** Records responses and conversions typed in or read from a file: all of them or none. */
export async function recordCampaignResponses(
  ctx: RequestContext,
  id: string,
  items: readonly ResponseItem[],
): Promise<{ recorded: number; notTargeted: number[] }> {
  return inTransaction(ctx.db, async (tx) => {
    const campaign = await campaignStore.get(tx, ctx.user, id);
    const result = await recordResponses(tx, ctx.user, campaign, items);
    if (result.recorded > 0) {
      await audit(tx, ctx, {
        action: "update",
        entity: "campaign",
        entityId: id,
        detail: { responses: { recorded: result.recorded, notTargeted: result.notTargeted.length } },
      });
    }
    return result;
  });
}

/**
 * A page of the frozen list, by contact id: targets and control group, or one of them, with what
 * each contact answered. Contacts the user may not see are left out, as everywhere.
 */
export async function campaignTargets(
  ctx: RequestContext,
  id: string,
  query: z.output<typeof CampaignTargetsQuery>,
): Promise<{ items: Array<z.output<typeof CampaignTarget>>; nextCursor: string | null }> {
  const db = ctx.reader;
  await campaignStore.get(db, ctx.user, id);
  const after = query.cursor ? (decodeCursor(query.cursor, 1)[0] as string) : null;
  const rows = await db
    .selectFrom("campaign_targets as t")
    .innerJoin("contact_facts as f", "f.contact_id", "t.contact_id")
    .select([
      "t.contact_id",
      "t.control",
      "t.responded_at",
      "t.response_channel",
      "t.converted_at",
      "t.conversion_value",
    ])
    .where("t.campaign_id", "=", id)
    .where(visibleSqlOrAll(ctx.user, "f"))
    .$if(query.group !== undefined, (qb) => qb.where("t.control", "=", query.group === "control" ? 1 : 0))
    .$if(after !== null, (qb) => qb.where("t.contact_id", ">", after as string))
    .orderBy("t.contact_id")
    .limit(query.limit + 1)
    .execute();
  const { page, nextCursor } = pageOf(rows, query.limit, (last) => [last.contact_id]);
  return {
    items: page.map((row) => ({
      contactId: row.contact_id,
      group: row.control === 1 ? "control" : "target",
      respondedAt: row.responded_at,
      responseChannel: row.response_channel,
      convertedAt: row.converted_at,
      conversionValue: row.conversion_value === null ? null : Number(row.conversion_value),
    })),
    nextCursor,
  };
}
