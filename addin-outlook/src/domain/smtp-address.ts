const SMTP = /^[^\s@/<>(),;:"[\]]+@[^\s@/<>(),;:"[\]]+\.[^\s@/<>(),;:"[\]]+$/;

/**
 * Whether Outlook gave a real Internet address. Exchange hands out X.500 paths
 * ("/O=EXCHANGELABS/OU=.../CN=RECIPIENTS/CN=...") for some senders, and drafts can hold plain names:
 * neither can be looked up or stored as an address.
 *
 * @example isSmtpAddress("adelev@contoso.com") // true
 * @example isSmtpAddress("/O=EXCHANGELABS/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=ADELE") // false
 */
export function isSmtpAddress(value: string | null | undefined): value is string {
  return typeof value === "string" && value.length <= 254 && SMTP.test(value.trim());
}
