import { api } from "@rapport/shared/api";
import type { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import type { AppEnv } from "../../http/context.ts";
import { route } from "../../http/route.ts";
import { listPipeline, summarisePipeline } from "./pipeline.service.ts";

export function pipelineRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const ctx = deps.forRequest;
  route(app, deps.config, api.pipeline.deals, async (input) => listPipeline(ctx(input), input.query));
  route(app, deps.config, api.pipeline.summary, async (input) => summarisePipeline(ctx(input), input.query));
}
