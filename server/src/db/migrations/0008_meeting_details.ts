import type { Kysely } from "kysely";

/** Meetings keep where they take place and when they end, not only when they start. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("activities").addColumn("location", "text").execute();
  await db.schema.alterTable("activities").addColumn("ends_at", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("activities").dropColumn("ends_at").execute();
  await db.schema.alterTable("activities").dropColumn("location").execute();
}
