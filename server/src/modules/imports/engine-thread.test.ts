import { readFileSync } from "node:fs";
import { mapRow, proposeMapping } from "@rapport/shared/import";
import { prepareRecord } from "@rapport/shared/matching";
import { describe, expect, it } from "vitest";
import { runEngineTask } from "./engine-thread.ts";
import { parseCsv } from "./read/csv.ts";

const FEBRL = new URL("../../../../../shared/data/febrl/dataset1.csv", import.meta.url);

describe("the engine thread", () => {
  it("finds the same duplicates on its own thread as in place", async () => {
    const table = parseCsv(readFileSync(FEBRL, "utf8"));
    const mapping = proposeMapping(table.headers);
    const records = table.rows.map((cells) => prepareRecord(mapRow(cells, mapping), { defaultCountry: "AU" }));
    const inPlace = await runEngineTask("fileDuplicates", records, 0);
    // A size above the thread's threshold sends even these 1,000 records to a worker thread.
    const threaded = await runEngineTask("fileDuplicates", records, 1_000_000);
    expect(inPlace.length).toBeGreaterThanOrEqual(490);
    expect(threaded).toEqual(inPlace);
  });
});
