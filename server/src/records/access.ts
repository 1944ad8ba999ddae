import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from "kysely";
import { AppError } from "../http/app-error.ts";
import type { AuthUser } from "../http/context.ts";

/** How generic record code sees any record table: its shared columns and anything else. */
export type LooseTables = Record<string, Record<string, unknown>>;
export type LooseEb = ExpressionBuilder<LooseTables, string>;

/**
 * The records a user may see, as a SQL condition, or null for all of them. Every read, list and
 * write goes through this, so a record someone may not see answers like one that does not exist.
 * Admins and marketers (who work on the whole customer base) see everything; managers and reps see
 * their team's records and their own, and a manager those of the teams under theirs too. Finer
 * rules (what marketers may change) belong here and nowhere else.
 */
export function visibleTo(user: AuthUser, alias?: string): ((eb: LooseEb) => Expression<SqlBool>) | null {
  const condition = visibleSql(user, alias);
  return condition ? () => condition : null;
}

/** The same condition as raw SQL, for statements written with Kysely's `sql` template. */
export function visibleSql(user: AuthUser, alias?: string): RawBuilder<SqlBool> | null {
  if (user.role === "admin" || user.role === "marketer") return null;
  const column = (name: string) => sql.ref(alias ? `${alias}.${name}` : name);
  const teams = teamsSeenBy(user);
  if (teams.length === 0) return sql<SqlBool>`${column("owner_id")} = ${user.id}`;
  if (teams.length === 1)
    return sql<SqlBool>`(${column("owner_id")} = ${user.id} or ${column("team_id")} = ${teams[0]})`;
  return sql<SqlBool>`(${column("owner_id")} = ${user.id} or ${column("team_id")} in (${sql.join(teams)}))`;
}

/** A rep's team; a manager's team and those under it. */
export function teamsSeenBy(user: AuthUser): readonly string[] {
  return user.teamIds ?? (user.teamId ? [user.teamId] : []);
}

/** The same condition where a statement always needs one: true for those who see everything. */
export function visibleSqlOrAll(user: AuthUser, alias?: string): RawBuilder<SqlBool> {
  return visibleSql(user, alias) ?? sql<SqlBool>`1 = 1`;
}

/** The same rule for a row held in memory (a removed record kept in an undo snapshot). */
export function isVisibleTo(user: AuthUser, row: { owner_id: string; team_id: string | null }): boolean {
  if (user.role === "admin" || user.role === "marketer") return true;
  return row.owner_id === user.id || (row.team_id !== null && teamsSeenBy(user).includes(row.team_id));
}

/**
 * Record types a marketer may change: the people and companies of the customer base (imports,
 * consent), the interactions they have with them, segments and campaigns. Deals, orders, cases and
 * the catalogue are sales' and after-sales' to change.
 */
const MARKETER_WRITES = new Set(["contacts", "accounts", "activities", "segments", "campaigns"]);

/** Refuses (403) a create, change or delete of a record type the user's role may only read. */
export function assertMayWrite(user: AuthUser, table: string, label: string): void {
  if (user.role === "marketer" && !MARKETER_WRITES.has(table)) {
    throw new AppError("forbidden", `A marketer may read but not change ${label} records.`);
  }
}
