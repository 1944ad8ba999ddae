/** The function name the manifest's OnMessageSend launch event refers to. */
export const ON_SEND_FUNCTION = "onMessageSendHandler";

/**
 * Registers what runs when the user presses Send (event-based activation, Smart Alerts). Sending
 * is always allowed: Rapport being unreachable must never keep a mail from leaving, so the work's
 * outcome is recorded on the item and in the outbox, not in the event's answer.
 */
export function registerMessageSend(work: () => Promise<void>): void {
  if (typeof Office === "undefined" || !Office.actions?.associate) return;
  Office.actions.associate(ON_SEND_FUNCTION, (event?: Office.MailboxEvent) => {
    void work()
      .catch(() => undefined) // the work records its own failures; sending goes ahead regardless
      .finally(() => event?.completed({ allowEvent: true }));
  });
}
