import type { Endpoint } from "@rapport/shared/api";
import type { Hono } from "hono";
import type { z } from "zod";
import type { AppDeps } from "../app-deps.ts";
import type { AppEnv } from "../http/context.ts";
import { type Reply, route } from "../http/route.ts";
import type { RequestContext } from "./request-context.ts";

type CrudEndpoints = { list: Endpoint; create: Endpoint; get: Endpoint; update: Endpoint; remove: Endpoint };
type Body<E extends Endpoint> = E["body"] extends z.ZodType ? z.output<E["body"]> : never;
type Query<E extends Endpoint> = E["query"] extends z.ZodType ? z.output<E["query"]> : never;

/** What a module's service offers for the five standard routes. */
export type CrudService<E extends CrudEndpoints, Entity> = {
  list: (ctx: RequestContext, query: Query<E["list"]>) => Promise<{ items: Entity[]; nextCursor: string | null }>;
  /** A Reply with status 200 says the create was a replay of one already done. */
  create: (ctx: RequestContext, body: Body<E["create"]>) => Promise<Entity | Reply<Entity>>;
  get: (ctx: RequestContext, id: string) => Promise<Entity>;
  update: (ctx: RequestContext, id: string, version: number, patch: Body<E["update"]>) => Promise<Entity>;
  remove: (ctx: RequestContext, id: string, version: number | null) => Promise<void>;
};

/** Mounts list, create, read, update and delete of one record type on its service. */
export function crudRoutes<E extends CrudEndpoints, Entity>(
  app: Hono<AppEnv>,
  deps: AppDeps,
  endpoints: E,
  service: CrudService<E, Entity>,
): void {
  const ctxOf = deps.forRequest;
  route(app, deps.config, endpoints.list, async (input) => service.list(ctxOf(input), input.query as never) as never);
  route(
    app,
    deps.config,
    endpoints.create,
    async (input) => service.create(ctxOf(input), input.body as never) as never,
  );
  route(app, deps.config, endpoints.get, async (input) => service.get(ctxOf(input), idOf(input.params)) as never);
  route(
    app,
    deps.config,
    endpoints.update,
    async (input) =>
      service.update(ctxOf(input), idOf(input.params), input.ifMatch as number, input.body as never) as never,
  );
  route(app, deps.config, endpoints.remove, async (input) => {
    await service.remove(ctxOf(input), idOf(input.params), input.ifMatch);
    return undefined as never;
  });
}

const idOf = (params: unknown) => (params as { id: string }).id;
