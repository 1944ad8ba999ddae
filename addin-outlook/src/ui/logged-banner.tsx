import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { ProblemBar } from "@rapport/addin-kit";
import type { LookupResult, RecordLink } from "@rapport/shared/schemas";
import { useState } from "react";
import { linksOf, type RecordSelection, selectionFromLinks } from "../domain/record-selection.ts";
import { relinkBody } from "../domain/relink.ts";
import { formatDateTime, formatLinks } from "./format.ts";
import { usePane } from "./pane-context.ts";
import { RecordsEditor } from "./records-editor.tsx";
import { usePaneStyles } from "./styles.ts";

export type LoggedBannerProps = {
  activityId: string;
  /** When it was logged. */
  at: string;
  byName: string;
  links: RecordLink[];
  results: LookupResult[];
  onRelinked: (links: RecordLink[]) => void;
  onUnlogged: () => void;
};

/**
 * "Logged on <date> by <user> to <records>", with what the user can do about it: move it to other
 * records, or unlog it. Both read the activity first, so they apply to its current version.
 */
export function LoggedBanner({ activityId, at, byName, links, results, onRelinked, onUnlogged }: LoggedBannerProps) {
  const styles = usePaneStyles();
  const { client, text, language } = usePane();
  const [editing, setEditing] = useState<RecordSelection | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const act = async (work: () => Promise<void>, then: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setEditing(null);
      then();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const save = (selection: RecordSelection) =>
    act(
      async () => {
        const activity = await client.activities.get({ params: { id: activityId } });
        await client.activities.update({
          params: { id: activityId },
          ifMatch: activity.version,
          body: relinkBody(activity, selection),
        });
      },
      () => onRelinked(linksOf(selection)),
    );
  const unlog = () =>
    act(async () => {
      const activity = await client.activities.get({ params: { id: activityId } });
      await client.activities.remove({ params: { id: activityId }, ifMatch: activity.version });
    }, onUnlogged);

  return (
    <div className={styles.section}>
      <MessageBar intent="success" layout="multiline" data-testid="logged-banner">
        <MessageBarBody>
          <MessageBarTitle>{text.loggedBanner(formatDateTime(at, language), byName)}</MessageBarTitle>
          <Text className={styles.wrap} dir="auto">
            {text.loggedTo(formatLinks(links, language, text))}
          </Text>
        </MessageBarBody>
      </MessageBar>
      {editing ? (
        <>
          <RecordsEditor selection={editing} onChange={setEditing} results={results} />
          <div className={styles.actions}>
            <Button size="small" appearance="primary" disabled={busy} onClick={() => void save(editing)}>
              {text.saveLinks}
            </Button>
            <Button size="small" disabled={busy} onClick={() => setEditing(null)}>
              {text.cancel}
            </Button>
          </div>
        </>
      ) : (
        <div className={styles.actions}>
          <Button size="small" disabled={busy} onClick={() => setEditing(selectionFromLinks(links))}>
            {text.changeLinks}
          </Button>
          <Button size="small" disabled={busy} onClick={() => void unlog()}>
            {text.unlog}
          </Button>
        </div>
      )}
      {error !== null && <ProblemBar error={error} language={language} />}
    </div>
  );
}
