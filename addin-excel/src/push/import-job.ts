import type { ColumnMapping } from "@rapport/shared/import";
import type { ImportJob, ImportRowResult } from "@rapport/shared/schemas";
import type { RapportClient } from "../pane-types.ts";
import { chunkBySize, MAX_SYNC_BYTES, payloadBytes } from "../sheet/payload.ts";

/** How often a background dry run, apply or undo is asked how far it is. */
const POLL_MS = 400;
/** Rows per request at most (the API's own cap is 20,000), and a few MB each. */
const ROWS_PER_REQUEST = 5000;

export type Progress = (done: number, total: number) => void;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates the job and sends its rows in chunks of at most 4 MB of JSON. Nothing is decided yet. */
export async function sendRows(
  client: RapportClient,
  input: { name: string; headers: string[]; mapping: ColumnMapping; defaultCountry?: string; dayFirst: boolean },
  rows: string[][],
  onProgress: Progress,
): Promise<ImportJob> {
  const options = {
    dayFirst: input.dayFirst,
    ...(input.defaultCountry ? { defaultCountry: input.defaultCountry } : {}),
  };
  let job = await client.imports.create({
    body: { name: input.name.slice(0, 200) || "Excel", headers: input.headers, mapping: input.mapping, options },
  });
  const slices = chunkBySize(rows, (row) => payloadBytes(row) + 1, MAX_SYNC_BYTES, { maxItems: ROWS_PER_REQUEST });
  for (const [start, end] of slices) {
    job = await client.imports.addRows({ params: { id: job.id }, body: { rows: rows.slice(start, end) } });
    onProgress(end, rows.length);
  }
  return job;
}

/** Polls the job until its background work (dry run, apply or undo) is over. */
export async function settle(client: RapportClient, id: string, onProgress?: Progress): Promise<ImportJob> {
  for (;;) {
    const job = await client.imports.get({ params: { id } });
    onProgress?.(job.progress.done, job.progress.total);
    if (job.status === "failed") throw new Error(job.error ?? "The import failed on the server.");
    if (!["analysing", "applying", "undoing"].includes(job.status)) return job;
    await wait(POLL_MS);
  }
}

/** The dry run: the server decides every row and changes nothing else. */
export async function analyse(client: RapportClient, id: string, onProgress?: Progress): Promise<ImportJob> {
  await client.imports.analyse({ params: { id } });
  return settle(client, id, onProgress);
}

/** Every row's decision, a page at a time. */
export async function allRowResults(
  client: RapportClient,
  id: string,
  onProgress?: Progress,
): Promise<ImportRowResult[]> {
  const results: ImportRowResult[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.imports.rows({ params: { id }, query: { limit: 1000, ...(cursor ? { cursor } : {}) } });
    results.push(...page.items);
    onProgress?.(results.length, results.length + (page.nextCursor ? 1000 : 0));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return results;
}

/**
 * The versions of the contacts changed since `since` (server time), by id: what the sheet's
 * version column must now say for the rows a push or an undo touched.
 */
export async function versionsSince(
  client: RapportClient,
  since: string,
): Promise<Map<string, { version: number; updatedAt: string }>> {
  const versions = new Map<string, { version: number; updatedAt: string }>();
  let cursor: string | undefined;
  do {
    const page = await client.contacts.list({
      query: { updatedSince: since, limit: 500, ...(cursor ? { cursor } : {}) },
    });
    for (const contact of page.items)
      versions.set(contact.id, { version: contact.version, updatedAt: contact.updatedAt });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return versions;
}

/** A second earlier than an instant: the server stamps within the same second it answers. */
export function secondBefore(timestamp: string): string {
  return new Date(Date.parse(timestamp) - 1000).toISOString();
}

export { MAX_SYNC_BYTES };
