import type { Role, Team, User, UserCreate, UserUpdate } from "@rapport/shared/schemas";
import type { Kysely } from "kysely";
import { constraintViolation } from "../../db/errors.ts";
import { inTransaction } from "../../db/in-transaction.ts";
import type { Database, UsersTable } from "../../db/schema.ts";
import { AppError, notFound } from "../../http/app-error.ts";
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

/**
 * Changes a user as an admin asks; answers the user before and after (for the audit trail).
 * Rapport always keeps one active admin: the last one cannot be demoted or deactivated.
 */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  change: UserUpdate,
): Promise<{ before: User; after: User }> {
  return inTransaction(db, async (tx) => {
    const row = await tx.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound("user");
    const before = rowToUser(row);
    const after: User = { ...before, ...change };
    if (before.role === "admin" && before.active && (after.role !== "admin" || !after.active)) {
      const admins = await tx
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("role", "=", "admin")
        .where("active", "=", 1)
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) {
        throw new AppError("conflict", "This is the last active admin: make another user admin first.");
      }
    }
    try {
      await tx
        .updateTable("users")
        .set({
          name: after.name,
          role: after.role,
          team_id: after.teamId,
          active: after.active ? 1 : 0,
          updated_at: nowIso(),
        })
        .where("id", "=", id)
        .execute();
    } catch (error) {
      if (constraintViolation(error) === "foreign_key") {
        throw new AppError("validation_failed", "teamId: no such team", {
          errors: [{ path: "teamId", message: "no such team" }],
        });
      }
      throw error;
    }
    return { before, after };
  });
}

export async function listTeams(db: Kysely<Database>): Promise<Team[]> {
  const rows = await db.selectFrom("teams").selectAll().orderBy("name").orderBy("id").execute();
  return rows.map((row) => ({ id: row.id, name: row.name, parentId: row.parent_id, createdAt: row.created_at }));
}

export async function createTeam(db: Kysely<Database>, name: string, parentId: string | null = null) {
  const team = { id: newId("team"), name, parent_id: parentId, created_at: nowIso() };
  try {
    await db.insertInto("teams").values(team).execute();
  } catch (error) {
    if (constraintViolation(error) === "foreign_key") {
      throw new AppError("validation_failed", "parentId: no such team", {
        errors: [{ path: "parentId", message: "no such team" }],
      });
    }
    throw error;
  }
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
