import { describe, expect, it } from "vitest";
import { isSendKey, markLinks, newSendKey, parseItemMark } from "./item-mark.ts";

describe("the item mark", () => {
  it("reads back what the pane wrote, and nothing from another version or a hand edit", () => {
    const mark = { v: 1, kind: "send", key: newSendKey(() => "5d0c"), links: [], state: "chosen" };
    // A mark written before `attached` existed reads as not attached yet.
    expect(parseItemMark(mark)).toEqual({
      ...mark,
      override: false,
      activityId: null,
      at: null,
      by: null,
      attached: false,
    });
    expect(parseItemMark({ ...mark, v: 2 })).toBeNull();
    expect(parseItemMark("rapport")).toBeNull();
    expect(parseItemMark(null)).toBeNull();
  });

  it("makes send keys in Message-ID form that no mail server issues", () => {
    expect(newSendKey(() => "5d0c")).toBe("<rapport-send.5d0c@rapport.invalid>");
    expect(newSendKey()).not.toBe(newSendKey());
    expect(isSendKey(newSendKey())).toBe(true);
    expect(isSendKey("<MWHPR6E1BE060@MWHPR1120.namprd22.prod.outlook.com>")).toBe(false);
    expect(isSendKey("<rapport-send.x@contoso.com>")).toBe(false);
    expect(isSendKey(null)).toBe(false);
  });

  it("keeps links small enough for Outlook's 2,500-character limit on custom properties", () => {
    const links = Array.from({ length: 20 }, (_, i) => ({
      kind: "contact" as const,
      id: `con_${"x".repeat(58)}${i}`,
      name: "N".repeat(200),
    }));
    const kept = markLinks(links);
    const mark = {
      v: 1,
      kind: "send",
      key: newSendKey(),
      links: kept,
      state: "logged",
      override: true,
      activityId: `act_${"y".repeat(60)}`,
      at: new Date().toISOString(),
      by: "J".repeat(80),
      attached: true,
    };
    expect(JSON.stringify(mark).length).toBeLessThan(2500);
    expect(parseItemMark(mark)).not.toBeNull();
  });
});
