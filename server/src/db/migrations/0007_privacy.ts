import type { Kysely } from "kysely";

/**
 * Each user's own "never log this sender" list, which the server enforces on every log; and the
 * conversation index the Outlook pane reads a thread's logged mails by.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("never_log")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("never_log_pk", ["user_id", "address"])
    .execute();
  await db.schema.createIndex("activities_conversation").on("activities").column("conversation_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("activities_conversation").execute();
  await db.schema.dropTable("never_log").execute();
}
