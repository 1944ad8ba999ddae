import type { MeetingItem } from "./outlook-item.ts";

/** The local calendar day of an instant, as an <input type="date"> value ("2026-03-14"). */
export function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The start and end of the meeting to log: the item's own times, or for a whole series opened in
 * Outlook, the chosen day at the series' time (in the pane's time zone, as Outlook shows it).
 */
export function occurrenceOf(meeting: MeetingItem, day: string | null): { start: string; end: string } {
  if (!meeting.series || !day) return { start: meeting.start, end: meeting.end };
  const [hours = 0, minutes = 0] = meeting.series.startTime.split(":").map(Number);
  const [year = 1970, month = 1, date = 1] = day.split("-").map(Number);
  const start = new Date(year, month - 1, date, hours, minutes);
  if (Number.isNaN(start.getTime())) return { start: meeting.start, end: meeting.end };
  const end = new Date(start.getTime() + meeting.series.durationMinutes * 60_000);
  return { start: start.toISOString(), end: end.toISOString() };
}
