import { AppError } from "./app-error.ts";

/**
 * The text of a request body. JSON should be UTF-8, but Windows tools send a byte-order mark or
 * UTF-16, and some declare a charset: honour a BOM first, then the declared charset, and refuse
 * bytes that are not valid in that encoding rather than store replacement characters.
 */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  const [encoding, skip] = sniffEncoding(bytes, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    throw new AppError("unsupported_media_type", `The charset "${encoding}" is not one Rapport reads; send UTF-8.`);
  }
  try {
    return decoder.decode(bytes.subarray(skip));
  } catch {
    throw new AppError("malformed_json", `The body is not valid ${encoding} text.`);
  }
}

function sniffEncoding(bytes: Uint8Array, contentType: string): [string, number] {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return ["utf-8", 3];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return ["utf-16le", 2];
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return ["utf-16be", 2];
  const charset = /;\s*charset="?([\w-]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
  return [charset ?? "utf-8", 0];
}
