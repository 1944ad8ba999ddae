export { companyKey, websiteDomain } from "./company.ts";
export { dateParts, type ParseDateOptions, parseDate } from "./dates.ts";
export { foldText } from "./fold-text.ts";
export { type Civility, extractCivility, type FullName, nameKey, phoneticKey, splitFullName } from "./names.ts";
export { emailDomain, normalizeEmail } from "./normalize-email.ts";
export { type CountryCode, normalizePhone } from "./normalize-phone.ts";
export { isPersonalEmailDomain, PERSONAL_EMAIL_DOMAINS } from "./personal-domains.ts";
export {
  countryCode,
  countryNameFr,
  formatPostalLines,
  isValidPostcode,
  normalizePostcode,
  type PostalLinesInput,
} from "./postal-address.ts";
