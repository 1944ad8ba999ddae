import type { Kysely, SelectQueryBuilder, Transaction } from "kysely";
import { constraintViolation } from "../db/errors.ts";
import { inTransaction } from "../db/in-transaction.ts";
import type { Database, RecordTable } from "../db/schema.ts";
import { AppError, invalidField, notFound } from "../http/app-error.ts";
import type { AuthUser } from "../http/context.ts";
import { assertMayWrite, isVisibleTo, type LooseTables, visibleTo } from "./access.ts";
import { type AuditEntry, audit, auditMany, changedFields } from "./audit.ts";
import { decodeCursor, pageOf } from "./cursor.ts";
import { newId, nowIso } from "./ids.ts";
import { writeJson } from "./json-column.ts";
import type { RequestContext, Tx } from "./request-context.ts";
import { deleteSideRowsOf, insertRows, writeMirrorRows } from "./side-rows.ts";

export type RecordMeta = {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  ownerId: string;
  teamId: string | null;
};

type Row = Record<string, unknown>;
export type LooseSelect = SelectQueryBuilder<LooseTables, string, Row>;
/** Ids per `in (...)` list: far below SQLite's and PostgreSQL's parameter limits. */
const ID_BATCH = 500;

/** Generic code reaches every record table through this one loosely typed view. */
const loose = (db: Tx) => db as unknown as Kysely<LooseTables>;

/** What a module tells the generic record code about its table. */
export type RecordDefinition<Entity extends RecordMeta, Fields, Query> = {
  table: RecordTable;
  /** Id prefix: `con` gives `con_…`. */
  prefix: string;
  /** A human name for messages: "contact". */
  label: string;
  /** Domain fields -> columns (not the meta columns, which this file owns). */
  toColumns: (fields: Fields) => Row;
  /** A row -> the entity, before children are attached. */
  fromRow: (row: Row) => Entity;
  /** Attaches side-table data (stage history, order lines) to a page of entities at once. */
  loadChildren?: (db: Tx, entities: Entity[]) => Promise<void>;
  /**
   * Side tables whose rows follow from the record alone (its addresses, search terms, order lines):
   * rewritten in the same transaction whenever their rows change. The bench's bulk writer uses
   * them too, so both write the same rows.
   */
  mirrors?: Array<Mirror<Entity>>;
  /** Other side-table writes after an insert or update (stage history), in the same transaction. */
  writeChildren?: (tx: Tx, entity: Entity, before: Entity | null, ctx: RequestContext) => Promise<void>;
  /**
   * Data elsewhere derived from these records (a contact's order facts from its orders), brought
   * up to date in the same transaction after every create, update and delete.
   */
  afterChange?: (tx: Tx, transitions: Array<RecordTransition<Entity>>) => Promise<void>;
  /** Applies the list filters of this record type. */
  filter?: (qb: LooseSelect, query: Query) => LooseSelect;
  /** Ids in the fields that must name a record the user can see, checked before writing. */
  references?: Array<{ field: keyof Fields & string; table: RecordTable; label: string; sharedWithEveryone?: boolean }>;
  /** Records every user sees (the product catalogue), whoever owns them. */
  sharedWithEveryone?: boolean;
};

/** One record of a bulk create: its fields and, as for `create`, an owner other than the caller. */
export type NewRecord<Fields> = { fields: Fields; ownerId?: string | undefined };

/** One record of a bulk update: the record as just read in the caller's transaction, and its new fields. */
export type RecordChange<Entity, Fields> = { current: Entity; fields: Fields };

/**
 * A side table mirroring a record: `owner` is its column holding the record's id. `inPlace`: one
 * row per record whose other columns someone else writes (a contact's order facts), so the row is
 * upserted on change rather than deleted and written again.
 */
export type Mirror<Entity> = { table: string; owner: string; rows: (entity: Entity) => Row[]; inPlace?: true };

/** A record as it was and as it is after a write: null before a create, null after a delete. */
export type RecordTransition<Entity> = { before: Entity | null; after: Entity | null };

export type ListQueryBase = {
  cursor?: string | undefined;
  limit: number;
  ownerId?: string | undefined;
  updatedSince?: string | undefined;
};

export function metaFromRow(row: Row): RecordMeta {
  return {
    id: row.id as string,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
    version: row.version as number,
    ownerId: row.owner_id as string,
    teamId: (row.team_id as string | null) ?? null,
  };
}

/**
 * Create, read, list, update and delete for one record type, with the rules every record obeys:
 * visibility per user, optimistic versions, audit in the same transaction, no half-written
 * record when any step fails.
 */
export class RecordStore<Entity extends RecordMeta, Fields extends object, Query extends ListQueryBase> {
  constructor(readonly def: RecordDefinition<Entity, Fields, Query>) {}

  /** The row of a visible record, or null. */
  async findRow(db: Tx, user: AuthUser, id: string): Promise<Row | null> {
    let qb = loose(db).selectFrom(this.def.table).selectAll().where("id", "=", id);
    const visible = this.def.sharedWithEveryone ? null : visibleTo(user);
    if (visible) qb = qb.where(visible);
    return ((await qb.executeTakeFirst()) as Row | undefined) ?? null;
  }

  async find(db: Tx, user: AuthUser, id: string): Promise<Entity | null> {
    const row = await this.findRow(db, user, id);
    return row ? ((await this.hydrate(db, [row]))[0] ?? null) : null;
  }

  /** The visible records among `ids`, read in batches (an import checks thousands at once). */
  async findMany(db: Tx, user: AuthUser, ids: readonly string[]): Promise<Entity[]> {
    const found: Entity[] = [];
    for (let start = 0; start < ids.length; start += ID_BATCH) {
      found.push(...(await this.hydrate(db, await this.visibleRows(db, user, ids.slice(start, start + ID_BATCH)))));
    }
    return found;
  }

  /**
   * The rows of the visible records among `ids`, with only `columns` (all by default) besides the
   * id: for reads of thousands of records that need a few of their fields (an import's candidates).
   */
  async visibleRows(db: Tx, user: AuthUser, ids: readonly string[], columns: readonly string[] = []): Promise<Row[]> {
    const shared = this.def.sharedWithEveryone;
    const selected = columns.length ? ["id", ...columns, ...(shared ? [] : ["owner_id", "team_id"])] : null;
    const found: Row[] = [];
    for (let start = 0; start < ids.length; start += ID_BATCH) {
      const batch = ids.slice(start, start + ID_BATCH);
      const query = loose(db).selectFrom(this.def.table);
      const rows = (await (selected ? query.select(selected) : query.selectAll())
        .where("id", "in", batch)
        .execute()) as Row[];
      // Visibility is checked on the rows, not in SQL: with "id in (...)" beside the owner-or-team
      // condition, SQLite (without statistics) walked the whole team through the owner and team
      // indexes for each batch, 6 s a batch on 1M contacts, instead of reading 500 ids.
      for (const row of rows) {
        if (shared || isVisibleTo(user, row as { owner_id: string; team_id: string | null })) found.push(row);
      }
    }
    return found;
  }

  async get(db: Tx, user: AuthUser, id: string): Promise<Entity> {
    const entity = await this.find(db, user, id);
    if (!entity) throw notFound(this.def.label);
    return entity;
  }

  async hydrate(db: Tx, rows: Row[]): Promise<Entity[]> {
    const entities = rows.map((row) => this.def.fromRow(row));
    if (this.def.loadChildren && entities.length > 0) await this.def.loadChildren(db, entities);
    return entities;
  }

  async list(ctx: RequestContext, query: Query): Promise<{ items: Entity[]; nextCursor: string | null }> {
    let qb = loose(ctx.db).selectFrom(this.def.table).selectAll() as LooseSelect;
    const visible = this.def.sharedWithEveryone ? null : visibleTo(ctx.user);
    if (visible) qb = qb.where(visible);
    if (query.ownerId) qb = qb.where("owner_id", "=", query.ownerId);
    if (query.updatedSince) qb = qb.where("updated_at", ">=", query.updatedSince);
    if (query.cursor) qb = qb.where("id", ">", decodeCursor(query.cursor, 1)[0] as string);
    if (this.def.filter) qb = this.def.filter(qb, query);
    const rows = (await qb
      .orderBy("id")
      .limit(query.limit + 1)
      .execute()) as Row[];
    const { page, nextCursor } = pageOf(rows, query.limit, (last) => [last.id as string]);
    return { items: await this.hydrate(ctx.db, page), nextCursor };
  }

  async create(ctx: RequestContext, fields: Fields, ownerId?: string): Promise<Entity> {
    assertMayWrite(ctx.user, this.def.table, this.def.label);
    return this.writing(async () =>
      inTransaction(ctx.db, async (tx) => {
        await this.checkReferences(tx, ctx.user, fields);
        const owner = await ownerOf(tx, ctx.user, ownerId);
        const now = nowIso();
        const id = newId(this.def.prefix);
        const row = {
          id,
          created_at: now,
          updated_at: now,
          version: 1,
          owner_id: owner.id,
          team_id: owner.teamId,
          ...this.def.toColumns(fields),
        };
        await loose(tx).insertInto(this.def.table).values(row).execute();
        // Children (order lines...) are only in the fields until their side table stores them.
        const entity = { ...this.def.fromRow(row), ...fields } as Entity;
        await this.writeSideTables(tx, ctx, entity, null);
        await audit(tx, ctx, { action: "create", entity: this.def.label, entityId: id });
        return (await this.hydrate(tx, [row]))[0] as Entity;
      }),
    );
  }

  /**
   * Creates many records at once, with the rules and results of `create` for each (same rows, side
   * rows and audit entries, same validation errors: the first failing record's, in order), but
   * multi-row INSERTs for the main table, each side table and the audit, one reference check per
   * distinct id and one owner look-up per distinct owner. All or nothing: in the caller's
   * transaction, or a transaction of its own.
   */
  async createMany(ctx: RequestContext, records: ReadonlyArray<NewRecord<Fields>>): Promise<Entity[]> {
    if (records.length === 0) return [];
    assertMayWrite(ctx.user, this.def.table, this.def.label);
    return this.writing(async () =>
      inTransaction(ctx.db, async (tx) => {
        const references = await this.visibleReferences(
          tx,
          ctx.user,
          records.map((record) => record.fields),
        );
        const owners = await ownersOf(
          tx,
          ctx.user,
          records.map((record) => record.ownerId),
        );
        const now = nowIso();
        const rows = records.map((record) => {
          // The checks `create` makes, in its order, so the same record fails with the same error.
          this.referencesOrThrow(references, record.fields);
          const owner = ownerOrThrow(owners, ctx.user, record.ownerId);
          // Object.assign rather than a literal with a spread: V8 builds the latter far slower.
          const meta = { id: newId(this.def.prefix), created_at: now, updated_at: now, version: 1 };
          return Object.assign(meta, { owner_id: owner.id, team_id: owner.teamId }, this.def.toColumns(record.fields));
        });
        await insertRows(tx, this.def.table, rows);
        const created = rows.map((row) => this.def.fromRow(row));
        // Children (order lines...) are only in the fields until their side table stores them.
        const entities = created.map((entity, i) => Object.assign({}, entity, records[i]?.fields) as Entity);
        await this.writeManySideTables(tx, ctx, entities, null);
        await auditMany(
          tx,
          ctx,
          entities.map((entity) => ({ action: "create", entity: this.def.label, entityId: entity.id })),
        );
        return this.withChildren(tx, created);
      }),
    );
  }

  /**
   * Applies many changes at once, with the rules and results of `update` for each (version check,
   * references, side tables rewritten where their rows change, an audit entry with the changed
   * fields), each record read back as stored. `current` must have been read in the caller's
   * transaction; each record appears once (apply the next change to the same record in a later
   * call). The owner stays as it is. All or nothing.
   */
  async updateMany(ctx: RequestContext, changes: ReadonlyArray<RecordChange<Entity, Fields>>): Promise<Entity[]> {
    if (changes.length === 0) return [];
    assertMayWrite(ctx.user, this.def.table, this.def.label);
    const ids = changes.map((change) => change.current.id);
    if (new Set(ids).size !== ids.length) throw new Error("updateMany: each record at most once per call");
    return this.writing(async () =>
      inTransaction(ctx.db, async (tx) => {
        const references = await this.visibleReferences(
          tx,
          ctx.user,
          changes.map((change) => change.fields),
        );
        const now = nowIso();
        for (const { current, fields } of changes) {
          const result = await loose(tx)
            .updateTable(this.def.table)
            .set({ ...this.def.toColumns(fields), updated_at: now, version: current.version + 1 })
            .where("id", "=", current.id)
            .where("version", "=", current.version)
            .executeTakeFirst();
          // Another writer got in between the caller's read and this update: theirs stands.
          if (Number(result.numUpdatedRows) !== 1) throw this.stale(await this.get(tx, ctx.user, current.id));
          // After the version check, as in `update` (all or nothing: the write above rolls back).
          this.referencesOrThrow(references, fields);
        }
        const rows = new Map<string, Row>();
        for (let start = 0; start < ids.length; start += ID_BATCH) {
          const batch = (await loose(tx)
            .selectFrom(this.def.table)
            .selectAll()
            .where("id", "in", ids.slice(start, start + ID_BATCH))
            .execute()) as Row[];
          for (const row of batch) rows.set(row.id as string, row);
        }
        const stored = ids.map((id) => this.def.fromRow(rows.get(id) as Row));
        const updated = changes.map(({ fields }, i) => Object.assign({}, stored[i], fields) as Entity);
        await this.writeManySideTables(
          tx,
          ctx,
          updated,
          changes.map((change) => change.current),
        );
        await auditMany(
          tx,
          ctx,
          changes.map(
            ({ current, fields }): AuditEntry => ({
              action: "update",
              entity: this.def.label,
              entityId: current.id,
              detail: { changed: changedFields(current as Record<string, unknown>, fields as Record<string, unknown>) },
            }),
          ),
        );
        return this.withChildren(tx, stored);
      }),
    );
  }

  /**
   * Applies a change made from version `version`. `change` gets the record as stored and returns
   * its new fields; it runs inside the transaction, after the version check, and must read through
   * `tx` (on SQLite the one connection is the transaction's until it ends).
   */
  async update(
    ctx: RequestContext,
    id: string,
    version: number,
    change: (current: Entity, tx: Transaction<Database>) => Fields | Promise<Fields>,
    ownerId?: string,
  ): Promise<Entity> {
    assertMayWrite(ctx.user, this.def.table, this.def.label);
    return this.writing(async () =>
      inTransaction(ctx.db, async (tx) => {
        const current = await this.find(tx, ctx.user, id);
        if (!current) throw notFound(this.def.label);
        if (current.version !== version) throw this.stale(current);
        const fields = await change(current, tx);
        await this.checkReferences(tx, ctx.user, fields);
        const owner = ownerId && ownerId !== current.ownerId ? await ownerOf(tx, ctx.user, ownerId) : null;
        const columns = {
          ...this.def.toColumns(fields),
          updated_at: nowIso(),
          version: version + 1,
          ...(owner ? { owner_id: owner.id, team_id: owner.teamId } : {}),
        };
        const result = await loose(tx)
          .updateTable(this.def.table)
          .set(columns)
          .where("id", "=", id)
          .where("version", "=", version)
          .executeTakeFirst();
        // Another writer got in between our read and this update: theirs stands.
        if (Number(result.numUpdatedRows) !== 1) throw this.stale(await this.get(tx, ctx.user, id));
        const row = (await this.findRow(tx, ctx.user, id)) as Row;
        const updated = { ...this.def.fromRow(row), ...fields } as Entity;
        await this.writeSideTables(tx, ctx, updated, current);
        const changed = changedFields(current as Record<string, unknown>, {
          ...fields,
          ...(owner ? { ownerId: owner.id } : {}),
        });
        await audit(tx, ctx, { action: "update", entity: this.def.label, entityId: id, detail: { changed } });
        return (await this.hydrate(tx, [row]))[0] as Entity;
      }),
    );
  }

  async remove(ctx: RequestContext, id: string, version: number | null): Promise<void> {
    assertMayWrite(ctx.user, this.def.table, this.def.label);
    await this.writing(async () =>
      inTransaction(ctx.db, async (tx) => {
        const current = await this.find(tx, ctx.user, id);
        if (!current) throw notFound(this.def.label);
        if (version !== null && current.version !== version) throw this.stale(current);
        await loose(tx).deleteFrom(this.def.table).where("id", "=", id).execute();
        await this.def.afterChange?.(tx, [{ before: current, after: null }]);
        await audit(tx, ctx, { action: "delete", entity: this.def.label, entityId: id, detail: { before: current } });
      }),
    );
  }

  private async writeSideTables(tx: Tx, ctx: RequestContext, entity: Entity, before: Entity | null): Promise<void> {
    for (const mirror of this.def.mirrors ?? []) {
      const rows = mirror.rows(entity);
      if (before && writeJson(mirror.rows(before)) === writeJson(rows)) continue;
      await writeMirrorRows(tx, mirror, entity.id, rows);
    }
    await this.def.writeChildren?.(tx, entity, before, ctx);
    await this.def.afterChange?.(tx, [{ before, after: entity }]);
  }

  /** `writeSideTables` for many records: one delete per batch of owners, multi-row inserts. */
  private async writeManySideTables(
    tx: Tx,
    ctx: RequestContext,
    entities: Entity[],
    before: Entity[] | null,
  ): Promise<void> {
    for (const mirror of this.def.mirrors ?? []) {
      const owners: string[] = [];
      const rows: Row[] = [];
      entities.forEach((entity, i) => {
        const next = mirror.rows(entity);
        const previous = before?.[i];
        if (previous) {
          if (writeJson(mirror.rows(previous)) === writeJson(next)) return;
          owners.push(entity.id);
        }
        rows.push(...next);
      });
      if (mirror.inPlace) {
        await insertRows(tx, mirror.table, rows, before ? { key: mirror.owner } : undefined);
        continue;
      }
      // A new record owns no side rows yet: nothing to delete.
      await deleteSideRowsOf(tx, mirror.table, mirror.owner, owners, ID_BATCH);
      await insertRows(tx, mirror.table, rows);
    }
    if (this.def.writeChildren) {
      for (const [i, entity] of entities.entries()) await this.def.writeChildren(tx, entity, before?.[i] ?? null, ctx);
    }
    await this.def.afterChange?.(
      tx,
      entities.map((after, i) => ({ before: before?.[i] ?? null, after })),
    );
  }

  /** `hydrate` for entities already made from their rows: children attached a batch at a time. */
  private async withChildren(db: Tx, entities: Entity[]): Promise<Entity[]> {
    if (this.def.loadChildren) {
      for (let start = 0; start < entities.length; start += ID_BATCH) {
        await this.def.loadChildren(db, entities.slice(start, start + ID_BATCH));
      }
    }
    return entities;
  }

  /** Per reference, the ids among `fields` that name a record the user can see: one read per batch of distinct ids. */
  private async visibleReferences(tx: Tx, user: AuthUser, fields: readonly Fields[]): Promise<Array<Set<string>>> {
    const found: Array<Set<string>> = [];
    for (const ref of this.def.references ?? []) {
      const ids = [
        ...new Set(fields.map((f) => (f as Record<string, unknown>)[ref.field]).filter((id) => typeof id === "string")),
      ] as string[];
      const visible = new Set<string>();
      for (let start = 0; start < ids.length; start += ID_BATCH) {
        const rows = (await loose(tx)
          .selectFrom(ref.table)
          .select(["id", "owner_id", "team_id"])
          .where("id", "in", ids.slice(start, start + ID_BATCH))
          .execute()) as Array<{ id: string; owner_id: string; team_id: string | null }>;
        // Visibility on the rows, as in findMany (the planner handles "id in (...)" alone best).
        for (const row of rows) if (ref.sharedWithEveryone || isVisibleTo(user, row)) visible.add(row.id);
      }
      found.push(visible);
    }
    return found;
  }

  /** The error `checkReferences` would throw for these fields, given what `visibleReferences` found. */
  private referencesOrThrow(found: Array<Set<string>>, fields: Fields): void {
    for (const [k, ref] of (this.def.references ?? []).entries()) {
      const id = (fields as Record<string, unknown>)[ref.field];
      if (typeof id === "string" && !found[k]?.has(id)) throw invalidField(ref.field, `no ${ref.label} with id ${id}`);
    }
  }

  private stale(current: Entity): AppError {
    return new AppError(
      "version_conflict",
      `This ${this.def.label} was changed since the version you read; it is now at version ${current.version}.`,
      { current },
    );
  }

  private async checkReferences(tx: Tx, user: AuthUser, fields: Fields): Promise<void> {
    for (const ref of this.def.references ?? []) {
      const id = (fields as Record<string, unknown>)[ref.field];
      if (typeof id !== "string") continue;
      let qb = loose(tx).selectFrom(ref.table).select("id").where("id", "=", id);
      const visible = ref.sharedWithEveryone ? null : visibleTo(user);
      if (visible) qb = qb.where(visible);
      if (!(await qb.executeTakeFirst())) throw invalidField(ref.field, `no ${ref.label} with id ${id}`);
    }
  }

  /** Constraint failures the checks above could not foresee (a race, a unique code) become 409s. */
  private async writing<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const violation = constraintViolation(error);
      if (violation === "unique") {
        throw new AppError("conflict", `Another ${this.def.label} already has that unique value.`);
      }
      if (violation === "foreign_key") {
        throw new AppError(
          "conflict",
          `This ${this.def.label} is still referred to by other records (opportunities, orders...): remove or move those first.`,
        );
      }
      throw error;
    }
  }
}

type Owner = { id: string; teamId: string | null };

/** `ownerOf` for many records: each distinct named owner read once (null: no such active user). */
async function ownersOf(
  tx: Tx,
  user: AuthUser,
  ownerIds: ReadonlyArray<string | undefined>,
): Promise<Map<string, Owner | null>> {
  const owners = new Map<string, Owner | null>();
  for (const ownerId of new Set(ownerIds)) {
    if (!ownerId || ownerId === user.id) continue;
    const owner = await tx
      .selectFrom("users")
      .select(["id", "team_id"])
      .where("id", "=", ownerId)
      .where("active", "=", 1)
      .executeTakeFirst();
    owners.set(ownerId, owner ? { id: owner.id, teamId: owner.team_id } : null);
  }
  return owners;
}

/** What `ownerOf` answers or throws, from what `ownersOf` read. */
function ownerOrThrow(owners: Map<string, Owner | null>, user: AuthUser, ownerId: string | undefined): Owner {
  if (!ownerId || ownerId === user.id) return { id: user.id, teamId: user.teamId };
  const owner = owners.get(ownerId);
  if (!owner) throw invalidField("ownerId", `no active user with id ${ownerId}`);
  // A record is given only to someone whose records the giver sees: handing it out of one's
  // reach, to another team, is a manager's call there, or an admin's.
  if (!isVisibleTo(user, { owner_id: owner.id, team_id: owner.teamId })) {
    throw invalidField("ownerId", "you may give records only to yourself or to someone of your teams");
  }
  return owner;
}

/** The owner a new record gets: the caller, or a named active user (whose team it joins). */
async function ownerOf(tx: Tx, user: AuthUser, ownerId: string | undefined): Promise<Owner> {
  return ownerOrThrow(await ownersOf(tx, user, [ownerId]), user, ownerId);
}
