import { Button, Caption1, MessageBar, MessageBarBody, Subtitle2, Text } from "@fluentui/react-components";
import { ProblemBar } from "@rapport/addin-kit";
import { useState } from "react";
import { captured } from "../domain/capture.ts";
import { mailActivity } from "../domain/item-activity.ts";
import type { SelectedMail } from "../domain/outlook-item.ts";
import { privacyHold } from "../domain/privacy-hold.ts";
import { EMPTY_SELECTION, isEmptySelection, type RecordSelection } from "../domain/record-selection.ts";
import { loadSelectedMail } from "../office/selected-items.ts";
import { usePane } from "./pane-context.ts";
import { RecordsEditor } from "./records-editor.tsx";
import { usePaneStyles } from "./styles.ts";

type Run =
  | { status: "idle" }
  | { status: "logging"; done: number }
  | { status: "done"; logged: number; waiting: number; skipped: number; held: number }
  | { status: "failed"; error: unknown };

/**
 * Several mails selected in Outlook (Mailbox 1.13): log them together to the chosen records. Each
 * is read without opening it (Mailbox 1.15) for its people and date, and queued under its own
 * internetMessageId, so mails already in Rapport are answered, not duplicated. Bodies stay out:
 * reading them would mean opening every mail.
 */
export function SelectionView({ mails }: { mails: SelectedMail[] }) {
  const styles = usePaneStyles();
  const { text, language, capabilities, policy, mailbox, outbox } = usePane();
  const [selection, setSelection] = useState<RecordSelection>(EMPTY_SELECTION);
  const [run, setRun] = useState<Run>({ status: "idle" });
  const loggable = mails.filter((m) => m.internetMessageId);

  const logAll = async () => {
    let logged = 0;
    let waiting = 0;
    let held = 0;
    setRun({ status: "logging", done: 0 });
    try {
      for (const [index, selected] of loggable.entries()) {
        const mail = await loadSelectedMail(selected.itemId);
        const key = mail.internetMessageId ?? (selected.internetMessageId as string);
        if (policy && privacyHold(mail.people, policy, mailbox.address)) {
          held++;
          continue;
        }
        const body = mailActivity(mail, key, {
          selection,
          text: captured(policy?.captureLevel ?? null, mail.subject, null),
          contactIdByAddress: new Map(),
          userAddress: mailbox.address,
          policyOverride: false,
        });
        const result = await outbox.enqueue(key, mail.subject || text.untitled, body);
        if (result?.outcome === "logged") logged++;
        else waiting++;
        setRun({ status: "logging", done: index + 1 });
      }
      setRun({ status: "done", logged, waiting, skipped: mails.length - loggable.length, held });
    } catch (error) {
      setRun({ status: "failed", error });
    }
  };

  return (
    <div className={styles.section} data-testid="selection-view">
      <Subtitle2 as="h1" className={styles.heading}>
        {text.selectedMails(mails.length)}
      </Subtitle2>
      <ul className={styles.list}>
        {mails.map((mail) => (
          <li key={mail.itemId} className={styles.wrap} dir="auto">
            {mail.subject || text.untitled}
          </li>
        ))}
      </ul>
      {!capabilities.loadSelected ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{text.selectionUnsupported}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <RecordsEditor selection={selection} onChange={setSelection} results={[]} />
          {isEmptySelection(selection) && <Caption1>{text.selectionNeedsRecord}</Caption1>}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={isEmptySelection(selection) || run.status === "logging" || loggable.length === 0}
              onClick={() => void logAll()}
            >
              {text.logSelected(loggable.length)}
            </Button>
          </div>
        </>
      )}
      {run.status === "logging" && <Text aria-live="polite">{`${text.logging} ${run.done}/${loggable.length}`}</Text>}
      {run.status === "done" && (
        <MessageBar intent={run.waiting ? "warning" : "success"} layout="multiline" data-testid="selection-done">
          <MessageBarBody>
            {[
              text.selectionDone(run.logged, run.waiting),
              run.skipped ? text.selectionSkipped(run.skipped) : null,
              run.held ? text.holdSelection(run.held) : null,
            ]
              .filter(Boolean)
              .join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {run.status === "failed" && <ProblemBar error={run.error} language={language} />}
    </div>
  );
}
