import type { Participant } from "@rapport/shared/schemas";
import { type Kysely, sql, type Transaction } from "kysely";
import type { Database, RecordTable } from "../../db/schema.ts";
import type { LooseTables } from "../../records/access.ts";
import { nowIso } from "../../records/ids.ts";
import { readJson, writeJson } from "../../records/json-column.ts";
import { replaceSideRows } from "../../records/side-rows.ts";
import { activityContactRows } from "../activities/activities.repo.ts";

/** A participant entry moved to the survivor: where it was in the list, and its address as a check. */
export type MovedEntry = { index: number; address: string | null };

/**
 * The rows of one link that a merge moved from a removed record to the survivor: what undo moves
 * back. `entries` says, per activity, which participants were moved.
 */
export type MovedLinks = { link: string; from: string; ids: string[]; entries?: Record<string, MovedEntry[]> };

/** A way records point at a contact or an account, and how to move those pointers. */
export type Link = {
  name: string;
  move: (tx: Transaction<Database>, from: string, to: string) => Promise<MovedLinks>;
  /** Moves back the rows that still point at the survivor; answers how many. */
  moveBack: (tx: Transaction<Database>, moved: MovedLinks, survivorId: string) => Promise<number>;
};

/** Ids per `in (...)` list, far below either database's parameter limit. */
const BATCH = 500;

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += BATCH) out.push(items.slice(start, start + BATCH));
  return out;
}

const loose = (tx: Transaction<Database>) => tx as unknown as Kysely<LooseTables>;

/**
 * The records' version and updatedAt move too: a client syncing with updatedSince must hear that
 * a deal now belongs to another contact, and a stale copy must not silently write the old link back.
 */
const bumped = () => ({ version: sql<number>`version + 1`, updated_at: nowIso() });

/** A record column holding the id (opportunities.contact_id...). */
export function columnLink(
  table: RecordTable,
  column: "contact_id" | "account_id",
  /** Rows derived from the moved records that must follow them. */
  follow?: (tx: Transaction<Database>, ids: string[], owner: string) => Promise<void>,
): Link {
  const name = `${table}.${column}`;
  return {
    name,
    async move(tx, from, to) {
      const rows = await loose(tx)
        .updateTable(table)
        .set({ [column]: to, ...bumped() })
        .where(column, "=", from)
        .returning("id")
        .execute();
      const ids = rows.map((row) => row.id as string);
      if (follow && ids.length > 0) await follow(tx, ids, to);
      return { link: name, from, ids };
    },
    async moveBack(tx, moved, survivorId) {
      let count = 0;
      for (const batch of batches(moved.ids)) {
        const rows = await loose(tx)
          .updateTable(table)
          .set({ [column]: moved.from, ...bumped() })
          .where(column, "=", survivorId)
          .where("id", "in", batch)
          .returning("id")
          .execute();
        const ids = rows.map((row) => row.id as string);
        if (follow && ids.length > 0) await follow(tx, ids, moved.from);
        count += ids.length;
      }
      return count;
    },
  };
}

/** Stage changes carry their deal's account (for the account timeline), so they follow the deal. */
export async function moveStageChanges(tx: Transaction<Database>, opportunityIds: string[], accountId: string) {
  for (const batch of batches(opportunityIds)) {
    await tx
      .updateTable("opportunity_stage_changes")
      .set({ account_id: accountId })
      .where("opportunity_id", "in", batch)
      .execute();
  }
}

const PARTICIPANTS = "activities.participants";
type ActivityRow = { id: string; participants: string; occurred_at: string };

/**
 * Activities name their contacts inside the participants list; activity_contacts mirrors it. The
 * list is rewritten and the mirror rebuilt from it, as an activity update would.
 */
export const participantsLink: Link = {
  name: PARTICIPANTS,
  async move(tx, from, to) {
    const rows = await tx
      .selectFrom("activities")
      .select(["id", "participants", "occurred_at"])
      .where("id", "in", (eb) =>
        eb.selectFrom("activity_contacts").select("activity_id").where("contact_id", "=", from),
      )
      .orderBy("id")
      .execute();
    const entries: Record<string, MovedEntry[]> = {};
    for (const row of rows) {
      const participants = readJson<Participant[]>(row.participants, []);
      const moved: MovedEntry[] = [];
      participants.forEach((participant, index) => {
        if (participant.contactId !== from) return;
        participant.contactId = to;
        moved.push({ index, address: participant.address });
      });
      entries[row.id] = moved;
      await writeParticipants(tx, row, participants);
    }
    return { link: PARTICIPANTS, from, ids: rows.map((row) => row.id), entries };
  },
  async moveBack(tx, moved, survivorId) {
    let count = 0;
    for (const batch of batches(moved.ids)) {
      const rows = await tx
        .selectFrom("activities")
        .select(["id", "participants", "occurred_at"])
        .where("id", "in", batch)
        .execute();
      for (const row of rows) {
        const participants = readJson<Participant[]>(row.participants, []);
        // An entry edited since the merge (another contact, another address) is left as it is now.
        const back = (moved.entries?.[row.id] ?? []).filter(({ index, address }) => {
          const participant = participants[index];
          return participant?.contactId === survivorId && participant.address === address;
        });
        if (back.length === 0) continue;
        for (const { index } of back) {
          const participant = participants[index];
          if (participant) participant.contactId = moved.from;
        }
        await writeParticipants(tx, row, participants);
        count++;
      }
    }
    return count;
  },
};

async function writeParticipants(tx: Transaction<Database>, row: ActivityRow, participants: Participant[]) {
  await tx
    .updateTable("activities")
    .set({ participants: writeJson(participants), ...bumped() })
    .where("id", "=", row.id)
    .execute();
  const mirror = activityContactRows({ id: row.id, participants, occurredAt: row.occurred_at });
  await replaceSideRows(tx, "activity_contacts", "activity_id", row.id, mirror);
}

/**
 * Rows of a list keyed by (list, member): a contact's places on campaign target lists and in
 * static segments. A merged contact's places move to the survivor, except where the survivor
 * already has one on the same list: there the survivor's own entry stands.
 */
export function listMemberLink(
  table: "campaign_targets" | "segment_members",
  list: "campaign_id" | "segment_id",
  member: "contact_id" | "member_id",
): Link {
  const name = `${table}.${member}`;
  const db = (tx: Transaction<Database>) => tx as unknown as Kysely<LooseTables>;
  return {
    name,
    async move(tx, from, to) {
      const taken = db(tx).selectFrom(table).select(list).where(member, "=", to);
      const rows = await db(tx)
        .updateTable(table)
        .set({ [member]: to })
        .where(member, "=", from)
        .where(list, "not in", taken)
        .returning(list)
        .execute();
      return { link: name, from, ids: rows.map((row) => row[list] as string) };
    },
    async moveBack(tx, moved, survivorId) {
      let count = 0;
      for (const batch of batches(moved.ids)) {
        const rows = await db(tx)
          .updateTable(table)
          .set({ [member]: moved.from })
          .where(member, "=", survivorId)
          .where(list, "in", batch)
          .returning(list)
          .execute();
        count += rows.length;
      }
      return count;
    },
  };
}
