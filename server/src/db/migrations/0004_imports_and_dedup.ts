import { type Kysely, PostgresAdapter, sql } from "kysely";
import { backfillMatchKeys } from "./backfill-match-keys.ts";

/**
 * De-duplication and imports: a birth date on contacts, the blocking keys that let an import find
 * its candidates through an index, import jobs with one row per incoming line (the dry run's
 * decision and what apply did, for undo), and merges with what undoing them needs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.alterTable("contacts").addColumn("birth_date", "text").execute();

  await db.schema
    .createTable("contact_match_keys")
    .addColumn("key", "text", (c) => (postgres ? c.notNull().modifyEnd(sql`collate "C"`) : c.notNull()))
    .addColumn("contact_id", "text", (c) => c.notNull().references("contacts.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("contact_match_keys_pk", ["key", "contact_id"])
    .execute();
  await db.schema.createIndex("contact_match_keys_contact_id").on("contact_match_keys").column("contact_id").execute();

  await db.schema
    .createTable("import_jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("headers", "text", (c) => c.notNull())
    .addColumn("mapping", "text", (c) => c.notNull())
    .addColumn("options", "text", (c) => c.notNull())
    .addColumn("row_count", "integer", (c) => c.notNull())
    .addColumn("plan", "text")
    .addColumn("progress_done", "integer", (c) => c.notNull())
    .addColumn("result", "text")
    .addColumn("undo", "text")
    .addColumn("error", "text")
    .addColumn("owner_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("team_id", "text", (c) => c.references("teams.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("import_jobs_owner").on("import_jobs").columns(["owner_id", "created_at"]).execute();

  await db.schema
    .createTable("import_rows")
    .addColumn("job_id", "text", (c) => c.notNull().references("import_jobs.id").onDelete("cascade"))
    .addColumn("row_number", "integer", (c) => c.notNull())
    .addColumn("cells", "text", (c) => c.notNull())
    .addColumn("action", "text")
    .addColumn("proposed", "text")
    .addColumn("overridden", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("target_id", "text")
    .addColumn("duplicate_of", "integer")
    .addColumn("score", "real")
    .addColumn("review", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("reasons", "text")
    .addColumn("changes", "text")
    .addColumn("errors", "text")
    .addColumn("row_values", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("record_id", "text")
    // Undo: the record as it was before apply touched it, and its version right after.
    .addColumn("before", "text")
    .addColumn("after_version", "integer")
    .addPrimaryKeyConstraint("import_rows_pk", ["job_id", "row_number"])
    .execute();

  await db.schema
    .createTable("merges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("survivor_id", "text", (c) => c.notNull())
    .addColumn("merged_ids", "text", (c) => c.notNull())
    // Everything unmerge needs: the removed records, the survivor before, the links moved.
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("repointed", "integer", (c) => c.notNull())
    .addColumn("survivor_version", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("undone_at", "text")
    .execute();
  await db.schema.createIndex("merges_survivor").on("merges").column("survivor_id").execute();

  // Contacts written before this migration get their blocking keys too.
  await backfillMatchKeys(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("merges").execute();
  await db.schema.dropTable("import_rows").execute();
  await db.schema.dropTable("import_jobs").execute();
  await db.schema.dropTable("contact_match_keys").execute();
  await db.schema.alterTable("contacts").dropColumn("birth_date").execute();
}
