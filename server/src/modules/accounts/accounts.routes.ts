import { api } from "@rapport/shared/api";
import type { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import type { AppEnv } from "../../http/context.ts";
import { route } from "../../http/route.ts";
import { crudRoutes } from "../../records/crud-routes.ts";
import { accountTimeline } from "./account-timeline.ts";
import { accountService } from "./accounts.service.ts";

export function accountRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  crudRoutes(app, deps, api.accounts, accountService);
  route(app, deps.config, api.accountTimeline, async ({ params, query, user, requestId }) =>
    accountTimeline(deps.context(user, requestId), params.id, query),
  );
}
