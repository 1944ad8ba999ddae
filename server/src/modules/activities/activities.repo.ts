import type { Activity, ActivityListQuery } from "@rapport/shared/schemas";
import type { z } from "zod";
import type { LooseEb } from "../../records/access.ts";
import { readJson, writeJson } from "../../records/json-column.ts";
import { containsTextIgnoringCase } from "../../records/like.ts";
import type { RecordDefinition, RecordMeta } from "../../records/record-store.ts";
import { withMeta } from "../../records/with-meta.ts";
import { attributeActivities } from "../campaigns/responses.ts";
import { refreshActivityFacts } from "../contacts/contact-facts.ts";

export type ActivityFields = Omit<Activity, keyof RecordMeta>;

/** The activity_contacts rows of an activity: one per contact among its participants. */
export function activityContactRows(a: Pick<Activity, "id" | "participants" | "occurredAt">) {
  return [...new Set(a.participants.map((p) => p.contactId).filter((id): id is string => !!id))].map((contact_id) => ({
    activity_id: a.id,
    contact_id,
    occurred_at: a.occurredAt,
  }));
}

const contactIdsOf = (activity: Activity | null) =>
  activity ? activityContactRows(activity).map((row) => row.contact_id) : [];

export const activityRecords: RecordDefinition<Activity, ActivityFields, z.output<typeof ActivityListQuery>> = {
  table: "activities",
  prefix: "act",
  label: "activity",
  toColumns: (a) => ({
    type: a.type,
    direction: a.direction,
    subject: a.subject,
    body_text: a.bodyText,
    occurred_at: a.occurredAt,
    ends_at: a.endsAt,
    location: a.location,
    participants: writeJson(a.participants),
    account_id: a.accountId,
    opportunity_id: a.opportunityId,
    case_id: a.caseId,
    internet_message_id: a.externalIds.internetMessageId ?? null,
    conversation_id: a.externalIds.conversationId ?? null,
    ical_uid: a.externalIds.iCalUId ?? null,
    logged_by: a.loggedBy,
  }),
  fromRow: (row) =>
    withMeta(row, {
      type: row.type as Activity["type"],
      direction: row.direction as Activity["direction"],
      subject: row.subject as string | null,
      bodyText: row.body_text as string | null,
      occurredAt: row.occurred_at as string,
      endsAt: (row.ends_at as string | null) ?? null,
      location: (row.location as string | null) ?? null,
      participants: readJson(row.participants as string, []),
      accountId: row.account_id as string | null,
      opportunityId: row.opportunity_id as string | null,
      caseId: row.case_id as string | null,
      externalIds: {
        ...(row.internet_message_id ? { internetMessageId: row.internet_message_id as string } : {}),
        ...(row.conversation_id ? { conversationId: row.conversation_id as string } : {}),
        ...(row.ical_uid ? { iCalUId: row.ical_uid as string } : {}),
      },
      loggedBy: row.logged_by as string,
    }),
  // activity_contacts answers "recent history of this contact" with one index range.
  mirrors: [
    {
      table: "activity_contacts",
      owner: "activity_id",
      rows: activityContactRows,
    },
  ],
  // A contact's last activity follows its activities (segments filter on recency); an incoming one
  // from a contact on a launched campaign's list is a response.
  afterChange: async (tx, transitions) => {
    await refreshActivityFacts(
      tx,
      transitions.flatMap(({ before, after }) => [...contactIdsOf(before), ...contactIdsOf(after)]),
    );
    await attributeActivities(tx, transitions);
  },
  filter: (qb, query) => {
    let q = qb;
    if (query.type) q = q.where("type", "=", query.type);
    if (query.q) q = q.where(containsTextIgnoringCase("subject", query.q));
    if (query.accountId) q = q.where("account_id", "=", query.accountId);
    if (query.opportunityId) q = q.where("opportunity_id", "=", query.opportunityId);
    if (query.caseId) q = q.where("case_id", "=", query.caseId);
    if (query.internetMessageId) q = q.where("internet_message_id", "=", query.internetMessageId);
    if (query.conversationId) q = q.where("conversation_id", "=", query.conversationId);
    if (query.iCalUId) q = q.where("ical_uid", "=", query.iCalUId);
    if (query.contactId) {
      const contactId = query.contactId;
      q = q.where("id", "in", (eb: LooseEb) =>
        eb.selectFrom("activity_contacts").select("activity_id").where("contact_id", "=", contactId),
      );
    }
    return q;
  },
  references: [
    { field: "accountId", table: "accounts", label: "account" },
    { field: "opportunityId", table: "opportunities", label: "opportunity" },
    { field: "caseId", table: "cases", label: "case" },
  ],
};
