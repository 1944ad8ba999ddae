import { describe, expect, it } from "vitest";
import { localDay, occurrenceOf } from "./occurrence.ts";
import type { MeetingItem } from "./outlook-item.ts";

const meeting: MeetingItem = {
  kind: "appointment",
  mode: "read",
  itemId: "AAMkAGUzYRgWAAA=",
  subject: "Review strategy for Q3",
  people: [],
  start: "2019-04-08T20:30:00.000Z",
  end: "2019-04-08T21:00:00.000Z",
  location: "",
  seriesId: null,
  series: null,
};

describe("occurrenceOf", () => {
  it("is the item's own time for a single meeting or one occurrence", () => {
    expect(occurrenceOf(meeting, "2019-04-22")).toEqual({ start: meeting.start, end: meeting.end });
  });

  it("is the chosen day at the series' time, for as long as the series' meetings last", () => {
    const series = { ...meeting, series: { startTime: "20:30", durationMinutes: 30 } };
    const { start, end } = occurrenceOf(series, "2019-04-22");
    expect(start).toBe(new Date(2019, 3, 22, 20, 30).toISOString());
    expect(Date.parse(end) - Date.parse(start)).toBe(30 * 60_000);
    expect(localDay(start)).toBe("2019-04-22");
  });

  it("falls back to the item's time when the day cannot be read", () => {
    const series = { ...meeting, series: { startTime: "20:30", durationMinutes: 30 } };
    expect(occurrenceOf(series, "not a day").start).toBe(meeting.start);
  });
});
