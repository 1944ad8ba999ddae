/**
 * Most cells (rows × columns, after padding short rows) a contact file may produce. A few bytes can
 * ask for a huge table (a 100,000-column header over a million one-letter lines, or one xlsx cell
 * at column XFD on every row); this refuses it before the memory is taken. 100,000 contacts of
 * 200 columns still fit.
 */
export const MAX_CELLS = 20_000_000;

/** Pads rows shorter than the header with "", after checking the table stays under MAX_CELLS. */
export function padRows(headers: string[], rows: string[][], onTooLarge: (cells: number) => Error): void {
  let cells = headers.length;
  for (const row of rows) cells += Math.max(row.length, headers.length);
  if (cells > MAX_CELLS) throw onTooLarge(cells);
  for (const row of rows) while (row.length < headers.length) row.push("");
}
