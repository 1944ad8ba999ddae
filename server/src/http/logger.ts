import type { Config } from "../config.ts";

export type Logger = {
  info: (message: string, fields?: Record<string, unknown>) => void;
  error: (message: string, fields?: Record<string, unknown>) => void;
};

const LEVELS = { silent: 0, error: 1, info: 2, debug: 3 } as const;

/**
 * One JSON object per line on stdout. Callers pass paths without query strings and never pass
 * tokens or addresses: the log is read by people who should not see customer data.
 */
export function createLogger(level: Config["logLevel"]): Logger {
  const write = (at: keyof typeof LEVELS, message: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[at] > LEVELS[level]) return;
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields })}\n`);
  };
  return { info: (m, f) => write("info", m, f), error: (m, f) => write("error", m, f) };
}
