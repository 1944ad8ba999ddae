/**
 * A person as the matching engine sees them: every field already in its comparison form
 * (folded, normalised), null when unknown. Built by prepareRecord from an import row or a contact.
 */
export interface MatchRecord {
  firstName: string | null;
  lastName: string | null;
  /** Normalised addresses, primary first. */
  emails: string[];
  /** E.164 numbers. */
  phones: string[];
  /** YYYYMMDD when it parses as a date, else the digits as typed (a corrupted date still compares). */
  birthDate: string | null;
  nationalId: string | null;
  streetNumber: string | null;
  /** The first address line, folded. */
  street: string | null;
  /** The other address lines, folded and joined. */
  locality: string | null;
  postcode: string | null;
  city: string | null;
  region: string | null;
  company: string | null;
  /** Phonetic codes of the names, for blocking. */
  firstNameCode: string;
  lastNameCode: string;
}
