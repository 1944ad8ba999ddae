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
  /** Microsoft Entra: the user's tenant and object ids (null for users made by the admin). */
  tenant_id: string | null;
  object_id: string | null;
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
  /** JSON list of "read", "write", "admin". */
  scopes: string;
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
  location: string | null;
  ends_at: string | null;
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
  category: string | null;
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
  /** Which client acted: "token tok_…" or "entra <app id>", and its user agent. */
  client: string | null;
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

/**
 * What segments filter on, one narrow row per contact, so counting a segment over a million contacts
 * scans megabytes rather than the contacts table. The first columns mirror the contact (its record
 * store keeps them); order and activity facts follow its orders and activities (contact-facts.ts);
 * scores come from the last RFM run. Text is folded (lower case, no accents) for comparison.
 */
export type ContactFactsTable = {
  contact_id: string;
  owner_id: string;
  team_id: string | null;
  country: string | null;
  postcode: string | null;
  city: string | null;
  source: string | null;
  /** `|vip|salon 2024|`: each folded tag between bars, so one substring test finds a tag. */
  tags: string;
  email_consent: string;
  phone_consent: string;
  sms_consent: string;
  post_consent: string;
  do_not_contact: number;
  has_email: number;
  has_phone: number;
  order_count: number;
  order_total: number;
  first_order_at: string | null;
  last_order_at: string | null;
  last_activity_at: string | null;
  recency_score: number | null;
  frequency_score: number | null;
  monetary_score: number | null;
  product_category: string | null;
  lifetime_value: number | null;
  scored_at: string | null;
};

export type SegmentsTable = RecordColumns & {
  name: string;
  description: string | null;
  entity: string;
  kind: string;
  filter: string | null;
};

/** The members of a static list: contact or account ids, as the segment's entity says. */
export type SegmentMembersTable = { segment_id: string; member_id: string; added_at: string };

export type CampaignsTable = RecordColumns & {
  code: string;
  name: string;
  objective: string | null;
  segment_id: string | null;
  channel: string;
  planned_at: string | null;
  cost: number;
  promise_type: string | null;
  promise_summary: string | null;
  response_channels: string;
  target_quantity: number | null;
  control_size: number;
  response_window_days: number;
  status: string;
  launched_at: string | null;
  target_count: number;
  control_count: number;
};

/**
 * One contact on an action's list, frozen at launch: solicited (control 0) or held out (control 1),
 * and what came back. Solicited rows are what the contact-pressure cap counts.
 */
export type CampaignTargetsTable = {
  campaign_id: string;
  contact_id: string;
  control: number;
  solicited_at: string;
  responded_at: string | null;
  response_channel: string | null;
  response_source: string | null;
  converted_at: string | null;
  conversion_value: number | null;
};

/** Admin settings, one JSON value per key (`marketing`...). */
export type SettingsTable = { key: string; value: string; updated_at: string; updated_by: string | null };
export type NeverLogTable = { user_id: string; address: string; created_at: string };

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
  contact_facts: ContactFactsTable;
  segments: SegmentsTable;
  segment_members: SegmentMembersTable;
  campaigns: CampaignsTable;
  campaign_targets: CampaignTargetsTable;
  settings: SettingsTable;
  never_log: NeverLogTable;
};

/** The business record tables, which share RecordColumns and the generic record code. */
export type RecordTable =
  | "accounts"
  | "contacts"
  | "activities"
  | "opportunities"
  | "products"
  | "orders"
  | "cases"
  | "segments"
  | "campaigns";
