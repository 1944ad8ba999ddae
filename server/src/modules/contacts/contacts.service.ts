import { normalizeEmail } from "@rapport/shared/normalize";
import type { ContactCreate } from "@rapport/shared/schemas";
import { invalidField } from "../../http/app-error.ts";
import { phoneOrThrow } from "../../records/normalize-input.ts";
import { recordService } from "../../records/record-service.ts";
import { RecordStore } from "../../records/record-store.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { type ContactFields, contactRecords } from "./contacts.repo.ts";

export const contactStore = new RecordStore(contactRecords);

/** Contact fields as stored: each address once (compared without case), phones in E.164. */
function prepareContact(ctx: RequestContext, input: Omit<ContactCreate, "ownerId">): ContactFields {
  if (!input.firstName && !input.lastName && input.emails.length === 0) {
    throw invalidField("lastName", "a contact needs a name or an email address");
  }
  return {
    ...input,
    emails: uniqueBy(input.emails, normalizeEmail),
    phones: [...new Set(input.phones.map((phone, i) => phoneOrThrow(ctx, phone, `phones.${i}`)))],
    tags: [...new Set(input.tags)],
  };
}

/** The items in order, each key once (emails compared without case). */
export function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const contactService = recordService(contactStore, prepareContact);
