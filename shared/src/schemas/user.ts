import { z } from "zod";
import { Email, Id, ShortText, Timestamp } from "./common.ts";

export const Role = z.enum(["rep", "manager", "marketer", "admin"]);
export type Role = z.infer<typeof Role>;

export const User = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: Role,
    teamId: Id.nullable(),
    active: z.boolean(),
    createdAt: Timestamp,
  })
  .meta({ id: "User" });
export type User = z.infer<typeof User>;

export const UserCreate = z.strictObject({
  email: Email,
  name: ShortText.min(1),
  role: Role.default("rep"),
  teamId: Id.nullable().default(null),
});
export type UserCreate = z.infer<typeof UserCreate>;

/** What an admin changes about a user: role, team, name, or access (a deactivated user cannot sign in). */
export const UserUpdate = z
  .strictObject({
    name: ShortText.min(1).optional(),
    role: Role.optional(),
    teamId: Id.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { message: "nothing to change" });
export type UserUpdate = z.infer<typeof UserUpdate>;

export const Team = z.object({ id: Id, name: z.string(), parentId: Id.nullable(), createdAt: Timestamp });
export type Team = z.infer<typeof Team>;
export const TeamCreate = z.strictObject({ name: ShortText.min(1), parentId: Id.nullable().default(null) });

/** What a token may do: read (GET), write (everything else), admin (users, tokens, settings, audit). */
export const TokenScope = z.enum(["read", "write", "admin"]);
export type TokenScope = z.infer<typeof TokenScope>;

export const ApiTokenInfo = z.object({
  id: Id,
  userId: Id,
  name: z.string(),
  scopes: z.array(TokenScope),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  expiresAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type ApiTokenInfo = z.infer<typeof ApiTokenInfo>;
export const ApiTokenCreate = z.strictObject({
  userId: Id,
  name: ShortText.min(1).default("api"),
  expiresAt: Timestamp.nullable().default(null),
  /** A script that only reads gets ["read"]; admin only counts for an admin user. */
  scopes: z.array(TokenScope).min(1).max(3).default(["read", "write", "admin"]),
});
/** Which tokens to list: one user's, or everyone's. */
export const ApiTokenQuery = z.strictObject({ userId: Id.optional() });
/** The one answer that carries a token's secret; it is never shown again. */
export const ApiTokenCreated = ApiTokenInfo.extend({ token: z.string() });
