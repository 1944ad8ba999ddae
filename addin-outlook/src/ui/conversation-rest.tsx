import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { ProblemBar } from "@rapport/addin-kit";
import type { LookupResult } from "@rapport/shared/schemas";
import { useState } from "react";
import type { ConversationRest } from "../domain/conversation-rest.ts";
import { contactIdsOf } from "../domain/lookup-contacts.ts";
import { linksOf, type RecordSelection } from "../domain/record-selection.ts";
import { restLogs } from "../domain/rest-logs.ts";
import { GraphError } from "../graph/graph-error.ts";
import { formatDateTime, formatLinks } from "./format.ts";
import { usePane } from "./pane-context.ts";
import { usePaneStyles } from "./styles.ts";
import type { ConversationListing } from "./use-conversation-listing.ts";

/** A long conversation is logged whole, but listed in part: the user reads subjects, not two hundred lines. */
const SHOWN = 8;

type Run =
  | { status: "idle" }
  | { status: "logging"; count: number }
  | { status: "done"; logged: number; waiting: number; refused: number }
  | { status: "failed"; error: unknown };

export type ConversationRestPanelProps = {
  listing: ConversationListing;
  rest: ConversationRest | null;
  selection: RecordSelection;
  results: LookupResult[];
  onLoad: (interactive: boolean) => void;
  onLogged: () => void;
};

/**
 * The conversation's mails that are not in Rapport, as Graph lists them, and "Log the N other
 * mails" to this mail's records: each through the outbox under its own internetMessageId (so
 * nothing is logged twice and nothing is lost offline), with its preview only where the capture
 * level keeps bodies. Mails the privacy policy holds back are counted, not logged.
 */
export function ConversationRestPanel({
  listing,
  rest,
  selection,
  results,
  onLoad,
  onLogged,
}: ConversationRestPanelProps) {
  const styles = usePaneStyles();
  const { text, language, policy, mailbox, outbox } = usePane();
  const [run, setRun] = useState<Run>({ status: "idle" });

  if (listing.status === "off") return null;
  if (listing.status === "loading") return <Spinner size="tiny" label={text.restListing} labelPosition="after" />;
  if (listing.status === "consent") {
    return (
      <MessageBar intent="info" layout="multiline" data-testid="conversation-consent">
        <MessageBarBody>{text.restConsent}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => onLoad(true)}>
            {text.restAllow}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (listing.status === "failed") {
    const reason = listing.error instanceof GraphError ? listing.error.reason : "failed";
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="conversation-unlisted">
        <MessageBarBody>{text.restUnlisted(reason)}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => onLoad(false)}>
            {text.retry}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (!rest) return null;

  const { loggable, held } = rest;
  const logAll = async () => {
    setRun({ status: "logging", count: loggable.length });
    try {
      const outcomes = await outbox.enqueueMany(
        restLogs(loggable, {
          selection,
          captureLevel: policy?.captureLevel ?? null,
          contactIdByAddress: contactIdsOf(results),
          userAddress: mailbox.address,
          untitled: text.untitled,
        }),
      );
      const count = (outcome: string) => outcomes.filter((o) => o?.outcome === outcome).length;
      setRun({
        status: "done",
        logged: count("logged"),
        waiting: outcomes.length - count("logged") - count("failed"),
        refused: count("failed"),
      });
      onLogged();
    } catch (error) {
      setRun({ status: "failed", error });
    }
  };

  return (
    <div className={styles.section} data-testid="conversation-rest">
      {loggable.length > 0 && (
        <>
          <Caption1>{text.restNotLogged(loggable.length)}</Caption1>
          <ul className={styles.list}>
            {loggable.slice(0, SHOWN).map((mail) => (
              <li key={mail.internetMessageId}>
                <Text size={200} weight="semibold" className={styles.wrap} dir="auto">
                  {mail.subject || text.untitled}
                </Text>
                <Caption1 block className={styles.wrap} dir="auto">
                  {formatDateTime(mail.date, language)} · {mail.people.find((p) => p.role === "from")?.name ?? ""}
                </Caption1>
              </li>
            ))}
          </ul>
          {loggable.length > SHOWN && <Caption1>{text.restMore(loggable.length - SHOWN)}</Caption1>}
          <Caption1 className={styles.wrap}>{text.restTo(formatLinks(linksOf(selection), language, text))}</Caption1>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={run.status === "logging"} onClick={() => void logAll()}>
              {text.logRest(loggable.length)}
            </Button>
          </div>
        </>
      )}
      {loggable.length === 0 && held.length === 0 && run.status !== "done" && (
        <Caption1 className={styles.muted}>{text.restAllLogged}</Caption1>
      )}
      {held.length > 0 && <Caption1>{text.holdSelection(held.length)}</Caption1>}
      {listing.status === "ready" && !listing.complete && (
        <Caption1 className={styles.muted}>{text.restPartial(listing.messages.length)}</Caption1>
      )}
      {run.status === "logging" && <Text aria-live="polite">{`${text.logging} ${run.count}`}</Text>}
      {run.status === "done" && (
        <MessageBar
          intent={run.waiting || run.refused ? "warning" : "success"}
          layout="multiline"
          data-testid="conversation-rest-done"
        >
          <MessageBarBody>
            {[text.selectionDone(run.logged, run.waiting), run.refused ? text.restRefused(run.refused) : null]
              .filter(Boolean)
              .join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {run.status === "failed" && <ProblemBar error={run.error} language={language} />}
    </div>
  );
}
