import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Card,
  CardHeader,
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Language } from "@rapport/addin-kit";
import { adminText } from "../admin-text.ts";
import { useLoad } from "../ui/use-load.ts";
import { type AddinName, manifestInfo } from "./manifest-info.ts";

const useAddinsStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  cards: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(300px, 1fr))",
    gap: tokens.spacingHorizontalL,
  },
  downloads: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, paddingLeft: 0 },
  item: { listStyleType: "none" },
  help: { color: tokens.colorNeutralForeground2, display: "block" },
  steps: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginBlock: 0 },
});

/** Manifest downloads for this server, and how to install them: alone to try, or for everyone. */
export function AddinsPanel({ language }: { language: Language }) {
  const styles = useAddinsStyles();
  const text = adminText(language);
  const steps: Array<[string, string, readonly string[]]> = [
    ["outlook", text.sideloadOutlookTitle, text.sideloadOutlook],
    ["excel-web", text.sideloadExcelWebTitle, text.sideloadExcelWeb],
    ["excel-desktop", text.sideloadExcelDesktopTitle, text.sideloadExcelDesktop],
    ["central", text.centralTitle, text.central],
  ];
  return (
    <div className={styles.panel}>
      <Text as="h2" size={500} weight="semibold">
        {text.addinsTitle}
      </Text>
      <Text className={styles.help}>{text.addinsHelp}</Text>
      <div className={styles.cards}>
        <AddinCard addin="outlook" title={text.outlook} language={language} />
        <AddinCard addin="excel" title={text.excel} language={language} />
      </div>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{text.httpsNote}</MessageBarBody>
      </MessageBar>
      <Text as="h2" size={500} weight="semibold">
        {text.deployTitle}
      </Text>
      <Accordion collapsible multiple defaultOpenItems={["central"]}>
        {steps.map(([value, title, list]) => (
          <AccordionItem key={value} value={value}>
            <AccordionHeader as="h3">{title}</AccordionHeader>
            <AccordionPanel>
              <ol className={styles.steps}>
                {list.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}

function AddinCard({ addin, title, language }: { addin: AddinName; title: string; language: Language }) {
  const styles = useAddinsStyles();
  const text = adminText(language);
  const info = useLoad(() => manifestInfo(addin));
  return (
    <Card aria-label={title}>
      <CardHeader
        header={
          <Text as="h3" size={400} weight="semibold">
            {title}
          </Text>
        }
        description={info.data?.ok ? text.addinVersion(info.data.version) : undefined}
      />
      {info.loading && <Spinner size="tiny" label={text.loading} />}
      {info.data && !info.data.ok && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {text.unavailable}: {info.data.detail}
          </MessageBarBody>
        </MessageBar>
      )}
      {info.data?.ok && (
        <ul className={styles.downloads}>
          <li className={styles.item}>
            <Link href={`/manifests/${addin}.xml`} download>
              {text.xmlManifest}
            </Link>
            <Text size={200} className={styles.help}>
              {text.xmlManifestHelp}
            </Text>
          </li>
          <li className={styles.item}>
            <Link href={`/manifests/${addin}.zip`} download>
              {text.appPackage}
            </Link>
            <Text size={200} className={styles.help}>
              {text.appPackageHelp}
            </Text>
          </li>
        </ul>
      )}
    </Card>
  );
}
