import type { Campaign, CampaignChannel, CampaignLaunch, Segment } from "@rapport/shared/schemas";
import { type RawBuilder, type SqlBool, sql } from "kysely";
import { inTransaction } from "../../db/in-transaction.ts";
import { AppError, invalidField } from "../../http/app-error.ts";
import { audit } from "../../records/audit.ts";
import { nowIso } from "../../records/ids.ts";
import type { RequestContext, Tx } from "../../records/request-context.ts";
import { type Selection, selection, sourceOf } from "../segments/segment-selection.ts";
import { segmentStore } from "../segments/segments.service.ts";
import { readMarketingSettings } from "../settings/marketing-settings.ts";
import { campaignStore } from "./campaigns.service.ts";

const DAY_MS = 86_400_000;

/** The consent a channel needs (facts column): press and web reach no one in particular. */
const CONSENT_COLUMN: Record<CampaignChannel, string | null> = {
  email: "email_consent",
  sms: "sms_consent",
  phone: "phone_consent",
  mail: "post_consent",
  press: null,
  web: null,
};

/** What a channel needs to reach someone (facts row f): an address of its kind. */
const REACHABLE: Record<CampaignChannel, RawBuilder<SqlBool> | null> = {
  email: sql<SqlBool>`f.has_email = 1`,
  sms: sql<SqlBool>`f.has_phone = 1`,
  phone: sql<SqlBool>`f.has_phone = 1`,
  mail: sql<SqlBool>`(f.postcode is not null or f.city is not null)`,
  press: null,
  web: null,
};

type Counts = { members: number; doNotContact: number; optedOut: number; unreachable: number; pressureCap: number };

/**
 * Freezes a draft campaign's target list, all or nothing: the segment's members the launching
 * user may see, less do-not-contact, opted out of the channel and over-solicited contacts (each
 * counted under the first of those reasons); a random control group is held out of the eligible,
 * and at most `targetQuantity` of the rest are kept, at random. The list is written by one
 * INSERT ... SELECT, so a segment of 100k contacts never passes through JavaScript.
 */
export async function launchCampaign(ctx: RequestContext, id: string): Promise<CampaignLaunch> {
  return inTransaction(ctx.db, async (tx) => {
    const campaign = await campaignStore.get(tx, ctx.user, id);
    if (campaign.status !== "draft") {
      throw new AppError("conflict", `This campaign is already ${campaign.status}; only a draft can be launched.`);
    }
    const segment = await segmentOf(tx, ctx, campaign);
    const chosen = selection(tx, ctx.user, sourceOf(segment));
    const { pressure } = await readMarketingSettings(tx);
    const now = nowIso();

    // Claimed first: a second launch running at the same time waits on this row, then finds no draft.
    const claimed = await tx
      .updateTable("campaigns")
      .set({ status: "launched", launched_at: now, updated_at: now, version: campaign.version + 1 })
      .where("id", "=", id)
      .where("version", "=", campaign.version)
      .where("status", "=", "draft")
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      throw new AppError("conflict", "This campaign was changed or launched meanwhile; read it again.");
    }

    const since = new Date(Date.parse(now) - pressure.periodDays * DAY_MS).toISOString();
    const rules = exclusionRules(chosen, campaign.channel, since, pressure.maxSolicitations);
    const counts = await countExclusions(tx, chosen, rules);
    const eligible = counts.members - counts.doNotContact - counts.optedOut - counts.unreachable - counts.pressureCap;
    if (eligible <= 0) {
      throw new AppError("validation_failed", nobodyEligible(counts, campaign.channel, pressure), {
        errors: [{ path: "segmentId", message: "no member of the segment may be solicited" }],
      });
    }
    const control = Math.min(campaign.controlSize, eligible);
    const targets = Math.min(campaign.targetQuantity ?? eligible, eligible - control);
    if (targets <= 0) {
      throw invalidField(
        "controlSize",
        `No one to target: the control group of ${campaign.controlSize} would hold out all ${eligible} eligible members of the segment; make it smaller.`,
      );
    }

    // Numbered at random once: the first `control` are held out, the next `targets` solicited.
    await sql`insert into campaign_targets (campaign_id, contact_id, control, solicited_at)
      select cast(${id} as text), r.contact_id, case when r.n <= ${control} then 1 else 0 end, cast(${now} as text)
      from (
        select ${chosen.id} as contact_id, row_number() over (order by random()) as n
        from ${chosen.from} where ${chosen.where} and ${rules.eligible}
      ) r
      where r.n <= ${control + targets}`.execute(tx);

    const written = await writtenCounts(tx, id);
    await tx
      .updateTable("campaigns")
      .set({ target_count: written.targets, control_count: written.control })
      .where("id", "=", id)
      .execute();
    const excluded = {
      doNotContact: counts.doNotContact,
      optedOut: counts.optedOut,
      unreachable: counts.unreachable,
      pressureCap: counts.pressureCap,
      overQuantity: eligible - control - targets,
    };
    await audit(tx, ctx, {
      action: "update",
      entity: "campaign",
      entityId: id,
      detail: {
        changed: { status: { from: "draft", to: "launched" }, launchedAt: { from: null, to: now } },
        launch: { segmentId: segment.id, segmentMembers: counts.members, excluded, ...written },
      },
    });
    return { campaign: await campaignStore.get(tx, ctx.user, id), segmentMembers: counts.members, excluded };
  });
}

/** The campaign's segment, which must select contacts the user may see and still run. */
async function segmentOf(tx: Tx, ctx: RequestContext, campaign: Campaign): Promise<Segment> {
  if (!campaign.segmentId) {
    throw invalidField("segmentId", "this campaign has no segment: set one of contacts before launching");
  }
  const segment = await segmentStore.find(tx, ctx.user, campaign.segmentId);
  if (!segment) throw invalidField("segmentId", `no segment with id ${campaign.segmentId}`);
  if (segment.entity !== "contacts") {
    throw invalidField(
      "segmentId",
      `the segment "${segment.name}" selects accounts; a campaign reaches people: choose a segment of contacts`,
    );
  }
  return segment;
}

type Rules = {
  optedOut: RawBuilder<SqlBool>;
  unreachable: RawBuilder<SqlBool>;
  capped: RawBuilder<SqlBool>;
  eligible: RawBuilder<SqlBool>;
};

/** Each reason as a condition on the member's facts row (alias f), and what is left: the eligible. */
function exclusionRules(chosen: Selection, channel: CampaignChannel, since: string, max: number): Rules {
  const consent = CONSENT_COLUMN[channel];
  const optedOut = consent ? sql<SqlBool>`${sql.ref(`f.${consent}`)} = 'opted_out'` : sql<SqlBool>`1 = 0`;
  // Solicitations only: being held out in a control group is no pressure.
  const capped = sql<SqlBool>`(select count(*) from campaign_targets p
    where p.contact_id = ${chosen.id} and p.control = 0 and p.solicited_at >= ${since}) >= ${max}`;
  const reachable = REACHABLE[channel];
  const unreachable = reachable ? sql<SqlBool>`not ${reachable}` : sql<SqlBool>`1 = 0`;
  const eligible = sql<SqlBool>`f.do_not_contact = 0 and not (${optedOut}) and not (${unreachable}) and not (${capped})`;
  return { optedOut, unreachable, capped, eligible };
}

async function countExclusions(tx: Tx, chosen: Selection, rules: Rules): Promise<Counts> {
  const { rows } = await sql<Record<keyof Counts, number | string | null>>`select
      count(*) as members,
      sum(case when f.do_not_contact = 1 then 1 else 0 end) as "doNotContact",
      sum(case when f.do_not_contact = 0 and (${rules.optedOut}) then 1 else 0 end) as "optedOut",
      sum(case when f.do_not_contact = 0 and not (${rules.optedOut}) and (${rules.unreachable}) then 1 else 0 end) as "unreachable",
      sum(case when f.do_not_contact = 0 and not (${rules.optedOut}) and not (${rules.unreachable}) and (${rules.capped}) then 1 else 0 end) as "pressureCap"
    from ${chosen.from} where ${chosen.where}`.execute(tx);
  const row = rows[0];
  return {
    members: Number(row?.members ?? 0),
    doNotContact: Number(row?.doNotContact ?? 0),
    optedOut: Number(row?.optedOut ?? 0),
    unreachable: Number(row?.unreachable ?? 0),
    pressureCap: Number(row?.pressureCap ?? 0),
  };
}

async function writtenCounts(tx: Tx, campaignId: string): Promise<{ targets: number; control: number }> {
  const row = await tx
    .selectFrom("campaign_targets")
    .select([
      sql<number | string | null>`sum(case when control = 0 then 1 else 0 end)`.as("targets"),
      sql<number | string | null>`sum(case when control = 1 then 1 else 0 end)`.as("control"),
    ])
    .where("campaign_id", "=", campaignId)
    .executeTakeFirst();
  return { targets: Number(row?.targets ?? 0), control: Number(row?.control ?? 0) };
}

const ADDRESS_OF: Record<CampaignChannel, string> = {
  email: "an email address",
  sms: "a mobile number",
  phone: "a phone number",
  mail: "a postal address",
  press: "an address",
  web: "an address",
};

/** Why nobody is left, with the numbers: "the segment's 120 members are all opted out (80), ...". */
function nobodyEligible(
  counts: Counts,
  channel: CampaignChannel,
  pressure: { maxSolicitations: number; periodDays: number },
): string {
  if (counts.members === 0) return "No one to target: the segment has no members (among the contacts you may see).";
  const reasons = [
    counts.optedOut > 0 ? `opted out of ${channel} (${counts.optedOut})` : null,
    counts.doNotContact > 0 ? `do not contact (${counts.doNotContact})` : null,
    counts.unreachable > 0 ? `without ${ADDRESS_OF[channel]} (${counts.unreachable})` : null,
    counts.pressureCap > 0
      ? `at the pressure cap of ${pressure.maxSolicitations} solicitations in ${pressure.periodDays} days (${counts.pressureCap})`
      : null,
  ].filter((reason) => reason !== null);
  const listed =
    reasons.length > 1 ? `${reasons.slice(0, -1).join(", ")} or ${reasons.at(-1)}` : (reasons[0] ?? "excluded");
  const all = counts.members === 1 ? "the segment's only member is" : `the segment's ${counts.members} members are all`;
  return `No one to target: ${all} ${listed}.`;
}
