import { foldText } from "@rapport/shared/normalize";
import type { Account, AccountListQuery } from "@rapport/shared/schemas";
import type { z } from "zod";
import type { LooseEb } from "../../records/access.ts";
import { readJson, writeJson } from "../../records/json-column.ts";
import { containsText } from "../../records/like.ts";
import type { RecordDefinition } from "../../records/record-store.ts";
import { searchTerms } from "../../records/search-terms.ts";
import { withMeta } from "../../records/with-meta.ts";

export type AccountFields = Omit<Account, "id" | "createdAt" | "updatedAt" | "version" | "ownerId" | "teamId">;

export const accountRecords: RecordDefinition<Account, AccountFields, z.output<typeof AccountListQuery>> = {
  table: "accounts",
  prefix: "acc",
  label: "account",
  toColumns: (a) => ({
    name: a.name,
    domains: writeJson(a.domains),
    industry: a.industry,
    size: a.size,
    phone: a.phone,
    address: a.address ? writeJson(a.address) : null,
    tags: writeJson(a.tags),
    source: a.source,
    status: a.status,
    search_text: foldText([a.name, ...a.domains].join(" ")),
  }),
  fromRow: (row) =>
    withMeta(row, {
      name: row.name as string,
      domains: readJson(row.domains as string, []),
      industry: row.industry as string | null,
      size: row.size as Account["size"],
      phone: row.phone as string | null,
      address: readJson(row.address as string | null, null),
      tags: readJson(row.tags as string, []),
      source: row.source as string | null,
      status: row.status as Account["status"],
    }),
  mirrors: [
    {
      table: "account_domains",
      owner: "account_id",
      rows: (a) => a.domains.map((domain) => ({ domain, account_id: a.id })),
    },
    {
      table: "account_terms",
      owner: "account_id",
      rows: (a) => searchTerms([a.name], a.domains).map((term) => ({ term, account_id: a.id })),
    },
  ],
  filter: (qb, query) => {
    let q = qb;
    if (query.status) q = q.where("status", "=", query.status);
    if (query.q) q = q.where(containsText("search_text", foldText(query.q)));
    if (query.tag) q = q.where(containsText("tags", JSON.stringify(query.tag)));
    if (query.domain) {
      q = q.where("id", "in", (eb: LooseEb) =>
        eb
          .selectFrom("account_domains")
          .select("account_id")
          .where("domain", "=", query.domain as string),
      );
    }
    return q;
  },
};
