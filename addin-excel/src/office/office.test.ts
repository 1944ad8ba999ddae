import { OfficeMockObject } from "office-addin-mock";
import { afterEach, describe, expect, it } from "vitest";
import { writeColumnCells } from "./column-cells.ts";
import { createPullTable } from "./pull-table.ts";
import { readRows } from "./read-rows.ts";
import { writeRowsChunk } from "./write-table-rows.ts";

type Written = {
  at: [number, number, number, number];
  values?: unknown;
  numberFormat?: unknown;
  formulas?: unknown;
  columnHidden?: boolean;
  fill?: string;
};

/**
 * An Excel object model in office-addin-mock: ranges record what is set on them, tables record
 * their resizes, and every sync is counted, so the office layer is tested without a host.
 */
function excelMock(options: { refuseRowsOver?: number; values?: unknown[][] } = {}) {
  const written: Written[] = [];
  const log = {
    syncs: 0,
    resized: [] as Written["at"][],
    tablesAdded: [] as Written["at"][],
    frozen: 0,
    names: [] as string[],
  };
  const range = (row: number, column: number, rows: number, columns: number) => {
    const entry: Written = { at: [row, column, rows, columns] };
    written.push(entry);
    const fill = {
      set color(color: string) {
        entry.fill = color;
      },
      clear() {
        entry.fill = "cleared";
      },
    };
    return {
      entry,
      set values(v: unknown) {
        entry.values = v;
      },
      get values() {
        return (options.values ?? []).slice(row, row + rows);
      },
      set numberFormat(v: unknown) {
        entry.numberFormat = v;
      },
      set formulas(v: unknown) {
        entry.formulas = v;
      },
      get valueTypes() {
        return (options.values ?? []).slice(row, row + rows).map((r) => r.map(() => "String"));
      },
      format: { fill },
      load(properties: string[]) {
        if (options.refuseRowsOver && rows > options.refuseRowsOver) {
          throw Object.assign(new Error("The response payload size has exceeded the limit."), {
            code: "RequestPayloadSizeLimitExceeded",
          });
        }
        return properties;
      },
      getEntireColumn() {
        return {
          set columnHidden(hidden: boolean) {
            entry.columnHidden = hidden;
          },
        };
      },
    };
  };
  const sheet = {
    name: "Clients",
    getRangeByIndexes: range,
    tables: {
      add(header: { entry: Written }) {
        log.tablesAdded.push(header.entry.at);
        return {
          set name(name: string) {
            log.names.push(name);
          },
          set style(_s: string) {},
        };
      },
    },
    freezePanes: {
      freezeRows(rows: number) {
        log.frozen = rows;
      },
    },
    activate() {},
    load() {},
    getUsedRangeOrNullObject() {
      return { isNullObject: true };
    },
  };
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        tables: {
          getItem: () => ({
            resize(target: { entry: Written }) {
              log.resized.push(target.entry.at);
            },
          }),
        },
      },
      sync: async () => {
        log.syncs++;
      },
    },
    run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  });
  // Collections keep their plain arrays: the mock would turn `items` into a property to load.
  const workbook = (mock as unknown as { context: { workbook: Record<string, unknown> } }).context.workbook;
  workbook.worksheets = {
    items: [],
    getItem: () => sheet,
    add: () => sheet,
    getActiveWorksheet: () => sheet,
    load() {},
  };
  (globalThis as Record<string, unknown>).Excel = mock;
  return { written, log };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

const place = { sheetName: "Clients", tableName: "Rapport_Clients", row: 0, column: 0, columns: 3 };

describe("the office layer, in office-addin-mock", () => {
  it("writes a chunk of rows in one sync: formats first, then values, then grows the table", async () => {
    const { written, log } = excelMock();
    await writeRowsChunk({
      place,
      firstRow: 2000,
      cells: [
        ["con_1", "'=1+1", 3],
        ["con_2", "Zoé", 4],
      ],
      formats: ["@", "@", "0"],
      grow: true,
    });
    expect(log.syncs).toBe(1);
    expect(written[0]).toEqual({
      at: [2001, 0, 2, 3],
      numberFormat: [
        ["@", "@", "0"],
        ["@", "@", "0"],
      ],
      values: [
        ["con_1", "'=1+1", 3],
        ["con_2", "Zoé", 4],
      ],
    });
    expect(log.resized).toEqual([[0, 0, 2003, 3]]);
  });

  it("makes a pull's table: text headers, hidden id and version columns, the header row frozen", async () => {
    const { written, log } = excelMock();
    const made = await createPullTable({
      newSheetName: "Clients",
      tableName: "Rapport_Clients",
      headers: ["Id", "Version", "First name"],
      kinds: ["id", "version", "text"],
      hidden: [true, true, false],
    });
    expect(made).toMatchObject({ tableName: "Rapport_Clients", row: 0, column: 0, columns: 3 });
    expect(written[0]).toMatchObject({
      at: [0, 0, 1, 3],
      values: [["Id", "Version", "First name"]],
      numberFormat: [["@", "@", "@"]],
    });
    expect(log.tablesAdded).toEqual([[0, 0, 1, 3]]);
    expect(log.names).toEqual(["Rapport_Clients"]);
    expect(written.filter((w) => w.columnHidden).map((w) => w.at[1])).toEqual([0, 1]);
    expect(log.frozen).toBe(1);
  });

  it("writes a long status column in chunks, one sync each, with fills per run of colour", async () => {
    const { written, log } = excelMock();
    const cells = Array.from({ length: 45_000 }, (_, row) => ({
      row,
      value: row % 2 ? "Create" : "Duplicate of row 2",
      fill: row < 3 ? "#C6EFCE" : null,
    }));
    const syncs = await writeColumnCells({ sheetName: "Clients", row: 0 }, 7, cells, "@");
    expect(syncs).toBe(3);
    expect(log.syncs).toBe(3);
    const valueRanges = written.filter((w) => w.values);
    expect(valueRanges.map((w) => w.at[2])).toEqual([20_000, 20_000, 5_000]);
    expect(written.find((w) => w.fill === "#C6EFCE")?.at).toEqual([1, 7, 3, 1]);
  });

  it("reads rows in chunks and halves a chunk Excel refuses for its size", async () => {
    const values = Array.from({ length: 10 }, (_, r) => [`a${r}`, `b${r}`]);
    const { log } = excelMock({ refuseRowsOver: 3, values });
    const read = await readRows({ sheetName: "Clients", row: 0, column: 0, rows: 10, columns: 2 }, ["values"]);
    expect(read.values).toEqual(values);
    expect(log.syncs).toBeGreaterThanOrEqual(4);
  });
});
