import { Caption1, Field, Input, Subtitle2, Text } from "@fluentui/react-components";
import type { RecordLink } from "@rapport/shared/schemas";
import { useEffect, useRef, useState } from "react";
import { captured, needsBody } from "../domain/capture.ts";
import { meetingActivity, meetingKey } from "../domain/item-activity.ts";
import { type ItemMark, markLinks } from "../domain/item-mark.ts";
import { contactIdsOf } from "../domain/lookup-contacts.ts";
import { localDay, occurrenceOf } from "../domain/occurrence.ts";
import type { MeetingItem } from "../domain/outlook-item.ts";
import { privacyHold } from "../domain/privacy-hold.ts";
import { defaultSelection, linksOf, type RecordSelection } from "../domain/record-selection.ts";
import { readBodyText } from "../office/item-body.ts";
import { writeItemProperty } from "../office/item-property.ts";
import { formatDateTime } from "./format.ts";
import { LogForm } from "./log-form.tsx";
import { LogStatus } from "./log-status.tsx";
import { LoggedBanner } from "./logged-banner.tsx";
import { usePane } from "./pane-context.ts";
import { PeopleList } from "./people-list.tsx";
import { usePaneStyles } from "./styles.ts";
import { useItemLookup } from "./use-item-lookup.ts";
import { useLogAction } from "./use-log-action.ts";

export type MeetingViewProps = {
  meeting: MeetingItem;
  mark: ItemMark | null;
  setMark: (mark: ItemMark | null) => void;
};

/**
 * A meeting, as organizer or attendee: its people matched to contacts, its time and place, and
 * "Log meeting" (for a series, the occurrence the user picks). Outlook gives add-ins no iCalUId,
 * so the log is keyed by organizer and start, which every attendee's copy shares; the lookup by
 * that key says whether anyone logged it, before anyone presses "Log". The key is kept on the item
 * too, so a meeting that moves is still found under the key it was logged with.
 */
export function MeetingView({ meeting, mark, setMark }: MeetingViewProps) {
  const styles = usePaneStyles();
  const { client, text, language, mailbox, policy, me, outbox } = usePane();
  const [day, setDay] = useState(() => localDay(new Date().toISOString()));
  const occurrence = occurrenceOf(meeting, meeting.series ? day : null);
  const savedKey = mark?.kind === "meeting" ? mark.key : null;
  const key = savedKey && !meeting.series ? savedKey : meetingKey(meeting, occurrence.start);
  const { lookup, refresh } = useItemLookup(client, meeting, { iCalUId: key }, mailbox.address);
  const results = lookup.status === "ready" ? lookup.answer.results : [];
  const logged = lookup.status === "ready" ? (lookup.answer.mail?.logged ?? null) : null;
  const [edited, setEdited] = useState<RecordSelection | null>(null);
  const [insisted, setInsisted] = useState(false);
  const { state, run } = useLogAction();
  const selection = edited ?? defaultSelection(results, []);
  const hold = policy && !insisted ? privacyHold(meeting.people, policy, mailbox.address) : null;
  const when = text.meetingWhen(formatDateTime(occurrence.start, language), formatDateTime(occurrence.end, language));

  const remember = (next: ItemMark | null) =>
    void writeItemProperty(next).then(
      () => setMark(next),
      () => undefined,
    );
  const markOf = (activity: { id: string; createdAt: string }, links: RecordLink[], by: string | null): ItemMark => ({
    v: 1,
    kind: "meeting",
    key,
    links: markLinks(links),
    state: "logged",
    override: insisted,
    activityId: activity.id,
    at: activity.createdAt,
    by,
    attached: false,
  });

  // Logged from another copy (the organizer's, a colleague's): keep its key on this one as well, once.
  const kept = useRef<string | null>(null);
  useEffect(() => {
    if (!logged || meeting.series || savedKey === key || kept.current === key) return;
    kept.current = key;
    remember(markOf(logged.activity, logged.links, null));
  });

  const log = () =>
    void run(key, meeting.subject || text.untitled, async () => {
      const level = policy?.captureLevel ?? null;
      const body = needsBody(level) ? await readBodyText().catch(() => null) : null;
      return meetingActivity(
        meeting,
        { start: occurrence.start, end: occurrence.end, key },
        {
          selection,
          text: captured(level, meeting.subject, body),
          contactIdByAddress: contactIdsOf(results),
          userAddress: mailbox.address,
          policyOverride: insisted,
        },
      );
    }).then((result) => {
      if (result?.outcome !== "logged") return;
      refresh();
      if (meeting.series) return;
      kept.current = key;
      remember(markOf(result.activity, linksOf(selection), result.activity.loggedBy === me.id ? me.name : null));
    });

  return (
    <div className={styles.section}>
      <Subtitle2 as="h1" className={`${styles.heading} ${styles.wrap}`} dir="auto">
        {meeting.subject || text.untitled}
      </Subtitle2>
      <Text size={200} data-testid="meeting-when">
        {when}
      </Text>
      {meeting.location && (
        <Caption1 className={styles.wrap} dir="auto">
          {meeting.location}
        </Caption1>
      )}
      {meeting.series && (
        <Field label={text.occurrence} hint={text.occurrenceHelp} size="small">
          <Input type="date" size="small" value={day} onChange={(_, d) => d.value && setDay(d.value)} />
        </Field>
      )}
      {logged ? (
        <LoggedBanner
          activityId={logged.activity.id}
          at={logged.activity.createdAt}
          byName={logged.loggedByName || text.aColleague}
          links={logged.links}
          results={results}
          onRelinked={refresh}
          onUnlogged={() => {
            refresh();
            if (savedKey) remember(null);
          }}
        />
      ) : (
        lookup.status === "ready" &&
        state.status !== "logging" &&
        !outbox.has(key) && (
          <LogForm
            hold={hold}
            onInsist={() => setInsisted(true)}
            selection={selection}
            onChange={setEdited}
            results={results}
            fixedContactIds={new Set(contactIdsOf(results).values())}
            label={text.logMeeting}
            onLog={log}
          />
        )
      )}
      {state.status === "logging" && <Text aria-live="polite">{text.logging}</Text>}
      <LogStatus state={state} />
      <PeopleList people={meeting.people} lookup={lookup} onChanged={refresh} onRetry={refresh} />
    </div>
  );
}
