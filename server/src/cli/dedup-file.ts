import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { type ColumnMapping, IMPORT_FIELDS, type ImportField, mapRow, proposeMapping } from "@rapport/shared/import";
import { findDuplicates, prepareRecord } from "@rapport/shared/matching";
import type { CountryCode } from "@rapport/shared/normalize";
import { readContactFile } from "../modules/imports/read/read-file.ts";
import { rowsAsTable } from "../modules/imports/rows-as-table.ts";

export const DEDUP_USAGE = `  dedup <file> [--id-column C] [--map "Header=field,..."] [--country CC] [--json]
                                                 find duplicate people in a CSV, xlsx or vCard file,
                                                 no server needed; --json prints {"clusters": [[id, ...]]}`;

/**
 * `dedup <file>`: the import engine's matching on a file alone. Columns are recognised from the
 * headers (or --map), records are identified by --id-column's values (else their row number).
 */
export function dedupFile(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "id-column": { type: "string" },
      map: { type: "string" },
      country: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const path = positionals[0];
  if (!path) throw new Error(`dedup needs a file.\n${DEDUP_USAGE}`);
  const file = readContactFile(new Uint8Array(readFileSync(path)), { filename: basename(path) });
  const table = file.kind === "vcard" ? rowsAsTable(file.rows) : { ...file, mapping: proposeMapping(file.headers) };
  const mapping = withOverrides(table.mapping, table.headers, values.map);

  const idColumn = values["id-column"];
  const idIndex = idColumn === undefined ? -1 : findHeader(table.headers, idColumn);
  if (idColumn !== undefined && idIndex < 0) throw new Error(`No column "${idColumn}" in ${path}.`);
  if (idIndex >= 0) mapping[idIndex] = null;
  const ids = table.rows.map((cells, i) => (idIndex >= 0 ? (cells[idIndex] ?? "").trim() : String(i + 1)));

  const country = (values.country ?? process.env.RAPPORT_DEFAULT_COUNTRY ?? "FR").toUpperCase() as CountryCode;
  const records = table.rows.map((cells) => prepareRecord(mapRow(cells, mapping), { defaultCountry: country }));
  const started = performance.now();
  const report = findDuplicates(records);
  const ms = performance.now() - started;
  const clusters = report.clusters.map((cluster) => cluster.map((index) => ids[index]!));

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ clusters })}\n`);
    return 0;
  }
  const mapped = table.headers.flatMap((header, i) => (mapping[i] ? [`${header} -> ${mapping[i]}`] : []));
  console.log(
    `${path}: ${records.length} records, ${report.stats.candidatePairs} candidate pairs, ${ms.toFixed(0)} ms`,
  );
  console.log(`Columns used: ${mapped.join(", ")}`);
  console.log(`${clusters.length} groups of duplicates (${clusters.reduce((n, c) => n + c.length, 0)} records):`);
  const pairOf = new Map(report.pairs.map((pair) => [`${pair.a}-${pair.b}`, pair]));
  for (const cluster of report.clusters) {
    console.log(`\n  ${cluster.map((index) => ids[index]).join("  =  ")}`);
    const [first, ...rest] = cluster;
    for (const other of rest) {
      const pair = pairOf.get(`${Math.min(first!, other)}-${Math.max(first!, other)}`);
      if (pair) {
        const reasons = pair.reasons.slice(0, 4).map((reason) => reason.text);
        console.log(`    ${ids[other]}: ${(pair.probability * 100).toFixed(2)}% (${reasons.join(", ")})`);
      }
    }
  }
  return 0;
}

function findHeader(headers: string[], name: string): number {
  const wanted = name.trim().toLowerCase();
  return headers.findIndex((header) => header.trim().toLowerCase() === wanted);
}

/** --map "Given=firstName,Family=lastName": the user's word over the proposed mapping. */
function withOverrides(mapping: ColumnMapping, headers: string[], map: string | undefined): ColumnMapping {
  const result = [...mapping];
  for (const entry of (map ?? "").split(",").filter(Boolean)) {
    const [header, field] = entry.split("=").map((part) => part.trim());
    const index = findHeader(headers, header ?? "");
    if (index < 0) throw new Error(`--map: no column "${header}".`);
    if (field !== "" && field !== "ignore" && !IMPORT_FIELDS.includes(field as ImportField)) {
      throw new Error(`--map: "${field}" is not a field; use one of ${IMPORT_FIELDS.join(", ")} or ignore.`);
    }
    result[index] = field === "" || field === "ignore" ? null : (field as ImportField);
  }
  return result;
}
