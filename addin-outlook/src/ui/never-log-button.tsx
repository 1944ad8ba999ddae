import { Button } from "@fluentui/react-components";
import { ProblemBar } from "@rapport/addin-kit";
import { normalizeEmail } from "@rapport/shared/normalize";
import { useState } from "react";
import { usePane } from "./pane-context.ts";

/** "Never log this sender" (for this user only), and back; the server keeps the list, the pane applies it at once. */
export function NeverLogButton({ address }: { address: string }) {
  const { client, policy, setPolicy, text, language } = usePane();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const normalized = normalizeEmail(address);
  const listed = policy?.neverLog.some((a) => normalizeEmail(a) === normalized) ?? false;

  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = listed
        ? await client.neverLog.remove({ query: { address: normalized } })
        : await client.neverLog.add({ body: { address: normalized } });
      if (policy) setPolicy({ ...policy, neverLog: answer.addresses });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" appearance="subtle" disabled={busy} onClick={() => void toggle()}>
        {listed ? text.logSenderAgain : text.neverLogSender}
      </Button>
      {error !== null && <ProblemBar error={error} language={language} />}
    </>
  );
}
