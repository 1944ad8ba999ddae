import { Button, makeStyles, Spinner, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { type Language, PaneShell } from "@rapport/addin-kit";
import { useEffect, useState } from "react";
import { AboutSection } from "./about/about-section.tsx";
import { AddinsPanel } from "./addins/addins-panel.tsx";
import { adminText } from "./admin-text.ts";
import { AuditPanel } from "./audit/audit-panel.tsx";
import { PrivacyPanel } from "./privacy/privacy-panel.tsx";
import { type AdminSession, openSession, sessionTokenStore } from "./session.ts";
import { AdminSignIn } from "./sign-in/admin-sign-in.tsx";
import { StatusPanel } from "./status/status-panel.tsx";
import { useDarkPreference } from "./ui/use-dark.ts";
import { UsersPanel } from "./users/users-panel.tsx";

const useAppStyles = makeStyles({
  page: {
    width: "100%",
    maxWidth: "1080px",
    marginInline: "auto",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

type TabName = "status" | "users" | "audit" | "privacy" | "addins";
const store = sessionTokenStore();

export type AdminAppProps = { language: Language };

/** The admin page: sign in with an admin token, then status, users, the audit trail, privacy and add-ins. */
export function AdminApp({ language }: AdminAppProps) {
  const styles = useAppStyles();
  const text = adminText(language);
  const dark = useDarkPreference();
  const [session, setSession] = useState<AdminSession | null>(null);
  const [resuming, setResuming] = useState(() => store.read() !== null);
  const [tab, setTab] = useState<TabName>("status");

  useEffect(() => {
    // A reload keeps the tab's session; a token that stopped working is dropped quietly.
    if (store.read()) {
      openSession(store)
        .then(setSession, () => undefined)
        .finally(() => setResuming(false));
    }
    // Links such as /admin/#privacy (the manifests' privacy URL) land on their section once it exists.
    if (location.hash.length > 1) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, []);

  const signOut = async () => {
    await session?.signOut();
    setSession(null);
  };

  return (
    <PaneShell dark={dark} language={language}>
      <main className={styles.page}>
        <header className={styles.header}>
          <Text as="h1" size={600} weight="semibold">
            {text.title}
          </Text>
          {session && (
            <div className={styles.who}>
              <Text>{text.signedInAs(session.me.name)}</Text>
              <Button onClick={() => void signOut()}>{text.signOut}</Button>
            </div>
          )}
        </header>
        {resuming ? (
          <Spinner label={text.loading} />
        ) : session ? (
          <>
            <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabName)}>
              <Tab value="status">{text.tabStatus}</Tab>
              <Tab value="users">{text.tabUsers}</Tab>
              <Tab value="audit">{text.tabAudit}</Tab>
              <Tab value="privacy">{text.tabPrivacy}</Tab>
              <Tab value="addins">{text.tabAddins}</Tab>
            </TabList>
            <section role="tabpanel" aria-label={tabLabel(tab, text)}>
              {tab === "status" && <StatusPanel session={session} language={language} />}
              {tab === "users" && <UsersPanel session={session} language={language} />}
              {tab === "audit" && <AuditPanel session={session} language={language} />}
              {tab === "privacy" && <PrivacyPanel session={session} language={language} />}
              {tab === "addins" && <AddinsPanel language={language} />}
            </section>
          </>
        ) : (
          <AdminSignIn language={language} store={store} onSession={setSession} />
        )}
        <AboutSection language={language} />
      </main>
    </PaneShell>
  );
}

function tabLabel(tab: TabName, text: ReturnType<typeof adminText>): string {
  return {
    status: text.tabStatus,
    users: text.tabUsers,
    audit: text.tabAudit,
    privacy: text.tabPrivacy,
    addins: text.tabAddins,
  }[tab];
}
