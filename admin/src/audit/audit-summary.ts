import type { AuditEntry } from "@rapport/shared/schemas";
import type { AdminText } from "../admin-text.ts";

/** What the summary needs to name things: the page's words, and users' and teams' names by id. */
export type SummaryContext = {
  text: AdminText;
  userName: (id: string) => string | undefined;
  teamName: (id: string) => string | undefined;
};

const MAX_SUMMARY = 300;
const MAX_VALUE = 60;

/**
 * One readable line for an entry's detail, which each module writes in its own shape: the fields an
 * update changed, old → new; a refusal's reason and request; where a merge went; what a deleted
 * record was; otherwise its keys and values, shortened.
 *
 * @example
 * summarizeDetail({ action: "update", entity: "user", detail: { before: { role: "rep" }, after: { role: "manager" } } }, context)
 * // "Role: Sales rep → Manager"
 */
export function summarizeDetail(
  entry: Pick<AuditEntry, "action" | "entity" | "entityId" | "detail">,
  context: SummaryContext,
): string {
  return clip(summaryOf(entry, context), MAX_SUMMARY);
}

function summaryOf(entry: Pick<AuditEntry, "action" | "entity" | "entityId" | "detail">, context: SummaryContext) {
  const { text } = context;
  const { detail } = entry;
  const changes = changesIn(detail);
  if (changes) {
    const rest = without(detail, ["changed", "before", "after"]);
    const described = changes.map(([field, from, to]) =>
      text.fieldValue(
        fieldName(entry.entity, field, text),
        `${shownValue(entry.entity, field, from, context)} → ${shownValue(entry.entity, field, to, context)}`,
      ),
    );
    return [...described, ...(Object.keys(rest).length ? [generic(rest, context)] : [])].join(" · ");
  }
  if (entry.action === "refused" && typeof detail.reason === "string") {
    const request = [detail.method, detail.path].filter((part) => typeof part === "string").join(" ");
    return request ? text.refusedBecause(detail.reason, request) : detail.reason;
  }
  if ((entry.action === "merge" || entry.action === "unmerge") && typeof detail.survivorId === "string") {
    if (entry.action === "unmerge" && typeof detail.mergeId === "string") return text.mergeUndone(detail.mergeId);
    if (entry.entityId !== detail.survivorId) return text.mergedInto(detail.survivorId);
    const merged = Array.isArray(detail.mergedIds) ? detail.mergedIds.filter((id) => typeof id === "string") : [];
    return text.keptMerging(merged.join(", "));
  }
  if (entry.action === "delete" && isObject(detail.before)) {
    const label = labelOf(detail.before);
    if (label) return text.deletedWas(label);
  }
  return generic(detail, context);
}

type Change = [field: string, from: unknown, to: unknown];

/**
 * The changed fields of an update, whichever way it was written: `{ changed: { field: { from, to } } }`
 * by records, `{ before, after }` (whole objects) by users and settings. Null when it is neither.
 */
function changesIn(detail: Record<string, unknown>): Change[] | null {
  if (isObject(detail.changed)) {
    return Object.entries(detail.changed).map(
      ([field, change]): Change =>
        isObject(change) && "to" in change ? [field, change.from, change.to] : [field, undefined, change],
    );
  }
  if (isObject(detail.before) && isObject(detail.after)) {
    const { before, after } = detail;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return fields
      .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      .map((field): Change => [field, before[field], after[field]]);
  }
  return null;
}

/** A user's fields by the names the Users tab gives them; other records' fields as the API names them. */
function fieldName(entity: string, field: string, text: AdminText): string {
  if (entity !== "user") return field;
  const names: Record<string, string> = { name: text.name, role: text.role, teamId: text.team, active: text.state };
  return names[field] ?? field;
}

function shownValue(entity: string, field: string, value: unknown, context: SummaryContext): string {
  const { text } = context;
  if (entity === "user" && field === "role" && typeof value === "string") {
    return new Map<string, string>(Object.entries(text.roles)).get(value) ?? value;
  }
  if (entity === "user" && field === "teamId") {
    return typeof value === "string" ? (context.teamName(value) ?? value) : text.noTeam;
  }
  if (entity === "user" && field === "active" && typeof value === "boolean") return value ? text.active : text.inactive;
  if (field.endsWith("Id") && typeof value === "string" && value.startsWith("usr_")) {
    return context.userName(value) ?? value;
  }
  return short(value, text, 0);
}

function generic(detail: Record<string, unknown>, context: SummaryContext): string {
  return Object.entries(detail)
    .map(([key, value]) => context.text.fieldValue(key, short(value, context.text, 0)))
    .join(" · ");
}

/** A value in a few words: long text clipped, lists and objects to their first items. */
function short(value: unknown, text: AdminText, depth: number): string {
  if (value === null || value === undefined || value === "") return text.none;
  if (typeof value === "string") return clip(value, MAX_VALUE);
  if (typeof value === "boolean") return value ? text.yes : text.no;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return text.none;
    const shown = value.slice(0, 3).map((item) => short(item, text, depth + 1));
    return value.length > 3 ? `${shown.join(", ")} (+${value.length - 3})` : shown.join(", ");
  }
  if (isObject(value)) {
    if (depth > 0) return "{…}";
    const label = labelOf(value);
    if (label) return label;
    const entries = Object.entries(value);
    const shown = entries.slice(0, 4).map(([key, item]) => `${key} ${short(item, text, depth + 1)}`);
    return `(${shown.join(", ")}${entries.length > 4 ? ", …" : ""})`;
  }
  return clip(String(value), MAX_VALUE);
}

/** How a whole record is recognised: its name, title, subject or email. */
function labelOf(record: Record<string, unknown>): string | null {
  const person = [record.firstName, record.lastName].filter((part) => typeof part === "string" && part).join(" ");
  for (const candidate of [record.name, record.title, record.subject, person, record.email]) {
    if (typeof candidate === "string" && candidate) return clip(candidate, MAX_VALUE);
  }
  return null;
}

function without(detail: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(detail).filter(([key]) => !keys.includes(key)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const clip = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);
