/**
 * The form an email address is matched on: trimmed and lower-cased. Plus-tags are kept as given
 * because "jane+crm@acme.fr" may be a real, distinct mailbox.
 *
 * @example normalizeEmail(" Jane.Doe@ACME.fr ") // "jane.doe@acme.fr"
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The domain of an address, lower-cased, or null when there is none.
 *
 * @example emailDomain("jane@Sub.Acme.fr") // "sub.acme.fr"
 */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 0 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}
