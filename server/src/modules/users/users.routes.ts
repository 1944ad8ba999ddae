import { api } from "@rapport/shared/api";
import type { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import type { AppEnv } from "../../http/context.ts";
import { requireAdmin } from "../../http/require-admin.ts";
import { route } from "../../http/route.ts";
import { audit } from "../../records/audit.ts";
import { issueToken, listTokens, revokeToken, type TokenVerifier } from "./tokens.service.ts";
import { createTeam, createUser, listTeams, listUsers, rowToUser, updateUser } from "./users.service.ts";

const MANAGE = "manage users and tokens";

export function userRoutes(app: Hono<AppEnv>, deps: AppDeps, verifier: TokenVerifier): void {
  const db = deps.database.db;
  route(app, deps.config, api.me, async ({ user }) => {
    return rowToUser(await db.selectFrom("users").selectAll().where("id", "=", user.id).executeTakeFirstOrThrow());
  });
  route(app, deps.config, api.users.list, async ({ user }) => {
    requireAdmin(user, MANAGE);
    return { items: await listUsers(db) };
  });
  route(app, deps.config, api.users.create, async ({ user, body, requestId }) => {
    requireAdmin(user, MANAGE);
    const created = await createUser(db, body);
    const detail = { email: created.email, name: created.name, role: created.role, teamId: created.teamId };
    await audit(db, { user, requestId }, { action: "create", entity: "user", entityId: created.id, detail });
    return created;
  });
  route(app, deps.config, api.users.update, async ({ user, params, body, requestId }) => {
    requireAdmin(user, MANAGE);
    const { before, after } = await updateUser(db, params.id, body);
    verifier.forgetUser(params.id);
    await audit(
      db,
      { user, requestId },
      { action: "update", entity: "user", entityId: params.id, detail: { before, after } },
    );
    return after;
  });
  route(app, deps.config, api.teams.list, async ({ user }) => {
    requireAdmin(user, MANAGE);
    return { items: await listTeams(db) };
  });
  route(app, deps.config, api.teams.create, async ({ user, body, requestId }) => {
    requireAdmin(user, MANAGE);
    const team = await createTeam(db, body.name, body.parentId);
    const detail = { name: team.name, parentId: team.parent_id };
    await audit(db, { user, requestId }, { action: "create", entity: "team", entityId: team.id, detail });
    return { id: team.id, name: team.name, parentId: team.parent_id, createdAt: team.created_at };
  });
  route(app, deps.config, api.tokens.list, async ({ user, query }) => {
    requireAdmin(user, MANAGE);
    return { items: await listTokens(db, query.userId) };
  });
  route(app, deps.config, api.tokens.create, async ({ user, body, requestId }) => {
    requireAdmin(user, MANAGE);
    const created = await issueToken(db, body);
    // What the token may do and for whom; never the secret.
    const detail = { userId: created.userId, name: created.name, scopes: created.scopes, expiresAt: created.expiresAt };
    await audit(db, { user, requestId }, { action: "create", entity: "api_token", entityId: created.id, detail });
    return created;
  });
  route(app, deps.config, api.tokens.revoke, async ({ user, params, requestId }) => {
    requireAdmin(user, MANAGE);
    await revokeToken(db, params.id);
    verifier.forget(params.id);
    await audit(db, { user, requestId }, { action: "delete", entity: "api_token", entityId: params.id });
    return undefined;
  });
}
