import { api } from "@rapport/shared/api";
import type { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import type { AppEnv } from "../../http/context.ts";
import { route } from "../../http/route.ts";
import { lookupEmails } from "./lookup.service.ts";
import { searchAll } from "./search.service.ts";

export function lookupRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  route(app, deps.config, api.lookup, async ({ query, user, requestId }) =>
    lookupEmails(deps.context(user, requestId), query),
  );
  route(app, deps.config, api.search, async ({ query, user, requestId }) => ({
    hits: await searchAll(deps.context(user, requestId), query.q, query.limit),
  }));
}
