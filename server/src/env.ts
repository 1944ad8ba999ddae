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
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Rapport cannot start, the environment is wrong:\n${lines.join("\n")}`);
}
