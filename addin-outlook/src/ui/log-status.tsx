import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { ProblemBar } from "@rapport/addin-kit";
import { usePane } from "./pane-context.ts";
import type { LogState } from "./use-log-action.ts";

/** What became of the last "Log": queued for later, or refused with the server's reason. */
export function LogStatus({ state }: { state: LogState }) {
  const { text, language } = usePane();
  if (state.status === "queued") {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="log-queued" aria-live="polite">
        <MessageBarBody>{text.queued}</MessageBarBody>
      </MessageBar>
    );
  }
  if (state.status !== "failed") return null;
  if (state.failure) {
    const detail = state.failure.detail ? ` ${state.failure.detail}` : "";
    return (
      <MessageBar intent="error" layout="multiline" data-testid="log-failed" role="alert">
        <MessageBarBody>{`${text.reason(state.failure.reason)}${detail}`}</MessageBarBody>
      </MessageBar>
    );
  }
  return <ProblemBar error={state.error} language={language} />;
}
