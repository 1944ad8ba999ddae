import { Button, Select, Text } from "@fluentui/react-components";
import type { Language } from "@rapport/addin-kit";
import type { ImportRowResult } from "@rapport/shared/schemas";
import { useState } from "react";
import { type Decision, type DryRun, excelRow } from "../push/push-session.ts";
import { rowStatus } from "../push/row-status.ts";
import { usePaneStyles } from "./styles.ts";
import { paneText } from "./text.ts";

const PAGE = 25;

export type RowDecisionsProps = {
  run: DryRun;
  language: Language;
  disabled: boolean;
  onDecide: (row: number, decision: Decision) => void;
};

/** The decisions a person should look at: merges, duplicates, close resemblances and invalid rows. */
function needsLook(result: ImportRowResult): boolean {
  if (result.proposed === "conflict") return false;
  return ["merge", "duplicate", "invalid"].includes(result.proposed) || (result.proposed === "create" && result.review);
}

/** What else a row may become, given what the engine proposed. */
function choicesFor(result: ImportRowResult): Decision[] {
  switch (result.proposed) {
    case "merge":
      return ["merge", "create", "skip"];
    case "duplicate":
      return ["create", "skip"];
    case "create":
      return result.targetId ? ["create", "merge", "skip"] : ["create", "skip"];
    case "invalid":
      return ["skip"];
    default:
      return [];
  }
}

/** The rows to look at, each with its decision in plain words and a way to change it. */
export function RowDecisions({ run, language, disabled, onDecide }: RowDecisionsProps) {
  const styles = usePaneStyles();
  const text = paneText(language);
  const [shown, setShown] = useState(PAGE);
  const rows = run.results.filter(needsLook);
  if (rows.length === 0) return null;
  const rowOf = (importRow: number) => excelRow(run.source.row, run.prepared.sheetRows[importRow - 1] ?? 0);
  return (
    <section className={styles.stack} aria-label={text.attention(rows.length)}>
      <Text weight="semibold">{text.attention(rows.length)}</Text>
      {rows.slice(0, shown).map((result) => {
        const status = rowStatus(result, rowOf, language);
        const choices = choicesFor(result);
        return (
          <div key={result.row} className={styles.card} data-row={rowOf(result.row)}>
            <Text>
              <span className={styles.swatch} style={{ backgroundColor: status.fill }} />
              <strong>{text.row(rowOf(result.row))}</strong> · {status.text}
            </Text>
            {choices.length > 0 ? (
              <Select
                size="small"
                aria-label={`${text.decision} ${text.row(rowOf(result.row))}`}
                value={choices.includes(result.action as Decision) ? result.action : ""}
                disabled={disabled}
                onChange={(_, data) => data.value && onDecide(result.row, data.value as Decision)}
              >
                {choices.includes(result.action as Decision) ? null : (
                  <option value="">{text.plan[result.action] ?? result.action}</option>
                )}
                {choices.map((choice) => (
                  <option key={choice} value={choice}>
                    {text.decisions[choice]}
                  </option>
                ))}
              </Select>
            ) : null}
          </div>
        );
      })}
      {rows.length > shown ? (
        <Button size="small" appearance="subtle" onClick={() => setShown((n) => n + PAGE)}>
          {text.showMore}
        </Button>
      ) : null}
    </section>
  );
}
