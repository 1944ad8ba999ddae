import type { Language } from "@rapport/addin-kit";
import type { RecordLink } from "@rapport/shared/schemas";
import type { PersonRole } from "../domain/outlook-item.ts";
import type { PaneText } from "./text.ts";

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium" }).format(date);
}

export function formatTime(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(language, { timeStyle: "short" }).format(new Date(epochMs));
}

export function formatAmount(amount: number | null, currency: string, language: Language): string | null {
  if (amount === null) return null;
  try {
    return new Intl.NumberFormat(language, { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "Contoso, Adele Vance and Renewal 2026" in the user's language. */
export function formatLinks(links: RecordLink[], language: Language, text: PaneText): string {
  if (links.length === 0) return text.noRecords;
  return new Intl.ListFormat(language, { type: "conjunction" }).format(links.map((l) => l.name));
}

export function roleLabel(role: PersonRole, text: PaneText): string {
  const labels: Record<PersonRole, string> = {
    from: text.roleFrom,
    to: text.roleTo,
    cc: text.roleCc,
    bcc: text.roleBcc,
    organizer: text.roleOrganizer,
    attendee: text.roleAttendee,
  };
  return labels[role];
}

export function kindLabel(kind: RecordLink["kind"], text: PaneText): string {
  const labels: Record<RecordLink["kind"], string> = {
    account: text.kindAccount,
    contact: text.kindContact,
    opportunity: text.kindOpportunity,
    case: text.kindCase,
  };
  return labels[kind];
}
