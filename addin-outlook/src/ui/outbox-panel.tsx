import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import type { Language } from "@rapport/addin-kit";
import type { OutboxEntry } from "../outbox/outbox-store.ts";
import { formatTime } from "./format.ts";
import { usePaneStyles } from "./styles.ts";
import { paneText } from "./text.ts";
import type { Outbox } from "./use-outbox.ts";

export type OutboxPanelProps = { outbox: Outbox; language: Language };

/** Logs that have not reached Rapport yet, each with why, when it is tried again, and what the user can do. */
export function OutboxPanel({ outbox, language }: OutboxPanelProps) {
  const styles = usePaneStyles();
  const text = paneText(language);
  if (outbox.entries.length === 0) return null;
  const anyFailed = outbox.entries.some((e) => e.state === "failed");
  return (
    <MessageBar intent={anyFailed ? "error" : "warning"} layout="multiline" aria-live="polite">
      <MessageBarBody>
        <MessageBarTitle>{text.outbox}</MessageBarTitle>
        {!outbox.durable && <Text block>{text.notDurable}</Text>}
        <ul className={styles.plainList} aria-label={text.outbox} data-testid="outbox">
          {outbox.entries.map((entry) => (
            <OutboxRow key={entry.key} entry={entry} outbox={outbox} language={language} />
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function OutboxRow({ entry, outbox, language }: { entry: OutboxEntry; outbox: Outbox; language: Language }) {
  const styles = usePaneStyles();
  const text = paneText(language);
  const failure = entry.failure;
  const status = entry.state === "failed" ? text.outboxFailed : text.outboxPending;
  const why = failure ? text.reason(failure.reason) : null;
  const detail = failure?.detail && failure.reason !== "offline" ? failure.detail : null;
  return (
    <li className={styles.section} data-state={entry.state}>
      <Text weight="semibold" className={styles.wrap} dir="auto">
        {entry.label || text.untitled}
      </Text>
      <Caption1 className={styles.wrap}>
        {[
          status,
          why,
          detail,
          entry.state === "pending" ? text.nextTry(formatTime(entry.nextAttemptAt, language)) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </Caption1>
      <div className={styles.actions}>
        <Button size="small" onClick={() => void outbox.retry(entry.key)}>
          {text.retry}
        </Button>
        {failure?.reason === "privacy" && (
          <Button size="small" onClick={() => void outbox.retry(entry.key, true)}>
            {text.logAnyway}
          </Button>
        )}
        <Button size="small" appearance="subtle" onClick={() => outbox.drop(entry.key)}>
          {text.drop}
        </Button>
      </div>
    </li>
  );
}
