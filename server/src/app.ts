import { api, buildOpenApi } from "@rapport/shared/api";
import { Hono } from "hono";
import { type AppDeps, appDeps } from "./app-deps.ts";
import type { Config } from "./config.ts";
import type { Db } from "./db/connect.ts";
import { AppError } from "./http/app-error.ts";
import { authenticate } from "./http/authenticate.ts";
import type { AppEnv } from "./http/context.ts";
import { cors } from "./http/cors.ts";
import { idempotency } from "./http/idempotency.ts";
import { createLogger } from "./http/logger.ts";
import { maxBody, requestLog } from "./http/middleware.ts";
import { paneRoutes } from "./http/panes.ts";
import { problemResponse, toAppError } from "./http/problem.ts";
import { rateLimit } from "./http/rate-limit.ts";
import { route } from "./http/route.ts";
import { signInOptionsRoute } from "./http/sign-in-options.ts";
import { teamScope } from "./http/team-scope.ts";
import { accountRoutes } from "./modules/accounts/accounts.routes.ts";
import { activityService } from "./modules/activities/activities.service.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { auditRefusal } from "./modules/audit/audit-refusal.ts";
import { entraVerifier } from "./modules/auth/entra-verifier.ts";
import { campaignRoutes } from "./modules/campaigns/campaigns.routes.ts";
import { caseService } from "./modules/cases/cases.service.ts";
import { contactService } from "./modules/contacts/contacts.service.ts";
import { customerValueRoutes } from "./modules/customer-value/customer-value.routes.ts";
import { dedupRoutes } from "./modules/dedup/dedup.routes.ts";
import { importRoutes } from "./modules/imports/imports.routes.ts";
import { lookupRoutes } from "./modules/lookup/lookup.routes.ts";
import { manifestRoutes } from "./modules/manifests/manifests.routes.ts";
import { opportunityService } from "./modules/opportunities/opportunities.service.ts";
import { orderService } from "./modules/orders/orders.service.ts";
import { pipelineRoutes } from "./modules/pipeline/pipeline.routes.ts";
import { privacyRoutes } from "./modules/privacy/privacy.routes.ts";
import { productService } from "./modules/products/products.service.ts";
import { segmentRoutes } from "./modules/segments/segments.routes.ts";
import { tokenVerifier } from "./modules/users/tokens.service.ts";
import { userRoutes } from "./modules/users/users.routes.ts";
import { crudRoutes } from "./records/crud-routes.ts";

export type AppOptions = {
  database: Db;
  config: Config;
  /** Told each request's route and server time (benchmarks use it). */
  observe?: (route: string, ms: number) => void;
};

/** The whole HTTP API over one database; no globals, so tests build as many as they like. */
export function createApp({ database, config, observe }: AppOptions): Hono<AppEnv> {
  const deps = appDeps(database, config);
  const logger = createLogger(config.logLevel);
  const verifier = tokenVerifier(database.db, database.reader);
  const entra = config.entra ? entraVerifier(config.entra, database.db, database.reader) : null;

  const onError = async (error: Error, c: Parameters<typeof problemResponse>[0]) => {
    const appError = toAppError(error);
    if (appError.code === "internal") {
      logger.error("unhandled error", { requestId: c.get("requestId"), error: error.stack ?? String(error) });
    }
    if (appError.code === "unauthorized" || appError.code === "forbidden") {
      await auditRefusal(database.db, c, appError).catch((failure: unknown) =>
        logger.error("audit of a refusal failed", { requestId: c.get("requestId"), error: String(failure) }),
      );
    }
    return problemResponse(c, appError);
  };

  const v1 = new Hono<AppEnv>();
  v1.onError(onError);
  v1.use("*", cors(config.corsOrigins));
  route(v1, config, api.health, async () => health(deps));
  v1.use(
    "*",
    maxBody(config.maxBodyBytes, config.maxImportBytes),
    authenticate(verifier, entra),
    rateLimit(config.rateLimitPerMinute),
    teamScope(database.reader).middleware,
    idempotency(database.db),
  );
  v1.get("/openapi.json", (c) =>
    c.json(
      buildOpenApi(api, { title: "Rapport API", version: config.version, serverUrl: `${config.publicUrl}/api/v1` }),
    ),
  );
  userRoutes(v1, deps, verifier);
  auditRoutes(v1, deps);
  lookupRoutes(v1, deps);
  privacyRoutes(v1, deps);
  importRoutes(v1, deps);
  accountRoutes(v1, deps);
  crudRoutes(v1, deps, api.contacts, contactService);
  crudRoutes(v1, deps, api.activities, activityService);
  crudRoutes(v1, deps, api.opportunities, opportunityService);
  crudRoutes(v1, deps, api.products, productService);
  crudRoutes(v1, deps, api.orders, orderService);
  crudRoutes(v1, deps, api.cases, caseService);
  pipelineRoutes(v1, deps);
  dedupRoutes(v1, deps);
  segmentRoutes(v1, deps);
  campaignRoutes(v1, deps);
  customerValueRoutes(v1, deps);

  const app = new Hono<AppEnv>();
  app.use("*", requestLog(logger, observe));
  app.onError(onError);
  app.notFound((c) => problemResponse(c, new AppError("not_found", `No route ${c.req.method} ${c.req.path}.`)));
  app.route("/api/v1", v1);
  signInOptionsRoute(app, config);
  paneRoutes(app, config);
  manifestRoutes(app, deps);
  return app;
}

async function health({ database, config }: AppDeps) {
  let ok = true;
  try {
    await database.db.selectFrom("users").select("id").limit(1).execute();
  } catch {
    ok = false;
  }
  return { status: ok ? ("ok" as const) : ("degraded" as const), version: config.version, database: database.kind };
}
