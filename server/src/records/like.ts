import { type RawBuilder, type SqlBool, sql } from "kysely";

/**
 * `column LIKE '%text%'` with the text taken literally: a user searching for "50%" means the
 * characters. The ESCAPE clause is spelled out because SQLite has no default escape character.
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
