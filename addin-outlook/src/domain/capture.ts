import { type CaptureLevel, LIMITS } from "@rapport/shared/schemas";
import { trimText } from "./trim-text.ts";

export type CapturedText = { subject: string | null; bodyText: string | null };

/**
 * What of a mail's text leaves the pane: never more than the admin's capture level keeps (the
 * server trims too, but a body it would drop has no business crossing the network). With no
 * policy known yet, the server's own trimming is the guard.
 *
 * @example captured("subject", "Devis", "Bonjour…") // { subject: "Devis", bodyText: null }
 */
export function captured(level: CaptureLevel | null, subject: string, bodyText: string | null): CapturedText {
  const keepSubject = level !== "metadata";
  const keepBody = level === null || level === "body";
  const cleanSubject = trimText(subject.trim(), LIMITS.shortText);
  return {
    subject: keepSubject && cleanSubject ? cleanSubject : null,
    bodyText: keepBody && bodyText ? trimText(normalizeBody(bodyText), LIMITS.longText) : null,
  };
}

/** Outlook's plain-text bodies carry \r\n and runs of blank lines from the HTML they came from. */
function normalizeBody(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The level that decides whether the body is worth reading from Outlook at all. */
export function needsBody(level: CaptureLevel | null): boolean {
  return level === null || level === "body";
}
