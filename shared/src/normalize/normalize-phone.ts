import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/min";

/**
 * A phone number in E.164 form, read in the given default country when it has no prefix;
 * null when it is not a valid number.
 *
 * @example normalizePhone("06 12 34 56 78", "FR") // "+33612345678"
 * @example normalizePhone("+44 20 7946 0958", "FR") // "+442079460958"
 * @example normalizePhone("001 646 832 3977", "US") // "+16468323977"
 */
export function normalizePhone(phone: string, defaultCountry: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(phone, defaultCountry);
  if (parsed?.isValid()) return parsed.number;
  // "00" and a country code is how most of the world dials abroad, and how lists write foreign
  // numbers; in a country that dials out otherwise (011 in North America) it is still no national
  // number, so it is read as the international one it is.
  const abroad = INTERNATIONAL_00.exec(phone);
  const international = abroad ? parsePhoneNumberFromString(`+${phone.slice(abroad[0].length)}`) : undefined;
  return international?.isValid() ? international.number : null;
}

const INTERNATIONAL_00 = /^\s*00(?=\s*[1-9])/;

export type { CountryCode };
