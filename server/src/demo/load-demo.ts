import type { Config } from "../config.ts";
import type { Db } from "../db/connect.ts";

export async function loadDemo(_database: Db, _config: Config): Promise<string | null> {
  return null;
}
