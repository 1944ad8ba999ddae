/**
 * Deterministic synthetic CRM data: companies, people, deals, orders, after-sales cases and
 * activities that look like a French B2B customer base with a share of foreign customers, plus
 * PLANTED DUPLICATES with their ground truth, for the demo workspace and the benchmarks.
 *
 * Every generator is a pure function of (seed, index): `contact(123_456)` is the same whatever was
 * generated before, so a benchmark can regenerate any record (or its duplicate's original) without
 * keeping a million of them in memory. No Math.random and no clock: dates are counted back from
 * `now`, which the caller fixes.
 *
 * Values are what a client would type (accents, capitals, phones in many national and
 * international formats) and are accepted by the shared create schemas; what the server stores is
 * what those schemas and the services make of them.
 *
 * This file is the folder's public API; the generator is in create-synthetic.ts, the words and
 * places it draws from in the files beside it.
 */
export {
  createSynthetic,
  type DuplicateMutation,
  type Participant,
  SYNTHETIC_VERSION,
  type Synthetic,
  type SyntheticAccount,
  type SyntheticContact,
  type SyntheticOptions,
} from "./create-synthetic.ts";
export {
  ACTIVITY_TYPES,
  type AccountInput,
  type ActivityInput,
  type CaseInput,
  type ContactInput,
  OPPORTUNITY_STAGES,
  type OpportunityInput,
  type OrderInput,
  type ProductInput,
} from "./inputs.ts";
export { slugify, toAscii } from "./text.ts";
