import { Button, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { type Language, ProblemBar } from "@rapport/addin-kit";
import { useRef, useState } from "react";
import { adminText } from "../admin-text.ts";
import type { AdminSession } from "../session.ts";
import { teamPaths } from "../teams/team-paths.ts";
import { useLoad } from "../ui/use-load.ts";
import { AuditFilterBar } from "./audit-filters.tsx";
import { type AuditFilters, NO_FILTERS } from "./audit-query.ts";
import type { SummaryContext } from "./audit-summary.ts";
import { AuditTable } from "./audit-table.tsx";
import { entityChoices } from "./entity-word.ts";
import { useAuditTrail } from "./use-audit-trail.ts";

const useAuditStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  help: { color: tokens.colorNeutralForeground2 },
  footer: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
});

export type AuditPanelProps = { session: AdminSession; language: Language };

/** The audit trail, newest first, filtered by who, what, which kind of record and which days. */
export function AuditPanel({ session, language }: AuditPanelProps) {
  const styles = useAuditStyles();
  const text = adminText(language);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const trail = useAuditTrail(session, filters);
  // Names for the ids in the trail; the trail still shows (with ids) if they cannot be read.
  const directory = useLoad(async () => {
    const [users, teams] = await Promise.all([session.client.users.list({}), session.client.teams.list({})]);
    return { users: users.items, teams: teams.items };
  });
  const status = useRef<HTMLDivElement>(null);

  const users = directory.data?.users ?? [];
  const names = new Map(users.map((user) => [user.id, user.name]));
  const paths = teamPaths(directory.data?.teams ?? []);
  const context: SummaryContext = { text, userName: (id) => names.get(id), teamName: (id) => paths.get(id) };
  const seen = [...trail.items.map((entry) => entry.entity), ...(filters.entity ? [filters.entity] : [])];
  const loadMore = async () => {
    // The button goes once the oldest entry is shown: keep the keyboard where the list ends.
    if (!(await trail.more())) status.current?.focus();
  };

  return (
    <div className={styles.panel}>
      <Text as="h2" size={500} weight="semibold">
        {text.auditTitle}
      </Text>
      <Text className={styles.help}>{text.auditHelp}</Text>
      <AuditFilterBar
        filters={filters}
        onChange={setFilters}
        users={users}
        entities={entityChoices(seen, text)}
        language={language}
      />
      {directory.error !== null && (
        <ProblemBar error={directory.error} language={language} onRetry={directory.reload} />
      )}
      {trail.items.length > 0 && (
        <AuditTable entries={trail.items} context={context} locales={navigator.languages} language={language} />
      )}
      {trail.error !== null && <ProblemBar error={trail.error} language={language} onRetry={trail.retry} />}
      <div className={styles.footer}>
        <div role="status" ref={status} tabIndex={-1}>
          {trail.loading ? (
            <Spinner size="tiny" label={text.loading} />
          ) : trail.error !== null ? null : trail.items.length === 0 ? (
            <Text>{text.noEntries}</Text>
          ) : (
            <Text>{text.auditShown(trail.items.length, trail.nextCursor !== null)}</Text>
          )}
        </div>
        {trail.nextCursor !== null && (
          <Button onClick={() => void loadMore()} disabledFocusable={trail.loading}>
            {text.loadMore}
          </Button>
        )}
      </div>
    </div>
  );
}
