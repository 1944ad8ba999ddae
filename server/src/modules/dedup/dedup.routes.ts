import { api } from "@rapport/shared/api";
import type { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import type { AppEnv } from "../../http/context.ts";
import { route } from "../../http/route.ts";
import { scanDuplicates } from "./dedup-scan.service.ts";
import { mergeRecords } from "./merge.service.ts";
import { accountMerge, contactMerge } from "./merge-targets.ts";
import { listMerges } from "./merges.repo.ts";
import { undoMerge } from "./unmerge.service.ts";

export function dedupRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { dedup } = api;
  route(app, deps.config, dedup.scan, async ({ body, user, requestId }) =>
    scanDuplicates(deps.context(user, requestId), body),
  );
  route(app, deps.config, dedup.mergeContacts, async ({ body, user, requestId }) =>
    mergeRecords(deps.context(user, requestId), contactMerge, body),
  );
  route(app, deps.config, dedup.mergeAccounts, async ({ body, user, requestId }) =>
    mergeRecords(deps.context(user, requestId), accountMerge, body),
  );
  route(app, deps.config, dedup.merges, async ({ query, user }) => ({
    items: await listMerges(deps.database.db, user, query),
  }));
  route(app, deps.config, dedup.unmerge, async ({ params, user, requestId }) =>
    undoMerge(deps.context(user, requestId), params.id),
  );
}
