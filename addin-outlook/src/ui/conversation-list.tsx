import { Caption1, Subtitle2, Text } from "@fluentui/react-components";
import type { LoggedMail } from "@rapport/shared/schemas";
import { formatDateTime, formatLinks } from "./format.ts";
import { usePane } from "./pane-context.ts";
import { usePaneStyles } from "./styles.ts";

/**
 * Earlier mails of the same conversation that are in Rapport, newest first. "Log" on this mail
 * files it under the same records; on hosts with multi-select, the rest of the thread can be
 * selected in Outlook and logged in one go.
 */
export function ConversationList({ mails }: { mails: LoggedMail[] }) {
  const styles = usePaneStyles();
  const { text, language, capabilities } = usePane();
  return (
    <section className={styles.section} aria-labelledby="conversation-heading" data-testid="conversation">
      <Subtitle2 as="h2" id="conversation-heading" className={styles.heading}>
        {text.conversation}
      </Subtitle2>
      <Caption1>{text.conversationLogged(mails.length)}</Caption1>
      <ul className={styles.list}>
        {mails.map((mail) => (
          <li key={mail.activity.id}>
            <Text size={200} weight="semibold" className={styles.wrap} dir="auto">
              {mail.activity.subject || text.untitled}
            </Text>
            <Caption1 block className={styles.wrap}>
              {formatDateTime(mail.activity.occurredAt, language)} · {mail.loggedByName} ·{" "}
              {formatLinks(mail.links, language, text)}
            </Caption1>
          </li>
        ))}
      </ul>
      {capabilities.multiSelect && <Caption1 className={styles.muted}>{text.conversationHint}</Caption1>}
    </section>
  );
}
