import { type ColumnMapping, mapRow } from "@rapport/shared/import";
import { MATCH_THRESHOLDS, prepareRecord } from "@rapport/shared/matching";
import type { CountryCode } from "@rapport/shared/normalize";
import type { Contact, ImportAction, ImportJob } from "@rapport/shared/schemas";
import { fieldsOf } from "../../records/record-service.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { contactMatchRecord } from "../contacts/contact-match.ts";
import { contactStore } from "../contacts/contacts.service.ts";
import { runEngineTask } from "./engine-thread.ts";
import { mapInSlices } from "./map-in-slices.ts";
import { type ExistingMatch, matchExisting } from "./match-existing.ts";
import { type FieldChange, mergeRowInto, updateWithRow } from "./row-merge.ts";
import { type PreparedRow, rowToContact, rowValues } from "./row-to-contact.ts";

/** The dry run's verdict on one row; what analyse stores and apply follows. */
export interface Decision {
  row: number;
  action: ImportAction;
  targetId: string | null;
  duplicateOf: number | null;
  score: number | null;
  review: boolean;
  reasons: string[];
  changes: FieldChange[];
  errors: string[];
  values: Record<string, unknown>;
}

/** Matches at or above `match` merge; between `review` and it, the row is created and flagged. */
const { autoMerge: CERTAIN_AT, match: MERGE_AT, review: REVIEW_AT } = MATCH_THRESHOLDS;

/**
 * Decides what happens to every row, without writing any record: invalid rows and their reasons,
 * rows pulled from Rapport (update, unchanged, or conflict when the contact changed since), the
 * same person twice in the file (duplicate of row N), and the ladder against existing contacts.
 */
export async function decideRows(
  ctx: RequestContext,
  job: Pick<ImportJob, "mapping" | "options">,
  rows: { row: number; cells: string[] }[],
): Promise<Decision[]> {
  const options = {
    defaultCountry: (job.options.defaultCountry ?? ctx.config.defaultCountry) as CountryCode,
    dayFirst: job.options.dayFirst,
  };
  const prepared = await mapInSlices(rows, ({ cells }) => {
    const row = mapRow(cells, job.mapping as ColumnMapping);
    return { row, ...rowToContact(row, options) };
  });
  const decisions: Decision[] = rows.map(({ row }, i) => blank(row, prepared[i]!));

  const pulled = prepared.flatMap((p, i) => (p.errors.length === 0 && p.id ? [i] : []));
  await decidePulledRows(ctx, pulled, prepared, decisions);

  const fresh = prepared.flatMap((p, i) => (p.errors.length === 0 && !p.id ? [i] : []));
  // Within the file, every column counts (a national id, the street number on its own), with the
  // row's phones as already checked (E.164, not parsed twice); against stored contacts, both
  // sides are compared in their stored form.
  const fileRecords = await mapInSlices(fresh, (i) =>
    prepareRecord({ ...prepared[i]!.row, phone: prepared[i]!.fields.phones ?? [] }, options),
  );
  const records = await mapInSlices(fresh, (i) =>
    contactMatchRecord({ ...blankFields, ...prepared[i]!.fields, company: prepared[i]!.company }),
  );

  // The same person twice in the file (later rows fold into the first one), on the engine
  // thread while this one matches every row against the stored contacts.
  const [duplicates, matches] = await Promise.all([
    runEngineTask("fileDuplicates", fileRecords, fileRecords.length),
    matchExisting(ctx, records),
  ]);
  const repeats = new Set<number>();
  for (const { member, leader, score, reasons } of duplicates) {
    repeats.add(member);
    Object.assign(decisions[fresh[member]!]!, {
      action: "duplicate",
      duplicateOf: rows[fresh[leader]!]!.row,
      score,
      reasons,
    });
  }
  const leaders = [...records.keys()].filter((k) => !repeats.has(k));
  await mapInSlices(leaders, (k) => {
    const match = matches[k];
    if (match && match.score >= REVIEW_AT) decideAgainst(decisions[fresh[k]!]!, prepared[fresh[k]!]!, match);
  });
  return decisions;
}

/** A row's verdict against the stored contact the ladder found for it (at review or above). */
function decideAgainst(decision: Decision, row: PreparedRow, match: ExistingMatch): void {
  Object.assign(decision, { targetId: match.contact.id, score: match.score, reasons: match.reasons });
  // Someone typed with another email address than the contact's is often someone else with the
  // same name at the same company: without a shared email or phone, a person decides.
  const otherEmail = !match.exact && (row.fields.emails?.length ?? 0) > 0 && match.contact.emails.length > 0;
  if (match.score < MERGE_AT || otherEmail || match.doubtful) {
    decision.review = true;
    if (otherEmail)
      decision.reasons = [...decision.reasons, "another email address than the contact's: review before merging"];
    return;
  }
  decision.review = !match.exact && match.score < CERTAIN_AT;
  decision.changes = mergeRowInto(fieldsOf(match.contact), row.fields).changes;
  decision.action = decision.changes.length ? "merge" : "unchanged";
}

async function decidePulledRows(
  ctx: RequestContext,
  indexes: number[],
  prepared: PreparedRow[],
  decisions: Decision[],
): Promise<void> {
  const ids = [...new Set(indexes.map((i) => prepared[i]!.id!))];
  const contacts = new Map((await contactStore.findMany(ctx.db, ctx.user, ids)).map((c) => [c.id, c]));
  for (const i of indexes) {
    const { id, version, fields } = prepared[i]!;
    const decision = decisions[i]!;
    const contact: Contact | undefined = contacts.get(id!);
    if (!contact) {
      decision.action = "invalid";
      decision.errors = [`contact ${id} no longer exists or is not visible to you`];
      continue;
    }
    decision.targetId = contact.id;
    decision.changes = updateWithRow(fieldsOf(contact), fields).changes;
    if (version !== null && version < contact.version) {
      decision.action = decision.changes.length ? "conflict" : "unchanged";
      decision.reasons = [`changed in Rapport since it was pulled (version ${version}, now ${contact.version})`];
    } else decision.action = decision.changes.length ? "update" : "unchanged";
  }
}

function blank(row: number, prepared: PreparedRow): Decision {
  const invalid = prepared.errors.length > 0;
  return {
    row,
    action: invalid ? "invalid" : "create",
    targetId: null,
    duplicateOf: null,
    score: null,
    review: false,
    reasons: [],
    changes: [],
    errors: prepared.errors,
    values: rowValues(prepared),
  };
}

/** The fields a contact has when a row says nothing, so a row can be matched like a contact. */
export const blankFields = {
  firstName: null,
  lastName: null,
  emails: [] as string[],
  phones: [] as string[],
  address: null,
  birthDate: null,
  jobTitle: null,
};
