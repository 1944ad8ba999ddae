/**
 * Remembers a pure function's answers for repeated inputs. Names, cities and company names repeat
 * all through a contact list (a few thousand surnames cover most people), and folding and
 * phonetic coding were half the time of preparing a record. The cache starts afresh when full, so
 * memory stays bounded whatever the list.
 */
export function memo<T>(compute: (input: string) => T, capacity = 100_000): (input: string) => T {
  let cache = new Map<string, T>();
  return (input) => {
    const known = cache.get(input);
    if (known !== undefined) return known;
    const value = compute(input);
    if (cache.size >= capacity) cache = new Map();
    cache.set(input, value);
    return value;
  };
}
