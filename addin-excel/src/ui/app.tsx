import { Button, Spinner, Tab, TabList, Text } from "@fluentui/react-components";
import {
  apiTokenSignIn,
  type Language,
  localTokenStore,
  ProblemBar,
  paneClient,
  SignInPanel,
} from "@rapport/addin-kit";
import { ApiError } from "@rapport/shared/client";
import type { User } from "@rapport/shared/schemas";
import { useEffect, useMemo, useState } from "react";
import { CampaignsTab } from "./campaigns-tab.tsx";
import { PipelineTab } from "./pipeline-tab.tsx";
import { PushTab } from "./push-tab.tsx";
import { SegmentsTab } from "./segments-tab.tsx";
import { usePaneStyles } from "./styles.ts";
import { paneText } from "./text.ts";

type TabName = "segments" | "push" | "pipeline" | "campaigns";

export type AppProps = { language: Language; insideExcel: boolean };

/** Sign-in (an API token checked with GET /me), then the four tabs. */
export function App({ language, insideExcel }: AppProps) {
  const styles = usePaneStyles();
  const text = paneText(language);
  const store = useMemo(() => localTokenStore(), []);
  const client = useMemo(() => paneClient(apiTokenSignIn(store)), [store]);
  const [me, setMe] = useState<User | null>(null);
  const [checking, setChecking] = useState(Boolean(store.read()));
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState<TabName>("segments");

  useEffect(() => {
    if (!store.read()) return;
    client
      .me({})
      .then(setMe)
      .catch(async (failure: unknown) => {
        if (failure instanceof ApiError && failure.status === 401) await store.clear();
        else setError(failure);
      })
      .finally(() => setChecking(false));
  }, [client, store]);

  if (!insideExcel) return <Text>{text.outsideExcel}</Text>;
  if (checking) return <Spinner label={text.loading} />;
  if (!me) {
    return (
      <div className={styles.stack}>
        {error ? <ProblemBar error={error} language={language} /> : null}
        <SignInPanel
          language={language}
          onToken={async (token) => {
            await store.write(token);
            try {
              setMe(await client.me({}));
              setError(null);
            } catch (failure) {
              await store.clear();
              throw failure;
            }
          }}
        />
      </div>
    );
  }

  return (
    <div className={styles.stack}>
      <div className={styles.header}>
        <Text weight="semibold" className={styles.clip}>
          {text.signedInAs(me.name, text.roles[me.role] ?? me.role)}
        </Text>
        <Button
          size="small"
          appearance="subtle"
          onClick={async () => {
            await store.clear();
            setMe(null);
          }}
        >
          {text.signOut}
        </Button>
      </div>
      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabName)} size="small">
        <Tab value="segments">{text.tabs.segments}</Tab>
        <Tab value="push">{text.tabs.push}</Tab>
        <Tab value="pipeline">{text.tabs.pipeline}</Tab>
        <Tab value="campaigns">{text.tabs.campaigns}</Tab>
      </TabList>
      {error ? <ProblemBar error={error} language={language} /> : null}
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
