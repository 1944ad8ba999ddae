import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Text } from "@fluentui/react-components";
import { type Language, ProblemBar, type RapportClient } from "@rapport/addin-kit";
import type { PipelineScope } from "@rapport/shared/schemas";
import { useEffect, useState } from "react";
import {
  buildPipeline,
  type DealConflict,
  type DealEdit,
  type EditProblem,
  pendingEdits,
  pipelineState,
  sendEdits,
  settleConflict,
} from "../pipeline/pipeline-session.ts";
import { valueText } from "../push/conflict-lines.ts";
import { stageLabel } from "../sheet/stages.ts";
import { ProgressLine } from "./progress-line.tsx";
import { usePaneStyles } from "./styles.ts";
import { paneText } from "./text.ts";
import { useTask } from "./use-task.ts";

export type PipelineTabProps = { client: RapportClient; language: Language };

type Values = Record<string, unknown>;

/**
 * The manager's pipeline sheet: scope, period and currency; build or refresh it; send edits of
 * stage, amount, probability and close date back, settling conflicts as a push does.
 */
export function PipelineTab({ client, language }: PipelineTabProps) {
  const styles = usePaneStyles();
  const text = paneText(language);
  const task = useTask();
  const [scope, setScope] = useState<PipelineScope>("team");
  const [closeFrom, setCloseFrom] = useState("");
  const [closeTo, setCloseTo] = useState("");
  const [currency, setCurrency] = useState("EUR");
  const [includeClosed, setIncludeClosed] = useState(false);
  const [built, setBuilt] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [unsent, setUnsent] = useState(0);
  const [edits, setEdits] = useState<DealEdit[] | null>(null);
  const [problems, setProblems] = useState<EditProblem[]>([]);
  const [conflicts, setConflicts] = useState<DealConflict[]>([]);
  const [failures, setFailures] = useState<string[]>([]);

  useEffect(() => {
    void pipelineState()
      .then((state) => {
        if (!state) return;
        setBuilt(true);
        setScope(state.query.scope);
        setCloseFrom(state.query.closeFrom);
        setCloseTo(state.query.closeTo);
        setCurrency(state.query.currency);
        setIncludeClosed(state.query.includeClosed);
      })
      .catch(() => setBuilt(false));
  }, []);

  const build = (force: boolean) =>
    task.run(async () => {
      setNotice(null);
      if (built && !force) {
        const pending = await pendingEdits();
        if (pending && pending.edits.length > 0) {
          setUnsent(pending.edits.length);
          return;
        }
      }
      setUnsent(0);
      setEdits(null);
      setConflicts([]);
      const outcome = await buildPipeline(
        client,
        { scope, closeFrom, closeTo, currency: currency.trim().toUpperCase() || "EUR", includeClosed },
        language,
        (phase, done, total) =>
          task.setProgress({ label: text.refreshing(text.phases[phase] ?? phase, done, total), done, total }),
      );
      setBuilt(true);
      setNotice(text.built(outcome.deals, outcome.sheetName));
    });

  const check = () =>
    task.run(async () => {
      setNotice(null);
      const pending = await pendingEdits();
      setEdits(pending?.edits ?? []);
      setProblems(pending?.problems ?? []);
      if (pending && pending.edits.length === 0) setNotice(text.noEdits);
    });

  const send = () =>
    task.run(async () => {
      if (!edits) return;
      const outcome = await sendEdits(client, edits);
      setEdits(null);
      setConflicts(outcome.conflicts);
      setFailures(outcome.failed.map((f) => text.failed(f.edit.name, f.message)));
      setNotice(text.sent(outcome.sent.length));
    });

  const settle = (chosen: DealConflict[], choice: "mine" | "server") =>
    task.run(async () => {
      for (const conflict of chosen) await settleConflict(client, conflict, choice);
      setConflicts((before) => before.filter((c) => !chosen.includes(c)));
    });

  const fieldValue = (field: string, value: unknown) =>
    field === "stage" && typeof value === "string" ? stageLabel(value as never, language) : valueText(value);

  return (
    <section className={styles.stack} aria-label={text.tabs.pipeline}>
      <Field label={text.scope}>
        <Select value={scope} onChange={(_, data) => setScope(data.value as PipelineScope)} disabled={task.running}>
          {(["mine", "team", "all"] as const).map((value) => (
            <option key={value} value={value}>
              {text.scopes[value]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field label={text.closeFrom}>
          <Input
            type="date"
            value={closeFrom}
            onChange={(_, data) => setCloseFrom(data.value)}
            disabled={task.running}
          />
        </Field>
        <Field label={text.closeTo}>
          <Input type="date" value={closeTo} onChange={(_, data) => setCloseTo(data.value)} disabled={task.running} />
        </Field>
      </div>
      <Field label={text.currency}>
        <Input value={currency} maxLength={3} onChange={(_, data) => setCurrency(data.value)} disabled={task.running} />
      </Field>
      <Checkbox
        checked={includeClosed}
        onChange={(_, data) => setIncludeClosed(Boolean(data.checked))}
        label={text.includeClosed}
      />
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => build(false)} disabled={task.running}>
          {built ? text.refreshPipeline : text.buildPipeline}
        </Button>
        {built ? (
          <Button onClick={check} disabled={task.running}>
            {text.checkEdits}
          </Button>
        ) : null}
      </div>
      {unsent > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {text.unsent(unsent)}{" "}
            <Button size="small" onClick={() => build(true)} disabled={task.running}>
              {text.refreshAnyway}
            </Button>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {task.progress ? <ProgressLine {...task.progress} /> : null}
      {task.error ? <ProblemBar error={task.error} language={language} /> : null}
      {problems.map((p) => (
        <MessageBar key={`${p.excelRow}-${p.field}`} intent="warning">
          <MessageBarBody>
            {text.editProblem(p.excelRow, p.name, text.dealFields[p.field] ?? p.field, p.value)}
          </MessageBarBody>
        </MessageBar>
      ))}
      {edits && edits.length > 0 ? (
        <div className={styles.card}>
          <Text weight="semibold">{text.edits(edits.length)}</Text>
          {edits.map((edit) => (
            <Text key={edit.id} size={200}>
              {text.row(edit.excelRow)} · {edit.name}:{" "}
              {Object.entries(edit.changes)
                .map(
                  ([field, to]) =>
                    `${text.dealFields[field] ?? field} ${fieldValue(field, edit.before[field as keyof typeof edit.before])} → ${fieldValue(field, to)}`,
                )
                .join("; ")}
            </Text>
          ))}
          <div className={styles.row}>
            <Button appearance="primary" onClick={send} disabled={task.running}>
              {text.sendEdits(edits.length)}
            </Button>
          </div>
        </div>
      ) : null}
      {conflicts.length > 0 ? (
        <section className={styles.stack} aria-label={text.dealConflicts(conflicts.length)}>
          <Text weight="semibold">{text.dealConflicts(conflicts.length)}</Text>
          <Text size={200}>{text.conflictHelp}</Text>
          <div className={styles.row}>
            <Button size="small" onClick={() => settle(conflicts, "mine")} disabled={task.running}>
              {text.keepMineAll}
            </Button>
            <Button size="small" onClick={() => settle(conflicts, "server")} disabled={task.running}>
              {text.takeServerAll}
            </Button>
          </div>
          {conflicts.map((conflict) => (
            <div key={conflict.edit.id} className={styles.card} data-deal={conflict.edit.id}>
              <Text weight="semibold">
                {text.row(conflict.edit.excelRow)} · {conflict.edit.name}
              </Text>
              <table className={styles.compare}>
                <thead>
                  <tr>
                    <th className={styles.cell}>{text.field}</th>
                    <th className={styles.cell}>{text.inRapport}</th>
                    <th className={styles.cell}>{text.yours}</th>
                  </tr>
                </thead>
                <tbody>
                  {(["stage", "amount", "probability", "expectedCloseDate"] as const)
                    .filter(
                      (field) =>
                        field in conflict.edit.changes ||
                        (conflict.current as Values)[field] !== conflict.edit.before[field],
                    )
                    .map((field) => (
                      <tr key={field}>
                        <td className={styles.cell}>{text.dealFields[field]}</td>
                        <td className={styles.cell}>{fieldValue(field, (conflict.current as Values)[field])}</td>
                        <td className={styles.cell}>
                          {fieldValue(
                            field,
                            field in conflict.edit.changes ? conflict.edit.changes[field] : conflict.edit.before[field],
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
              <div className={styles.row}>
                <Button size="small" onClick={() => settle([conflict], "mine")} disabled={task.running}>
                  {text.keepMine}
                </Button>
                <Button size="small" onClick={() => settle([conflict], "server")} disabled={task.running}>
                  {text.takeServer}
                </Button>
              </div>
            </div>
          ))}
        </section>
      ) : null}
      {failures.map((failure) => (
        <MessageBar key={failure} intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      ))}
      {notice ? (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
