import type { CountryCode } from "@rapport/shared/normalize";
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
};

export const VERSION = "0.1.0";

export function configFromEnv(env: Env): Config {
  return {
    publicUrl: env.RAPPORT_PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`,
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
    ...overrides,
  };
}
