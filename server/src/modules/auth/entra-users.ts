import type { Kysely } from "kysely";
import type { EntraConfig } from "../../config.ts";
import { constraintViolation } from "../../db/errors.ts";
import type { Database, UsersTable } from "../../db/schema.ts";
import { type AuthUser, authUserOf } from "../../http/context.ts";
import { audit } from "../../records/audit.ts";
import { newId, nowIso } from "../../records/ids.ts";

/** Who a verified Entra access token speaks for: the tenant and object ids are the identity, the rest is labels. */
export type EntraIdentity = {
  tenantId: string;
  objectId: string;
  /** `name` claim: shown, never trusted for anything. */
  name: string | null;
  /** `preferred_username` / `upn`: a display label only; two people may claim the same one. */
  email: string | null;
};

const EMAIL = /^[^\s@#]+@[^\s@#]+\.[^\s@#]+$/;

/** An address that cannot collide with a real one (`.invalid` is reserved) and is unique per identity. */
export const placeholderEmail = (identity: EntraIdentity) => `${identity.objectId}@${identity.tenantId}.invalid`;

export function findEntraUser(db: Kysely<Database>, identity: EntraIdentity): Promise<UsersTable | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("tenant_id", "=", identity.tenantId)
    .where("object_id", "=", identity.objectId)
    .executeTakeFirst();
}

/** The caller as the rest of the server sees it: admins may do everything, others read and write. */
export function entraAuthUser(row: UsersTable, client: string): AuthUser {
  return authUserOf(row, row.role === "admin" ? ["read", "write", "admin"] : ["read", "write"], client);
}

/**
 * The user for an identity, made on their first sign-in with the configured default role and no
 * team. Race-safe: the unique index on (tenant_id, object_id) lets one of two concurrent first
 * sign-ins win; the other reads the winner's row. The email the token claims is kept as a label
 * when it is free; when another user already has it (an admin-made user, or someone in another
 * tenant), the new user gets `<oid>@<tid>.invalid` instead and is never merged with that user.
 */
export async function entraUser(
  db: Kysely<Database>,
  reader: Kysely<Database>,
  config: Pick<EntraConfig, "defaultRole">,
  identity: EntraIdentity,
  signIn: { client: string; requestId: string | null },
): Promise<{ row: UsersTable; provisioned: boolean }> {
  const existing = await findEntraUser(reader, identity);
  if (existing) return { row: existing, provisioned: false };

  const claimed = identity.email?.toLowerCase();
  const emails = claimed && EMAIL.test(claimed) ? [claimed, placeholderEmail(identity)] : [placeholderEmail(identity)];
  for (const email of emails) {
    const now = nowIso();
    const row: UsersTable = {
      id: newId("usr"),
      email,
      name: identity.name?.trim() || claimed || "Microsoft user",
      role: config.defaultRole,
      team_id: null,
      active: 1,
      created_at: now,
      updated_at: now,
      tenant_id: identity.tenantId,
      object_id: identity.objectId,
    };
    try {
      await db.transaction().execute(async (tx) => {
        await tx.insertInto("users").values(row).execute();
        await audit(
          tx,
          { user: entraAuthUser(row, signIn.client), requestId: signIn.requestId },
          {
            action: "sign_in",
            entity: "user",
            entityId: row.id,
            detail: { provisioned: true, tenantId: identity.tenantId, role: row.role },
          },
        );
      });
      return { row, provisioned: true };
    } catch (error) {
      if (constraintViolation(error) !== "unique") throw error;
      // Either a concurrent first sign-in of the same person won, or the email is someone else's.
      const raced = await findEntraUser(db, identity);
      if (raced) return { row: raced, provisioned: false };
    }
  }
  throw new Error(`Could not provision the Entra user ${identity.objectId} of tenant ${identity.tenantId}.`);
}
