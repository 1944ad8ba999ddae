import type { z } from "zod";
import { inTransaction } from "../../db/in-transaction.ts";
import { requireAdmin } from "../../http/require-admin.ts";
import { audit } from "../../records/audit.ts";
import { nowIso } from "../../records/ids.ts";
import { readJson, writeJson } from "../../records/json-column.ts";
import type { RequestContext, Tx } from "../../records/request-context.ts";

/**
 * One section of the admin's settings, stored as JSON under its key: defaults until an admin
 * changes it, each field given replaces the stored one, admins only, audited with before and after.
 */
export function settingsSection<S extends z.ZodType<object>>(key: string, schema: S, what: string) {
  type Settings = z.output<S>;

  // The lookup and every log read these settings: the row is read each time (another process may
  // have changed it), but the same stored text is parsed once. Callers never mutate the answer.
  let last: { text: string | null; settings: Settings } | null = null;

  /** Parsed with the schema, so a value stored by an older version gains the newer defaults. */
  async function read(db: Tx): Promise<Settings> {
    const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
    const text = row?.value ?? null;
    if (last?.text === text) return last.settings;
    const parsed = schema.safeParse(readJson(text, {}));
    const settings = parsed.success ? parsed.data : schema.parse({});
    last = { text, settings };
    return settings;
  }

  async function update(ctx: RequestContext, change: Partial<Settings>): Promise<Settings> {
    requireAdmin(ctx.user, `change ${what}`);
    return inTransaction(ctx.db, async (tx) => {
      const before = await read(tx);
      const after = schema.parse({ ...before, ...change });
      const row = { key, value: writeJson(after), updated_at: nowIso(), updated_by: ctx.user.id };
      await tx
        .insertInto("settings")
        .values(row)
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({ value: row.value, updated_at: row.updated_at, updated_by: row.updated_by }),
        )
        .execute();
      await audit(tx, ctx, { action: "update", entity: "settings", entityId: key, detail: { before, after } });
      return after;
    });
  }

  return { read, update };
}
