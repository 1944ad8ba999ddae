import { Button, Checkbox, Field, MessageBar, MessageBarBody, Select, Text } from "@fluentui/react-components";
import { type Language, ProblemBar, type RapportClient } from "@rapport/addin-kit";
import { ApiError } from "@rapport/shared/client";
import { type ColumnMapping, FIELD_LABELS, IMPORT_FIELDS, type ImportField } from "@rapport/shared/import";
import type { ImportJob } from "@rapport/shared/schemas";
import { useCallback, useEffect, useState } from "react";
import {
  applyPush,
  type Decision,
  type DryRun,
  decideRow,
  lastPush,
  readForPush,
  runDryRun,
  SheetChangedError,
  type SheetRead,
  undoLastPush,
} from "../push/push-session.ts";
import type { SheetProblem } from "../sheet/check-sheet.ts";
import { ConflictList } from "./conflict-list.tsx";
import { PlanSummary } from "./plan-summary.tsx";
import { ProgressLine } from "./progress-line.tsx";
import { RowDecisions } from "./row-decisions.tsx";
import { usePaneStyles } from "./styles.ts";
import { paneText } from "./text.ts";
import { useTask } from "./use-task.ts";

const COUNTRIES = ["FR", "BE", "CH", "LU", "DE", "ES", "IT", "GB", "IE", "US", "CA", "AU"];

export type PushTabProps = { client: RapportClient; language: Language };

/**
 * Push a sheet: read it (checked before anything is sent), adjust the column mapping, dry-run it
 * (the decisions land in a status column and in a summary here), settle conflicts and other
 * decisions, apply, and undo the last push.
 */
export function PushTab({ client, language }: PushTabProps) {
  const styles = usePaneStyles();
  const text = paneText(language);
  const task = useTask();
  const [read, setRead] = useState<SheetRead | null>(null);
  const [blocking, setBlocking] = useState<SheetProblem[]>([]);
  const [errorsAsEmpty, setErrorsAsEmpty] = useState(false);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [country, setCountry] = useState("");
  const [dayFirst, setDayFirst] = useState(true);
  const [run, setRun] = useState<DryRun | null>(null);
  const [takeServer, setTakeServer] = useState<Set<number>>(new Set());
  const [applied, setApplied] = useState<ImportJob | null>(null);
  const [canUndo, setCanUndo] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const checkUndo = useCallback(async () => setCanUndo(Boolean(await lastPush())), []);
  useEffect(() => {
    void checkUndo().catch(() => setCanUndo(false));
  }, [checkUndo]);

  const explain = (error: unknown): never => {
    if (error instanceof SheetChangedError) throw new Error(text.sheetChanged);
    if (error instanceof ApiError && error.status === 429) throw new Error(text.tooManyImports);
    throw error;
  };

  const readSheet = () =>
    task.run(async () => {
      setRun(null);
      setApplied(null);
      setNotice(null);
      setErrorsAsEmpty(false);
      setTakeServer(new Set());
      const answer = await readForPush((done, total) =>
        task.setProgress({ label: text.reading(done, total), done, total }),
      );
      if (!("cells" in answer)) {
        setRead(null);
        setBlocking(answer.blocking);
        return;
      }
      setRead(answer);
      setBlocking(answer.blocking);
      setMapping(answer.proposed);
    });

  const stillBlocked = blocking.filter((p) => !(p.kind === "errors" && errorsAsEmpty));

  const dryRun = () =>
    task.run(async () => {
      if (!read) return;
      setNotice(null);
      setApplied(null);
      setTakeServer(new Set());
      try {
        const result = await runDryRun(
          client,
          read,
          mapping,
          { dayFirst, errorsAsEmpty, ...(country ? { defaultCountry: country } : {}) },
          language,
          (phase, done, total) =>
            task.setProgress({
              label: phase === "send" ? text.sending(done, total) : text.analysing,
              done: phase === "send" ? done : 0,
              total: phase === "send" ? total : 0,
            }),
        );
        setRun(result);
      } catch (error) {
        explain(error);
      }
    });

  const decide = (row: number, decision: Decision, server = false) =>
    task.run(async () => {
      if (!run) return;
      setRun(await decideRow(client, run, row, decision, language));
      setTakeServer((before) => {
        const next = new Set(before);
        if (server) next.add(row);
        else next.delete(row);
        return next;
      });
    });

  const decideAll = (choice: "mine" | "server") =>
    task.run(async () => {
      if (!run) return;
      let current = run;
      const rows = run.results.filter((r) => r.proposed === "conflict").map((r) => r.row);
      for (const row of rows)
        current = await decideRow(client, current, row, choice === "mine" ? "update" : "skip", language);
      setRun(current);
      setTakeServer(new Set(choice === "server" ? rows : []));
    });

  const apply = () =>
    task.run(async () => {
      if (!run) return;
      try {
        const outcome = await applyPush(client, run, takeServer, language, (_phase, done, total) =>
          task.setProgress({ label: text.applying(done, total), done, total }),
        );
        setApplied(outcome.job);
        setRun({ ...run, job: outcome.job, results: outcome.results });
        setCanUndo(true);
      } catch (error) {
        explain(error);
      }
    });

  const undo = () =>
    task.run(async () => {
      task.setProgress({ label: text.undoing, done: 0, total: 0 });
      const job = await undoLastPush(client, language, () =>
        task.setProgress({ label: text.undoing, done: 0, total: 0 }),
      );
      if (job?.undo) setNotice(text.undone(job.undo.removed, job.undo.restored, job.undo.kept.length));
      setApplied(null);
      setRun(null);
      await checkUndo();
    });

  const unchosen = run ? run.results.filter((r) => r.action === "conflict").length : 0;
  const fieldOptions = IMPORT_FIELDS.map((field) => ({ field, label: FIELD_LABELS[field][language] }));

  return (
    <section className={styles.stack} aria-label={text.tabs.push}>
      <Text>{text.pushIntro}</Text>
      <div className={styles.row}>
        <Button appearance={read ? "secondary" : "primary"} onClick={readSheet} disabled={task.running}>
          {text.readSheet}
        </Button>
        {canUndo ? (
          <Button onClick={undo} disabled={task.running}>
            {text.undo}
          </Button>
        ) : null}
      </div>
      {[...blocking, ...(read?.warnings ?? [])].map((problem) => {
        const isBlocking = blocking.includes(problem) && !(problem.kind === "errors" && errorsAsEmpty);
        return (
          <MessageBar
            key={problem.kind}
            intent={isBlocking ? "error" : "warning"}
            role={isBlocking ? "alert" : "status"}
          >
            <MessageBarBody>
              {text.problems(problem)}
              {problem.kind === "errors" && !errorsAsEmpty ? (
                <Button size="small" appearance="transparent" onClick={() => setErrorsAsEmpty(true)}>
                  {text.errorsAsEmpty}
                </Button>
              ) : null}
            </MessageBarBody>
          </MessageBar>
        );
      })}
      {read && stillBlocked.length === 0 && !applied ? (
        <>
          {/* The mapping stays open until a dry run; then it folds away under the results. */}
          <details open={!run}>
            <summary>
              <Text weight="semibold">{text.columnsMapped(mapping.filter(Boolean).length, read.headers.length)}</Text>
            </summary>
            <div className={styles.mapping}>
              {read.headers
                .map((header, k) => ({ header, k, id: `column-${read.source.column + k}` }))
                .map(({ header, k, id }) => (
                  <MappingRow
                    key={id}
                    index={k}
                    header={header}
                    value={mapping[k] ?? null}
                    options={fieldOptions}
                    ignore={text.ignore}
                    disabled={task.running}
                    onChange={(field) => {
                      setRun(null);
                      setMapping((before) => before.map((f, i) => (i === k ? field : f)));
                    }}
                  />
                ))}
            </div>
          </details>
          <Field label={text.country}>
            <Select value={country} onChange={(_, data) => setCountry(data.value)} disabled={task.running}>
              <option value="">{text.serverDefault}</option>
              {COUNTRIES.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </Select>
          </Field>
          <Checkbox
            checked={dayFirst}
            onChange={(_, data) => setDayFirst(Boolean(data.checked))}
            label={text.dayFirst}
          />
          <div className={styles.row}>
            <Button appearance={run ? "secondary" : "primary"} onClick={dryRun} disabled={task.running}>
              {text.dryRun}
            </Button>
          </div>
        </>
      ) : null}
      {task.progress ? <ProgressLine {...task.progress} /> : null}
      {task.error ? <ProblemBar error={task.error} language={language} /> : null}
      {run?.job.plan && !applied ? (
        <>
          <PlanSummary plan={run.job.plan} language={language} />
          {unchosen > 0 ? <Text role="status">{text.unchosen(unchosen)}</Text> : null}
          <div className={styles.row}>
            <Button appearance="primary" onClick={apply} disabled={task.running || unchosen > 0}>
              {text.apply}
            </Button>
          </div>
          <ConflictList
            run={run}
            takeServer={takeServer}
            language={language}
            disabled={task.running}
            onChoose={(row, choice) => decide(row, choice === "mine" ? "update" : "skip", choice === "server")}
            onChooseAll={decideAll}
          />
          <RowDecisions
            run={run}
            language={language}
            disabled={task.running}
            onDecide={(row, decision) => decide(row, decision)}
          />
        </>
      ) : null}
      {applied?.result ? (
        <MessageBar intent="success">
          <MessageBarBody>{text.applied(applied.result)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {notice ? (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}

type MappingRowProps = {
  index: number;
  header: string;
  value: ImportField | null;
  options: Array<{ field: ImportField; label: string }>;
  ignore: string;
  disabled: boolean;
  onChange: (field: ImportField | null) => void;
};

function MappingRow({ index, header, value, options, ignore, disabled, onChange }: MappingRowProps) {
  const styles = usePaneStyles();
  const id = `map-${index}`;
  return (
    <>
      <label htmlFor={id} className={styles.clip} title={header}>
        {header || "—"}
      </label>
      <Select
        id={id}
        size="small"
        value={value ?? ""}
        disabled={disabled}
        onChange={(_, data) => onChange((data.value || null) as ImportField | null)}
      >
        <option value="">{ignore}</option>
        {options.map((option) => (
          <option key={option.field} value={option.field}>
            {option.label}
          </option>
        ))}
      </Select>
    </>
  );
}
