import { findDuplicates, MATCH_THRESHOLDS, type Reason } from "@rapport/shared/matching";
import type { DedupScanRequest, DedupScanResult } from "@rapport/shared/schemas";
import type { z } from "zod";
import type { RequestContext } from "../../records/request-context.ts";
import { readScanItems, reasonWords } from "./scan-sources.ts";

/**
 * Likely duplicates among the contacts or accounts the user may see: the matching engine learns
 * from these records which agreements are evidence, scores the candidate pairs and groups them.
 * Pairs come most probable first; the limit applies to pairs and to clusters.
 */
export async function scanDuplicates(
  ctx: RequestContext,
  request: z.output<typeof DedupScanRequest>,
): Promise<z.output<typeof DedupScanResult>> {
  const started = performance.now();
  const items = await readScanItems(ctx, request.entity);
  const report = findDuplicates(
    items.map((item) => item.record),
    { thresholds: { match: MATCH_THRESHOLDS.match, review: request.minScore } },
  );
  const itemAt = (index: number) => {
    const item = items[index];
    if (!item) throw new Error(`the engine answered record ${index} of ${items.length}`);
    return item;
  };
  const pairs = report.pairs.slice(0, request.limit).map((pair) => {
    const a = itemAt(pair.a);
    const b = itemAt(pair.b);
    return {
      a: a.id,
      b: b.id,
      labelA: a.label,
      labelB: b.label,
      score: pair.probability,
      suggestion: pair.probability >= MATCH_THRESHOLDS.autoMerge ? ("merge" as const) : ("review" as const),
      reasons: pair.reasons.map((reason) => reasonText(request.entity, reason)),
    };
  });
  const clusters = report.clusters
    .map((cluster) => cluster.map((index) => itemAt(index).id))
    .sort((x, y) => y.length - x.length)
    .slice(0, request.limit);
  return {
    entity: request.entity,
    pairs,
    clusters,
    stats: {
      records: report.stats.records,
      candidatePairs: report.stats.candidatePairs,
      ms: Math.round((performance.now() - started) * 10) / 10,
    },
  };
}

/** "same email (+12.3)": the evidence and its weight (log2 of the Bayes factor), signed. */
function reasonText(entity: z.output<typeof DedupScanRequest>["entity"], reason: Reason): string {
  return `${reasonWords(entity, reason.text)} (${reason.weight >= 0 ? "+" : ""}${reason.weight.toFixed(1)})`;
}
