/**
 * Phones: a number is (country code, national significant number), made up per country and typed
 * in the many national and international ways people write it.
 */
import type { Rng } from "./random.ts";

export type Phone = { cc: string; nsn: string };

const group = (digits: string, sizes: number[]) => {
  const parts: string[] = [];
  let pos = 0;
  for (const size of sizes) {
    parts.push(digits.slice(pos, pos + size));
    pos += size;
  }
  if (pos < digits.length) parts.push(digits.slice(pos));
  return parts.join(" ");
};

/** The number as someone might type it, style chosen by `style` (any integer). */
export function formatPhone(phone: Phone, style: number): string {
  const { cc, nsn } = phone;
  switch (cc) {
    case "33": {
      const pairs = `${nsn.slice(0, 1)} ${group(nsn.slice(1), [2, 2, 2, 2])}`;
      const national = `0${nsn}`;
      switch (style % 8) {
        case 0:
        case 1:
          return `0${pairs}`; // 06 12 34 56 78
        case 2:
          return `0${pairs}`.replaceAll(" ", "."); // 06.12.34.56.78
        case 3:
          return national; // 0612345678
        case 4:
          return `+33 ${pairs}`; // +33 6 12 34 56 78
        case 5:
          return `+33 (0)${pairs}`; // +33 (0)6 12 34 56 78
        case 6:
          return `+33${nsn}`;
        default:
          return `0033 ${pairs}`;
      }
    }
    case "1": {
      const [a, b, c] = [nsn.slice(0, 3), nsn.slice(3, 6), nsn.slice(6)];
      return [`+1 (${a}) ${b}-${c}`, `+1 ${a}-${b}-${c}`, `+1 ${a} ${b} ${c}`, `001 ${a} ${b} ${c}`, `+1${nsn}`][
        style % 5
      ] as string;
    }
    case "44": {
      const spaced = nsn.startsWith("2") ? group(nsn, [2, 4, 4]) : group(nsn, [4, 6]);
      return [`+44 ${spaced}`, `0044 ${spaced}`, `+44 (0)${spaced}`, `+44${nsn}`][style % 4] as string;
    }
    case "49": {
      const spaced = nsn.startsWith("1") ? group(nsn, [3]) : group(nsn, [2]);
      return [`+49 ${spaced}`, `+49 (0)${spaced}`, `0049 ${spaced}`][style % 3] as string;
    }
    default: {
      const sizes: Record<string, number[]> = {
        "34": [3, 3, 3],
        "39": [2, 4, 4],
        "32": [1, 3, 2, 2],
        "41": [2, 3, 2, 2],
      };
      const spaced = group(nsn, sizes[cc] ?? [3, 3]);
      return [`+${cc} ${spaced}`, `00${cc} ${spaced}`, `+${cc}${nsn}`][style % 3] as string;
    }
  }
}

const US_AREAS = ["212", "415", "312", "617", "206", "512", "303", "646", "408", "213", "305", "404"];
const UK_MOBILE = ["7911", "7700", "7812", "7956", "7403", "7584"];

/** A landline in the country; `tail` (eight digits) makes it distinct. */
export function landline(country: string, tail: string, frRegion: number, rng: Rng): Phone {
  switch (country) {
    case "FR":
      return { cc: "33", nsn: `${frRegion}${tail}` };
    case "GB":
      return { cc: "44", nsn: `20${rng.pick(["3", "7", "8"])}${tail.slice(1)}` };
    case "US":
      return { cc: "1", nsn: `${rng.pick(US_AREAS)}${rng.between(2, 9)}${tail.slice(1, 3)}${tail.slice(4)}` };
    case "DE":
      return { cc: "49", nsn: `30${tail.slice(0, 7)}` };
    case "ES":
      return { cc: "34", nsn: `91${tail.slice(0, 7)}` };
    case "IT":
      return { cc: "39", nsn: `06${tail}` };
    case "BE":
      return { cc: "32", nsn: `2${tail.slice(0, 7)}` };
    default:
      return { cc: "41", nsn: `22${tail.slice(0, 7)}` };
  }
}

export function mobile(country: string, tail: string, rng: Rng): Phone {
  switch (country) {
    case "FR":
      return { cc: "33", nsn: `6${tail}` };
    case "BE":
      return { cc: "32", nsn: `4${rng.between(7, 9)}${tail.slice(0, 7)}` };
    case "CH":
      return { cc: "41", nsn: `7${rng.between(6, 9)}${tail.slice(0, 7)}` };
    case "GB":
      // 07700 900xxx is reserved for drama and is not a valid number: keep to real ranges.
      return { cc: "44", nsn: `${rng.pick(UK_MOBILE.slice(2))}${tail.slice(2)}` };
    case "US":
      return landline("US", tail, 1, rng);
    case "DE":
      return { cc: "49", nsn: `15${rng.between(1, 2)}${tail}` };
    case "ES":
      return { cc: "34", nsn: `6${tail}` };
    default:
      return { cc: "39", nsn: `34${rng.between(0, 9)}${tail.slice(0, 7)}` };
  }
}
