import {
  Badge,
  Button,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { type Language, ProblemBar } from "@rapport/addin-kit";
import { useState } from "react";
import { adminText } from "../admin-text.ts";
import type { AdminSession } from "../session.ts";
import { useLoad } from "../ui/use-load.ts";
import { TokensSection } from "./tokens-section.tsx";
import { UserForm } from "./user-form.tsx";

const useUsersStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  scroll: { overflowX: "auto" },
});

export type UsersPanelProps = { session: AdminSession; language: Language };

/** Every user with their role and live tokens; choose one to see, issue and revoke their tokens. */
export function UsersPanel({ session, language }: UsersPanelProps) {
  const styles = useUsersStyles();
  const text = adminText(language);
  const [selected, setSelected] = useState<string | null>(null);
  const users = useLoad(async () => {
    const [list, all] = await Promise.all([session.client.users.list({}), session.client.tokens.list({ query: {} })]);
    const now = new Date().toISOString();
    const live = new Map<string, number>();
    for (const t of all.items) {
      if (!t.revokedAt && (!t.expiresAt || t.expiresAt > now)) live.set(t.userId, (live.get(t.userId) ?? 0) + 1);
    }
    return { items: list.items, live };
  });
  const chosen = users.data?.items.find((user) => user.id === selected) ?? null;

  return (
    <div className={styles.panel}>
      <Text as="h2" size={500} weight="semibold">
        {text.usersTitle}
      </Text>
      {users.loading && !users.data && <Spinner label={text.loading} />}
      {users.error !== null && <ProblemBar error={users.error} language={language} onRetry={users.reload} />}
      {users.data && (
        <div className={styles.scroll}>
          <Table aria-label={text.usersTitle} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{text.name}</TableHeaderCell>
                <TableHeaderCell>{text.email}</TableHeaderCell>
                <TableHeaderCell>{text.role}</TableHeaderCell>
                <TableHeaderCell>{text.team}</TableHeaderCell>
                <TableHeaderCell>{text.state}</TableHeaderCell>
                <TableHeaderCell>{text.activeTokens}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {users.data.items.map((user) => (
                <TableRow key={user.id} aria-selected={user.id === selected}>
                  <TableCell>{user.name}</TableCell>
                  <TableCell>{user.email}</TableCell>
                  <TableCell>{text.roles[user.role]}</TableCell>
                  <TableCell>{user.teamId ?? text.noTeam}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={user.active ? "success" : "subtle"}>
                      {user.active ? text.active : text.inactive}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      appearance={user.id === selected ? "primary" : "secondary"}
                      aria-label={`${text.showTokens}: ${user.name}`}
                      onClick={() => setSelected(user.id)}
                    >
                      {`${text.showTokens} (${users.data?.live.get(user.id) ?? 0})`}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {chosen && (
        <TokensSection key={chosen.id} session={session} user={chosen} language={language} onChange={users.reload} />
      )}
      <UserForm
        session={session}
        language={language}
        onCreated={(user) => {
          users.reload();
          setSelected(user.id);
        }}
      />
    </div>
  );
}
