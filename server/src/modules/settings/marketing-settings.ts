import { MarketingSettings, type MarketingSettingsUpdate } from "@rapport/shared/schemas";
import type { z } from "zod";
import { inTransaction } from "../../db/in-transaction.ts";
import { requireAdmin } from "../../http/require-admin.ts";
import { audit } from "../../records/audit.ts";
import { nowIso } from "../../records/ids.ts";
import { readJson, writeJson } from "../../records/json-column.ts";
import type { RequestContext, Tx } from "../../records/request-context.ts";

const KEY = "marketing";

/** The admin's marketing settings; defaults until an admin changes them. */
export async function readMarketingSettings(db: Tx): Promise<MarketingSettings> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", KEY).executeTakeFirst();
  // Parsed on every read, so a value stored by an older version gains the newer defaults.
  const parsed = MarketingSettings.safeParse(readJson(row?.value ?? null, {}));
  return parsed.success ? parsed.data : MarketingSettings.parse({});
}

/** Each section given replaces the stored one; admins only, audited. */
export async function updateMarketingSettings(
  ctx: RequestContext,
  change: z.output<typeof MarketingSettingsUpdate>,
): Promise<MarketingSettings> {
  requireAdmin(ctx.user, "change the marketing settings");
  return inTransaction(ctx.db, async (tx) => {
    const before = await readMarketingSettings(tx);
    const after = MarketingSettings.parse({ ...before, ...change });
    const row = { key: KEY, value: writeJson(after), updated_at: nowIso(), updated_by: ctx.user.id };
    await tx
      .insertInto("settings")
      .values(row)
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({ value: row.value, updated_at: row.updated_at, updated_by: row.updated_by }),
      )
      .execute();
    await audit(tx, ctx, { action: "update", entity: "settings", entityId: KEY, detail: { before, after } });
    return after;
  });
}
