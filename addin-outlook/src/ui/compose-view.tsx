import { Button, Caption1, Checkbox, MessageBar, MessageBarBody, Subtitle2, Switch } from "@fluentui/react-components";
import { ProblemBar } from "@rapport/addin-kit";
import { useState } from "react";
import { type ItemMark, markLinks, newSendKey } from "../domain/item-mark.ts";
import type { MailItem } from "../domain/outlook-item.ts";
import { privacyHold } from "../domain/privacy-hold.ts";
import { defaultSelection, linksOf, type RecordSelection, selectionFromLinks } from "../domain/record-selection.ts";
import { writeItemProperty } from "../office/item-property.ts";
import { usePane } from "./pane-context.ts";
import { PeopleList } from "./people-list.tsx";
import { holdText } from "./privacy-notice.tsx";
import { RecordsEditor } from "./records-editor.tsx";
import { usePaneStyles } from "./styles.ts";
import { useItemLookup } from "./use-item-lookup.ts";

export type ComposeViewProps = {
  mail: MailItem;
  mark: ItemMark | null;
  setMark: (mark: ItemMark | null) => void;
  onReload: () => void;
};

/**
 * A mail being written: "Log when sent" and the records, kept on the draft itself. The on-send
 * handler logs it as it leaves; where Outlook has no on-send runtime, the pane logs it the next
 * time the sent mail is opened. Either way under one key, chosen here, so it is logged once.
 */
export function ComposeView({ mail, mark, setMark, onReload }: ComposeViewProps) {
  const styles = usePaneStyles();
  const { client, text, language, mailbox, policy, capabilities } = usePane();
  const { lookup } = useItemLookup(client, mail, {}, mailbox.address);
  const results = lookup.status === "ready" ? lookup.answer.results : [];
  const chosen = mark?.kind === "send" ? mark : null;
  const [edited, setEdited] = useState<RecordSelection | null>(null);
  const [error, setError] = useState<unknown>(null);
  const selection = edited ?? (chosen ? selectionFromLinks(chosen.links) : defaultSelection(results, []));
  const hold = policy ? privacyHold(mail.people, policy, mailbox.address) : null;

  if (!capabilities.logWhenSent) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{text.composeUnsupported}</MessageBarBody>
      </MessageBar>
    );
  }

  const store = async (next: ItemMark | null) => {
    setError(null);
    try {
      await writeItemProperty(next);
      setMark(next);
    } catch (failure) {
      setError(failure);
    }
  };
  const choose = (on: boolean, links: RecordSelection, override: boolean) =>
    store(
      on
        ? {
            v: 1,
            kind: "send",
            key: chosen?.key ?? newSendKey(),
            links: markLinks(linksOf(links)),
            state: "chosen",
            override,
            activityId: null,
            at: null,
            by: null,
            attached: false,
          }
        : null,
    );

  return (
    <div className={styles.section}>
      <Subtitle2 as="h1" className={styles.heading}>
        {text.composeTitle}
      </Subtitle2>
      <Switch
        checked={chosen !== null}
        label={text.logWhenSent}
        onChange={(_, data) => void choose(data.checked, selection, chosen?.override ?? false)}
        data-testid="log-when-sent"
      />
      {chosen && (
        <>
          <Caption1>{capabilities.onSend ? text.logWhenSentOnSend : text.logWhenSentLater}</Caption1>
          {hold && (
            <Checkbox
              checked={chosen.override}
              label={`${holdText(hold, text)} ${text.logAnyway}`}
              onChange={(_, data) => void choose(true, selection, data.checked === true)}
            />
          )}
          <RecordsEditor
            selection={selection}
            onChange={(next) => {
              setEdited(next);
              void choose(true, next, chosen.override);
            }}
            results={results}
          />
        </>
      )}
      {error !== null && (
        <>
          <Caption1>{text.composeSaveFailed}</Caption1>
          <ProblemBar error={error} language={language} />
        </>
      )}
      <Button size="small" appearance="subtle" onClick={onReload}>
        {text.refreshPeople}
      </Button>
      <PeopleList people={mail.people} lookup={lookup} onChanged={onReload} onRetry={onReload} />
    </div>
  );
}
