import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text } from "@fluentui/react-components";
import { type Language, ProblemBar, type RapportClient } from "@rapport/addin-kit";
import type { Segment } from "@rapport/shared/schemas";
import { useCallback, useEffect, useState } from "react";
import { ExcelError } from "../office/excel-run.ts";
import { readSetting } from "../office/workbook-settings.ts";
import { pullSegment } from "../pull/pull-segment.ts";
import { PULLED_TABLES_KEY, type PulledTables } from "../pull/pulled-tables.ts";
import { refreshSegment } from "../pull/refresh-segment.ts";
import { ProgressLine } from "./progress-line.tsx";
import { usePaneStyles } from "./styles.ts";
import { paneText } from "./text.ts";
import { useTask } from "./use-task.ts";

export type SegmentsTabProps = { client: RapportClient; language: Language };

/** The segments the user may use: pull one into a table, refresh a pulled table in place. */
export function SegmentsTab({ client, language }: SegmentsTabProps) {
  const styles = usePaneStyles();
  const text = paneText(language);
  const task = useTask();
  const [segments, setSegments] = useState<Segment[] | null>(null);
  const [chosen, setChosen] = useState("");
  const [count, setCount] = useState<number | null>(null);
  const [target, setTarget] = useState<"new" | "active">("new");
  const [notice, setNotice] = useState<string | null>(null);
  const [pulled, setPulled] = useState<PulledTables>({});

  const loadPulled = useCallback(async () => setPulled((await readSetting<PulledTables>(PULLED_TABLES_KEY)) ?? {}), []);

  useEffect(() => {
    void task.run(async () => {
      const page = await client.segments.list({ query: { limit: 500 } });
      setSegments(page.items);
      setChosen(page.items[0]?.id ?? "");
      await loadPulled();
    });
  }, [client, loadPulled, task.run]);

  useEffect(() => {
    setCount(null);
    if (!chosen) return;
    let current = true;
    client.segments
      .count({ params: { id: chosen } })
      .then((answer) => current && setCount(answer.count))
      .catch(() => current && setCount(null));
    return () => {
      current = false;
    };
  }, [client, chosen]);

  const segment = segments?.find((s) => s.id === chosen);

  const pull = () =>
    task.run(async (signal) => {
      if (!segment) return;
      setNotice(null);
      try {
        const outcome = await pullSegment(
          client,
          segment,
          language,
          { newSheet: target === "new" },
          (done, total) => task.setProgress({ label: text.pulling(done, total), done, total }),
          { signal },
        );
        setNotice(
          outcome.cancelled
            ? text.pullCancelled(outcome.rows, outcome.total)
            : text.pulled(outcome.rows, outcome.sheetName),
        );
      } catch (error) {
        if (error instanceof ExcelError && error.code === "SheetNotEmpty") throw new Error(text.sheetNotEmpty);
        throw error;
      } finally {
        await loadPulled();
      }
    });

  const refresh = (tableName: string) =>
    task.run(async (signal) => {
      setNotice(null);
      const outcome = await refreshSegment(
        client,
        tableName,
        language,
        (phase, done, total) =>
          task.setProgress({ label: text.refreshing(text.phases[phase] ?? phase, done, total), done, total }),
        { signal },
      );
      setNotice(
        outcome.cancelled
          ? text.pullCancelled(outcome.rows, outcome.rows)
          : text.refreshed(outcome.rows, outcome.joined, outcome.left),
      );
      await loadPulled();
    });

  if (segments === null)
    return task.error ? <ProblemBar error={task.error} language={language} /> : <Text>{text.loading}</Text>;

  return (
    <section className={styles.stack} aria-label={text.tabs.segments}>
      {segments.length === 0 ? (
        <Text>{text.noSegments}</Text>
      ) : (
        <>
          <Field
            label={text.segment}
            hint={
              segment && count !== null
                ? `${text.members(count)}, ${text.contactsOrAccounts(segment.entity)}`
                : undefined
            }
          >
            <Select value={chosen} onChange={(_, data) => setChosen(data.value)} disabled={task.running}>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={text.target}>
            <RadioGroup
              value={target}
              onChange={(_, data) => setTarget(data.value as "new" | "active")}
              disabled={task.running}
            >
              <Radio value="new" label={text.newSheet} />
              <Radio value="active" label={text.activeSheet} />
            </RadioGroup>
          </Field>
          <div className={styles.row}>
            <Button appearance="primary" onClick={pull} disabled={task.running || !segment}>
              {text.pull}
            </Button>
            {task.running ? <Button onClick={task.cancel}>{text.cancel}</Button> : null}
          </div>
        </>
      )}
      {task.progress ? <ProgressLine {...task.progress} /> : null}
      {task.error ? <ProblemBar error={task.error} language={language} /> : null}
      {notice ? (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {Object.keys(pulled).length > 0 ? (
        <div className={styles.stack}>
          <Text weight="semibold">{text.pulledTables}</Text>
          {Object.entries(pulled).map(([tableName, table]) => (
            <div key={tableName} className={styles.card}>
              <Text className={styles.clip}>{table.segmentName}</Text>
              <Text size={200}>
                {text.pulledAt(new Date(table.pulledAt).toLocaleString(language))}
                {table.complete ? "" : ` (${text.incomplete})`}
              </Text>
              <div className={styles.row}>
                <Button
                  size="small"
                  onClick={() => refresh(tableName)}
                  disabled={task.running}
                  aria-label={`${text.refresh} ${table.segmentName}`}
                >
                  {text.refresh}
                </Button>
              </div>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
