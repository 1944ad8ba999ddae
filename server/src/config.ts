import type { CountryCode } from "@rapport/shared/normalize";
import type { Role } from "@rapport/shared/schemas";
import type { Env } from "./env.ts";

export type Config = {
  publicUrl: string;
  maxBodyBytes: number;
  /** Cap for one import chunk or file: bigger than other bodies, refused before it is read. */
  maxImportBytes: number;
  defaultCountry: CountryCode;
  ownDomains: ReadonlySet<string>;
  logLevel: "silent" | "error" | "info" | "debug";
  /** Check every answer against its schema: on in tests, off in production where it costs time. */
  validateResponses: boolean;
  version: string;
  /** Microsoft Entra sign-in; null when no tenant is configured (API tokens only). */
  entra: EntraConfig | null;
  /** Requests per minute per user and per token before 429. */
  rateLimitPerMinute: number;
  /** Imports running (analysing, applying, undoing) at once, across all users. */
  maxConcurrentImports: number;
  /** Browser origins allowed to call the API (the add-ins' and the admin page's). */
  corsOrigins: ReadonlySet<string>;
};

export type EntraConfig = {
  tenantIds: readonly string[];
  clientId: string;
  audience: string;
  scope: string;
  defaultRole: Role;
  /** https://login.microsoftonline.com, or a local stand-in in tests. */
  authority: string;
};

export const VERSION = "0.1.0";

export function configFromEnv(env: Env): Config {
  const publicUrl = env.RAPPORT_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`;
  return {
    publicUrl,
    maxBodyBytes: env.RAPPORT_MAX_BODY_BYTES,
    maxImportBytes: env.RAPPORT_MAX_IMPORT_BYTES,
    defaultCountry: env.RAPPORT_DEFAULT_COUNTRY as CountryCode,
    ownDomains: new Set(
      env.RAPPORT_OWN_DOMAINS.split(",")
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
    ),
    logLevel: env.RAPPORT_LOG_LEVEL,
    validateResponses: false,
    version: VERSION,
    entra: entraFromEnv(env),
    rateLimitPerMinute: env.RAPPORT_RATE_LIMIT_PER_MINUTE,
    maxConcurrentImports: env.RAPPORT_MAX_CONCURRENT_IMPORTS,
    corsOrigins: new Set([new URL(publicUrl).origin, ...list(env.RAPPORT_CORS_ORIGINS).map((o) => new URL(o).origin)]),
  };
}

const list = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

function entraFromEnv(env: Env): EntraConfig | null {
  const tenantIds = list(env.RAPPORT_ENTRA_TENANT_IDS).map((t) => t.toLowerCase());
  if (tenantIds.length === 0) return null;
  if (!env.RAPPORT_ENTRA_CLIENT_ID) {
    throw new Error("Rapport cannot start: RAPPORT_ENTRA_TENANT_IDS is set, so RAPPORT_ENTRA_CLIENT_ID must be too.");
  }
  return {
    tenantIds,
    clientId: env.RAPPORT_ENTRA_CLIENT_ID,
    audience: env.RAPPORT_ENTRA_AUDIENCE ?? `api://${env.RAPPORT_ENTRA_CLIENT_ID}`,
    scope: env.RAPPORT_ENTRA_SCOPE,
    defaultRole: env.RAPPORT_ENTRA_DEFAULT_ROLE,
    authority: env.RAPPORT_ENTRA_AUTHORITY.replace(/\/+$/, ""),
  };
}

/** A config for tests and tools: quiet, strict about answers. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    publicUrl: "http://127.0.0.1",
    maxBodyBytes: 1024 * 1024,
    maxImportBytes: 4 * 1024 * 1024,
    defaultCountry: "FR",
    ownDomains: new Set(["rapport.test"]),
    logLevel: "silent",
    validateResponses: true,
    version: VERSION,
    entra: null,
    rateLimitPerMinute: 100_000,
    maxConcurrentImports: 4,
    corsOrigins: new Set(["http://127.0.0.1"]),
    ...overrides,
  };
}
