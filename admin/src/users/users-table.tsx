import {
  Badge,
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { Language } from "@rapport/addin-kit";
import type { Team, User } from "@rapport/shared/schemas";
import { adminText } from "../admin-text.ts";
import { teamPaths } from "../teams/team-paths.ts";

const useTableStyles = makeStyles({ scroll: { overflowX: "auto" } });

export type UsersTableProps = {
  users: readonly User[];
  teams: readonly Team[];
  /** How many live tokens each user has, by user id. */
  live: ReadonlyMap<string, number>;
  selected: string | null;
  onSelect: (userId: string) => void;
  language: Language;
};

/** Every user with their role, team, state and live tokens, and a button to manage one. */
export function UsersTable({ users, teams, live, selected, onSelect, language }: UsersTableProps) {
  const styles = useTableStyles();
  const text = adminText(language);
  const paths = teamPaths(teams);
  return (
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
            <TableHeaderCell>{text.manage}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((user) => (
            <TableRow key={user.id}>
              <TableCell>{user.name}</TableCell>
              <TableCell>{user.email}</TableCell>
              <TableCell>{text.roles[user.role]}</TableCell>
              <TableCell>{user.teamId ? (paths.get(user.teamId) ?? user.teamId) : text.noTeam}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={user.active ? "success" : "subtle"}>
                  {user.active ? text.active : text.inactive}
                </Badge>
              </TableCell>
              <TableCell>{live.get(user.id) ?? 0}</TableCell>
              <TableCell>
                <Button
                  size="small"
                  appearance={user.id === selected ? "primary" : "secondary"}
                  aria-pressed={user.id === selected}
                  aria-label={text.manageUser(user.name)}
                  onClick={() => onSelect(user.id)}
                >
                  {text.manage}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
