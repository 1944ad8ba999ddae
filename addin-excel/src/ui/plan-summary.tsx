import { Text } from "@fluentui/react-components";
import type { Language } from "@rapport/addin-kit";
import type { ImportJob } from "@rapport/shared/schemas";
import { ACTION_COLOURS } from "../push/row-status.ts";
import { usePaneStyles } from "./styles.ts";
import { paneText } from "./text.ts";

export type PlanSummaryProps = { plan: NonNullable<ImportJob["plan"]>; language: Language };

/** Rows per decision, in the status column's colours. */
export function PlanSummary({ plan, language }: PlanSummaryProps) {
  const styles = usePaneStyles();
  const text = paneText(language);
  const entries = Object.entries(plan).filter(([, count]) => count > 0);
  return (
    <section className={styles.card} aria-label={text.summary}>
      <Text weight="semibold">{text.summary}</Text>
      <ul className={styles.stack} style={{ margin: 0, paddingLeft: 0, listStyle: "none" }}>
        {entries.map(([action, count]) => (
          <li key={action} data-action={action}>
            <span
              className={styles.swatch}
              style={{ backgroundColor: ACTION_COLOURS[action as keyof typeof ACTION_COLOURS] }}
            />
            <Text>
              {count.toLocaleString(language)} {text.plan[action] ?? action}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
