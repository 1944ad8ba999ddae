import type { Kysely } from "kysely";

/**
 * Identity and access: users signed in with Microsoft Entra are their tenant id and object id;
 * API tokens carry scopes (read, write, admin); audit entries say which client acted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").addColumn("tenant_id", "text").execute();
  await db.schema.alterTable("users").addColumn("object_id", "text").execute();
  await db.schema.createIndex("users_entra").on("users").columns(["tenant_id", "object_id"]).unique().execute();
  // Tokens made before scopes existed keep what they could do: everything their user may.
  await db.schema
    .alterTable("api_tokens")
    .addColumn("scopes", "text", (c) => c.notNull().defaultTo('["read","write","admin"]'))
    .execute();
  await db.schema.alterTable("audit_entries").addColumn("client", "text").execute();
  // The audit trail is read newest first, filtered by who and by action.
  await db.schema.createIndex("audit_entries_user").on("audit_entries").columns(["user_id", "at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("audit_entries_user").execute();
  await db.schema.alterTable("audit_entries").dropColumn("client").execute();
  await db.schema.alterTable("api_tokens").dropColumn("scopes").execute();
  await db.schema.dropIndex("users_entra").execute();
  await db.schema.alterTable("users").dropColumn("object_id").execute();
  await db.schema.alterTable("users").dropColumn("tenant_id").execute();
}
