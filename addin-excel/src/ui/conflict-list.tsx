import { Button, Text } from "@fluentui/react-components";
import type { Language } from "@rapport/addin-kit";
import { conflictLines } from "../push/conflict-lines.ts";
import { type DryRun, excelRow } from "../push/push-session.ts";
import { usePaneStyles } from "./styles.ts";
import { paneText } from "./text.ts";

export type ConflictListProps = {
  run: DryRun;
  takeServer: ReadonlySet<number>;
  language: Language;
  disabled: boolean;
  onChoose: (row: number, choice: "mine" | "server") => void;
  onChooseAll: (choice: "mine" | "server") => void;
};

/**
 * Rows changed in Rapport since they were pulled: both values of each field side by side, and
 * the user picks which wins, per row or for all. A conflict is never settled silently.
 */
export function ConflictList({ run, takeServer, language, disabled, onChoose, onChooseAll }: ConflictListProps) {
  const styles = usePaneStyles();
  const text = paneText(language);
  const conflicts = run.results.filter((r) => r.proposed === "conflict");
  if (conflicts.length === 0) return null;
  return (
    <section className={styles.stack} aria-label={text.conflicts(conflicts.length)}>
      <Text weight="semibold">{text.conflicts(conflicts.length)}</Text>
      <Text size={200}>{text.conflictHelp}</Text>
      <div className={styles.row}>
        <Button size="small" onClick={() => onChooseAll("mine")} disabled={disabled}>
          {text.keepMineAll}
        </Button>
        <Button size="small" onClick={() => onChooseAll("server")} disabled={disabled}>
          {text.takeServerAll}
        </Button>
      </div>
      {conflicts.map((result) => {
        const choice =
          result.action === "update"
            ? "mine"
            : result.action === "skip" && takeServer.has(result.row)
              ? "server"
              : null;
        const row = excelRow(run.source.row, run.prepared.sheetRows[result.row - 1] ?? 0);
        return (
          <div key={result.row} className={styles.card} data-conflict-row={row}>
            <Text weight="semibold">
              {text.row(row)}
              {choice ? ` · ${choice === "mine" ? text.keepMine : text.takeServer} (${text.chosen})` : ""}
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
                {conflictLines(result, language).map((line) => (
                  <tr key={line.field}>
                    <td className={styles.cell}>{line.field}</td>
                    <td className={`${styles.cell} ${choice === "server" ? styles.chosen : ""}`}>{line.server}</td>
                    <td className={`${styles.cell} ${choice === "mine" ? styles.chosen : ""}`}>{line.mine}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className={styles.row}>
              <Button
                size="small"
                appearance={choice === "mine" ? "primary" : "secondary"}
                onClick={() => onChoose(result.row, "mine")}
                disabled={disabled}
              >
                {text.keepMine}
              </Button>
              <Button
                size="small"
                appearance={choice === "server" ? "primary" : "secondary"}
                onClick={() => onChoose(result.row, "server")}
                disabled={disabled}
              >
                {text.takeServer}
              </Button>
            </div>
          </div>
        );
      })}
    </section>
  );
}
