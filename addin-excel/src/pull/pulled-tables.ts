import type { SegmentEntity } from "@rapport/shared/schemas";

/** Where the workbook remembers the tables pulled from segments, by table name. */
export const PULLED_TABLES_KEY = "rapport.tables";

export type PulledTable = {
  segmentId: string;
  segmentName: string;
  entity: SegmentEntity;
  pulledAt: string;
  /** False when the pull was cancelled: a refresh completes it. */
  complete: boolean;
};

export type PulledTables = Record<string, PulledTable>;
