import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ApiError } from "@rapport/shared/client";
import type { Language } from "./i18n.ts";
import { kitText } from "./kit-text.ts";

export type ProblemBarProps = { error: unknown; language: Language; onRetry?: () => void };

/**
 * An error as the user should read it: the server's own problem detail (it is written for people),
 * or a plain "cannot be reached" when the request never got an answer.
 */
export function ProblemBar({ error, language, onRetry }: ProblemBarProps) {
  const text = kitText(language);
  const [title, detail] = describe(error, text.offline);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {detail}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {text.retry}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

function describe(error: unknown, offline: string): [string | null, string] {
  if (error instanceof ApiError) return [error.problem.title, error.problem.detail];
  if (error instanceof TypeError) return [null, offline]; // fetch rejects with a TypeError on network failure
  return [null, error instanceof Error ? error.message : String(error)];
}
