import type { RapportClient } from "@rapport/addin-kit";
import type { AuditEntry } from "@rapport/shared/schemas";

/** The audit trail's filters as the admin sets them; dates are calendar days (yyyy-mm-dd) or "". */
export type AuditFilters = {
  userId: string | null;
  action: AuditEntry["action"] | null;
  entity: string | null;
  from: string;
  to: string;
};

export const NO_FILTERS: AuditFilters = { userId: null, action: null, entity: null, from: "", to: "" };

/** The query `GET /audit` takes, as the shared contract types it. */
export type AuditQueryInput = NonNullable<Parameters<RapportClient["audit"]["list"]>[0]["query"]>;

/**
 * The API's query for the filters. Days are the admin's own: "from" starts at their midnight, and
 * "to" includes the whole day, since the server's `to` excludes the instant it is given.
 */
export function auditQueryOf(filters: AuditFilters): AuditQueryInput {
  const query: AuditQueryInput = {};
  if (filters.userId) query.userId = filters.userId;
  if (filters.action) query.action = filters.action;
  if (filters.entity) query.entity = filters.entity;
  const from = localMidnight(filters.from);
  if (from) query.from = from.toISOString();
  const to = localMidnight(filters.to);
  if (to) {
    to.setDate(to.getDate() + 1);
    query.to = to.toISOString();
  }
  return query;
}

/** True when both days are set and the end comes first: the trail cannot have anything then. */
export const datesReversed = (filters: AuditFilters): boolean =>
  Boolean(filters.from && filters.to && filters.to < filters.from);

function localMidnight(day: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}
