/**
 * The tables, as the repo layer sees them: snake_case columns, booleans as 0/1, timestamps as
 * ISO-8601 UTC text and lists or objects as JSON text. Those choices keep one set of queries and
 * migrations valid on both SQLite and PostgreSQL.
 */

/** Columns every business record has. */
export type RecordColumns = {
  id: string;
  created_at: string;
  updated_at: string;
  version: number;
  owner_id: string;
  team_id: string | null;
};

export type TeamsTable = { id: string; name: string; parent_id: string | null; created_at: string };

export type UsersTable = {
  id: string;
  email: string;
  name: string;
  role: string;
  team_id: string | null;
  active: number;
  created_at: string;
  updated_at: string;
};

export type ApiTokensTable = {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
};

export type AccountsTable = RecordColumns & {
  name: string;
  domains: string;
  industry: string | null;
  size: string | null;
  phone: string | null;
  address: string | null;
  tags: string;
  source: string | null;
  status: string;
  search_text: string;
};

export type AccountDomainsTable = { domain: string; account_id: string };

export type ContactsTable = RecordColumns & {
  civility: string | null;
  first_name: string | null;
  last_name: string | null;
  emails: string;
  phones: string;
  job_title: string | null;
  birth_date: string | null;
  account_id: string | null;
  address: string | null;
  source: string | null;
  first_contact_at: string | null;
  first_sale_at: string | null;
  discount_rate: number | null;
  tags: string;
  consent: string;
  do_not_contact: number;
  search_text: string;
};

/** One row per address of a contact, normalised, so lookup by any address is one index probe. */
export type ContactEmailsTable = { email: string; contact_id: string; position: number };
export type ContactPhonesTable = { phone: string; contact_id: string; position: number };
/** Folded words, addresses and domains a record is searched by (records/search-terms.ts). */
export type ContactTermsTable = { term: string; contact_id: string };
export type AccountTermsTable = { term: string; account_id: string };

export type ActivitiesTable = RecordColumns & {
  type: string;
  direction: string | null;
  subject: string | null;
  body_text: string | null;
  occurred_at: string;
  participants: string;
  account_id: string | null;
  opportunity_id: string | null;
  case_id: string | null;
  internet_message_id: string | null;
  conversation_id: string | null;
  ical_uid: string | null;
  logged_by: string;
};

export type ActivityContactsTable = { activity_id: string; contact_id: string; occurred_at: string };

export type OpportunitiesTable = RecordColumns & {
  account_id: string;
  contact_id: string | null;
  name: string;
  stage: string;
  amount: number | null;
  currency: string;
  probability: number;
  expected_close_date: string | null;
};

export type StageChangesTable = {
  id: string;
  opportunity_id: string;
  account_id: string;
  from_stage: string | null;
  to_stage: string;
  at: string;
  by_user_id: string;
};

export type ProductsTable = RecordColumns & {
  code: string;
  name: string;
  list_price: number;
  currency: string;
  warranty_months: number;
  active: number;
};

export type OrdersTable = RecordColumns & {
  account_id: string;
  contact_id: string | null;
  ordered_at: string;
  reference: string | null;
  status: string;
  currency: string;
  total: number;
};

export type OrderLinesTable = {
  order_id: string;
  position: number;
  product_id: string;
  quantity: number;
  unit_price: number;
  discount_rate: number;
  line_total: number;
};

export type CasesTable = RecordColumns & {
  subject: string;
  description: string | null;
  contact_id: string | null;
  account_id: string | null;
  product_id: string | null;
  channel: string;
  priority: string;
  status: string;
  opened_at: string;
  closed_at: string | null;
};

export type AuditEntriesTable = {
  id: string;
  at: string;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  detail: string;
  request_id: string | null;
};

/** A POST made with an Idempotency-Key: status 0 while it runs, then the answer to replay. */
export type IdempotencyKeysTable = {
  user_id: string;
  key: string;
  request_hash: string;
  status: number;
  response: string | null;
  created_at: string;
};

/** The blocking keys of a contact (shared/matching), so an import finds its candidates by index. */
export type ContactMatchKeysTable = { key: string; contact_id: string };

export type ImportJobsTable = {
  id: string;
  name: string;
  status: string;
  headers: string;
  mapping: string;
  options: string;
  row_count: number;
  plan: string | null;
  progress_done: number;
  result: string | null;
  undo: string | null;
  error: string | null;
  owner_id: string;
  team_id: string | null;
  created_at: string;
  updated_at: string;
};

/** One incoming row: its cells, the dry run's decision, and what apply did (for undo). */
export type ImportRowsTable = {
  job_id: string;
  row_number: number;
  cells: string;
  action: string | null;
  proposed: string | null;
  overridden: number;
  target_id: string | null;
  duplicate_of: number | null;
  score: number | null;
  review: number;
  reasons: string | null;
  changes: string | null;
  errors: string | null;
  row_values: string | null;
  status: string;
  record_id: string | null;
  before: string | null;
  after_version: number | null;
};

export type MergesTable = {
  id: string;
  entity: string;
  survivor_id: string;
  merged_ids: string;
  snapshot: string;
  repointed: number;
  survivor_version: number;
  created_at: string;
  created_by: string;
  undone_at: string | null;
};

export type Database = {
  teams: TeamsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  accounts: AccountsTable;
  account_domains: AccountDomainsTable;
  contacts: ContactsTable;
  contact_emails: ContactEmailsTable;
  contact_phones: ContactPhonesTable;
  contact_terms: ContactTermsTable;
  account_terms: AccountTermsTable;
  activities: ActivitiesTable;
  activity_contacts: ActivityContactsTable;
  opportunities: OpportunitiesTable;
  opportunity_stage_changes: StageChangesTable;
  products: ProductsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  cases: CasesTable;
  audit_entries: AuditEntriesTable;
  idempotency_keys: IdempotencyKeysTable;
  contact_match_keys: ContactMatchKeysTable;
  import_jobs: ImportJobsTable;
  import_rows: ImportRowsTable;
  merges: MergesTable;
};

/** The business record tables, which share RecordColumns and the generic record code. */
export type RecordTable = "accounts" | "contacts" | "activities" | "opportunities" | "products" | "orders" | "cases";
