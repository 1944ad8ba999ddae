import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { Language } from "@rapport/addin-kit";
import type { AuditEntry } from "@rapport/shared/schemas";
import { adminText } from "../admin-text.ts";
import { formatInstant } from "../ui/format.ts";
import { type SummaryContext, summarizeDetail } from "./audit-summary.ts";
import { entityWord } from "./entity-word.ts";

// Fixed widths for the short columns leave the rest of the 1,080 px page to the summary.
const useAuditTableStyles = makeStyles({
  scroll: { overflowX: "auto" },
  table: { minWidth: "900px" },
  when: { width: "150px" },
  who: { width: "130px" },
  action: { width: "110px" },
  record: { width: "170px" },
  client: { width: "150px" },
  cell: { verticalAlign: "top", paddingBlock: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  id: { display: "block", fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  agent: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export type AuditTableProps = {
  entries: readonly AuditEntry[];
  context: SummaryContext;
  /** The viewer's locales, for the time of each entry. */
  locales: readonly string[];
  language: Language;
};

/** Audit entries, newest first: when, who, what, to which record, from which client, and a summary. */
export function AuditTable({ entries, context, locales, language }: AuditTableProps) {
  const styles = useAuditTableStyles();
  const text = adminText(language);
  return (
    <div className={styles.scroll}>
      <Table aria-label={text.auditTitle} size="small" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.when}>{text.when}</TableHeaderCell>
            <TableHeaderCell className={styles.who}>{text.who}</TableHeaderCell>
            <TableHeaderCell className={styles.action}>{text.action}</TableHeaderCell>
            <TableHeaderCell className={styles.record}>{text.record}</TableHeaderCell>
            <TableHeaderCell className={styles.client}>{text.client}</TableHeaderCell>
            <TableHeaderCell>{text.detail}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => {
            const [credential, agent] = splitClient(entry);
            return (
              <TableRow key={entry.id}>
                <TableCell className={styles.cell}>
                  <time dateTime={entry.at}>{formatInstant(entry.at, locales)}</time>
                </TableCell>
                <TableCell className={styles.cell}>
                  {entry.userId ? (context.userName(entry.userId) ?? entry.userId) : text.unknown}
                </TableCell>
                <TableCell className={styles.cell}>{text.actions[entry.action]}</TableCell>
                <TableCell className={styles.cell}>
                  {recordName(entry, context)}
                  {entry.entityId && <span className={styles.id}>{entry.entityId}</span>}
                </TableCell>
                <TableCell className={styles.cell}>
                  {credential && <span className={styles.id}>{credential}</span>}
                  {agent && (
                    <span className={styles.agent} title={agent}>
                      {agent.length > 48 ? `${agent.slice(0, 47)}…` : agent}
                    </span>
                  )}
                </TableCell>
                <TableCell className={styles.cell}>{summarizeDetail(entry, context)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/** The kind of record, and for a user or a team the name admins know it by. */
function recordName(entry: AuditEntry, context: SummaryContext): string {
  const word = entityWord(entry.entity, context.text);
  const id = entry.entityId;
  const name =
    id && entry.entity === "user"
      ? context.userName(id)
      : id && entry.entity === "team"
        ? context.teamName(id)
        : undefined;
  return name ? context.text.fieldValue(word, name) : word;
}

/**
 * The credential that acted ("token tok_…") apart from the user agent a refusal adds after " · "
 * (alone when nobody was recognised): the agent is long and read less often.
 */
function splitClient(entry: AuditEntry): [string, string | null] {
  const client = entry.client ?? "";
  if (entry.action !== "refused") return [client, null];
  if (entry.userId === null) return ["", client || null];
  const [credential = "", ...agent] = client.split(" · ");
  return [credential, agent.join(" · ") || null];
}
