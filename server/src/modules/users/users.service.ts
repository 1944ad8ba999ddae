import type { Role, User, UserCreate } from "@rapport/shared/schemas";
import type { Kysely } from "kysely";
import { constraintViolation } from "../../db/errors.ts";
import type { Database, UsersTable } from "../../db/schema.ts";
import { AppError } from "../../http/app-error.ts";
import { newId, nowIso } from "../../records/ids.ts";
import { issueToken } from "./tokens.service.ts";

export function rowToUser(row: UsersTable): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    teamId: row.team_id,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export async function createUser(db: Kysely<Database>, input: UserCreate): Promise<User> {
  const now = nowIso();
  const row: UsersTable = {
    id: newId("usr"),
    email: input.email.toLowerCase(),
    name: input.name,
    role: input.role,
    team_id: input.teamId,
    active: 1,
    created_at: now,
    updated_at: now,
    tenant_id: null,
    object_id: null,
  };
  try {
    await db.insertInto("users").values(row).execute();
  } catch (error) {
    const violation = constraintViolation(error);
    if (violation === "unique") throw new AppError("conflict", `A user with email ${row.email} already exists.`);
    if (violation === "foreign_key")
      throw new AppError("validation_failed", "teamId: no such team", {
        errors: [{ path: "teamId", message: "no such team" }],
      });
    throw error;
  }
  return rowToUser(row);
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom("users").selectAll().orderBy("id").execute();
  return rows.map(rowToUser);
}

export async function createTeam(db: Kysely<Database>, name: string, parentId: string | null = null) {
  const team = { id: newId("team"), name, parent_id: parentId, created_at: nowIso() };
  await db.insertInto("teams").values(team).execute();
  return team;
}

/**
 * On the first start there is nobody to sign in as: make an admin and an admin token, once. The
 * token is returned to be shown a single time; only its hash is kept.
 */
export async function ensureFirstAdmin(db: Kysely<Database>): Promise<{ user: User; token: string } | null> {
  const anyUser = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  if (anyUser) return null;
  const user = await createUser(db, {
    email: "admin@rapport.local",
    name: "Administrator",
    role: "admin",
    teamId: null,
  });
  const { token } = await issueToken(db, { userId: user.id, name: "first admin token", expiresAt: null });
  return { user, token };
}
