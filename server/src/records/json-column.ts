/** Lists and small objects live in text columns as JSON (see db/schema.ts for why). */
export function readJson<T>(text: string | null, fallback: T): T {
  if (text === null || text === "") return fallback;
  return JSON.parse(text) as T;
}

export const writeJson = (value: unknown): string => JSON.stringify(value);

export const readBool = (value: number): boolean => value === 1;
export const writeBool = (value: boolean): number => (value ? 1 : 0);
