/** What this Outlook can do for the pane, from the Mailbox requirement sets it implements. */
export type HostCapabilities = {
  /** A pinned pane hears when the selected item changes (1.5). */
  followsSelection: boolean;
  /** Sender and organizer of drafts, recurrence of meetings (1.7). */
  composeDetails: boolean;
  /** Compose features beyond mobile's: "log when sent" (1.8). */
  logWhenSent: boolean;
  /** Smart Alerts' OnMessageSend runs the on-send handler (1.12); otherwise a sent mail is logged when next opened. */
  onSend: boolean;
  /** Several mails selected at once (1.13). */
  multiSelect: boolean;
  /** A selected mail can be read without opening it (1.15), for its people and date. */
  loadSelected: boolean;
};

/** Mobile Outlook implements Mailbox 1.5: lookup and log only. */
export function hostCapabilities(): HostCapabilities {
  // Asked of Office directly rather than through the kit: the on-send script must not bundle the kit's UI.
  const mailbox = (version: string) =>
    typeof Office !== "undefined" && Boolean(Office.context?.requirements?.isSetSupported("Mailbox", version));
  return {
    followsSelection: mailbox("1.5"),
    composeDetails: mailbox("1.7"),
    logWhenSent: mailbox("1.8"),
    onSend: mailbox("1.12"),
    multiSelect: mailbox("1.13"),
    loadSelected: mailbox("1.15"),
  };
}
