import type { Merge } from "@rapport/shared/schemas";
import type { RecordTable } from "../../db/schema.ts";
import { fieldsOf } from "../../records/record-service.ts";
import type { ListQueryBase, RecordMeta, RecordStore } from "../../records/record-store.ts";
import type { Tx } from "../../records/request-context.ts";
import { accountStore } from "../accounts/accounts.service.ts";
import { refreshContactFacts } from "../contacts/contact-facts.ts";
import { contactStore } from "../contacts/contacts.service.ts";
import { columnLink, type Link, listMemberLink, moveStageChanges, participantsLink } from "./links.ts";
import { type DatedFields, mergeAccountFields, mergeContactFields } from "./survivorship.ts";

/** Everything merge and undo need to know about one record type. */
export type MergeTarget<E extends RecordMeta, F extends object, Q extends ListQueryBase> = {
  entity: Merge["entity"];
  store: RecordStore<E, F, Q>;
  fields: (record: E) => F;
  survivorship: (records: DatedFields<F>[]) => F;
  /** Every way other records point at this type, moved to the survivor on merge. */
  links: Link[];
  /** Columns of a removed record that may name a record removed since; undo clears them. */
  references: Array<{ column: string; table: RecordTable }>;
  /** Brings data derived from the links (a contact's order facts) up to date once they moved. */
  linksMoved?: (tx: Tx, ids: string[]) => Promise<void>;
};

const target = <E extends RecordMeta, F extends object, Q extends ListQueryBase>(t: MergeTarget<E, F, Q>) => t;

export const contactMerge = target({
  entity: "contacts",
  store: contactStore,
  fields: fieldsOf,
  survivorship: mergeContactFields,
  links: [
    participantsLink,
    columnLink("opportunities", "contact_id"),
    columnLink("cases", "contact_id"),
    columnLink("orders", "contact_id"),
    listMemberLink("campaign_targets", "campaign_id", "contact_id"),
    listMemberLink("segment_members", "segment_id", "member_id"),
  ],
  references: [{ column: "account_id", table: "accounts" }],
  linksMoved: refreshContactFacts,
});

// Account domains and search terms are the survivor's mirrors: its unioned domains rebuild them.
export const accountMerge = target({
  entity: "accounts",
  store: accountStore,
  fields: fieldsOf,
  survivorship: mergeAccountFields,
  links: [
    columnLink("contacts", "account_id"),
    columnLink("opportunities", "account_id", moveStageChanges),
    columnLink("orders", "account_id"),
    columnLink("cases", "account_id"),
    columnLink("activities", "account_id"),
    listMemberLink("segment_members", "segment_id", "member_id"),
  ],
  references: [],
});
