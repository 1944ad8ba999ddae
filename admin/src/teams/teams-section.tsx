import {
  Card,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Language } from "@rapport/addin-kit";
import type { Team, User } from "@rapport/shared/schemas";
import { adminText } from "../admin-text.ts";
import type { AdminSession } from "../session.ts";
import { TeamForm } from "./team-form.tsx";
import { sortedByPath, teamPaths } from "./team-paths.ts";

const useTeamsStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  help: { color: tokens.colorNeutralForeground2 },
  scroll: { overflowX: "auto" },
});

export type TeamsSectionProps = {
  session: AdminSession;
  teams: readonly Team[];
  users: readonly User[];
  language: Language;
  onCreated: () => void;
};

/** The teams, each under its parent, with how many users are in each; and a form for a new one. */
export function TeamsSection({ session, teams, users, language, onCreated }: TeamsSectionProps) {
  const styles = useTeamsStyles();
  const text = adminText(language);
  const paths = teamPaths(teams);
  const members = new Map<string, number>();
  for (const user of users) if (user.teamId) members.set(user.teamId, (members.get(user.teamId) ?? 0) + 1);

  return (
    <Card className={styles.card}>
      <Text as="h3" size={400} weight="semibold">
        {text.teamsTitle}
      </Text>
      <Text className={styles.help}>{text.teamsHelp}</Text>
      {teams.length === 0 ? (
        <Text>{text.noTeams}</Text>
      ) : (
        <div className={styles.scroll}>
          <Table aria-label={text.teamsTitle} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{text.team}</TableHeaderCell>
                <TableHeaderCell>{text.parentTeam}</TableHeaderCell>
                <TableHeaderCell>{text.members}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sortedByPath(teams, paths).map((team) => (
                <TableRow key={team.id}>
                  <TableCell>{paths.get(team.id)}</TableCell>
                  <TableCell>{team.parentId ? (paths.get(team.parentId) ?? team.parentId) : text.none}</TableCell>
                  <TableCell>{members.get(team.id) ?? 0}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <TeamForm session={session} teams={teams} language={language} onCreated={onCreated} />
    </Card>
  );
}
