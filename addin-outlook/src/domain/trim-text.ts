/**
 * At most `max` UTF-16 units (what the server's length limits count), never cutting an emoji or
 * another character outside the basic plane in half.
 *
 * @example trimText("ab😊", 3) // "ab"
 */
export function trimText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  // A high surrogate at the cut would be left without its pair.
  const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}
