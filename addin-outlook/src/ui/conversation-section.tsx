import { Caption1, Subtitle2 } from "@fluentui/react-components";
import type { LookupResult, MailStatus } from "@rapport/shared/schemas";
import { conversationRest } from "../domain/conversation-rest.ts";
import type { MailItem } from "../domain/outlook-item.ts";
import type { RecordSelection } from "../domain/record-selection.ts";
import { ConversationList } from "./conversation-list.tsx";
import { ConversationRestPanel } from "./conversation-rest.tsx";
import { usePane } from "./pane-context.ts";
import { usePaneStyles } from "./styles.ts";
import { useConversationListing } from "./use-conversation-listing.ts";

export type ConversationSectionProps = {
  mail: MailItem;
  status: MailStatus;
  /** The ids the open mail goes by: it has its own "Log" button, so it is not among "the rest". */
  openIds: Array<string | null>;
  /** Where the rest of the conversation goes: this mail's records. */
  selection: RecordSelection;
  results: LookupResult[];
  onLogged: () => void;
};

/**
 * The conversation: its mails already in Rapport (from the lookup), and with Microsoft sign-in,
 * the ones that are not (from Graph), to log in one go. Shown when the conversation has something
 * to say: a logged mail, or mails left to log.
 */
export function ConversationSection({ mail, status, openIds, selection, results, onLogged }: ConversationSectionProps) {
  const styles = usePaneStyles();
  const { text, graph, policy, mailbox, capabilities } = usePane();
  const { listing, load } = useConversationListing(graph, mail.conversationId);
  const logged = [...(status.logged ? [status.logged] : []), ...status.conversation];
  const rest =
    listing.status === "ready"
      ? conversationRest(listing.messages, { openIds, logged, userAddress: mailbox.address, policy })
      : null;
  const someLogged = logged.length > 0;
  const leftToLog = rest !== null && rest.loggable.length + rest.held.length > 0;
  if (!someLogged && !leftToLog) return null;

  return (
    <section className={styles.section} aria-labelledby="conversation-heading" data-testid="conversation">
      <Subtitle2 as="h2" id="conversation-heading" className={styles.heading}>
        {text.conversation}
      </Subtitle2>
      {status.conversation.length > 0 && <ConversationList mails={status.conversation} />}
      {graph === null ? (
        <Caption1 className={styles.muted} data-testid="conversation-needs-microsoft">
          {capabilities.multiSelect ? `${text.restNeedsMicrosoft} ${text.conversationHint}` : text.restNeedsMicrosoft}
        </Caption1>
      ) : (
        <ConversationRestPanel
          listing={listing}
          rest={rest}
          selection={selection}
          results={results}
          onLoad={(interactive) => void load(interactive)}
          onLogged={onLogged}
        />
      )}
    </section>
  );
}
