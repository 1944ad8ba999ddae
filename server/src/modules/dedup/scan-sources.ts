import { type MatchRecord, prepareRecord } from "@rapport/shared/matching";
import { companyKey } from "@rapport/shared/normalize";
import type { DedupEntity, PostalAddress } from "@rapport/shared/schemas";
import type { z } from "zod";
import { visibleTo } from "../../records/access.ts";
import { readJson } from "../../records/json-column.ts";
import type { RequestContext } from "../../records/request-context.ts";
import { contactMatchRecord, matchedFieldsOfRow } from "../contacts/contact-match.ts";

/** One record as the scan sees it: its id, the words a person recognises it by, its match form. */
export type ScanItem = { id: string; label: string; record: MatchRecord };

/** Reads the records the user may see, ordered by id, one page after `afterId`. */
type PageReader = (ctx: RequestContext, afterId: string | null, size: number) => Promise<ScanItem[]>;

const contactPage: PageReader = async (ctx, afterId, size) => {
  let qb = ctx.db
    .selectFrom("contacts as c")
    .leftJoin("accounts as a", "a.id", "c.account_id")
    .select(["c.id", "c.first_name", "c.last_name", "c.emails", "c.phones", "c.address", "c.birth_date", "a.name"])
    .orderBy("c.id")
    .limit(size);
  if (afterId) qb = qb.where("c.id", ">", afterId);
  const visible = visibleTo(ctx.user, "c");
  if (visible) qb = qb.where(visible as never);
  return (await qb.execute()).map((row) => {
    const fields = matchedFieldsOfRow({ ...row, company: row.name });
    const name = [row.first_name, row.last_name].filter(Boolean).join(" ");
    return {
      id: row.id,
      label: [name, fields.emails[0] ? `<${fields.emails[0]}>` : ""].filter(Boolean).join(" ") || row.id,
      record: contactMatchRecord(fields),
    };
  });
};

/**
 * Accounts have no person's name: the company key (folded, legal forms dropped, so "ACME S.A."
 * meets "Acme") stands in the last-name slot, where it is compared fuzzily and coded
 * phonetically, and in the company slot too, which gives accounts with nothing but a name a
 * blocking key of their own. Domains are left out: the engine has no field for them, and passing
 * them off as emails would make its reasons lie.
 */
const accountPage: PageReader = async (ctx, afterId, size) => {
  let qb = ctx.db.selectFrom("accounts").select(["id", "name", "phone", "address"]).orderBy("id").limit(size);
  if (afterId) qb = qb.where("id", ">", afterId);
  const visible = visibleTo(ctx.user);
  if (visible) qb = qb.where(visible as never);
  return (await qb.execute()).map((row) => {
    const address = readJson<PostalAddress | null>(row.address, null);
    const name = companyKey(row.name);
    return {
      id: row.id,
      label: row.name,
      record: prepareRecord(
        {
          lastName: name,
          company: name,
          phone: row.phone ? [row.phone] : [],
          street: address?.lines ?? [],
          ...(address?.postcode ? { postcode: address.postcode } : {}),
          ...(address?.city ? { city: address.city } : {}),
          ...(address?.region ? { region: address.region } : {}),
        },
        // Stored phones are E.164 already, so the default country does not matter here.
        { defaultCountry: "FR" },
      ),
    };
  });
};

type Entity = z.output<typeof DedupEntity>;

const READERS: Record<Entity, PageReader> = { contacts: contactPage, accounts: accountPage };

/** The engine words its reasons for people; an account's name sits in its last-name slot. */
export function reasonWords(entity: Entity, text: string): string {
  return entity === "accounts" ? text.replace("last name", "name") : text;
}

/** Rows per read: plain columns only, so a page of thousands is one quick query. */
const PAGE = 2000;

/** Every record of `entity` the user may see, read page by page in id order. */
export async function readScanItems(ctx: RequestContext, entity: Entity): Promise<ScanItem[]> {
  const read = READERS[entity];
  const items: ScanItem[] = [];
  for (;;) {
    const page = await read(ctx, items.at(-1)?.id ?? null, PAGE);
    items.push(...page);
    if (page.length < PAGE) return items;
  }
}
