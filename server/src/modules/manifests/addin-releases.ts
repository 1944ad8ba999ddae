import { randomUUID } from "node:crypto";
import { z } from "zod";
import { forUpdate } from "../../db/for-update.ts";
import { inTransaction } from "../../db/in-transaction.ts";
import { nowIso } from "../../records/ids.ts";
import { readJson, writeJson } from "../../records/json-column.ts";
import type { Tx } from "../../records/request-context.ts";

export type AddinName = "outlook" | "excel";
export const ADDINS = ["outlook", "excel"] as const satisfies readonly AddinName[];

/** Kept in the settings table: ids made once per installation, and the latest build's revision. */
const KEY = "addins";

const AddinState = z.object({
  xmlId: z.uuid(),
  jsonId: z.uuid(),
  /** The hash of the manifests and files last served, and the revision they were given. */
  fingerprint: z.string().nullable(),
  revision: z.number().int().min(0),
});
const Stored = z.object({ outlook: AddinState, excel: AddinState });
type Stored = z.infer<typeof Stored>;

/** The add-in's ids, stable for this installation, and the revision of the build being served. */
export type AddinRelease = { xmlId: string; jsonId: string; revision: number };

const fresh = (): z.infer<typeof AddinState> => ({
  xmlId: randomUUID(),
  jsonId: randomUUID(),
  fingerprint: null,
  revision: 0,
});

/**
 * The ids of an installation's add-ins: made on first use and never changed, so users and the
 * Microsoft 365 admin center see one add-in across restarts, upgrades and server processes.
 */
export async function addinIds(db: Tx): Promise<Record<AddinName, { xmlId: string; jsonId: string }>> {
  return inTransaction(db, async (tx) => {
    const state = await readState(tx, false);
    return { outlook: pick(state.outlook), excel: pick(state.excel) };
  });
}

/**
 * The revision of the add-in whose manifests and files hash to `fingerprint`: the same as last time
 * when nothing changed, the next number otherwise. Office and the Microsoft 365 admin center take
 * a manifest only when its version rises, so any change (a rollback too) raises it.
 */
export async function addinRelease(db: Tx, addin: AddinName, fingerprint: string): Promise<AddinRelease> {
  return inTransaction(db, async (tx) => {
    const state = await readState(tx, true);
    const current = state[addin];
    if (current.fingerprint === fingerprint) return { ...pick(current), revision: current.revision };
    const revision = current.revision + 1;
    await write(tx, { ...state, [addin]: { ...current, fingerprint, revision } });
    return { ...pick(current), revision };
  });
}

const pick = ({ xmlId, jsonId }: { xmlId: string; jsonId: string }) => ({ xmlId, jsonId });

/** Reads the row, creating it the first time; `lock` holds it until the transaction ends. */
async function readState(tx: Tx, lock: boolean): Promise<Stored> {
  // Two processes starting at once both try; the second insert does nothing and both read the first.
  await tx
    .insertInto("settings")
    .values({
      key: KEY,
      value: writeJson({ outlook: fresh(), excel: fresh() }),
      updated_at: nowIso(),
      updated_by: null,
    })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const query = tx.selectFrom("settings").select("value").where("key", "=", KEY);
  const row = await (lock ? forUpdate(tx, query) : query).executeTakeFirstOrThrow();
  const parsed = Stored.safeParse(readJson(row.value, null));
  if (!parsed.success)
    throw new Error(`The stored add-in ids (settings "${KEY}") are unreadable: ${parsed.error.message}`);
  return parsed.data;
}

async function write(tx: Tx, state: Stored): Promise<void> {
  await tx
    .updateTable("settings")
    .set({ value: writeJson(state), updated_at: nowIso() })
    .where("key", "=", KEY)
    .execute();
}
