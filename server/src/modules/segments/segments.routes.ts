import { api } from "@rapport/shared/api";
import type { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import type { AppEnv } from "../../http/context.ts";
import { route } from "../../http/route.ts";
import { crudRoutes } from "../../records/crud-routes.ts";
import { membersAsCsv } from "./segment-csv.ts";
import {
  allSegmentMembers,
  changeStaticMembers,
  countSegment,
  previewSegment,
  segmentMembers,
  segmentService,
  segmentSheet,
} from "./segments.service.ts";

export function segmentRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { config } = deps;
  const ctx = deps.forRequest;
  // Before the CRUD routes, so /segments/preview is never read as /segments/{id}.
  route(app, config, api.segments.preview, async (input) => previewSegment(ctx(input), input.body));
  crudRoutes(app, deps, api.segments, segmentService);
  route(app, config, api.segments.count, async (input) => countSegment(ctx(input), input.params.id));
  route(app, config, api.segments.members, async (input) => segmentMembers(ctx(input), input.params.id, input.query));
  route(app, config, api.segments.sheet, async (input) => segmentSheet(ctx(input), input.params.id, input.query));
  route(app, config, api.segments.export, async (input, c) => {
    const { segment, members } = await allSegmentMembers(ctx(input), input.params.id);
    // An ASCII file name: accents dropped, anything else a dash, so every browser and OS keeps it.
    const name =
      segment.name
        .normalize("NFKD")
        .replace(/\p{M}+/gu, "")
        .replace(/[^\w-]+/g, "-")
        .replace(/^-+|-+$/g, "") || "segment";
    c.header("content-disposition", `attachment; filename="${name}.csv"`);
    return membersAsCsv(segment.entity, members, input.query.separator);
  });
  route(app, config, api.segments.changeMembers, async (input) =>
    changeStaticMembers(ctx(input), input.params.id, input.body),
  );
}
