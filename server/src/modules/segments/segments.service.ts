import { checkFilter } from "@rapport/shared/marketing";
import type {
  Account,
  Contact,
  FilterProblem,
  Segment,
  SegmentCreate,
  SegmentEntity,
  SegmentFilter,
  SegmentPreview,
  SegmentSheet,
} from "@rapport/shared/schemas";
import { sql } from "kysely";
import { containsSubstring } from "../../db/dialect.ts";
import { inTransaction } from "../../db/in-transaction.ts";
import { AppError } from "../../http/app-error.ts";
import { audit } from "../../records/audit.ts";
import { decodeCursor, pageOf } from "../../records/cursor.ts";
import { nowIso } from "../../records/ids.ts";
import { recordService } from "../../records/record-service.ts";
import { RecordStore } from "../../records/record-store.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { accountStore } from "../accounts/accounts.service.ts";
import { tagKey } from "../contacts/contact-facts.ts";
import { contactStore } from "../contacts/contacts.service.ts";
import { countSelection, firstMembers, type Selection, selection, sourceOf } from "./segment-selection.ts";
import { segmentSheetPage } from "./segment-sheet.ts";
import { type SegmentFields, segmentRecords } from "./segments.repo.ts";

export const segmentStore = new RecordStore(segmentRecords);

/** A filter that does not run is refused with every problem's path, before anything is stored. */
function checkedOrThrow(entity: SegmentEntity, filter: unknown): void {
  const problems = checkFilter(entity, filter);
  if (problems.length > 0) {
    throw new AppError("validation_failed", problems.map((p) => `${p.path}: ${p.message}`).join("; "), {
      errors: problems,
    });
  }
}

function prepare(_ctx: RequestContext, input: SegmentCreate): SegmentFields {
  if (input.kind === "filter") {
    if (input.filter === null) throw new AppError("validation_failed", "filter: a filter segment needs a filter");
    checkedOrThrow(input.entity, input.filter);
  }
  return {
    name: input.name,
    description: input.description,
    entity: input.entity,
    kind: input.kind,
    filter: input.kind === "filter" ? input.filter : null,
  };
}

const standard = recordService(segmentStore, prepare);

export const segmentService = {
  ...standard,
  /** Read alone, a segment also says which of its tags no record carries any more. */
  get: async (ctx: RequestContext, id: string): Promise<Segment> => {
    const segment = await standard.get(ctx, id);
    return { ...segment, warnings: await tagWarnings(ctx, segment) };
  },
};

export async function previewSegment(
  ctx: RequestContext,
  request: { entity: SegmentEntity; filter: SegmentFilter },
): Promise<SegmentPreview> {
  checkedOrThrow(request.entity, request.filter);
  const chosen = selection(ctx.reader, ctx.user, request);
  const count = await countSelection(ctx.reader, chosen, ctx.readPool);
  // Looking for members where there are none would scan everything a second time.
  return { count, sample: count === 0 ? [] : await sampleOf(ctx, chosen) };
}

export async function countSegment(ctx: RequestContext, id: string): Promise<{ count: number }> {
  const segment = await standard.get(ctx, id);
  const chosen = selection(ctx.reader, ctx.user, sourceOf(segment));
  return { count: await countSelection(ctx.reader, chosen, ctx.readPool) };
}

/** A page of members, whole records in id order: a pull reads the segment through this. */
export async function segmentMembers(
  ctx: RequestContext,
  id: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: Array<Contact | Account>; nextCursor: string | null }> {
  const segment = await standard.get(ctx, id);
  // A pull takes the customer base out of Rapport (into a sheet): it is audited once, as it starts.
  if (!query.cursor) await auditExport(ctx, segment, "sheet");
  return membersPage(ctx, segment, query.cursor ?? null, query.limit);
}

/** A page of members as sheet rows (the Excel pull); audited once, as the pull starts. */
export async function segmentSheet(
  ctx: RequestContext,
  id: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<SegmentSheet> {
  const segment = await standard.get(ctx, id);
  if (!query.cursor) await auditExport(ctx, segment, "sheet");
  return segmentSheetPage(ctx, segment, query);
}

/** Every member, for a CSV export; audited like a pull. */
export async function allSegmentMembers(
  ctx: RequestContext,
  id: string,
): Promise<{ segment: Segment; members: Array<Contact | Account> }> {
  const segment = await standard.get(ctx, id);
  await auditExport(ctx, segment, "csv");
  const members: Array<Contact | Account> = [];
  let cursor: string | null = null;
  do {
    const page = await membersPage(ctx, segment, cursor, 5000);
    members.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { segment, members };
}

function auditExport(ctx: RequestContext, segment: Segment, format: "sheet" | "csv") {
  return audit(ctx.db, ctx, {
    action: "export",
    entity: "segment",
    entityId: segment.id,
    detail: { name: segment.name, format },
  });
}

async function membersPage(ctx: RequestContext, segment: Segment, cursor: string | null, limit: number) {
  const chosen = selection(ctx.reader, ctx.user, sourceOf(segment), true);
  const after = cursor ? (decodeCursor(cursor, 1)[0] as string) : "";
  const records = segment.entity === "contacts" ? sql`c.*` : sql`a.*`;
  const { rows } = await sql<Record<string, unknown>>`select ${records} from ${chosen.from}
    where ${chosen.where} and ${chosen.id} > ${after} order by ${chosen.id} limit ${limit + 1}`.execute(ctx.reader);
  const { page, nextCursor } = pageOf(rows, limit, (last) => [last.id as string]);
  const store = segment.entity === "contacts" ? contactStore : accountStore;
  return { items: (await store.hydrate(ctx.reader, page)) as Array<Contact | Account>, nextCursor };
}

/** Adds and removes members of a static list; ids the user may not see are refused, by position. */
export async function changeStaticMembers(
  ctx: RequestContext,
  id: string,
  change: { add: string[]; remove: string[] },
): Promise<{ added: number; removed: number; count: number }> {
  return inTransaction(ctx.db, async (tx) => {
    const segment = await segmentStore.get(tx, ctx.user, id);
    if (segment.kind !== "static") {
      throw new AppError("conflict", "This segment is a saved filter: its members follow the filter, not a list.");
    }
    const store = segment.entity === "contacts" ? contactStore : accountStore;
    const visible = new Set((await store.findMany(tx, ctx.user, change.add)).map((record) => record.id));
    const unknown = change.add.flatMap((memberId, i) =>
      visible.has(memberId) ? [] : [{ path: `add.${i}`, message: `no ${store.def.label} with id ${memberId}` }],
    );
    if (unknown.length > 0) {
      throw new AppError("validation_failed", unknown.map((u) => `${u.path}: ${u.message}`).join("; "), {
        errors: unknown,
      });
    }
    const now = nowIso();
    const before = await countMembers(tx, id);
    for (let start = 0; start < change.add.length; start += 500) {
      const rows = change.add
        .slice(start, start + 500)
        .map((member_id) => ({ segment_id: id, member_id, added_at: now }));
      await tx
        .insertInto("segment_members")
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const added = (await countMembers(tx, id)) - before;
    let removed = 0;
    for (let start = 0; start < change.remove.length; start += 500) {
      const result = await tx
        .deleteFrom("segment_members")
        .where("segment_id", "=", id)
        .where("member_id", "in", change.remove.slice(start, start + 500))
        .executeTakeFirst();
      removed += Number(result.numDeletedRows);
    }
    if (added > 0 || removed > 0) {
      await tx
        .updateTable("segments")
        .set({ version: sql<number>`version + 1`, updated_at: now })
        .where("id", "=", id)
        .execute();
      await audit(tx, ctx, { action: "update", entity: "segment", entityId: id, detail: { added, removed } });
    }
    return { added, removed, count: await countSelection(tx, selection(tx, ctx.user, sourceOf(segment))) };
  });
}

async function countMembers(tx: RequestContext["db"], segmentId: string): Promise<number> {
  const row = await tx
    .selectFrom("segment_members")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("segment_id", "=", segmentId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A few members, named, so the editor shows who the filter catches. */
async function sampleOf(ctx: RequestContext, chosen: Selection): Promise<SegmentPreview["sample"]> {
  const ids = await firstMembers(ctx.reader, chosen, 5, ctx.readPool);
  if (chosen.entity === "accounts") {
    return (await accountStore.findMany(ctx.reader, ctx.user, ids)).map((a) => ({ id: a.id, label: a.name }));
  }
  return (await contactStore.findMany(ctx.reader, ctx.user, ids)).map((c) => ({
    id: c.id,
    label: [c.firstName, c.lastName].filter(Boolean).join(" ") || c.emails[0] || c.id,
  }));
}

/** Tags in the filter that no contact (or account) carries now: the segment runs, but may be stale. */
async function tagWarnings(ctx: RequestContext, segment: Segment): Promise<FilterProblem[]> {
  if (segment.kind !== "filter" || segment.problems.length > 0) return [];
  const warnings: FilterProblem[] = [];
  for (const { path, tag } of tagsIn(segment.filter as SegmentFilter, "filter")) {
    const found =
      segment.entity === "contacts"
        ? await ctx.reader
            .selectFrom("contact_facts")
            .select("contact_id")
            .where(containsSubstring(ctx.reader, sql.ref("tags"), `|${tagKey(tag)}|`))
            .limit(1)
            .executeTakeFirst()
        : await ctx.reader
            .selectFrom("accounts")
            .select("id")
            .where(containsSubstring(ctx.reader, sql.ref("tags"), JSON.stringify(tag.trim())))
            .limit(1)
            .executeTakeFirst();
    if (!found)
      warnings.push({
        path,
        message: `no ${segment.entity === "contacts" ? "contact" : "account"} has the tag "${tag}" any more`,
      });
  }
  return warnings;
}

function tagsIn(node: SegmentFilter, path: string): Array<{ path: string; tag: string }> {
  if ("and" in node) return node.and.flatMap((child, i) => tagsIn(child, `${path}.and.${i}`));
  if ("or" in node) return node.or.flatMap((child, i) => tagsIn(child, `${path}.or.${i}`));
  if ("not" in node) return tagsIn(node.not, `${path}.not`);
  if (node.field !== "tags" || !Array.isArray(node.value)) return [];
  return (node.value as string[]).map((tag, i) => ({ path: `${path}.value.${i}`, tag }));
}
