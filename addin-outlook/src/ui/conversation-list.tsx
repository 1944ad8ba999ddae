import { Caption1, Text } from "@fluentui/react-components";
import type { LoggedMail } from "@rapport/shared/schemas";
import { formatDateTime, formatLinks } from "./format.ts";
import { usePane } from "./pane-context.ts";
import { usePaneStyles } from "./styles.ts";

/** Earlier mails of the same conversation that are in Rapport, newest first: who logged each, and where. */
export function ConversationList({ mails }: { mails: LoggedMail[] }) {
  const styles = usePaneStyles();
  const { text, language } = usePane();
  return (
    <>
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
    </>
  );
}
