import type { Kysely } from "kysely";
import { AppError } from "../http/app-error.ts";
import type { LooseTables } from "./access.ts";
import { audit } from "./audit.ts";
import type { ListQueryBase, NewRecord, RecordMeta, RecordStore } from "./record-store.ts";
import type { RequestContext } from "./request-context.ts";

type WithOwner = { ownerId?: string | undefined };

/**
 * The standard service of a record type: a module only says how an input becomes stored fields
 * (`prepare`: normalise, compute totals, check rules). On update, `prepare` sees the stored record
 * with the patch laid over it, so a field the client left out keeps its value.
 */
export function recordService<
  Entity extends RecordMeta,
  Fields extends object,
  Query extends ListQueryBase,
  Input extends object,
>(
  store: RecordStore<Entity, Fields, Query>,
  prepare: (ctx: RequestContext, input: Input, current: Entity | null) => Fields | Promise<Fields>,
) {
  return {
    store,
    list: (ctx: RequestContext, query: Query) => store.list(ctx, query),
    get: (ctx: RequestContext, id: string) => auditingHidden(ctx, store, id, () => store.get(ctx.db, ctx.user, id)),
    create: async (ctx: RequestContext, { ownerId, ...input }: Input & WithOwner): Promise<Entity> =>
      store.create(ctx, await prepare(ctx, input as unknown as Input, null), ownerId),
    /**
     * `create` for many inputs at once: each prepared as `create` prepares it, in order (the first
     * input that fails throws its error), then written by the store's `createMany`.
     */
    createMany: async (ctx: RequestContext, inputs: ReadonlyArray<Input & WithOwner>): Promise<Entity[]> => {
      const records: Array<NewRecord<Fields>> = [];
      for (const { ownerId, ...input } of inputs) {
        records.push({ fields: await prepare(ctx, input as unknown as Input, null), ownerId });
      }
      return store.createMany(ctx, records);
    },
    update: (ctx: RequestContext, id: string, version: number, { ownerId, ...patch }: Partial<Input> & WithOwner) =>
      auditingHidden(ctx, store, id, () =>
        store.update(
          ctx,
          id,
          version,
          (current, tx) => prepare({ ...ctx, db: tx }, { ...fieldsOf(current), ...patch } as unknown as Input, current),
          ownerId,
        ),
      ),
    remove: (ctx: RequestContext, id: string, version: number | null) =>
      auditingHidden(ctx, store, id, () => store.remove(ctx, id, version)),
  };
}

/** A record without its meta fields: what a client may change. */
export function fieldsOf<E extends RecordMeta>(record: E): Omit<E, keyof RecordMeta> {
  const { id, createdAt, updatedAt, version, ownerId, teamId, ...fields } = record;
  return fields;
}

/**
 * Runs a read or write of one record; when it answers "not found" for a record that exists but
 * that the user may not see, the refusal goes to the audit trail. The answer stays the same 404:
 * the user learns nothing, the admin does.
 */
async function auditingHidden<T>(
  ctx: RequestContext,
  store: { def: { table: string; label: string } },
  id: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") {
      const hidden = await (ctx.db as unknown as Kysely<LooseTables>)
        .selectFrom(store.def.table)
        .select("id")
        .where("id", "=", id)
        .executeTakeFirst();
      if (hidden) {
        await audit(ctx.db, ctx, {
          action: "refused",
          entity: store.def.label,
          entityId: id,
          detail: { reason: "not visible" },
        });
      }
    }
    throw error;
  }
}
