import type { MiddlewareHandler } from "hono";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { AppEnv, AuthUser } from "./context.ts";

/** How long the team tree is reused: a team moved under another shows within this delay. */
const TREE_MS = 5000;

/**
 * A manager sees the records of their team and of every team under it: this fills `teamIds` from
 * the team tree (read at most every few seconds; teams are few), for the visibility rules.
 */
export function teamScope(reader: Kysely<Database>) {
  let tree: { children: Map<string, string[]>; until: number } | null = null;

  async function childrenByParent(): Promise<Map<string, string[]>> {
    if (tree && tree.until > Date.now()) return tree.children;
    const rows = await reader.selectFrom("teams").select(["id", "parent_id"]).execute();
    const children = new Map<string, string[]>();
    for (const { id, parent_id } of rows) {
      if (parent_id) children.set(parent_id, [...(children.get(parent_id) ?? []), id]);
    }
    tree = { children, until: Date.now() + TREE_MS };
    return children;
  }

  /** The user with the teams they see; only a manager's differ from their own team. */
  async function scoped(user: AuthUser): Promise<AuthUser> {
    if (user.role !== "manager" || !user.teamId) return user;
    const children = await childrenByParent();
    const seen = new Set<string>();
    const visit = (team: string) => {
      if (seen.has(team)) return; // a cycle in the tree must not hang the request
      seen.add(team);
      for (const child of children.get(team) ?? []) visit(child);
    };
    visit(user.teamId);
    return { ...user, teamIds: [...seen] };
  }

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    c.set("user", await scoped(c.get("user")));
    await next();
  };
  return { scoped, middleware };
}
