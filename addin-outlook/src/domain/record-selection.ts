import type { Contact, LoggedMail, LookupResult, RecordLink } from "@rapport/shared/schemas";

/** The records one log is filed under: an account, a deal and a case at most, any number of contacts. */
export type RecordSelection = {
  account: RecordLink | null;
  opportunity: RecordLink | null;
  case: RecordLink | null;
  contacts: RecordLink[];
};

export const EMPTY_SELECTION: RecordSelection = { account: null, opportunity: null, case: null, contacts: [] };

/** "Hélène Lefèvre", or her address when the contact has no name. */
export function contactName(contact: Pick<Contact, "firstName" | "lastName" | "emails">): string {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  return name || contact.emails[0] || "?";
}

/** The records a logged activity is linked to, back into a selection to edit. */
export function selectionFromLinks(links: RecordLink[]): RecordSelection {
  // The account first: choosing an account afterwards would drop the deal and case of the one before.
  const ordered = [...links.filter((l) => l.kind === "account"), ...links.filter((l) => l.kind !== "account")];
  return ordered.reduce(withRecord, EMPTY_SELECTION);
}

export function linksOf(selection: RecordSelection): RecordLink[] {
  return [selection.account, ...selection.contacts, selection.opportunity, selection.case].filter(
    (link): link is RecordLink => link !== null,
  );
}

/**
 * What "Log" files an item under before the user changes anything: the records the rest of the
 * conversation went to; otherwise the matched contacts and the first matched account (the
 * sender's, as results come sender first). A deal is never guessed: a wrong deal is a wrong log.
 */
export function defaultSelection(results: LookupResult[], conversation: LoggedMail[]): RecordSelection {
  const [latest] = conversation;
  if (latest && latest.links.length > 0) return selectionFromLinks(latest.links);
  let selection = EMPTY_SELECTION;
  const account = results.find((r) => r.account)?.account;
  if (account) selection = withRecord(selection, { kind: "account", id: account.id, name: account.name });
  for (const { contact } of results) {
    if (contact) selection = withRecord(selection, { kind: "contact", id: contact.id, name: contactName(contact) });
  }
  return selection;
}

/** Adds a record; an account, deal or case replaces the one chosen before, and a new account drops the old one's deal and case. */
export function withRecord(selection: RecordSelection, link: RecordLink): RecordSelection {
  switch (link.kind) {
    case "account":
      return selection.account?.id === link.id
        ? selection
        : { ...selection, account: link, opportunity: null, case: null };
    case "opportunity":
      return { ...selection, opportunity: link };
    case "case":
      return { ...selection, case: link };
    case "contact":
      return selection.contacts.some((c) => c.id === link.id)
        ? selection
        : { ...selection, contacts: [...selection.contacts, link] };
  }
}

export function withoutRecord(selection: RecordSelection, link: RecordLink): RecordSelection {
  switch (link.kind) {
    case "account":
      return { ...selection, account: null, opportunity: null, case: null };
    case "opportunity":
      return { ...selection, opportunity: null };
    case "case":
      return { ...selection, case: null };
    case "contact":
      return { ...selection, contacts: selection.contacts.filter((c) => c.id !== link.id) };
  }
}

export function isEmptySelection(selection: RecordSelection): boolean {
  return linksOf(selection).length === 0;
}
