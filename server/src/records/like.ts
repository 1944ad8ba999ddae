import { type RawBuilder, type SqlBool, sql } from "kysely";

const pattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * `column LIKE '%text%'` with the text taken literally: a user searching for "50%" means the
 * characters. The ESCAPE clause is spelled out because SQLite has no default escape character.
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${pattern(text)} escape '\\'`;
}

/**
 * The same, ignoring case, for tables without a folded search column (deal names, case
 * subjects...). Accents still count there; contacts and accounts fold them too.
 */
export function containsTextIgnoringCase(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern(text.toLowerCase())} escape '\\'`;
}
