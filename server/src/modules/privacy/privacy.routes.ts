import { api } from "@rapport/shared/api";
import type { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import type { AppEnv } from "../../http/context.ts";
import { route } from "../../http/route.ts";
import { readPrivacySettings, updatePrivacySettings } from "../settings/privacy-settings.ts";
import { addNeverLog, removeNeverLog } from "./never-log.repo.ts";
import { privacyPolicyFor } from "./privacy-policy.ts";

export function privacyRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { config, database } = deps;
  const ctx = deps.forRequest;
  route(app, config, api.privacy, async (input) => privacyPolicyFor(ctx(input)));
  route(app, config, api.neverLog.add, async (input) => ({
    addresses: await addNeverLog(database.db, input.user.id, input.body.address),
  }));
  route(app, config, api.neverLog.remove, async (input) => ({
    addresses: await removeNeverLog(database.db, input.user.id, input.query.address),
  }));
  route(app, config, api.settings.privacy, async () => readPrivacySettings(database.reader));
  route(app, config, api.settings.updatePrivacy, async (input) => updatePrivacySettings(ctx(input), input.body));
}
