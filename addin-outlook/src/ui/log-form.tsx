import { Button } from "@fluentui/react-components";
import type { LookupResult } from "@rapport/shared/schemas";
import type { PrivacyHold } from "../domain/privacy-hold.ts";
import type { RecordSelection } from "../domain/record-selection.ts";
import { PrivacyNotice } from "./privacy-notice.tsx";
import { RecordsEditor } from "./records-editor.tsx";
import { usePaneStyles } from "./styles.ts";

export type LogFormProps = {
  /** Why the policy holds this item back, if it does: the user is offered to insist instead. */
  hold: PrivacyHold | null;
  onInsist: () => void;
  selection: RecordSelection;
  onChange: (selection: RecordSelection) => void;
  results: LookupResult[];
  fixedContactIds: ReadonlySet<string>;
  label: string;
  onLog: () => void;
};

/** The records an item will be filed under, and the button that logs it (a mail or a meeting alike). */
export function LogForm({ hold, onInsist, selection, onChange, results, fixedContactIds, label, onLog }: LogFormProps) {
  const styles = usePaneStyles();
  if (hold) return <PrivacyNotice hold={hold} onInsist={onInsist} />;
  return (
    <>
      <RecordsEditor selection={selection} onChange={onChange} results={results} fixedContactIds={fixedContactIds} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onLog}>
          {label}
        </Button>
      </div>
    </>
  );
}
