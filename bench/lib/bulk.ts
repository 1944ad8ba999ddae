/**
 * Writes records straight into SQLite with prepared statements, a hundred times faster than the
 * services, but row for row what they write: the same create schemas fill the defaults, the same
 * normalisation runs, and the repo layer's own `toColumns` makes the columns. `checkBulkMatchesServices`
 * proves it on a sample before a big database is built.
 */
import { normalizeEmail, normalizePhone } from "@rapport/shared/normalize";
import {
  AccountCreate,
  ActivityCreate,
  CaseCreate,
  ContactCreate,
  DEFAULT_PROBABILITY,
  OpportunityCreate,
  type OpportunityStage,
} from "@rapport/shared/schemas";
import type { Database, Statement } from "better-sqlite3";
import type {
  AccountInput,
  ActivityInput,
  CaseInput,
  ContactInput,
  OpportunityInput,
} from "../../server/src/demo/synthetic/index.ts";
import { accountRecords } from "../../server/src/modules/accounts/accounts.repo.ts";
import { activityRecords } from "../../server/src/modules/activities/activities.repo.ts";
import { caseRecords } from "../../server/src/modules/cases/cases.repo.ts";
import { contactRecords } from "../../server/src/modules/contacts/contacts.repo.ts";
import { opportunityRecords } from "../../server/src/modules/opportunities/opportunities.repo.ts";
import { newId } from "../../server/src/records/ids.ts";
import type { Mirror } from "../../server/src/records/record-store.ts";

export type Owner = { id: string; teamId: string | null };
type Row = Record<string, unknown>;

const DEFAULT_COUNTRY = "FR";

function e164(phone: string): string {
  const normalised = normalizePhone(phone, DEFAULT_COUNTRY);
  if (!normalised) throw new Error(`synthetic phone "${phone}" is not valid`);
  return normalised;
}

const unique = <T>(items: T[], key: (item: T) => string = String) => {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
};

export function bulkWriter(db: Database) {
  const statements = new Map<string, Statement>();
  /** INSERT of a row's columns, prepared once per table and column set. */
  function insert(table: string, row: Row): void {
    const columns = Object.keys(row);
    const key = `${table}:${columns.join(",")}`;
    let statement = statements.get(key);
    if (!statement) {
      statement = db.prepare(
        `insert into ${table} (${columns.join(", ")}) values (${columns.map((c) => `@${c}`).join(", ")})`,
      );
      statements.set(key, statement);
    }
    statement.run(row);
  }

  /** The side rows the record store writes for a record (its `mirrors`), so both write the same. */
  function insertMirrors<E>(definition: { mirrors?: Array<Mirror<E>> }, row: Row, fields: object): void {
    // The entity as the store hands it to its mirrors: the fields with the row's id and owner.
    const entity = { ...fields, id: row.id, ownerId: row.owner_id, teamId: row.team_id } as E;
    for (const mirror of definition.mirrors ?? []) {
      for (const sideRow of mirror.rows(entity)) insert(mirror.table, sideRow);
    }
  }

  const lastActivity = db.prepare(
    "update contact_facts set last_activity_at = max(coalesce(last_activity_at, ''), @at) where contact_id = @contact",
  );

  const meta = (prefix: string, owner: Owner, at: string, version = 1) => ({
    id: newId(prefix),
    created_at: at,
    updated_at: at,
    version,
    owner_id: owner.id,
    team_id: owner.teamId,
  });

  // The same steps as each service's prepare (server/src/modules/*/ *.service.ts).
  function account(input: AccountInput, owner: Owner, at: string): string {
    const { ownerId: _, ...parsed } = AccountCreate.parse(input);
    const fields = {
      ...parsed,
      phone: parsed.phone === null ? null : e164(parsed.phone),
      domains: unique(parsed.domains),
      tags: unique(parsed.tags),
    };
    const row = { ...meta("acc", owner, at), ...accountRecords.toColumns(fields) };
    insert("accounts", row);
    insertMirrors(accountRecords, row, fields);
    return row.id;
  }

  function contact(input: ContactInput, owner: Owner, at: string): { id: string; emails: string[] } {
    const { ownerId: _, ...parsed } = ContactCreate.parse(input);
    const fields = {
      ...parsed,
      emails: unique(parsed.emails, normalizeEmail),
      phones: unique(parsed.phones.map(e164)),
      tags: unique(parsed.tags),
    };
    const row = { ...meta("con", owner, at), ...contactRecords.toColumns(fields) };
    insert("contacts", row);
    insertMirrors(contactRecords, row, fields);
    return { id: row.id, emails: fields.emails };
  }

  /** A deal and the stage changes that brought it where it is (one a day, ending at `at`). */
  function opportunity(input: OpportunityInput, stages: OpportunityStage[], owner: Owner, at: string): string {
    const { ownerId: _, ...parsed } = OpportunityCreate.parse(input);
    const fields = { ...parsed, probability: parsed.probability ?? DEFAULT_PROBABILITY[parsed.stage] };
    // Created at its first stage, then updated once per later stage.
    const row = { ...meta("opp", owner, at, stages.length), ...opportunityRecords.toColumns(fields) };
    insert("opportunities", row);
    const end = Date.parse(at);
    for (const [k, stage] of stages.entries()) {
      insert("opportunity_stage_changes", {
        id: newId("stg"),
        opportunity_id: row.id,
        account_id: fields.accountId,
        from_stage: k === 0 ? null : stages[k - 1],
        to_stage: stage,
        at: new Date(end - (stages.length - 1 - k) * 86_400_000).toISOString(),
        by_user_id: owner.id,
      });
    }
    return row.id;
  }

  function afterSalesCase(input: CaseInput, owner: Owner, at: string): string {
    const { ownerId: _, ...parsed } = CaseCreate.parse(input);
    const open = parsed.status === "open" || parsed.status === "pending";
    const fields = {
      ...parsed,
      openedAt: parsed.openedAt ?? at,
      closedAt: open ? null : (parsed.closedAt ?? at),
    };
    const row = { ...meta("cas", owner, at), ...caseRecords.toColumns(fields) };
    insert("cases", row);
    return row.id;
  }

  /** `people`: normalised address -> contact and account, as the service would look them up. */
  function activity(
    input: ActivityInput,
    people: Map<string, { contactId: string; accountId: string | null }>,
    owner: Owner,
    at: string,
  ): string {
    const { ownerId: _, ...parsed } = ActivityCreate.parse(input);
    const known = (p: { address: string | null }) => (p.address ? people.get(normalizeEmail(p.address)) : undefined);
    const participants = parsed.participants.map((p) => {
      const match = known(p);
      return match && !p.contactId ? { ...p, contactId: match.contactId } : p;
    });
    const accountId = parsed.accountId ?? parsed.participants.map((p) => known(p)?.accountId).find(Boolean) ?? null;
    const fields = { ...parsed, participants, accountId, loggedBy: owner.id };
    const row = { ...meta("act", owner, at), ...activityRecords.toColumns(fields) };
    insert("activities", row);
    insertMirrors(activityRecords, row, fields);
    // What the activities' afterChange does for their contacts (refreshActivityFacts).
    for (const { contactId } of participants) {
      if (contactId) lastActivity.run({ at: fields.occurredAt, contact: contactId });
    }
    return row.id;
  }

  return { account, contact, opportunity, afterSalesCase, activity };
}
export type BulkWriter = ReturnType<typeof bulkWriter>;
