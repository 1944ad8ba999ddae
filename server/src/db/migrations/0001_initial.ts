import type { CreateTableBuilder, Kysely } from "kysely";

// Migrations take Kysely<unknown>: they must not depend on today's table types.
type Db = Kysely<unknown>;

/** id, timestamps, version, owner and team: the columns of every business record. */
export function withRecordColumns<T extends string>(table: CreateTableBuilder<T>) {
  return table
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("owner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("team_id", "text", (c) => c.references("teams.id").onDelete("set null"));
}

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable("teams")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("parent_id", "text", (c) => c.references("teams.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("team_id", "text", (c) => c.references("teams.id").onDelete("set null"))
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .execute();

  await withRecordColumns(db.schema.createTable("accounts"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("domains", "text", (c) => c.notNull())
    .addColumn("industry", "text")
    .addColumn("size", "text")
    .addColumn("phone", "text")
    .addColumn("address", "text")
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("source", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("search_text", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("account_domains")
    .addColumn("domain", "text", (c) => c.notNull())
    .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("account_domains_pk", ["domain", "account_id"])
    .execute();

  await withRecordColumns(db.schema.createTable("contacts"))
    .addColumn("civility", "text")
    .addColumn("first_name", "text")
    .addColumn("last_name", "text")
    .addColumn("emails", "text", (c) => c.notNull())
    .addColumn("phones", "text", (c) => c.notNull())
    .addColumn("job_title", "text")
    .addColumn("account_id", "text", (c) => c.references("accounts.id").onDelete("set null"))
    .addColumn("address", "text")
    .addColumn("source", "text")
    .addColumn("first_contact_at", "text")
    .addColumn("first_sale_at", "text")
    .addColumn("discount_rate", "double precision")
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("consent", "text", (c) => c.notNull())
    .addColumn("do_not_contact", "integer", (c) => c.notNull())
    .addColumn("search_text", "text", (c) => c.notNull())
    .execute();

  for (const [table, column] of [
    ["contact_emails", "email"],
    ["contact_phones", "phone"],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn(column, "text", (c) => c.notNull())
      .addColumn("contact_id", "text", (c) => c.notNull().references("contacts.id").onDelete("cascade"))
      .addColumn("position", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, [column, "contact_id"])
      .execute();
  }

  await withRecordColumns(db.schema.createTable("opportunities"))
    .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
    .addColumn("contact_id", "text", (c) => c.references("contacts.id").onDelete("set null"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("amount", "double precision")
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("probability", "double precision", (c) => c.notNull())
    .addColumn("expected_close_date", "text")
    .execute();

  await db.schema
    .createTable("opportunity_stage_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("opportunity_id", "text", (c) => c.notNull().references("opportunities.id").onDelete("cascade"))
    .addColumn("account_id", "text", (c) => c.notNull())
    .addColumn("from_stage", "text")
    .addColumn("to_stage", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("by_user_id", "text", (c) => c.notNull())
    .execute();

  await withRecordColumns(db.schema.createTable("products"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("list_price", "double precision", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("warranty_months", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .execute();

  await withRecordColumns(db.schema.createTable("orders"))
    .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id"))
    .addColumn("contact_id", "text", (c) => c.references("contacts.id").onDelete("set null"))
    .addColumn("ordered_at", "text", (c) => c.notNull())
    .addColumn("reference", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("total", "double precision", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("order_lines")
    .addColumn("order_id", "text", (c) => c.notNull().references("orders.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("quantity", "double precision", (c) => c.notNull())
    .addColumn("unit_price", "double precision", (c) => c.notNull())
    .addColumn("discount_rate", "double precision", (c) => c.notNull())
    .addColumn("line_total", "double precision", (c) => c.notNull())
    .addPrimaryKeyConstraint("order_lines_pk", ["order_id", "position"])
    .execute();

  await withRecordColumns(db.schema.createTable("cases"))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("contact_id", "text", (c) => c.references("contacts.id").onDelete("set null"))
    .addColumn("account_id", "text", (c) => c.references("accounts.id").onDelete("set null"))
    .addColumn("product_id", "text", (c) => c.references("products.id").onDelete("set null"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("priority", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .execute();

  await withRecordColumns(db.schema.createTable("activities"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("direction", "text")
    .addColumn("subject", "text")
    .addColumn("body_text", "text")
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("participants", "text", (c) => c.notNull())
    .addColumn("account_id", "text", (c) => c.references("accounts.id").onDelete("set null"))
    .addColumn("opportunity_id", "text", (c) => c.references("opportunities.id").onDelete("set null"))
    .addColumn("case_id", "text", (c) => c.references("cases.id").onDelete("set null"))
    .addColumn("internet_message_id", "text", (c) => c.unique())
    .addColumn("conversation_id", "text")
    .addColumn("ical_uid", "text", (c) => c.unique())
    .addColumn("logged_by", "text", (c) => c.notNull().references("users.id"))
    .execute();

  await db.schema
    .createTable("activity_contacts")
    .addColumn("activity_id", "text", (c) => c.notNull().references("activities.id").onDelete("cascade"))
    .addColumn("contact_id", "text", (c) => c.notNull().references("contacts.id").onDelete("cascade"))
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("activity_contacts_pk", ["contact_id", "activity_id"])
    .execute();

  await db.schema
    .createTable("audit_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("user_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("detail", "text", (c) => c.notNull())
    .addColumn("request_id", "text")
    .execute();

  const indexes: Array<[string, string, string[]]> = [
    ["account_domains_account", "account_domains", ["account_id"]],
    ["accounts_owner", "accounts", ["owner_id"]],
    ["accounts_team", "accounts", ["team_id"]],
    ["contacts_account", "contacts", ["account_id"]],
    ["contacts_owner", "contacts", ["owner_id"]],
    ["contacts_team", "contacts", ["team_id"]],
    ["contact_emails_contact", "contact_emails", ["contact_id"]],
    ["contact_phones_contact", "contact_phones", ["contact_id"]],
    ["activities_account", "activities", ["account_id", "occurred_at"]],
    ["activities_opportunity", "activities", ["opportunity_id"]],
    ["activities_case", "activities", ["case_id"]],
    ["activities_owner", "activities", ["owner_id"]],
    ["activity_contacts_recent", "activity_contacts", ["contact_id", "occurred_at"]],
    ["activity_contacts_activity", "activity_contacts", ["activity_id"]],
    ["opportunities_account", "opportunities", ["account_id", "stage"]],
    ["opportunities_owner", "opportunities", ["owner_id"]],
    ["stage_changes_account", "opportunity_stage_changes", ["account_id", "at"]],
    ["stage_changes_opportunity", "opportunity_stage_changes", ["opportunity_id"]],
    ["orders_account", "orders", ["account_id", "ordered_at"]],
    ["orders_contact", "orders", ["contact_id"]],
    ["order_lines_product", "order_lines", ["product_id"]],
    ["cases_account", "cases", ["account_id", "status"]],
    ["cases_contact", "cases", ["contact_id", "status"]],
    ["audit_entries_at", "audit_entries", ["at"]],
    ["audit_entries_entity", "audit_entries", ["entity_id"]],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
}

export async function down(db: Db): Promise<void> {
  for (const table of [
    "audit_entries",
    "activity_contacts",
    "activities",
    "cases",
    "order_lines",
    "orders",
    "products",
    "opportunity_stage_changes",
    "opportunities",
    "contact_phones",
    "contact_emails",
    "contacts",
    "account_domains",
    "accounts",
    "api_tokens",
    "users",
    "teams",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
