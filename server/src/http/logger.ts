import type { Config } from "../config.ts";

type Fields = Record<string, unknown>;
/** Fields, or a function making them, so a silenced level costs nothing on the hot path. */
type LazyFields = Fields | (() => Fields);

export type Logger = {
  info: (message: string, fields?: LazyFields) => void;
  error: (message: string, fields?: LazyFields) => void;
};

const LEVELS = { silent: 0, error: 1, info: 2, debug: 3 } as const;

/**
 * One JSON object per line on stdout. Callers pass paths without query strings and never pass
 * tokens or addresses: the log is read by people who should not see customer data.
 */
export function createLogger(level: Config["logLevel"]): Logger {
  const write = (at: keyof typeof LEVELS, message: string, fields: LazyFields = {}) => {
    if (LEVELS[at] > LEVELS[level]) return;
    const values = typeof fields === "function" ? fields() : fields;
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: at, message, ...values })}\n`);
  };
  return { info: (m, f) => write("info", m, f), error: (m, f) => write("error", m, f) };
}
