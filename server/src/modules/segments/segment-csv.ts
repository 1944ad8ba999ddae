import type { Account, Contact } from "@rapport/shared/schemas";
import { type CsvCell, type CsvSeparator, toCsv } from "@rapport/shared/sheets";

type Column<T> = [header: string, value: (record: T) => CsvCell];

const addressColumns = <T extends { address: Contact["address"] }>(): Column<T>[] => [
  ["Address", (r) => r.address?.lines.join("\n") ?? null],
  ["Postcode", (r) => r.address?.postcode ?? null],
  ["City", (r) => r.address?.city ?? null],
  ["Country", (r) => r.address?.country ?? null],
];

const CONTACT_COLUMNS: Column<Contact>[] = [
  ["Id", (c) => c.id],
  ["Civility", (c) => c.civility],
  ["First name", (c) => c.firstName],
  ["Last name", (c) => c.lastName],
  ["Email", (c) => c.emails[0] ?? null],
  ["Other emails", (c) => c.emails.slice(1).join(" ") || null],
  ["Phone", (c) => c.phones[0] ?? null],
  ["Job title", (c) => c.jobTitle],
  ["Account id", (c) => c.accountId],
  ...addressColumns<Contact>(),
  ["Tags", (c) => c.tags.join(", ") || null],
  ["Email consent", (c) => c.consent.email.status],
  ["Do not contact", (c) => c.doNotContact],
];

const ACCOUNT_COLUMNS: Column<Account>[] = [
  ["Id", (a) => a.id],
  ["Name", (a) => a.name],
  ["Domains", (a) => a.domains.join(" ") || null],
  ["Industry", (a) => a.industry],
  ["Size", (a) => a.size],
  ["Phone", (a) => a.phone],
  ...addressColumns<Account>(),
  ["Tags", (a) => a.tags.join(", ") || null],
  ["Status", (a) => a.status],
];

function table<T>(columns: Column<T>[], records: readonly T[]): CsvCell[][] {
  return [columns.map(([header]) => header), ...records.map((record) => columns.map(([, value]) => value(record)))];
}

/** A segment's members as a CSV file, one row per contact or account. */
export function membersAsCsv(
  entity: "contacts" | "accounts",
  members: ReadonlyArray<Contact | Account>,
  separator: CsvSeparator,
): string {
  const rows =
    entity === "contacts"
      ? table(CONTACT_COLUMNS, members as readonly Contact[])
      : table(ACCOUNT_COLUMNS, members as readonly Account[]);
  return toCsv(rows, separator);
}
