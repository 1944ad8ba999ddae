import { Badge, Caption1, Caption1Strong, Text } from "@fluentui/react-components";
import { emailDomain } from "@rapport/shared/normalize";
import type { LookupResult } from "@rapport/shared/schemas";
import type { ReactNode } from "react";
import type { ItemPerson } from "../domain/outlook-item.ts";
import { contactName } from "../domain/record-selection.ts";
import { CreateContactForm } from "./create-contact-form.tsx";
import { formatAmount, formatDate, roleLabel } from "./format.ts";
import { NeverLogButton } from "./never-log-button.tsx";
import { usePane } from "./pane-context.ts";
import { usePaneStyles } from "./styles.ts";
import type { PaneText } from "./text.ts";

export type PersonCardProps = { person: ItemPerson; result: LookupResult; onChanged: () => void };

const SHOWN_ACTIVITIES = 3;

/** One person on the item: their contact card, account, open deals and cases, last activities, and why they matched. */
export function PersonCard({ person, result, onChanged }: PersonCardProps) {
  const styles = usePaneStyles();
  const { text, language } = usePane();
  const { contact, account } = result;
  const title = contact ? contactName(contact) : person.name;
  return (
    <article className={styles.card} data-testid="person-card" aria-label={title}>
      <div className={styles.row}>
        <Text weight="semibold" className={styles.wrap} dir="auto">
          {title}
        </Text>
        <Badge appearance="outline" size="small">
          {roleLabel(person.role, text)}
        </Badge>
      </div>
      <Caption1 className={`${styles.wrap} ${styles.muted}`}>{result.email}</Caption1>
      {contact?.jobTitle && <Caption1 dir="auto">{contact.jobTitle}</Caption1>}
      {account && (
        <div className={styles.row}>
          <Text size={200} weight="semibold" dir="auto" data-testid="person-account">
            {account.name}
          </Text>
          <Badge appearance="tint" size="small">
            {text.accountStatus(account.status)}
          </Badge>
        </div>
      )}
      {result.reasons.length > 0 && (
        <Caption1 className={styles.muted}>
          {text.whyMatched}: {result.reasons.map((r) => reasonText(r, result, text)).join(", ")}
        </Caption1>
      )}
      <Status result={result} text={text} />
      {result.openOpportunities.length > 0 && (
        <Details title={text.openDeals}>
          {result.openOpportunities.map((deal) => (
            <li key={deal.id} dir="auto">
              {[deal.name, text.stage(deal.stage), formatAmount(deal.amount, deal.currency, language)]
                .filter(Boolean)
                .join(" · ")}
            </li>
          ))}
        </Details>
      )}
      {result.openCases.length > 0 && (
        <Details title={text.openCases}>
          {result.openCases.map((c) => (
            <li key={c.id} dir="auto">
              {c.subject} · {text.caseStatus(c.status)}
            </li>
          ))}
        </Details>
      )}
      {result.recentActivities.length > 0 && (
        <Details title={text.lastActivities}>
          {result.recentActivities.slice(0, SHOWN_ACTIVITIES).map((a) => (
            <li key={a.id} dir="auto">
              {formatDate(a.occurredAt, language)} · {text.activityType(a.type)}
              {a.subject ? ` · ${a.subject}` : ""}
            </li>
          ))}
        </Details>
      )}
      {!contact && creatable(result) && person.address && (
        <CreateContactForm
          person={{ name: person.name, address: person.address }}
          result={result}
          onCreated={onChanged}
        />
      )}
      {(person.role === "from" || person.role === "organizer") && person.address && result.skipped !== "own_domain" && (
        <NeverLogButton address={person.address} />
      )}
    </article>
  );
}

function Details({ title, children }: { title: string; children: ReactNode }) {
  const styles = usePaneStyles();
  return (
    <div className={styles.section}>
      <Caption1Strong>{title}</Caption1Strong>
      <ul className={styles.list}>{children}</ul>
    </div>
  );
}

function Status({ result, text }: { result: LookupResult; text: PaneText }) {
  const styles = usePaneStyles();
  const says = (message: string, testId: string) => (
    <Caption1 className={styles.muted} data-testid={testId}>
      {message}
    </Caption1>
  );
  if (result.skipped === "blocked") return says(text.blockedPerson, "person-blocked");
  if (result.skipped === "invalid_email") return says(text.invalidAddress, "person-invalid");
  if (result.skipped === "own_domain") return says(text.colleague, "person-colleague");
  if (result.contact) return null;
  return (
    <Badge appearance="outline" color="warning" data-testid="not-in-rapport">
      {text.notInRapport}
    </Badge>
  );
}

function creatable(result: LookupResult): boolean {
  return result.skipped === null || result.skipped === "personal_domain";
}

function reasonText(reason: LookupResult["reasons"][number], result: LookupResult, text: PaneText): string {
  switch (reason.code) {
    case "same_email":
      return text.reasonSameEmail;
    case "same_domain":
      return text.reasonSameDomain(emailDomain(result.email) ?? "");
    case "contact_account":
      return text.reasonContactAccount(result.account?.name ?? "");
  }
}
