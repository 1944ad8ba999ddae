import { useCallback, useEffect, useRef, useState } from "react";
import { type ItemMark, parseItemMark } from "../domain/item-mark.ts";
import type { OutlookItem, SelectedMail } from "../domain/outlook-item.ts";
import type { HostCapabilities } from "../office/host-capabilities.ts";
import {
  offItemChanged,
  offSelectedItemsChanged,
  onItemChanged,
  onSelectedItemsChanged,
} from "../office/item-events.ts";
import { readItemProperty } from "../office/item-property.ts";
import { readCurrentItem } from "../office/read-item.ts";
import { getSelectedMails } from "../office/selected-items.ts";

export type CurrentItem =
  | { seq: number; status: "loading" }
  | { seq: number; status: "error"; error: unknown }
  | { seq: number; status: "ready"; item: OutlookItem | null; mark: ItemMark | null; selection: SelectedMail[] };

/**
 * The item Outlook shows, followed as the user moves through the mailbox with the pane pinned
 * (ItemChanged) or selects several mails (SelectedItemsChanged). Each change gets a new sequence
 * number, so an answer for an item the user has already left is never shown.
 */
export function useCurrentItem(capabilities: HostCapabilities, onChange: () => void) {
  const [current, setCurrent] = useState<CurrentItem>({ seq: 0, status: "loading" });
  const seq = useRef(0);
  const changed = useRef(onChange);
  changed.current = onChange;

  const load = useCallback(async () => {
    const mine = ++seq.current;
    setCurrent({ seq: mine, status: "loading" });
    try {
      const [item, selection] = await Promise.all([
        readCurrentItem(),
        capabilities.multiSelect ? getSelectedMails().catch(() => []) : Promise.resolve([]),
      ]);
      const mark = item ? parseItemMark(await readItemProperty().catch(() => null)) : null;
      if (mine === seq.current) setCurrent({ seq: mine, status: "ready", item, mark, selection });
    } catch (error) {
      if (mine === seq.current) setCurrent({ seq: mine, status: "error", error });
    }
  }, [capabilities.multiSelect]);

  useEffect(() => {
    void load();
    const follow = () => {
      changed.current();
      void load();
    };
    // A host that refuses the handlers still shows the item the pane opened with.
    if (capabilities.followsSelection) void onItemChanged(follow).catch(() => undefined);
    if (capabilities.multiSelect) void onSelectedItemsChanged(follow).catch(() => undefined);
    return () => {
      // Signed out: the next sign-in registers its own handlers, not a second set.
      if (capabilities.followsSelection) void offItemChanged().catch(() => undefined);
      if (capabilities.multiSelect) void offSelectedItemsChanged().catch(() => undefined);
    };
  }, [load, capabilities.followsSelection, capabilities.multiSelect]);

  /** After the pane wrote a mark on the item, without reading Outlook again. */
  const setMark = useCallback((mark: ItemMark | null) => {
    setCurrent((c) => (c.status === "ready" ? { ...c, mark } : c));
  }, []);

  return { current, reload: load, setMark };
}
