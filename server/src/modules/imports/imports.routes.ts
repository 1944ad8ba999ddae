import { api } from "@rapport/shared/api";
import type { Hono } from "hono";
import type { AppDeps } from "../../app-deps.ts";
import { AppError } from "../../http/app-error.ts";
import type { AppEnv } from "../../http/context.ts";
import { route } from "../../http/route.ts";
import { startAnalyse, startApply, startUndo } from "./import-runner.ts";
import { addRows, createJob, getJob, listJobs, listRows, overrideRow, updateJob } from "./imports.service.ts";
import { readContactFile } from "./read/read-file.ts";
import { rowsAsTable } from "./rows-as-table.ts";

export function importRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const { config } = deps;
  const ctx = deps.forRequest;
  route(app, config, api.imports.list, async (input) => listJobs(ctx(input), input.query));
  route(app, config, api.imports.create, async (input) => createJob(ctx(input), input.body));
  route(app, config, api.imports.get, async (input) => getJob(ctx(input), input.params.id));
  route(app, config, api.imports.update, async (input) => updateJob(ctx(input), input.params.id, input.body));
  route(app, config, api.imports.addRows, async (input) => addRows(ctx(input), input.params.id, input.body.rows));
  route(app, config, api.imports.addFile, async (input) => {
    const { bytes, contentType } = input.body;
    const file = readFileOrThrow(bytes, input.query.filename, contentType);
    const table = file.kind === "vcard" ? rowsAsTable(file.rows) : { ...file, mapping: undefined };
    if (table.rows.length === 0) throw new AppError("bad_request", "The file holds no rows.");
    return addRows(ctx(input), input.params.id, table.rows, table.headers, table.mapping);
  });
  route(app, config, api.imports.analyse, async (input) => startAnalyse(deps, ctx(input), input.params.id));
  route(app, config, api.imports.rows, async (input) => listRows(ctx(input), input.params.id, input.query));
  route(app, config, api.imports.overrideRow, async (input) =>
    overrideRow(ctx(input), input.params.id, input.params.row, input.body),
  );
  route(app, config, api.imports.apply, async (input) => startApply(deps, ctx(input), input.params.id));
  route(app, config, api.imports.undo, async (input) => startUndo(deps, ctx(input), input.params.id));
}

/** A file that cannot be read is the client's problem (400), with the reader's words. */
function readFileOrThrow(bytes: Uint8Array, filename: string | undefined, contentType: string) {
  const charset = /charset=([^;]+)/i.exec(contentType)?.[1]?.trim();
  try {
    return readContactFile(bytes, { filename, contentType, charset });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("bad_request", `The file could not be read: ${reason}`);
  }
}
