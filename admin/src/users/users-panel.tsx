import { makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { type Language, ProblemBar } from "@rapport/addin-kit";
import { useState } from "react";
import { adminText } from "../admin-text.ts";
import type { AdminSession } from "../session.ts";
import { TeamsSection } from "../teams/teams-section.tsx";
import { useLoad } from "../ui/use-load.ts";
import { AccessForm } from "./access-form.tsx";
import { TokensSection } from "./tokens-section.tsx";
import { UserForm } from "./user-form.tsx";
import { UsersTable } from "./users-table.tsx";

const useUsersStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

export type UsersPanelProps = { session: AdminSession; language: Language };

/**
 * Every user with their role, team and live tokens; choose one to change their access or to see,
 * issue and revoke their tokens. Then adding users and teams. Every change reloads the lot.
 */
export function UsersPanel({ session, language }: UsersPanelProps) {
  const styles = useUsersStyles();
  const text = adminText(language);
  const [selected, setSelected] = useState<string | null>(null);
  const directory = useLoad(async () => {
    const [users, tokens, teams] = await Promise.all([
      session.client.users.list({}),
      session.client.tokens.list({ query: {} }),
      session.client.teams.list({}),
    ]);
    const now = new Date().toISOString();
    const live = new Map<string, number>();
    for (const t of tokens.items) {
      if (!t.revokedAt && (!t.expiresAt || t.expiresAt > now)) live.set(t.userId, (live.get(t.userId) ?? 0) + 1);
    }
    return { users: users.items, teams: teams.items, live };
  });
  const data = directory.data;
  const chosen = data?.users.find((user) => user.id === selected) ?? null;

  return (
    <div className={styles.panel}>
      <Text as="h2" size={500} weight="semibold">
        {text.usersTitle}
      </Text>
      {directory.loading && !data && <Spinner label={text.loading} />}
      {directory.error !== null && (
        <ProblemBar error={directory.error} language={language} onRetry={directory.reload} />
      )}
      {data && (
        <UsersTable
          users={data.users}
          teams={data.teams}
          live={data.live}
          selected={selected}
          onSelect={setSelected}
          language={language}
        />
      )}
      {data && chosen && (
        <>
          <AccessForm
            key={`access-${chosen.id}`}
            session={session}
            user={chosen}
            teams={data.teams}
            language={language}
            onSaved={directory.reload}
          />
          <TokensSection
            key={`tokens-${chosen.id}`}
            session={session}
            user={chosen}
            language={language}
            onChange={directory.reload}
          />
        </>
      )}
      <UserForm
        session={session}
        teams={data?.teams ?? []}
        language={language}
        onCreated={(user) => {
          directory.reload();
          setSelected(user.id);
        }}
      />
      {data && (
        <TeamsSection
          session={session}
          teams={data.teams}
          users={data.users}
          language={language}
          onCreated={directory.reload}
        />
      )}
    </div>
  );
}
