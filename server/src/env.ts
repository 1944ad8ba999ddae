import { z } from "zod";

/**
 * The only reader of process.env. Parsed once at start; a wrong value stops the server with a
 * readable message instead of failing later.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default("127.0.0.1"),
  RAPPORT_DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  RAPPORT_PUBLIC_URL: z.url().optional(),
  /** Office loads add-ins over HTTPS only; `off` serves plain HTTP (behind a reverse proxy that terminates TLS, or in tests). */
  RAPPORT_TLS: z.enum(["on", "off"]).default("on"),
  /** PEM certificate (with its chain) and private key for the public URL's host; without them a localhost trial gets a generated one. */
  RAPPORT_TLS_CERT: z.string().min(1).optional(),
  RAPPORT_TLS_KEY: z.string().min(1).optional(),
  /** Where the generated localhost certificate lives; office-addin-dev-certs' own folder unless set. */
  RAPPORT_DEV_CERT_DIR: z.string().min(1).optional(),
  RAPPORT_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  RAPPORT_MAX_IMPORT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(32 * 1024 * 1024),
  RAPPORT_DEFAULT_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default("FR"),
  /** The organisation's own mail domains, comma separated: mail between colleagues is never matched. */
  RAPPORT_OWN_DOMAINS: z.string().default(""),
  RAPPORT_LOG_LEVEL: z.enum(["silent", "error", "info", "debug"]).default("info"),
  /** Microsoft Entra sign-in for the add-ins: the tenants whose users may sign in, comma separated. */
  RAPPORT_ENTRA_TENANT_IDS: z.string().default(""),
  /** The app registration of Rapport's API (its client id). */
  RAPPORT_ENTRA_CLIENT_ID: z.string().optional(),
  /** The audience access tokens must carry; `api://<client id>` unless set. */
  RAPPORT_ENTRA_AUDIENCE: z.string().optional(),
  /** The delegated scope the add-ins request (`scp` claim). */
  RAPPORT_ENTRA_SCOPE: z.string().min(1).default("access_as_user"),
  /** The role a user signing in for the first time gets. */
  RAPPORT_ENTRA_DEFAULT_ROLE: z.enum(["rep", "manager", "marketer", "admin"]).default("rep"),
  /** Where tenants' keys and issuers live; only tests point it elsewhere. */
  RAPPORT_ENTRA_AUTHORITY: z.url().default("https://login.microsoftonline.com"),
  /** Requests per minute per user and per token before 429. */
  RAPPORT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** Imports analysing, applying or undoing at once, across all users. */
  RAPPORT_MAX_CONCURRENT_IMPORTS: z.coerce.number().int().min(1).default(4),
  /** Origins (scheme://host[:port]) allowed to call the API from a browser, comma separated; the public URL's always is. */
  RAPPORT_CORS_ORIGINS: z.string().default(""),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Rapport cannot start, the environment is wrong:\n${lines.join("\n")}`);
}
