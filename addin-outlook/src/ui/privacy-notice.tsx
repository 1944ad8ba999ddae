import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { PrivacyHold } from "../domain/privacy-hold.ts";
import { usePane } from "./pane-context.ts";
import type { PaneText } from "./text.ts";

/** Why the pane does not offer to log this item, and the way to insist. */
export function PrivacyNotice({ hold, onInsist }: { hold: PrivacyHold; onInsist: () => void }) {
  const { text } = usePane();
  return (
    <MessageBar intent="info" layout="multiline" data-testid="privacy-hold">
      <MessageBarBody>{holdText(hold, text)}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onInsist}>
          {text.logAnyway}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function holdText(hold: PrivacyHold, text: PaneText): string {
  switch (hold.reason) {
    case "blocked_domain":
      return text.holdBlockedDomain(hold.who);
    case "blocked_address":
      return text.holdBlockedAddress(hold.who);
    case "internal":
      return text.holdInternal;
    case "never_log":
      return text.holdNeverLog(hold.who);
  }
}
