import { Button, Field, Input, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { type Language, ProblemBar, type RapportClient } from "@rapport/addin-kit";
import { useState } from "react";
import { buildCampaignSheet } from "../pipeline/campaign-sheet.ts";
import { ProgressLine } from "./progress-line.tsx";
import { usePaneStyles } from "./styles.ts";
import { paneText } from "./text.ts";
import { useTask } from "./use-task.ts";

export type CampaignsTabProps = { client: RapportClient; language: Language };

/** A sheet of every launched, coded marketing action with its KPIs. */
export function CampaignsTab({ client, language }: CampaignsTabProps) {
  const styles = usePaneStyles();
  const text = paneText(language);
  const task = useTask();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [notice, setNotice] = useState<string | null>(null);

  const build = () =>
    task.run(async () => {
      setNotice(null);
      task.setProgress({ label: text.loading, done: 0, total: 0 });
      const outcome = await buildCampaignSheet(client, { from, to }, language);
      setNotice(text.campaignsBuilt(outcome.actions, outcome.sheetName));
    });

  return (
    <section className={styles.stack} aria-label={text.tabs.campaigns}>
      <Text>{text.campaignsIntro}</Text>
      <div className={styles.row}>
        <Field label={text.from}>
          <Input type="date" value={from} onChange={(_, data) => setFrom(data.value)} disabled={task.running} />
        </Field>
        <Field label={text.to}>
          <Input type="date" value={to} onChange={(_, data) => setTo(data.value)} disabled={task.running} />
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" onClick={build} disabled={task.running}>
          {text.buildCampaigns}
        </Button>
      </div>
      {task.progress ? <ProgressLine {...task.progress} /> : null}
      {task.error ? <ProblemBar error={task.error} language={language} /> : null}
      {notice ? (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
