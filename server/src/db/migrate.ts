import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import { isPostgres } from "./dialect.ts";
import * as initial from "./migrations/0001_initial.ts";
import * as idempotencyKeys from "./migrations/0002_idempotency_keys.ts";
import * as searchTerms from "./migrations/0003_search_terms.ts";
import * as importsAndDedup from "./migrations/0004_imports_and_dedup.ts";
import * as marketing from "./migrations/0005_marketing.ts";
import * as identity from "./migrations/0006_identity.ts";
import * as privacy from "./migrations/0007_privacy.ts";
import * as meetingDetails from "./migrations/0008_meeting_details.ts";
import * as houseNumberKeys from "./migrations/0009_house_number_keys.ts";
import * as contactTermsWithoutAddresses from "./migrations/0010_contact_terms_without_addresses.ts";

/** Listed here rather than read from disk, so migrations work however the server is packaged. */
const migrations: Record<string, Migration> = {
  "0001_initial": initial,
  "0002_idempotency_keys": idempotencyKeys,
  "0003_search_terms": searchTerms,
  "0004_imports_and_dedup": importsAndDedup,
  "0005_marketing": marketing,
  "0006_identity": identity,
  "0007_privacy": privacy,
  "0008_meeting_details": meetingDetails,
  "0009_house_number_keys": houseNumberKeys,
  "0010_contact_terms_without_addresses": contactTermsWithoutAddresses,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema it can see unless told which: a
  // PostgreSQL database holding other Rapport schemas (tests, staging) would make it skip creating
  // its own. On PostgreSQL they live in the connection's schema.
  const schema = isPostgres(db)
    ? ((await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema ?? undefined)
    : undefined;
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? "?"} failed: ${reason}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
