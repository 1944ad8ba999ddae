import { api } from "@rapport/shared/api";
import type { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import type { AppEnv } from "../../http/context.ts";
import { route } from "../../http/route.ts";
import { readMarketingSettings, updateMarketingSettings } from "../settings/marketing-settings.ts";
import { contactValue } from "./contact-value.ts";
import { readRun, startRecompute } from "./rfm-run.ts";

/** A contact's value, the RFM recompute, and the marketing settings that drive them. */
export function customerValueRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { config, database } = deps;
  const ctx = deps.forRequest;
  route(app, config, api.customerValue.get, async (input) => contactValue(ctx(input), input.params.id));
  route(app, config, api.customerValue.run, async () => readRun(database));
  route(app, config, api.customerValue.recompute, async (input) =>
    startRecompute(database, ctx(input), input.body.periodMonths),
  );
  route(app, config, api.settings.marketing, async () => readMarketingSettings(database.reader));
  route(app, config, api.settings.updateMarketing, async (input) => updateMarketingSettings(ctx(input), input.body));
}
