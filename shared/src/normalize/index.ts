export { foldText } from "./fold-text.ts";
export { emailDomain, normalizeEmail } from "./normalize-email.ts";
export { type CountryCode, normalizePhone } from "./normalize-phone.ts";
export { isPersonalEmailDomain, PERSONAL_EMAIL_DOMAINS } from "./personal-domains.ts";
