import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/min";

/**
 * A phone number in E.164 form, read in the given default country when it has no prefix;
 * null when it is not a valid number.
 *
 * @example normalizePhone("06 12 34 56 78", "FR") // "+33612345678"
 * @example normalizePhone("+44 20 7946 0958", "FR") // "+442079460958"
 */
export function normalizePhone(phone: string, defaultCountry: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(phone, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

export type { CountryCode };
