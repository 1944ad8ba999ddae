import type { SegmentEntity } from "../schemas/segment.ts";

/**
 * What a segment can filter on, per entity: each field's kind decides its operators and the value
 * each operator takes. The server maps every field to a column; the Excel pane builds its filter
 * editor from the same list, so both agree on what exists.
 */
export type FieldKind = "text" | "number" | "date" | "bool" | "tags" | "choice";

export type SegmentField = {
  kind: FieldKind;
  label: string;
  /** For a `choice` field: the values it may take. */
  choices?: readonly string[];
  /** Numbers: the smallest and largest sensible value (RFM scores are 1 to 5). */
  range?: readonly [number, number];
};

export const OPERATORS: Record<FieldKind, readonly string[]> = {
  text: ["eq", "neq", "in", "notIn", "contains", "startsWith", "empty", "notEmpty"],
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "empty", "notEmpty"],
  date: ["before", "after", "between", "withinDays", "notWithinDays", "empty", "notEmpty"],
  bool: ["eq"],
  tags: ["hasAny", "hasAll", "hasNone", "empty", "notEmpty"],
  choice: ["eq", "neq", "in", "notIn"],
};

const CONSENT = ["opted_in", "opted_out", "unknown"] as const;
const score = (label: string): SegmentField => ({ kind: "number", label, range: [1, 5] });

export const CONTACT_FIELDS: Record<string, SegmentField> = {
  firstName: { kind: "text", label: "First name" },
  lastName: { kind: "text", label: "Last name" },
  jobTitle: { kind: "text", label: "Job title" },
  email: { kind: "text", label: "Email" },
  accountId: { kind: "text", label: "Account" },
  ownerId: { kind: "text", label: "Owner" },
  createdAt: { kind: "date", label: "Created" },
  source: { kind: "text", label: "Source" },
  tags: { kind: "tags", label: "Tags" },
  country: { kind: "text", label: "Country" },
  postcode: { kind: "text", label: "Postcode" },
  city: { kind: "text", label: "City" },
  "consent.email": { kind: "choice", label: "Email consent", choices: CONSENT },
  "consent.phone": { kind: "choice", label: "Phone consent", choices: CONSENT },
  "consent.sms": { kind: "choice", label: "SMS consent", choices: CONSENT },
  "consent.post": { kind: "choice", label: "Post consent", choices: CONSENT },
  doNotContact: { kind: "bool", label: "Do not contact" },
  hasEmail: { kind: "bool", label: "Has an email address" },
  hasPhone: { kind: "bool", label: "Has a phone number" },
  lastActivityAt: { kind: "date", label: "Last activity" },
  orderCount: { kind: "number", label: "Orders" },
  orderTotal: { kind: "number", label: "Order total" },
  firstOrderAt: { kind: "date", label: "First order" },
  lastOrderAt: { kind: "date", label: "Last order" },
  recencyScore: score("Recency score (R)"),
  frequencyScore: score("Frequency score (F)"),
  monetaryScore: score("Monetary score (M)"),
  productCategory: { kind: "text", label: "Main product category (FRAT type)" },
  lifetimeValue: { kind: "number", label: "Lifetime value" },
};

export const ACCOUNT_FIELDS: Record<string, SegmentField> = {
  name: { kind: "text", label: "Name" },
  industry: { kind: "text", label: "Industry" },
  size: { kind: "choice", label: "Size", choices: ["1-9", "10-49", "50-249", "250-999", "1000+"] },
  status: { kind: "choice", label: "Status", choices: ["prospect", "customer", "former"] },
  source: { kind: "text", label: "Source" },
  tags: { kind: "tags", label: "Tags" },
  country: { kind: "text", label: "Country" },
  postcode: { kind: "text", label: "Postcode" },
  city: { kind: "text", label: "City" },
  ownerId: { kind: "text", label: "Owner" },
  createdAt: { kind: "date", label: "Created" },
};

export function segmentFields(entity: SegmentEntity): Record<string, SegmentField> {
  return entity === "contacts" ? CONTACT_FIELDS : ACCOUNT_FIELDS;
}
