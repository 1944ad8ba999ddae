import { normalizeEmail } from "@rapport/shared/normalize";
import type { Activity, ActivityCreate } from "@rapport/shared/schemas";
import { AppError } from "../../http/app-error.ts";
import { Reply } from "../../http/route.ts";
import { visibleTo } from "../../records/access.ts";
import { recordService } from "../../records/record-service.ts";
import { RecordStore } from "../../records/record-store.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { captured, describeBlocks, privacyBlocks, privacyPolicyFor } from "../privacy/privacy-policy.ts";
import { readPrivacySettings } from "../settings/privacy-settings.ts";
import { type ActivityFields, activityRecords } from "./activities.repo.ts";

export const activityStore = new RecordStore(activityRecords);
type ActivityInput = Omit<ActivityCreate, "ownerId" | "policyOverride">;

/**
 * Participants are linked to the contacts their addresses belong to, and an activity logged
 * without an account goes to the account of its first known participant.
 */
async function prepareActivity(
  ctx: RequestContext,
  input: ActivityInput,
  current: Activity | null,
): Promise<ActivityFields> {
  const addresses = input.participants
    .filter((p) => !p.contactId && p.address)
    .map((p) => normalizeEmail(p.address as string));
  const known = await contactsByEmail(ctx, addresses);
  const participants = input.participants.map((p) => {
    const match = p.address ? known.get(normalizeEmail(p.address)) : undefined;
    return match && !p.contactId ? { ...p, contactId: match.contactId } : p;
  });
  const accountId =
    input.accountId ??
    participants.map((p) => (p.address ? known.get(normalizeEmail(p.address))?.accountId : null)).find(Boolean) ??
    null;
  const { captureLevel } = await readPrivacySettings(ctx.db);
  return captured(captureLevel, { ...input, participants, accountId, loggedBy: current?.loggedBy ?? ctx.user.id });
}

async function contactsByEmail(ctx: RequestContext, emails: string[]) {
  const found = new Map<string, { contactId: string; accountId: string | null }>();
  if (emails.length === 0) return found;
  let qb = ctx.db
    .selectFrom("contact_emails as e")
    .innerJoin("contacts as c", "c.id", "e.contact_id")
    .select(["e.email", "c.id", "c.account_id"])
    .where("e.email", "in", [...new Set(emails)])
    .orderBy("e.position");
  const visible = visibleTo(ctx.user, "c");
  if (visible) qb = qb.where(visible as never);
  for (const row of await qb.execute()) {
    if (!found.has(row.email)) found.set(row.email, { contactId: row.id, accountId: row.account_id });
  }
  return found;
}

const base = recordService(activityStore, prepareActivity);

/**
 * Logging the same mail or meeting twice (a retried request, two colleagues on one thread)
 * answers the first activity with 200 instead of making a second one.
 */
async function createActivity(ctx: RequestContext, input: ActivityCreate): Promise<Activity | Reply<Activity>> {
  const { policyOverride, ...body } = input;
  if (!policyOverride) await assertPolicyAllows(ctx, body);
  const existing = await findLogged(ctx, body.externalIds);
  if (existing) return existing;
  try {
    return await base.create(ctx, body);
  } catch (error) {
    // Two requests raced past the check above: the unique index let one through, and the record
    // store reported the other as a conflict.
    if (error instanceof AppError && error.code === "conflict") {
      const winner = await findLogged(ctx, body.externalIds);
      if (winner) return winner;
    }
    throw error;
  }
}

/** Mail the privacy policy holds back is logged only when the user insists (policyOverride). */
async function assertPolicyAllows(ctx: RequestContext, body: ActivityInput): Promise<void> {
  const addresses = body.participants.flatMap((p) => (p.address ? [p.address] : []));
  if (addresses.length === 0) return;
  const blocks = privacyBlocks(await privacyPolicyFor(ctx), addresses);
  if (blocks.length > 0) throw new AppError("privacy_blocked", describeBlocks(blocks), { current: { blocks } });
}

async function findLogged(ctx: RequestContext, ids: ActivityCreate["externalIds"]): Promise<Reply<Activity> | null> {
  if (!ids.internetMessageId && !ids.iCalUId) return null;
  let qb = ctx.db.selectFrom("activities").select(["id", "owner_id", "team_id"]);
  qb = ids.internetMessageId
    ? qb.where("internet_message_id", "=", ids.internetMessageId)
    : qb.where("ical_uid", "=", ids.iCalUId as string);
  const row = await qb.executeTakeFirst();
  if (!row) return null;
  const activity = await activityStore.find(ctx.db, ctx.user, row.id);
  if (!activity) throw new AppError("conflict", "This item has already been logged by someone outside your team.");
  return new Reply(activity, 200);
}

export const activityService = { ...base, create: createActivity };
