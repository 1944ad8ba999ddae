import { emailDomain, isPersonalEmailDomain, splitFullName } from "@rapport/shared/normalize";
import type { LookupResult, PrivacyPolicy, RecordLink } from "@rapport/shared/schemas";

/** The account a new contact goes to: one Rapport already has, one to create from the domain, or none. */
export type AccountProposal =
  | { kind: "existing"; link: RecordLink }
  | { kind: "create"; name: string; domain: string }
  | { kind: "none"; why: "personal_domain" | "own_domain" | "no_domain" };

export type ContactProposal = {
  firstName: string | null;
  lastName: string | null;
  email: string;
  account: AccountProposal;
};

/**
 * "Create contact" for someone not in Rapport: the name split as people type it, and the account
 * proposed from the address's domain. Free-mail domains (gmail.com, orange.fr, the admin's extra
 * list) and the organisation's own domains never give an account.
 */
export function proposeContact(
  person: { name: string; address: string },
  result: LookupResult | undefined,
  policy: PrivacyPolicy | null,
): ContactProposal {
  const named = person.name && person.name !== person.address ? splitFullName(person.name.replace(/["']/g, "")) : null;
  return {
    firstName: named?.firstName ?? null,
    lastName: named?.lastName ?? null,
    email: person.address,
    account: proposeAccount(person.address, result, policy),
  };
}

function proposeAccount(
  address: string,
  result: LookupResult | undefined,
  policy: PrivacyPolicy | null,
): AccountProposal {
  if (result?.account)
    return { kind: "existing", link: { kind: "account", id: result.account.id, name: result.account.name } };
  const domain = emailDomain(address);
  if (!domain) return { kind: "none", why: "no_domain" };
  const extraPersonal = new Set(policy?.personalDomains.map((d) => d.toLowerCase()) ?? []);
  if (result?.skipped === "personal_domain" || isPersonalEmailDomain(domain) || extraPersonal.has(domain)) {
    return { kind: "none", why: "personal_domain" };
  }
  const own = new Set(policy?.ownDomains.map((d) => d.toLowerCase()) ?? []);
  if (result?.skipped === "own_domain" || own.has(domain)) return { kind: "none", why: "own_domain" };
  return { kind: "create", name: companyNameOf(domain), domain };
}

/** Suffixes made of two labels, under which the company's own label sits one further left. */
const TWO_LABEL_SUFFIXES = new Set([
  "co.uk",
  "com.au",
  "co.nz",
  "co.za",
  "co.jp",
  "com.br",
  "onmicrosoft.com",
  "gouv.fr",
]);

/**
 * A first guess at a company name from its mail domain, which the user can correct.
 *
 * @example companyNameOf("mail.acme-industrie.fr") // "Acme-industrie"
 * @example companyNameOf("contoso.onmicrosoft.com") // "Contoso"
 */
export function companyNameOf(domain: string): string {
  const labels = domain.toLowerCase().split(".");
  const suffixLength = TWO_LABEL_SUFFIXES.has(labels.slice(-2).join(".")) ? 2 : 1;
  const label = labels[labels.length - suffixLength - 1] ?? labels[0] ?? domain;
  return label.charAt(0).toUpperCase() + label.slice(1);
}
