import { normalizePhone } from "@rapport/shared/normalize";
import { invalidField } from "../http/app-error.ts";
import type { RequestContext } from "./request-context.ts";

/** A typed phone number in E.164, read in the server's default country, or a 422 on `path`. */
export function phoneOrThrow(ctx: RequestContext, phone: string, path: string): string {
  const e164 = normalizePhone(phone, ctx.config.defaultCountry);
  if (!e164) throw invalidField(path, `"${phone}" is not a valid phone number (read in ${ctx.config.defaultCountry})`);
  return e164;
}
