import { api } from "@rapport/shared/api";
import type { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import type { AppEnv } from "../../http/context.ts";
import { route } from "../../http/route.ts";
import { crudRoutes } from "../../records/crud-routes.ts";
import {
  campaignService,
  campaignStore,
  campaignTargets,
  closeCampaign,
  recordCampaignResponses,
} from "./campaigns.service.ts";
import { campaignKpis, compareCampaigns } from "./kpis.ts";
import { launchCampaign } from "./launch.ts";
import { portfolio } from "./portfolio.ts";

export function campaignRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { config } = deps;
  const ctx = deps.forRequest;
  const campaigns = api.campaigns;
  crudRoutes(app, deps, campaigns, campaignService);
  route(app, config, campaigns.launch, async (input) => launchCampaign(ctx(input), input.params.id));
  route(app, config, campaigns.close, async (input) => closeCampaign(ctx(input), input.params.id));
  route(app, config, campaigns.targets, async (input) => campaignTargets(ctx(input), input.params.id, input.query));
  route(app, config, campaigns.recordResponses, async (input) =>
    recordCampaignResponses(ctx(input), input.params.id, input.body.items),
  );
  route(app, config, campaigns.kpis, async (input) => {
    const context = ctx(input);
    const campaign = await campaignStore.get(context.reader, context.user, input.params.id);
    const [kpis] = await campaignKpis(context.reader, [campaign]);
    return kpis as NonNullable<typeof kpis>;
  });
  route(app, config, campaigns.compare, async (input) => compareCampaigns(ctx(input), input.query));
  route(app, config, campaigns.portfolio, async (input) => portfolio(ctx(input), input.query));
}
