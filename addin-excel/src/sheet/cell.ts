/** What one Excel cell holds, as the Excel JavaScript API reads and writes it. */
export type CellValue = string | number | boolean;

/**
 * How a column is written: text (number format "@", formula-looking text escaped), a date or an
 * instant (a serial with a date format), a number, or the hidden id and version the push reads back.
 */
export type ColumnKind = "text" | "date" | "dateTime" | "number" | "amount" | "percent" | "id" | "version";
