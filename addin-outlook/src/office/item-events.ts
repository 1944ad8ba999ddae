import { officeAsync } from "./office-async.ts";

/**
 * Calls `handler` whenever the user selects another item while the pane is pinned (Mailbox 1.5).
 * Office's item object is replaced by then, so the handler reads it afresh.
 */
export function onItemChanged(handler: () => void): Promise<void> {
  return officeAsync<void>((done) =>
    Office.context.mailbox.addHandlerAsync(Office.EventType.ItemChanged, handler, done),
  );
}

/** Calls `handler` when mails are selected or deselected in a multi-selection (Mailbox 1.13). */
export function onSelectedItemsChanged(handler: () => void): Promise<void> {
  return officeAsync<void>((done) =>
    Office.context.mailbox.addHandlerAsync(Office.EventType.SelectedItemsChanged, handler, done),
  );
}

/** Stops following the selected item (the pane's item view is leaving: sign-out). */
export function offItemChanged(): Promise<void> {
  return officeAsync<void>((done) => Office.context.mailbox.removeHandlerAsync(Office.EventType.ItemChanged, done));
}

/** Stops hearing about multi-selections. */
export function offSelectedItemsChanged(): Promise<void> {
  return officeAsync<void>((done) =>
    Office.context.mailbox.removeHandlerAsync(Office.EventType.SelectedItemsChanged, done),
  );
}
