import type { CaptureLevel } from "@rapport/shared/schemas";
import { captured, needsBody } from "../domain/capture.ts";
import { mailActivity } from "../domain/item-activity.ts";
import { type ItemMark, parseItemMark } from "../domain/item-mark.ts";
import type { OutlookItem } from "../domain/outlook-item.ts";
import { selectionFromLinks } from "../domain/record-selection.ts";
import { drainOutbox, type SendActivity } from "../outbox/drain-outbox.ts";
import { type OutboxEntry, OutboxFullError, type OutboxStore, outboxStore } from "../outbox/outbox-store.ts";

export type OnSendDeps = {
  store: OutboxStore;
  send: SendActivity;
  /** The capture level the pane last saw; null when it never did (the server trims then). */
  captureLevel: CaptureLevel | null;
  userAddress: string | null;
  readMark: () => Promise<unknown>;
  writeMark: (mark: ItemMark) => Promise<void>;
  readItem: () => Promise<OutlookItem | null>;
  readBody: () => Promise<string>;
};

export type OnSendOutcome = "not_chosen" | "logged" | "queued";

/**
 * What the on-send handler does for a mail marked "log when sent": build the log from the draft as
 * it leaves, queue it under the key chosen in compose, send it once, and write the outcome on the
 * item (Exchange copies it to Sent Items). When Rapport cannot be reached the log stays queued and
 * the mark says so; the pane sends it later, from the outbox or when the sent mail is opened.
 */
export async function logOnSend(deps: OnSendDeps): Promise<OnSendOutcome> {
  const mark = parseItemMark(await deps.readMark());
  if (mark?.kind !== "send" || mark.state === "logged") return "not_chosen";
  const item = await deps.readItem();
  if (item?.kind !== "message") return "not_chosen";
  const body = needsBody(deps.captureLevel) ? await deps.readBody().catch(() => null) : null;
  const activity = mailActivity(item, mark.key, {
    selection: selectionFromLinks(mark.links),
    text: captured(deps.captureLevel, item.subject, body),
    contactIdByAddress: new Map(),
    userAddress: deps.userAddress,
    policyOverride: mark.override,
  });
  const store = keepOrHold(deps.store, { key: mark.key, label: item.subject, body: activity });
  const [result] = await drainOutbox(store, deps.send, { keys: [mark.key] });
  if (result?.outcome === "logged") {
    await deps.writeMark({ ...mark, state: "logged", activityId: result.activity.id, at: result.activity.createdAt });
    return "logged";
  }
  await deps.writeMark({ ...mark, state: "queued" });
  return "queued";
}

/**
 * Queues the log in the shared outbox; when the browser's storage is full it is still sent now,
 * from memory, and the mark on the item is what keeps it from being lost if that fails.
 */
function keepOrHold(store: OutboxStore, input: Pick<OutboxEntry, "key" | "label" | "body">): OutboxStore {
  try {
    store.add(input);
    return store;
  } catch (error) {
    if (!(error instanceof OutboxFullError)) throw error;
    const memory = outboxStore(null);
    memory.add(input);
    return memory;
  }
}
