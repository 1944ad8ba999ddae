import { type Area, MAX_COLUMNS, MAX_ROWS, parseAddress, sheetAddress } from "./a1.ts";
import { ClientObject, type HostContext } from "./client-object.ts";
import {
  cellAt,
  cellFor,
  existingCells,
  hostError,
  mergedIn,
  type SheetModel,
  type TableModel,
  usedArea,
  writeGrid,
} from "./workbook-model.ts";

export type RangeModel = { sheet: SheetModel; area: Area };

/** A 2D array of the area's size, or one value for every cell (Excel accepts both). */
function grid(area: Area, input: unknown, what: string): unknown[][] {
  if (!Array.isArray(input)) return Array.from({ length: area.rows }, () => Array(area.columns).fill(input));
  if (input.length !== area.rows || input.some((row) => !Array.isArray(row) || row.length !== area.columns)) {
    throw hostError(
      "InvalidArgument",
      `The number of rows or columns in the ${what} array doesn't match the size or dimensions of the range (${area.rows}x${area.columns}).`,
    );
  }
  return input as unknown[][];
}

function mapArea<T>(model: RangeModel, read: (sheet: SheetModel, row: number, column: number) => T): T[][] {
  const { sheet, area } = model;
  return Array.from({ length: area.rows }, (_, r) =>
    Array.from({ length: area.columns }, (_, c) => read(sheet, area.row + r, area.column + c)),
  );
}

export class HostRange extends ClientObject<RangeModel> {
  readonly format: HostRangeFormat;
  readonly dataValidation: HostDataValidation;

  constructor(context: HostContext, resolve: () => RangeModel | null, nullable = false) {
    super(context, resolve, nullable);
    this.format = new HostRangeFormat(context, () => this.model());
    this.dataValidation = new HostDataValidation(context, () => this.model());
  }

  protected scalarNames(): string[] {
    return [
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "values",
      "formulas",
      "numberFormat",
      "valueTypes",
      "text",
    ];
  }

  protected read(name: string, model: RangeModel): unknown {
    const { sheet, area } = model;
    switch (name) {
      case "address":
        return sheetAddress(sheet.name, area);
      case "rowIndex":
        return area.row;
      case "columnIndex":
        return area.column;
      case "rowCount":
        return area.rows;
      case "columnCount":
        return area.columns;
      case "cellCount":
        return area.rows * area.columns;
      case "values":
        return mapArea(model, (s, r, c) => cellAt(s, r, c)?.value ?? "");
      case "text":
        return mapArea(model, (s, r, c) => String(cellAt(s, r, c)?.value ?? ""));
      case "formulas":
        return mapArea(model, (s, r, c) => {
          const cell = cellAt(s, r, c);
          return cell?.formula ?? cell?.value ?? "";
        });
      case "numberFormat":
        return mapArea(model, (s, r, c) => cellAt(s, r, c)?.format ?? "General");
      case "valueTypes":
        return mapArea(model, (s, r, c) => cellAt(s, r, c)?.type ?? "Empty");
      case "columnHidden": {
        const hidden = Array.from({ length: area.columns }, (_, c) => sheet.hiddenColumns.has(area.column + c));
        return hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false;
      }
      default:
        throw hostError("InvalidArgument", `The simulated host does not read Range.${name}.`);
    }
  }

  get address(): string {
    return this.property("address") as string;
  }
  get rowIndex(): number {
    return this.property("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.property("columnIndex") as number;
  }
  get rowCount(): number {
    return this.property("rowCount") as number;
  }
  get columnCount(): number {
    return this.property("columnCount") as number;
  }
  get valueTypes(): string[][] {
    return this.property("valueTypes") as string[][];
  }
  get text(): string[][] {
    return this.property("text") as string[][];
  }

  get values(): unknown[][] {
    return this.property("values") as unknown[][];
  }
  set values(input: unknown[][]) {
    this.context.enqueue(() => {
      const model = this.model();
      writeGrid(model.sheet, model.area.row, model.area.column, grid(model.area, input, "input"));
    }, input);
  }

  get formulas(): unknown[][] {
    return this.property("formulas") as unknown[][];
  }
  set formulas(input: unknown[][]) {
    this.context.enqueue(() => {
      const model = this.model();
      writeGrid(model.sheet, model.area.row, model.area.column, grid(model.area, input, "formulas"));
    }, input);
  }

  get numberFormat(): unknown[][] {
    return this.property("numberFormat") as unknown[][];
  }
  set numberFormat(input: unknown[][]) {
    this.context.enqueue(() => {
      const model = this.model();
      grid(model.area, input, "number format").forEach((row, r) => {
        row.forEach((format, c) => {
          if (format === null || format === undefined) return;
          cellFor(model.sheet, model.area.row + r, model.area.column + c).format = String(format);
        });
      });
    }, input);
  }

  get columnHidden(): boolean {
    return this.property("columnHidden") as boolean;
  }
  set columnHidden(hidden: boolean) {
    this.context.enqueue(() => {
      const { sheet, area } = this.model();
      for (let c = area.column; c < area.column + area.columns; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    }, hidden);
  }

  private derived(area: (model: RangeModel) => Area): HostRange {
    return new HostRange(this.context, () => {
      const model = this.model();
      const next = area(model);
      if (next.row < 0 || next.column < 0 || next.rows < 1 || next.columns < 1) {
        throw hostError("InvalidArgument", "The range is outside the sheet.");
      }
      return { sheet: model.sheet, area: next };
    });
  }

  getCell(row: number, column: number): HostRange {
    return this.derived(({ area }) => ({ row: area.row + row, column: area.column + column, rows: 1, columns: 1 }));
  }
  getRow(row: number): HostRange {
    return this.derived(({ area }) => ({ ...area, row: area.row + row, rows: 1 }));
  }
  getColumn(column: number): HostRange {
    return this.derived(({ area }) => ({ ...area, column: area.column + column, columns: 1 }));
  }
  getOffsetRange(rows: number, columns: number): HostRange {
    return this.derived(({ area }) => ({ ...area, row: area.row + rows, column: area.column + columns }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): HostRange {
    return this.derived(({ area }) => ({ ...area, rows: area.rows + deltaRows, columns: area.columns + deltaColumns }));
  }
  getAbsoluteResizedRange(rows: number, columns: number): HostRange {
    return this.derived(({ area }) => ({ ...area, rows, columns }));
  }
  getEntireColumn(): HostRange {
    return this.derived(({ area }) => ({ ...area, row: 0, rows: MAX_ROWS }));
  }
  getEntireRow(): HostRange {
    return this.derived(({ area }) => ({ ...area, column: 0, columns: MAX_COLUMNS }));
  }
  getLastRow(): HostRange {
    return this.derived(({ area }) => ({ ...area, row: area.row + area.rows - 1, rows: 1 }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): HostRange {
    return new HostRange(
      this.context,
      () => {
        const { sheet, area } = this.model();
        const used = usedArea(sheet, valuesOnly);
        if (!used) return null;
        const row = Math.max(used.row, area.row);
        const column = Math.max(used.column, area.column);
        const rows = Math.min(used.row + used.rows, area.row + area.rows) - row;
        const columns = Math.min(used.column + used.columns, area.column + area.columns) - column;
        return rows > 0 && columns > 0 ? { sheet, area: { row, column, rows, columns } } : null;
      },
      true,
    );
  }

  getMergedAreasOrNullObject(): HostRangeAreas {
    return new HostRangeAreas(this.context, () => {
      const { sheet, area } = this.model();
      const merged = mergedIn(sheet, area);
      return merged.length ? { sheet, areas: merged } : null;
    });
  }

  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.context.enqueue(() => {
      const model = this.model();
      for (const [, , cell] of existingCells(model.sheet, model.area)) {
        if (applyTo !== "Formats") {
          Object.assign(cell, { value: "", type: "Empty" });
          delete cell.formula;
        }
        if (applyTo !== "Contents") {
          delete cell.format;
          delete cell.fill;
          delete cell.fontColor;
          delete cell.bold;
        }
      }
    }, applyTo);
  }

  merge(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.model();
      sheet.merged.push(area);
    });
  }

  select(): void {}
}

export class HostRangeAreas extends ClientObject<{ sheet: SheetModel; areas: Area[] }> {
  constructor(context: HostContext, resolve: () => { sheet: SheetModel; areas: Area[] } | null) {
    super(context, resolve, true);
  }
  protected scalarNames(): string[] {
    return ["address", "areaCount"];
  }
  protected read(name: string, model: { sheet: SheetModel; areas: Area[] }): unknown {
    if (name === "areaCount") return model.areas.length;
    if (name === "address") return model.areas.map((area) => sheetAddress(model.sheet.name, area)).join(",");
    throw hostError("InvalidArgument", `The simulated host does not read RangeAreas.${name}.`);
  }
  get address(): string {
    return this.property("address") as string;
  }
  get areaCount(): number {
    return this.property("areaCount") as number;
  }
}

type FormatTarget = () => RangeModel;

function eachCell(target: RangeModel, apply: (cell: ReturnType<typeof cellFor>) => void): void {
  const { sheet, area } = target;
  const rows = Math.min(area.rows, 100_000);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < area.columns; c++) apply(cellFor(sheet, area.row + r, area.column + c));
  }
}

export class HostRangeFormat {
  readonly fill: HostRangeFill;
  readonly font: HostRangeFont;
  constructor(
    private readonly context: HostContext,
    private readonly target: FormatTarget,
  ) {
    this.fill = new HostRangeFill(context, target);
    this.font = new HostRangeFont(context, target);
  }
  autofitColumns(): void {
    this.context.enqueue(() => void this.target());
  }
  autofitRows(): void {
    this.context.enqueue(() => void this.target());
  }
  set columnWidth(width: number) {
    this.context.enqueue(() => void this.target(), width);
  }
  set wrapText(wrap: boolean) {
    this.context.enqueue(() => void this.target(), wrap);
  }
  set horizontalAlignment(alignment: string) {
    this.context.enqueue(() => void this.target(), alignment);
  }
}

export class HostRangeFill {
  constructor(
    private readonly context: HostContext,
    private readonly target: FormatTarget,
  ) {}
  set color(color: string) {
    this.context.enqueue(() => eachCell(this.target(), (cell) => (cell.fill = color)), color);
  }
  clear(): void {
    this.context.enqueue(() =>
      eachCell(this.target(), (cell) => {
        delete cell.fill;
      }),
    );
  }
}

export class HostRangeFont {
  constructor(
    private readonly context: HostContext,
    private readonly target: FormatTarget,
  ) {}
  set bold(bold: boolean) {
    this.context.enqueue(() => eachCell(this.target(), (cell) => (cell.bold = bold)), bold);
  }
  set color(color: string) {
    this.context.enqueue(() => eachCell(this.target(), (cell) => (cell.fontColor = color)), color);
  }
  set size(_size: number) {
    this.context.enqueue(() => void this.target(), _size);
  }
  set italic(_italic: boolean) {
    this.context.enqueue(() => void this.target(), _italic);
  }
}

export class HostDataValidation {
  constructor(
    private readonly context: HostContext,
    private readonly target: FormatTarget,
  ) {}
  set rule(rule: unknown) {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      sheet.validations.push({ area, rule });
    }, rule);
  }
  clear(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      sheet.validations = sheet.validations.filter((v) => v.area.row !== area.row || v.area.column !== area.column);
    });
  }
}

/** A range given as an address or a range proxy, resolved on a sheet when the batch runs. */
export function areaOf(sheet: SheetModel, target: string | HostRange): RangeModel {
  if (typeof target === "string") return { sheet, area: parseAddress(target) };
  const resolved = (target as unknown as { resolveModel: () => RangeModel | null }).resolveModel();
  if (!resolved) throw hostError("ItemNotFound", "The range does not exist.");
  return resolved;
}

export function tableRange(table: TableModel): RangeModel {
  return { sheet: table.sheet, area: table.area };
}
