import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { type Language, ProblemBar, SignInPanel } from "@rapport/addin-kit";
import { useEffect, useMemo } from "react";
import { MAIL_READ_SCOPES } from "../graph/conversation-messages.ts";
import { mailGraph } from "../graph/mail-graph.ts";
import { hostCapabilities } from "../office/host-capabilities.ts";
import { outlookUser } from "../office/outlook-user.ts";
import { ItemArea } from "./item-area.tsx";
import { OutboxPanel } from "./outbox-panel.tsx";
import { PaneContext, type PaneServices } from "./pane-context.ts";
import { usePaneStyles } from "./styles.ts";
import { paneText } from "./text.ts";
import { useOutbox } from "./use-outbox.ts";
import { useSession } from "./use-session.ts";

export type PaneProps = { inOutlook: boolean; language: Language; serverUrl: string };

/** The task pane: sign-in first, then the outbox and the selected item. */
export function Pane({ inOutlook, language, serverUrl }: PaneProps) {
  if (!inOutlook) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{paneText(language).outsideOffice}</MessageBarBody>
      </MessageBar>
    );
  }
  return <SignedInPane language={language} serverUrl={serverUrl} />;
}

function SignedInPane({ language, serverUrl }: { language: Language; serverUrl: string }) {
  const styles = usePaneStyles();
  const text = paneText(language);
  const { session, client, retry, signInWithToken, signInWithMicrosoft, signOut, setPolicy, tokenFor } =
    useSession(serverUrl);
  const connected = session.status === "ready" || session.status === "unreachable";
  const outbox = useOutbox(connected ? client : null, session.status === "ready" ? session.me.id : null);
  const capabilities = useMemo(hostCapabilities, []);
  const mailbox = useMemo(outlookUser, []);
  // Graph is reached with the user's Microsoft sign-in only; an API token opens Rapport, not the mailbox.
  const microsoft = session.status === "ready" && session.method === "entra";
  const graph = useMemo(
    () => (microsoft ? mailGraph((interactive) => tokenFor(MAIL_READ_SCOPES, interactive)) : null),
    [microsoft, tokenFor],
  );

  // A log that got through means the server is back: leave the "cannot be reached" state.
  const { subscribe } = outbox;
  useEffect(
    () =>
      subscribe((results) => {
        if (session.status === "unreachable" && results.some((r) => r.outcome === "logged")) void retry();
      }),
    [subscribe, session.status, retry],
  );

  if (session.status === "checking") return <Spinner size="small" />;
  if (session.status === "signed_out") {
    return (
      <>
        {session.error !== null && <ProblemBar error={session.error} language={language} />}
        <SignInPanel
          language={language}
          onToken={signInWithToken}
          {...(session.entra ? { onMicrosoft: signInWithMicrosoft } : {})}
        />
        <OutboxPanel outbox={outbox} language={language} />
      </>
    );
  }

  const services: PaneServices | null =
    session.status === "ready"
      ? {
          client,
          language,
          text,
          me: session.me,
          mailbox,
          policy: session.policy,
          setPolicy,
          capabilities,
          outbox,
          graph,
        }
      : null;
  return (
    <>
      {services && (
        <div className={styles.row}>
          <Text size={200} className={styles.muted}>
            {text.signedInAs(services.me.name)}
          </Text>
          <Button size="small" appearance="subtle" onClick={() => void signOut()}>
            {text.signOut}
          </Button>
        </div>
      )}
      {session.status === "unreachable" && (
        <ProblemBar error={session.error} language={language} onRetry={() => void retry()} />
      )}
      <OutboxPanel outbox={outbox} language={language} />
      {services && (
        <PaneContext.Provider value={services}>
          <ItemArea />
        </PaneContext.Provider>
      )}
    </>
  );
}
