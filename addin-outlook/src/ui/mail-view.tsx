import { Caption1, MessageBar, MessageBarBody, Subtitle2, Text } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { captured, needsBody } from "../domain/capture.ts";
import { mailActivity } from "../domain/item-activity.ts";
import type { ItemMark } from "../domain/item-mark.ts";
import { contactIdsOf } from "../domain/lookup-contacts.ts";
import type { MailItem } from "../domain/outlook-item.ts";
import { privacyHold } from "../domain/privacy-hold.ts";
import { defaultSelection, type RecordSelection, selectionFromLinks } from "../domain/record-selection.ts";
import { readBodyText } from "../office/item-body.ts";
import { writeItemProperty } from "../office/item-property.ts";
import { ConversationSection } from "./conversation-section.tsx";
import { LogForm } from "./log-form.tsx";
import { LogStatus } from "./log-status.tsx";
import { LoggedBanner } from "./logged-banner.tsx";
import { usePane } from "./pane-context.ts";
import { PeopleList } from "./people-list.tsx";
import { usePaneStyles } from "./styles.ts";
import { useAttachSentId } from "./use-attach-sent-id.ts";
import { mailKey, useItemLookup } from "./use-item-lookup.ts";
import { useLogAction } from "./use-log-action.ts";

export type MailViewProps = { mail: MailItem; mark: ItemMark | null; setMark: (mark: ItemMark | null) => void };

/** A mail being read: who is on it, whether it is logged, and "Log email". */
export function MailView({ mail, mark, setMark }: MailViewProps) {
  const styles = usePaneStyles();
  const { client, text, mailbox, policy, outbox } = usePane();
  const key = mailKey(mail, mark);
  const { lookup, refresh } = useItemLookup(
    client,
    mail,
    { internetMessageId: key, conversationId: mail.conversationId },
    mailbox.address,
  );
  const results = lookup.status === "ready" ? lookup.answer.results : [];
  const status = lookup.status === "ready" ? lookup.answer.mail : undefined;
  // The conversation does not depend on which id the mail is looked up by: it stays while that changes.
  const conversation = lookup.status === "ready" || lookup.status === "updating" ? lookup.answer.mail : undefined;
  const [edited, setEdited] = useState<RecordSelection | null>(null);
  const [insisted, setInsisted] = useState(false);
  const { state, run } = useLogAction();
  const selection =
    edited ??
    (mark?.kind === "send" ? selectionFromLinks(mark.links) : defaultSelection(results, status?.conversation ?? []));
  const hold = policy && !insisted && !mark?.override ? privacyHold(mail.people, policy, mailbox.address) : null;

  const log = (chosen: RecordSelection, override: boolean) => {
    if (!key) return;
    void run(key, mail.subject || text.untitled, async () => {
      const level = policy?.captureLevel ?? null;
      const body = needsBody(level) ? await readBodyText().catch(() => null) : null;
      return mailActivity(mail, key, {
        selection: chosen,
        text: captured(level, mail.subject, body),
        contactIdByAddress: contactIdsOf(results),
        userAddress: mailbox.address,
        policyOverride: override,
      });
    }).then((result) => {
      if (result?.outcome !== "logged") return;
      refresh();
      if (mark?.kind === "send") {
        const done: ItemMark = {
          ...mark,
          state: "logged",
          activityId: result.activity.id,
          at: result.activity.createdAt,
        };
        // The log stands either way; the mark only spares the next open a second look.
        void writeItemProperty(done).then(
          () => setMark(done),
          () => undefined,
        );
      }
    });
  };

  // A sent mail chosen for "log when sent" whose log never got through (no on-send runtime, or
  // Rapport was down): log it now, once, under the key chosen in compose.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || mark?.kind !== "send" || mark.state === "logged" || !key) return;
    if (lookup.status !== "ready" || lookup.answer.mail?.logged || outbox.has(key)) return;
    resumed.current = true;
    log(selectionFromLinks(mark.links), mark.override);
  });

  const { checking } = useAttachSentId(
    mail,
    mark,
    lookup.status === "ready" ? (status?.logged ?? null) : undefined,
    setMark,
  );

  // The outbox sent this mail's log in the background (a retry that worked): show it as logged.
  const { subscribe } = outbox;
  useEffect(
    () => subscribe((done) => done.some((r) => r.key === key && r.outcome === "logged") && refresh()),
    [subscribe, key, refresh],
  );

  const logged = status?.logged ?? null;
  const queued = key !== null && outbox.has(key);
  return (
    <div className={styles.section}>
      <Subtitle2 as="h1" className={`${styles.heading} ${styles.wrap}`} dir="auto">
        {mail.subject || text.untitled}
      </Subtitle2>
      {lookup.status === "ready" && logged && (
        <LoggedBanner
          activityId={logged.activity.id}
          at={logged.activity.createdAt}
          byName={logged.loggedByName}
          links={logged.links}
          results={results}
          onRelinked={refresh}
          onUnlogged={refresh}
        />
      )}
      {lookup.status === "ready" && !logged && !key && (
        <MessageBar intent="info" layout="multiline" data-testid="no-message-id">
          <MessageBarBody>{text.noMessageId}</MessageBarBody>
        </MessageBar>
      )}
      {lookup.status === "ready" && !logged && key && !queued && !checking && state.status !== "logging" && (
        <LogForm
          hold={hold}
          onInsist={() => setInsisted(true)}
          selection={selection}
          onChange={setEdited}
          results={results}
          fixedContactIds={new Set(contactIdsOf(results).values())}
          label={text.logEmail}
          onLog={() => log(selection, insisted || (mark?.override ?? false))}
        />
      )}
      {state.status === "logging" && <Text aria-live="polite">{text.logging}</Text>}
      <LogStatus state={state} />
      {conversation && (
        <ConversationSection
          mail={mail}
          status={conversation}
          openIds={[mail.internetMessageId, key]}
          selection={logged ? selectionFromLinks(logged.links) : selection}
          results={results}
          onLogged={refresh}
        />
      )}
      <PeopleList people={mail.people} lookup={lookup} onChanged={refresh} onRetry={refresh} />
      {mail.people.length === 0 && <Caption1>{text.noAddress}</Caption1>}
    </div>
  );
}
