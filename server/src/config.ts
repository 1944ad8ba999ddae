import { homedir } from "node:os";
import { join } from "node:path";
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
  /** How the server speaks HTTPS; server/src/http/tls.ts turns it into a certificate at start. */
  tls: TlsConfig;
};

/** The admin's certificate, a generated localhost one for a trial, or plain HTTP behind a proxy. */
export type TlsConfig =
  | { mode: "off" }
  | { mode: "files"; certFile: string; keyFile: string }
  | { mode: "dev"; dir: string };

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
  const tls = tlsFromEnv(env);
  const publicUrl = env.RAPPORT_PUBLIC_URL ?? defaultPublicUrl(env, tls);
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
    tls,
  };
}

function tlsFromEnv(env: Env): TlsConfig {
  const { RAPPORT_TLS_CERT: certFile, RAPPORT_TLS_KEY: keyFile } = env;
  if (env.RAPPORT_TLS === "off") {
    if (certFile || keyFile) {
      throw new Error(
        "Rapport cannot start: RAPPORT_TLS is off, so RAPPORT_TLS_CERT and RAPPORT_TLS_KEY must not be set.",
      );
    }
    return { mode: "off" };
  }
  if (certFile && keyFile) return { mode: "files", certFile, keyFile };
  if (certFile || keyFile) {
    throw new Error("Rapport cannot start: set both RAPPORT_TLS_CERT and RAPPORT_TLS_KEY, or neither.");
  }
  // office-addin-dev-certs' own folder: `npx office-addin-dev-certs install` then trusts the same CA.
  return { mode: "dev", dir: env.RAPPORT_DEV_CERT_DIR ?? join(homedir(), ".office-addin-dev-certs") };
}

/** A loopback or wildcard listen address is reached as localhost, the name the trial certificate is for. */
function defaultPublicUrl(env: Env, tls: TlsConfig): string {
  if (tls.mode === "off") return `http://${env.HOST}:${env.PORT}`;
  const local = ["127.0.0.1", "::1", "0.0.0.0", "::", "localhost"].includes(env.HOST);
  return `https://${local ? "localhost" : env.HOST}:${env.PORT}`;
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
    tls: { mode: "off" },
    ...overrides,
  };
}
