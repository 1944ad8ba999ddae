import type { SegmentSheet } from "@rapport/shared/schemas";
import type { RapportClient } from "../pane-types.ts";

/**
 * Rows per request, the most the server serves: a page of contact rows with their number formats
 * is under 2 MB (1.7 MB in the bench), so it is written in one chunk, one sync, under the 4 MB a
 * sync may carry. Fewer, fuller syncs: each is a round trip to Excel.
 */
export const PULL_PAGE = 5000;

export type PageOptions = { signal?: AbortSignal | undefined; pageSize?: number | undefined };

/**
 * The pages of a segment as sheet rows (GET /segments/{id}/sheet), the next one asked for while
 * the current one is written. Stops asking once `signal` is aborted.
 */
export async function* sheetPages(
  client: RapportClient,
  segmentId: string,
  options: PageOptions = {},
): AsyncGenerator<SegmentSheet> {
  const limit = options.pageSize ?? PULL_PAGE;
  const fetchPage = (cursor: string | null) =>
    client.segments.sheet({ params: { id: segmentId }, query: { limit, ...(cursor ? { cursor } : {}) } });
  let next: Promise<SegmentSheet> | null = fetchPage(null);
  while (next && !options.signal?.aborted) {
    const page: SegmentSheet = await next;
    next = page.nextCursor ? fetchPage(page.nextCursor) : null;
    yield page;
  }
  // A prefetched page nobody reads must not surface as an unhandled rejection.
  next?.catch(() => {});
}
