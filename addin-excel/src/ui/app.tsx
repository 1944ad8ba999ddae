import { Button, Spinner, Tab, TabList, Text } from "@fluentui/react-components";
import { type Language, ProblemBar, SignInPanel } from "@rapport/addin-kit";
import { useState } from "react";
import { CampaignsTab } from "./campaigns-tab.tsx";
import { PipelineTab } from "./pipeline-tab.tsx";
import { PushTab } from "./push-tab.tsx";
import { SegmentsTab } from "./segments-tab.tsx";
import { usePaneStyles } from "./styles.ts";
import { paneText } from "./text.ts";
import { useSession } from "./use-session.ts";

type TabName = "segments" | "push" | "pipeline" | "campaigns";

export type AppProps = { language: Language; insideExcel: boolean };

/** Sign-in (an API token, or Microsoft when the server offers it, checked with GET /me), then the four tabs. */
export function App({ language, insideExcel }: AppProps) {
  const styles = usePaneStyles();
  const text = paneText(language);
  const { state, withToken, withMicrosoft, signOut } = useSession();
  const [tab, setTab] = useState<TabName>("segments");

  if (!insideExcel) return <Text>{text.outsideExcel}</Text>;
  if (state.kind === "starting") return <Spinner label={text.loading} />;
  if (state.kind === "signedOut") {
    const { signIns, error } = state;
    const { entra } = signIns;
    return (
      <div className={styles.stack}>
        {error ? <ProblemBar error={error} language={language} /> : null}
        <SignInPanel
          language={language}
          onToken={(token) => withToken(signIns, token)}
          {...(entra ? { onMicrosoft: () => withMicrosoft(signIns, entra) } : {})}
        />
      </div>
    );
  }

  const { signIns, session } = state;
  const { me, client } = session;
  return (
    <div className={styles.stack}>
      <div className={styles.header}>
        <Text weight="semibold" className={styles.clip}>
          {text.signedInAs(me.name, text.roles[me.role] ?? me.role)}
        </Text>
        <Button size="small" appearance="subtle" onClick={() => signOut(signIns, session)}>
          {text.signOut}
        </Button>
      </div>
      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabName)} size="small">
        <Tab value="segments">{text.tabs.segments}</Tab>
        <Tab value="push">{text.tabs.push}</Tab>
        <Tab value="pipeline">{text.tabs.pipeline}</Tab>
        <Tab value="campaigns">{text.tabs.campaigns}</Tab>
      </TabList>
      {/* Tabs stay mounted: a pull or a dry run keeps going while the user looks at another tab. */}
      <div hidden={tab !== "segments"}>
        <SegmentsTab client={client} language={language} />
      </div>
      <div hidden={tab !== "push"}>
        <PushTab client={client} language={language} />
      </div>
      <div hidden={tab !== "pipeline"}>
        <PipelineTab client={client} language={language} />
      </div>
      <div hidden={tab !== "campaigns"}>
        <CampaignsTab client={client} language={language} />
      </div>
    </div>
  );
}
