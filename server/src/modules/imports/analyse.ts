import { type ColumnMapping, mapRow } from "@rapport/shared/import";
import {
  findDuplicates,
  levelsOf,
  MATCH_THRESHOLDS,
  matchProbability,
  prepareRecord,
  reasonsOf,
} from "@rapport/shared/matching";
import type { CountryCode } from "@rapport/shared/normalize";
import type { Contact, ImportAction, ImportJob } from "@rapport/shared/schemas";
import { fieldsOf } from "../../records/record-service.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { contactMatchRecord } from "../contacts/contact-match.ts";
import { contactStore } from "../contacts/contacts.service.ts";
import { matchExisting, reasonText } from "./match-existing.ts";
import { type FieldChange, mergeRowInto, updateWithRow } from "./row-merge.ts";
import { type PreparedRow, rowToContact } from "./row-to-contact.ts";

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
  const mapped = rows.map(({ cells }) => mapRow(cells, job.mapping as ColumnMapping));
  const prepared = mapped.map((row) => rowToContact(row, options));
  const decisions: Decision[] = rows.map(({ row }, i) => blank(row, prepared[i]!));

  const pulled = prepared.flatMap((p, i) => (p.errors.length === 0 && p.id ? [i] : []));
  await decidePulledRows(ctx, pulled, prepared, decisions);

  const fresh = prepared.flatMap((p, i) => (p.errors.length === 0 && !p.id ? [i] : []));
  // Within the file, every column counts (a national id, the street number on its own); against
  // stored contacts, both sides are compared in their stored form.
  // Its phones are the row's own, already checked and in E.164, so they are not parsed twice.
  const fileRecords = fresh.map((i) =>
    prepareRecord({ ...mapped[i]!, phone: prepared[i]!.fields.phones ?? [] }, options),
  );
  const records = fresh.map((i) =>
    contactMatchRecord({ ...blankFields, ...prepared[i]!.fields, company: prepared[i]!.company }),
  );

  // The same person twice in the file: later rows fold into the first one.
  const leaders: number[] = [];
  if (fileRecords.length > 1) {
    const report = findDuplicates(fileRecords);
    const leaderOf = new Map<number, number>();
    for (const cluster of report.clusters) for (const member of cluster.slice(1)) leaderOf.set(member, cluster[0]!);
    fresh.forEach((i, k) => {
      const leader = leaderOf.get(k);
      if (leader === undefined) {
        leaders.push(k);
        return;
      }
      const levels = levelsOf(report.model.fields, fileRecords[k]!, fileRecords[leader]!);
      Object.assign(decisions[i]!, {
        action: "duplicate",
        duplicateOf: rows[fresh[leader]!]!.row,
        score: matchProbability(report.model, levels),
        reasons: reasonsOf(report.model, levels).map(reasonText),
      });
    });
  } else leaders.push(...records.keys());

  const matches = await matchExisting(
    ctx,
    leaders.map((k) => records[k]!),
  );
  leaders.forEach((k, n) => {
    const i = fresh[k]!;
    const decision = decisions[i]!;
    const match = matches[n];
    if (!match || match.score < REVIEW_AT) return;
    Object.assign(decision, { targetId: match.contact.id, score: match.score, reasons: match.reasons });
    // Someone typed with another email address than the contact's is often someone else with the
    // same name at the same company: without a shared email or phone, a person decides.
    const otherEmail = !match.exact && (prepared[i]!.fields.emails?.length ?? 0) > 0 && match.contact.emails.length > 0;
    if (match.score < MERGE_AT || otherEmail) {
      decision.review = true;
      if (otherEmail)
        decision.reasons = [...decision.reasons, "another email address than the contact's: review before merging"];
      return;
    }
    decision.review = !match.exact && match.score < CERTAIN_AT;
    decision.changes = mergeRowInto(fieldsOf(match.contact), prepared[i]!.fields).changes;
    decision.action = decision.changes.length ? "merge" : "unchanged";
  });
  return decisions;
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
    values: { ...prepared.fields, ...(prepared.company ? { company: prepared.company } : {}) },
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
