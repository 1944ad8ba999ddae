/** A rectangle of cells, 0-based, as the simulated host addresses everything. */
export type Area = { row: number; column: number; rows: number; columns: number };

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const char of letters.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n - 1;
}

/** "B2:D10", "A1", "C:C", "3:3", "Sheet1!A1:B2" (the sheet part is the caller's business). */
export function parseAddress(address: string): Area {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [first, second = first] = local.replace(/\$/g, "").split(":") as [string, string?];
  const a = parseRef(first);
  const b = parseRef(second ?? first);
  const row = Math.min(a.row ?? 0, b.row ?? 0);
  const column = Math.min(a.column ?? 0, b.column ?? 0);
  const lastRow = a.row === null || b.row === null ? MAX_ROWS - 1 : Math.max(a.row, b.row);
  const lastColumn = a.column === null || b.column === null ? MAX_COLUMNS - 1 : Math.max(a.column, b.column);
  return { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 };
}

function parseRef(ref: string): { row: number | null; column: number | null } {
  const match = /^([A-Za-z]*)(\d*)$/.exec(ref.trim());
  if (!match || (!match[1] && !match[2])) throw new Error(`not an address: ${ref}`);
  return {
    column: match[1] ? columnIndex(match[1]) : null,
    row: match[2] ? Number(match[2]) - 1 : null,
  };
}

export function formatArea(area: Area): string {
  const start = `${columnLetters(area.column)}${area.row + 1}`;
  if (area.rows === 1 && area.columns === 1) return start;
  return `${start}:${columnLetters(area.column + area.columns - 1)}${area.row + area.rows}`;
}

export function sheetAddress(sheet: string, area: Area): string {
  const quoted = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${formatArea(area)}`;
}

export function intersects(a: Area, b: Area): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}
