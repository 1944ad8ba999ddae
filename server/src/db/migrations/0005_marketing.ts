import type { Kysely } from "kysely";
import { contactFactColumns, refreshContactFacts } from "../../modules/contacts/contact-facts.ts";
import { withRecordColumns } from "./0001_initial.ts";

/**
 * Segments, campaigns and customer value: the narrow contact_facts table segments count over,
 * saved segments and static lists, coded campaigns with their frozen target lists, admin
 * settings, and a category on products (FRAT's type).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("products").addColumn("category", "text").execute();

  await db.schema
    .createTable("contact_facts")
    .addColumn("contact_id", "text", (c) => c.primaryKey().references("contacts.id").onDelete("cascade"))
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("team_id", "text")
    .addColumn("country", "text")
    .addColumn("postcode", "text")
    .addColumn("city", "text")
    .addColumn("source", "text")
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("email_consent", "text", (c) => c.notNull())
    .addColumn("phone_consent", "text", (c) => c.notNull())
    .addColumn("sms_consent", "text", (c) => c.notNull())
    .addColumn("post_consent", "text", (c) => c.notNull())
    .addColumn("do_not_contact", "integer", (c) => c.notNull())
    .addColumn("has_email", "integer", (c) => c.notNull())
    .addColumn("has_phone", "integer", (c) => c.notNull())
    .addColumn("order_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("order_total", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("first_order_at", "text")
    .addColumn("last_order_at", "text")
    .addColumn("last_activity_at", "text")
    .addColumn("recency_score", "integer")
    .addColumn("frequency_score", "integer")
    .addColumn("monetary_score", "integer")
    .addColumn("product_category", "text")
    .addColumn("lifetime_value", "double precision")
    .addColumn("scored_at", "text")
    .execute();

  await withRecordColumns(db.schema.createTable("segments"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("filter", "text")
    .execute();
  await db.schema
    .createTable("segment_members")
    .addColumn("segment_id", "text", (c) => c.notNull().references("segments.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("added_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("segment_members_pk", ["segment_id", "member_id"])
    .execute();

  await withRecordColumns(db.schema.createTable("campaigns"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("objective", "text")
    .addColumn("segment_id", "text", (c) => c.references("segments.id").onDelete("set null"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("planned_at", "text")
    .addColumn("cost", "double precision", (c) => c.notNull())
    .addColumn("promise_type", "text")
    .addColumn("promise_summary", "text")
    .addColumn("response_channels", "text", (c) => c.notNull())
    .addColumn("target_quantity", "integer")
    .addColumn("control_size", "integer", (c) => c.notNull())
    .addColumn("response_window_days", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("launched_at", "text")
    .addColumn("target_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("control_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("campaign_targets")
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("contact_id", "text", (c) => c.notNull().references("contacts.id").onDelete("cascade"))
    .addColumn("control", "integer", (c) => c.notNull())
    .addColumn("solicited_at", "text", (c) => c.notNull())
    .addColumn("responded_at", "text")
    .addColumn("response_channel", "text")
    .addColumn("response_source", "text")
    .addColumn("converted_at", "text")
    .addColumn("conversion_value", "double precision")
    .addPrimaryKeyConstraint("campaign_targets_pk", ["campaign_id", "contact_id"])
    .execute();
  // The pressure cap and response attribution look a contact's recent solicitations up.
  await db.schema
    .createIndex("campaign_targets_contact")
    .on("campaign_targets")
    .columns(["contact_id", "solicited_at"])
    .execute();

  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .execute();

  await backfillContactFacts(db);
}

/** Contacts written before this migration get their facts row, with their orders and activities. */
async function backfillContactFacts(db: Kysely<unknown>): Promise<void> {
  const any = db as Kysely<Record<string, Record<string, unknown>>>;
  let after = "";
  for (;;) {
    const rows = await any
      .selectFrom("contacts")
      .select([
        "id",
        "owner_id",
        "team_id",
        "emails",
        "phones",
        "address",
        "source",
        "tags",
        "consent",
        "do_not_contact",
      ])
      .where("id", ">", after)
      .orderBy("id")
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    const facts = rows.map((row) =>
      contactFactColumns({
        id: row.id as string,
        ownerId: row.owner_id as string,
        teamId: (row.team_id as string | null) ?? null,
        emails: JSON.parse(row.emails as string),
        phones: JSON.parse(row.phones as string),
        address: row.address ? JSON.parse(row.address as string) : null,
        source: (row.source as string | null) ?? null,
        tags: JSON.parse(row.tags as string),
        consent: JSON.parse(row.consent as string),
        doNotContact: Boolean(row.do_not_contact),
      }),
    );
    await any.insertInto("contact_facts").values(facts).execute();
    await refreshContactFacts(
      db as never,
      rows.map((row) => row.id as string),
    );
    after = rows.at(-1)?.id as string;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["settings", "campaign_targets", "campaigns", "segment_members", "segments", "contact_facts"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("products").dropColumn("category").execute();
}
