import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { ComposeView } from "./compose-view.tsx";
import { MailView } from "./mail-view.tsx";
import { MeetingView } from "./meeting-view.tsx";
import { usePane } from "./pane-context.ts";
import { PaneSkeleton } from "./pane-skeleton.tsx";
import { SelectionView } from "./selection-view.tsx";
import { useCurrentItem } from "./use-current-item.ts";

/** The selected item, or the selected mails, in the view that fits it; a skeleton while Outlook and Rapport answer. */
export function ItemArea() {
  const { capabilities, outbox, text } = usePane();
  // Moving to another item is also a moment to retry what waits in the outbox.
  const { current, setMark, reload } = useCurrentItem(capabilities, () => void outbox.retryPending());
  if (current.status === "loading") return <PaneSkeleton />;
  if (current.status === "error") {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{text.loadFailed}</MessageBarBody>
      </MessageBar>
    );
  }
  const { item, mark, selection, seq } = current;
  if (selection.length > 1) return <SelectionView key={seq} mails={selection} />;
  if (!item) return <Text>{text.noItem}</Text>;
  if (item.kind === "appointment") return <MeetingView key={seq} meeting={item} mark={mark} setMark={setMark} />;
  if (item.mode === "compose")
    return <ComposeView key={seq} mail={item} mark={mark} setMark={setMark} onReload={() => void reload()} />;
  return <MailView key={seq} mail={item} mark={mark} setMark={setMark} />;
}
