import { Badge, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { type Language, ProblemBar } from "@rapport/addin-kit";
import type { ReactNode } from "react";
import { adminText } from "../admin-text.ts";
import type { AdminSession } from "../session.ts";
import { useLoad } from "../ui/use-load.ts";

const useStatusStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  row: { display: "contents" },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: "anywhere" },
});

export type StatusPanelProps = { session: AdminSession; language: Language };

/** Is the server well, which version, which database, and how many users and live tokens. */
export function StatusPanel({ session, language }: StatusPanelProps) {
  const styles = useStatusStyles();
  const text = adminText(language);
  const status = useLoad(async () => {
    const { client } = session;
    const [health, users, tokenList] = await Promise.all([
      client.health({}),
      client.users.list({}),
      client.tokens.list({ query: {} }),
    ]);
    const now = new Date().toISOString();
    const live = tokenList.items.filter((t) => !t.revokedAt && (!t.expiresAt || t.expiresAt > now));
    return { health, users: users.items, tokens: tokenList.items, live };
  });

  if (status.loading) return <Spinner label={text.loading} />;
  if (!status.data) return <ProblemBar error={status.error} language={language} onRetry={status.reload} />;
  const { health, users, tokens: all, live } = status.data;
  const rows: Array<[string, ReactNode]> = [
    [
      text.health,
      <Badge key="health" appearance="tint" color={health.status === "ok" ? "success" : "danger"}>
        {health.status === "ok" ? text.healthOk : text.healthDegraded}
      </Badge>,
    ],
    [text.version, health.version],
    [text.database, health.database === "sqlite" ? "SQLite" : "PostgreSQL"],
    [text.publicUrl, location.origin],
    [text.users, text.count(users.filter((u) => u.active).length, users.length)],
    [text.activeTokens, text.count(live.length, all.length)],
  ];
  return (
    <section aria-labelledby="status-title">
      <Text as="h2" id="status-title" size={500} weight="semibold">
        {text.statusTitle}
      </Text>
      <dl className={styles.list}>
        {rows.map(([term, value]) => (
          <div key={term} className={styles.row}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
