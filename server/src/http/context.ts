import type { Role, TokenScope } from "@rapport/shared/schemas";

/** Who is calling, as the auth middleware found them. */
export type AuthUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  /** What this credential may do (an API token's scopes; all three for a signed-in user). */
  scopes: ReadonlySet<TokenScope>;
  /** Which credential acted, for the audit trail: "token tok_…" or "entra <app id>". */
  client: string;
  /**
   * The teams whose records this user sees besides their own: a manager's team and every team
   * under it (team-scope.ts fills it); absent, the user's own team.
   */
  teamIds?: readonly string[];
};

export type AppEnv = {
  Variables: {
    requestId: string;
    user: AuthUser;
  };
};

/** The caller as the server sees them: their users row and the credential they came with. */
export function authUserOf(
  row: { id: string; email: string; name: string; role: string; team_id: string | null },
  scopes: Iterable<TokenScope>,
  client: string,
): AuthUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    teamId: row.team_id,
    scopes: new Set(scopes),
    client,
  };
}

/** A user Rapport acts for by itself (an import resumed in the background, the demo loader): every scope. */
export function actingAs(user: Omit<AuthUser, "scopes" | "client">, client: string): AuthUser {
  return { ...user, scopes: new Set(["read", "write", "admin"]), client };
}
