import { type Area, parseAddress, sheetAddress } from "./a1.ts";
import { ClientObject, type HostContext } from "./client-object.ts";
import { areaOf, HostRange, type RangeModel, tableRange } from "./range.ts";
import {
  type ChartModel,
  cellAt,
  cellFor,
  hostError,
  type SheetModel,
  type TableModel,
  writeGrid,
  writeInput,
} from "./workbook-model.ts";

/** A collection proxy: `items` after load("items/name"), getItem, getItemOrNullObject, getCount. */
abstract class HostCollection<M, P extends ClientObject<M>> extends ClientObject<M[]> {
  private itemProxies: P[] | undefined;
  protected abstract proxy(resolve: () => M | null, nullable: boolean): P;
  protected abstract key(model: M): string;

  protected scalarNames(): string[] {
    return ["items", "count"];
  }
  protected read(name: string, models: M[]): unknown {
    if (name === "count") return models.length;
    if (name === "items") {
      this.itemProxies = models.map((model) => {
        const item = this.proxy(() => model, false);
        item.loadNow(["*"]);
        return item;
      });
      return undefined;
    }
    throw hostError("InvalidArgument", `The simulated host does not read ${name} of a collection.`);
  }
  protected override loadNested(path: string, models: M[]): void {
    const property = path.split("/")[1] ?? "*";
    this.itemProxies = models.map((model) => {
      const item = this.proxy(() => model, false);
      // Loaded at once: the batch is already running.
      item.loadNow(property.split(","));
      return item;
    });
    this.loaded.add("items");
  }
  get items(): P[] {
    this.property("items");
    return this.itemProxies ?? [];
  }
  get count(): number {
    return this.property("count") as number;
  }
  getItem(key: string): P {
    return this.proxy(() => this.find(key) ?? null, false);
  }
  getItemOrNullObject(key: string): P {
    return this.proxy(() => this.find(key) ?? null, true);
  }
  getItemAt(index: number): P {
    return this.proxy(() => this.model()[index] ?? null, false);
  }
  getCount(): { value: number } {
    const result = { value: 0 };
    this.context.enqueue(() => {
      result.value = this.model().length;
    });
    return result;
  }
  private find(key: string): M | undefined {
    return this.model().find((model) => this.key(model).toLowerCase() === key.toLowerCase());
  }
}

export class HostWorksheet extends ClientObject<SheetModel> {
  readonly tables: HostTableCollection;
  readonly charts: HostChartCollection;
  readonly freezePanes: { freezeRows: (rows: number) => void; unfreeze: () => void };

  constructor(context: HostContext, resolve: () => SheetModel | null, nullable = false) {
    super(context, resolve, nullable);
    this.tables = new HostTableCollection(
      context,
      () => this.model().tables,
      () => this.model(),
    );
    this.charts = new HostChartCollection(
      context,
      () => this.model().charts,
      () => this.model(),
    );
    this.freezePanes = {
      freezeRows: (rows: number) =>
        context.enqueue(() => {
          this.model().frozenRows = rows;
        }, rows),
      unfreeze: () =>
        context.enqueue(() => {
          this.model().frozenRows = 0;
        }),
    };
  }
  protected scalarNames(): string[] {
    return ["name", "id", "position", "visibility"];
  }
  protected read(name: string, sheet: SheetModel): unknown {
    switch (name) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return this.context.model.sheets.indexOf(sheet);
      case "visibility":
        return "Visible";
      default:
        throw hostError("InvalidArgument", `The simulated host does not read Worksheet.${name}.`);
    }
  }
  get name(): string {
    return this.property("name") as string;
  }
  set name(name: string) {
    this.context.enqueue(() => {
      this.model().name = name;
    }, name);
  }
  get id(): string {
    return this.property("id") as string;
  }
  getRange(address?: string): HostRange {
    return new HostRange(this.context, () => {
      const sheet = this.model();
      return { sheet, area: address ? parseAddress(address) : parseAddress("A:XFD") };
    });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): HostRange {
    return new HostRange(this.context, () => {
      if (row < 0 || column < 0 || rows < 1 || columns < 1) {
        throw hostError("InvalidArgument", `getRangeByIndexes(${row}, ${column}, ${rows}, ${columns}) is no range.`);
      }
      return { sheet: this.model(), area: { row, column, rows, columns } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): HostRange {
    return this.getRange().getUsedRangeOrNullObject(valuesOnly);
  }
  getUsedRange(valuesOnly = false): HostRange {
    const nullable = this.getUsedRangeOrNullObject(valuesOnly);
    return new HostRange(this.context, () => {
      const resolved = (nullable as unknown as { resolveModel: () => RangeModel | null }).resolveModel();
      // An empty sheet's used range is A1, as in Excel.
      return resolved ?? { sheet: this.model(), area: { row: 0, column: 0, rows: 1, columns: 1 } };
    });
  }
  activate(): void {
    this.context.enqueue(() => {
      this.context.model.activeSheet = this.model().name;
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const sheet = this.model();
      const { model } = this.context;
      model.sheets = model.sheets.filter((s) => s !== sheet);
      if (model.activeSheet === sheet.name) model.activeSheet = model.sheets[0]?.name ?? "";
    });
  }
}

export class HostWorksheetCollection extends HostCollection<SheetModel, HostWorksheet> {
  protected proxy(resolve: () => SheetModel | null, nullable: boolean): HostWorksheet {
    return new HostWorksheet(this.context, resolve, nullable);
  }
  protected key(sheet: SheetModel): string {
    return sheet.name;
  }
  getActiveWorksheet(): HostWorksheet {
    return new HostWorksheet(this.context, () => this.context.model.sheet(this.context.model.activeSheet));
  }
  add(name?: string): HostWorksheet {
    let created: SheetModel | null = null;
    this.context.enqueue(() => {
      const { model } = this.context;
      let sheetName = name;
      for (let n = model.sheets.length + 1; !sheetName; n++) {
        if (!model.findSheet(`Sheet${n}`)) sheetName = `Sheet${n}`;
      }
      created = model.addSheet(sheetName);
    }, name ?? "");
    return new HostWorksheet(this.context, () => created);
  }
}

export class HostTable extends ClientObject<TableModel> {
  readonly columns: HostTableColumnCollection;
  readonly rows: {
    add: (index: number | null, values: unknown[][]) => void;
    load: (a?: string) => void;
    count?: number;
  };

  constructor(context: HostContext, resolve: () => TableModel | null, nullable = false) {
    super(context, resolve, nullable);
    this.columns = new HostTableColumnCollection(context, () => this.model());
    const rowCount = { value: 0 };
    this.rows = {
      add: (index, values) => this.addRows(index, values),
      load: () =>
        context.enqueue(() => {
          rowCount.value = this.model().area.rows - 1;
        }),
      get count() {
        return rowCount.value;
      },
    };
  }
  protected scalarNames(): string[] {
    return ["name", "id", "style", "showTotals", "showHeaders"];
  }
  protected read(name: string, table: TableModel): unknown {
    switch (name) {
      case "name":
        return table.name;
      case "id":
        return table.id;
      case "style":
        return table.style;
      case "showTotals":
        return false;
      case "showHeaders":
        return true;
      default:
        throw hostError("InvalidArgument", `The simulated host does not read Table.${name}.`);
    }
  }
  get name(): string {
    return this.property("name") as string;
  }
  set name(name: string) {
    this.context.enqueue(() => {
      const table = this.model();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name))
        throw hostError("InvalidArgument", `"${name}" is not a valid table name.`);
      const other = this.context.model.findTable(name);
      if (other && other !== table) throw hostError("InvalidArgument", `A table named "${name}" already exists.`);
      table.name = name;
    }, name);
  }
  get id(): string {
    return this.property("id") as string;
  }
  set style(style: string) {
    this.context.enqueue(() => {
      this.model().style = style;
    }, style);
  }
  set showBandedRows(_banded: boolean) {
    this.context.enqueue(() => void this.model(), _banded);
  }
  set showFilterButton(_shown: boolean) {
    this.context.enqueue(() => void this.model(), _shown);
  }
  get worksheet(): HostWorksheet {
    return new HostWorksheet(this.context, () => this.model().sheet);
  }
  getRange(): HostRange {
    return new HostRange(this.context, () => tableRange(this.model()));
  }
  getHeaderRowRange(): HostRange {
    return new HostRange(this.context, () => {
      const { sheet, area } = tableRange(this.model());
      return { sheet, area: { ...area, rows: 1 } };
    });
  }
  getDataBodyRange(): HostRange {
    return new HostRange(this.context, () => {
      const { sheet, area } = tableRange(this.model());
      return { sheet, area: { ...area, row: area.row + 1, rows: Math.max(1, area.rows - 1) } };
    });
  }
  resize(target: string | HostRange): void {
    this.context.enqueue(
      () => {
        const table = this.model();
        const { sheet, area } = areaOf(table.sheet, target);
        if (sheet !== table.sheet) throw hostError("InvalidArgument", "A table cannot move to another sheet.");
        if (area.row !== table.area.row)
          throw hostError("InvalidArgument", "The header row of a table must stay where it is.");
        checkFree(sheet, area, table);
        table.area = area;
        fillHeaders(table);
      },
      typeof target === "string" ? target : "range",
    );
  }
  delete(): void {
    this.context.enqueue(() => {
      const table = this.model();
      table.sheet.tables = table.sheet.tables.filter((t) => t !== table);
    });
  }
  convertToRange(): HostRange {
    const range = this.getRange();
    this.delete();
    return range;
  }
  private addRows(index: number | null, values: unknown[][]): void {
    this.context.enqueue(() => {
      const table = this.model();
      if (index !== null && index !== undefined && index !== table.area.rows - 1) {
        throw hostError("InvalidArgument", "The simulated host adds table rows at the end only.");
      }
      const start = table.area.row + table.area.rows;
      writeGrid(table.sheet, start, table.area.column, values);
      table.area = { ...table.area, rows: table.area.rows + values.length };
    }, values);
  }
}

/** A table's header cells must hold unique names; empty ones become Column1, Column2… as in Excel. */
function fillHeaders(table: TableModel): void {
  const seen = new Set<string>();
  for (let c = 0; c < table.area.columns; c++) {
    const cell = cellFor(table.sheet, table.area.row, table.area.column + c);
    let name = String(cell.value ?? "").trim() || `Column${c + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${String(cell.value || "Column")}${n}`;
    seen.add(name.toLowerCase());
    if (cell.value !== name) writeInput(cell, `'${name}`);
  }
}

function checkFree(sheet: SheetModel, area: Area, self?: TableModel): void {
  for (const other of sheet.tables) {
    if (other === self) continue;
    const overlap =
      area.row < other.area.row + other.area.rows &&
      other.area.row < area.row + area.rows &&
      area.column < other.area.column + other.area.columns &&
      other.area.column < area.column + area.columns;
    if (overlap) throw hostError("InvalidArgument", "A table can't overlap another table.");
  }
}

export function tableColumnNames(table: TableModel): string[] {
  return Array.from({ length: table.area.columns }, (_, c) =>
    String(cellAt(table.sheet, table.area.row, table.area.column + c)?.value ?? ""),
  );
}

export class HostTableCollection extends HostCollection<TableModel, HostTable> {
  constructor(
    context: HostContext,
    resolve: () => TableModel[],
    private readonly sheetOf: (() => SheetModel) | null,
  ) {
    super(context, resolve);
  }
  protected proxy(resolve: () => TableModel | null, nullable: boolean): HostTable {
    return new HostTable(this.context, resolve, nullable);
  }
  protected key(table: TableModel): string {
    return table.name;
  }
  add(address: string | HostRange, hasHeaders: boolean): HostTable {
    let created: TableModel | null = null;
    this.context.enqueue(
      () => {
        const { model } = this.context;
        const owner = this.sheetOf ? this.sheetOf() : model.sheet(model.activeSheet);
        const sheetName =
          typeof address === "string" && address.includes("!") ? address.split("!")[0]?.replace(/^'|'$/g, "") : null;
        const sheet = sheetName ? model.sheet(sheetName) : owner;
        const { area } = areaOf(sheet, address);
        checkFree(sheet, area);
        if (sheet.merged.some((m) => m.row < area.row + area.rows && area.row < m.row + m.rows)) {
          throw hostError("InvalidArgument", "A table can't include merged cells.");
        }
        const full = hasHeaders ? area : { ...area, row: area.row, rows: area.rows + 1 };
        let n = model.tables().length + 1;
        while (model.findTable(`Table${n}`)) n++;
        created = { id: model.newId("table"), name: `Table${n}`, sheet, area: full, style: "TableStyleMedium2" };
        sheet.tables.push(created);
        fillHeaders(created);
      },
      typeof address === "string" ? address : "range",
    );
    return new HostTable(this.context, () => created);
  }
}

export class HostTableColumn extends ClientObject<{ table: TableModel; index: number }> {
  protected scalarNames(): string[] {
    return ["name", "index"];
  }
  protected read(name: string, model: { table: TableModel; index: number }): unknown {
    if (name === "index") return model.index;
    if (name === "name") return tableColumnNames(model.table)[model.index];
    throw hostError("InvalidArgument", `The simulated host does not read TableColumn.${name}.`);
  }
  get name(): string {
    return this.property("name") as string;
  }
  set name(name: string) {
    this.context.enqueue(() => {
      const { table, index } = this.model();
      writeInput(cellFor(table.sheet, table.area.row, table.area.column + index), `'${name}`);
    }, name);
  }
  get index(): number {
    return this.property("index") as number;
  }
  getDataBodyRange(): HostRange {
    return new HostRange(this.context, () => {
      const { table, index } = this.model();
      return {
        sheet: table.sheet,
        area: {
          row: table.area.row + 1,
          column: table.area.column + index,
          rows: Math.max(1, table.area.rows - 1),
          columns: 1,
        },
      };
    });
  }
  getRange(): HostRange {
    return new HostRange(this.context, () => {
      const { table, index } = this.model();
      return { sheet: table.sheet, area: { ...table.area, column: table.area.column + index, columns: 1 } };
    });
  }
}

type ColumnModel = { table: TableModel; index: number };

export class HostTableColumnCollection extends HostCollection<ColumnModel, HostTableColumn> {
  constructor(
    context: HostContext,
    private readonly table: () => TableModel,
  ) {
    super(context, () => {
      const model = table();
      return Array.from({ length: model.area.columns }, (_, index) => ({ table: model, index }));
    });
  }
  protected proxy(resolve: () => ColumnModel | null, nullable: boolean): HostTableColumn {
    return new HostTableColumn(this.context, resolve, nullable);
  }
  protected key(column: ColumnModel): string {
    return tableColumnNames(column.table)[column.index] ?? "";
  }
  add(index?: number | null, values?: unknown[][], name?: string): HostTableColumn {
    let created: ColumnModel | null = null;
    this.context.enqueue(
      () => {
        const table = this.table();
        if (index !== null && index !== undefined && index !== table.area.columns) {
          throw hostError("InvalidArgument", "The simulated host adds table columns at the end only.");
        }
        const column = table.area.column + table.area.columns;
        checkFree(table.sheet, { row: table.area.row, column, rows: table.area.rows, columns: 1 }, table);
        table.area = { ...table.area, columns: table.area.columns + 1 };
        if (values) {
          if (values.length !== table.area.rows) {
            throw hostError("InvalidArgument", "The values of a new column must fill the header and every row.");
          }
          writeGrid(
            table.sheet,
            table.area.row,
            column,
            values.map((row) => [row[0]]),
          );
        }
        if (name) writeInput(cellFor(table.sheet, table.area.row, column), `'${name}`);
        fillHeaders(table);
        created = { table, index: table.area.columns - 1 };
      },
      { index, values, name },
    );
    return new HostTableColumn(this.context, () => created);
  }
}

export class HostChart extends ClientObject<ChartModel> {
  readonly title: { text: string };
  readonly legend: { position: string; visible: boolean };
  constructor(context: HostContext, resolve: () => ChartModel | null, nullable = false) {
    super(context, resolve, nullable);
    const self = this;
    this.title = {
      set text(text: string) {
        context.enqueue(() => {
          self.model().title = text;
        }, text);
      },
      get text() {
        return self.model().title;
      },
    };
    this.legend = {
      set position(_p: string) {
        context.enqueue(() => void self.model(), _p);
      },
      get position() {
        return "Right";
      },
      set visible(_v: boolean) {
        context.enqueue(() => void self.model(), _v);
      },
      get visible() {
        return true;
      },
    };
  }
  protected scalarNames(): string[] {
    return ["name", "chartType"];
  }
  protected read(name: string, chart: ChartModel): unknown {
    if (name === "name") return chart.name;
    if (name === "chartType") return chart.type;
    throw hostError("InvalidArgument", `The simulated host does not read Chart.${name}.`);
  }
  get name(): string {
    return this.property("name") as string;
  }
  set name(name: string) {
    this.context.enqueue(() => {
      this.model().name = name;
    }, name);
  }
  setPosition(start: string | HostRange, end?: string | HostRange): void {
    const address = (target: string | HostRange | undefined) =>
      typeof target === "string" ? target : target ? "range" : "";
    this.context.enqueue(() => {
      this.model().position = { start: address(start), end: address(end) };
    });
  }
  delete(): void {
    this.context.enqueue(() => {
      const chart = this.model();
      for (const sheet of this.context.model.sheets) sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

export class HostChartCollection extends HostCollection<ChartModel, HostChart> {
  constructor(
    context: HostContext,
    resolve: () => ChartModel[],
    private readonly sheetOf: () => SheetModel,
  ) {
    super(context, resolve);
  }
  protected proxy(resolve: () => ChartModel | null, nullable: boolean): HostChart {
    return new HostChart(this.context, resolve, nullable);
  }
  protected key(chart: ChartModel): string {
    return chart.name;
  }
  add(type: string, source: HostRange | string, seriesBy = "Auto"): HostChart {
    let created: ChartModel | null = null;
    this.context.enqueue(() => {
      const sheet = this.sheetOf();
      const range = areaOf(sheet, source);
      created = {
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: sheetAddress(range.sheet.name, range.area),
        seriesBy,
        title: "",
        position: null,
      };
      sheet.charts.push(created);
    }, type);
    return new HostChart(this.context, () => created);
  }
}

type SettingModel = { key: string; value: unknown };

export class HostSetting extends ClientObject<SettingModel> {
  protected scalarNames(): string[] {
    return ["key", "value"];
  }
  protected read(name: string, setting: SettingModel): unknown {
    if (name === "key") return setting.key;
    if (name === "value") return setting.value;
    throw hostError("InvalidArgument", `The simulated host does not read Setting.${name}.`);
  }
  get key(): string {
    return this.property("key") as string;
  }
  get value(): unknown {
    return this.property("value");
  }
  set value(value: unknown) {
    this.context.enqueue(() => {
      const { key } = this.model();
      this.context.model.settings.set(key, structuredClone(value));
    }, value);
  }
  delete(): void {
    this.context.enqueue(() => {
      this.context.model.settings.delete(this.model().key);
    });
  }
}

export class HostSettingCollection extends HostCollection<SettingModel, HostSetting> {
  constructor(context: HostContext) {
    super(context, () => [...context.model.settings].map(([key, value]) => ({ key, value })));
  }
  protected proxy(resolve: () => SettingModel | null, nullable: boolean): HostSetting {
    return new HostSetting(this.context, resolve, nullable);
  }
  protected key(setting: SettingModel): string {
    return setting.key;
  }
  add(key: string, value: unknown): HostSetting {
    this.context.enqueue(
      () => {
        this.context.model.settings.set(key, structuredClone(value));
      },
      { key, value },
    );
    return this.getItem(key);
  }
}

export class HostWorkbook {
  readonly worksheets: HostWorksheetCollection;
  readonly tables: HostTableCollection;
  readonly settings: HostSettingCollection;
  constructor(readonly context: HostContext) {
    this.worksheets = new HostWorksheetCollection(context, () => context.model.sheets);
    this.tables = new HostTableCollection(context, () => context.model.tables(), null);
    this.settings = new HostSettingCollection(context);
  }
  getActiveCell(): HostRange {
    return new HostRange(this.context, () => ({
      sheet: this.context.model.sheet(this.context.model.activeSheet),
      area: { row: 0, column: 0, rows: 1, columns: 1 },
    }));
  }
}
