import { z } from "zod";
import { LIMITS } from "./common.ts";

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(LIMITS.shortText),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const SearchHit = z
  .object({
    kind: z.enum(["contact", "account"]),
    id: z.string(),
    label: z.string(),
    sublabel: z.string().nullable(),
    matchedOn: z.enum(["name", "email", "domain", "phone"]),
  })
  .meta({ id: "SearchHit" });
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchResponse = z.object({ hits: z.array(SearchHit) });
