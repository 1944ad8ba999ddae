import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { type Language, ProblemBar } from "@rapport/addin-kit";
import { CaptureLevel, type PrivacySettings } from "@rapport/shared/schemas";
import { type FormEvent, useState } from "react";
import { adminText } from "../admin-text.ts";
import type { AdminSession } from "../session.ts";
import { linesOf } from "../ui/format.ts";
import { useLoad } from "../ui/use-load.ts";

const usePrivacyStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "720px" },
  help: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalM },
});

export type PrivacyPanelProps = { session: AdminSession; language: Language };

/** The privacy policy the server enforces on every log, edited as lists of one item a line. */
export function PrivacyPanel({ session, language }: PrivacyPanelProps) {
  const text = adminText(language);
  const policy = useLoad(() => session.client.settings.privacy({}));
  if (policy.loading && !policy.data) return <Spinner label={text.loading} />;
  if (!policy.data) return <ProblemBar error={policy.error} language={language} onRetry={policy.reload} />;
  return <PrivacyForm session={session} language={language} initial={policy.data} />;
}

type ListField = "blockedDomains" | "blockedAddresses" | "personalDomains";

function PrivacyForm({ session, language, initial }: PrivacyPanelProps & { initial: PrivacySettings }) {
  const styles = usePrivacyStyles();
  const text = adminText(language);
  const [lists, setLists] = useState<Record<ListField, string>>({
    blockedDomains: initial.blockedDomains.join("\n"),
    blockedAddresses: initial.blockedAddresses.join("\n"),
    personalDomains: initial.personalDomains.join("\n"),
  });
  const [captureLevel, setCaptureLevel] = useState<CaptureLevel>(initial.captureLevel);
  const [state, setState] = useState<{ busy: boolean; saved: boolean; error: unknown }>({
    busy: false,
    saved: false,
    error: null,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ busy: true, saved: false, error: null });
    try {
      const saved = await session.client.settings.updatePrivacy({
        body: {
          blockedDomains: linesOf(lists.blockedDomains),
          blockedAddresses: linesOf(lists.blockedAddresses),
          personalDomains: linesOf(lists.personalDomains),
          captureLevel,
        },
      });
      // Show what the server kept (it normalises case and spaces).
      setLists({
        blockedDomains: saved.blockedDomains.join("\n"),
        blockedAddresses: saved.blockedAddresses.join("\n"),
        personalDomains: saved.personalDomains.join("\n"),
      });
      setCaptureLevel(saved.captureLevel);
      setState({ busy: false, saved: true, error: null });
    } catch (error) {
      setState({ busy: false, saved: false, error });
    }
  };

  const fields: Array<[ListField, string, string]> = [
    ["blockedDomains", text.blockedDomains, text.blockedDomainsHelp],
    ["blockedAddresses", text.blockedAddresses, text.blockedAddressesHelp],
    ["personalDomains", text.personalDomains, text.personalDomainsHelp],
  ];
  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} aria-label={text.privacyTitle}>
      <Text as="h2" size={500} weight="semibold">
        {text.privacyTitle}
      </Text>
      <Text className={styles.help}>{text.privacyHelp}</Text>
      {fields.map(([field, label, hint]) => (
        <Field key={field} label={label} hint={hint}>
          <Textarea
            resize="vertical"
            rows={4}
            value={lists[field]}
            onChange={(_, data) => setLists((current) => ({ ...current, [field]: data.value }))}
          />
        </Field>
      ))}
      <Field label={text.captureLevel}>
        <RadioGroup value={captureLevel} onChange={(_, data) => setCaptureLevel(CaptureLevel.parse(data.value))}>
          {CaptureLevel.options.map((level) => (
            <Radio key={level} value={level} label={text.captureLevels[level]} />
          ))}
        </RadioGroup>
      </Field>
      {state.saved && (
        <MessageBar intent="success">
          <MessageBarBody>{text.saved}</MessageBarBody>
        </MessageBar>
      )}
      {state.error !== null && <ProblemBar error={state.error} language={language} />}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={state.busy}>
          {text.save}
        </Button>
      </div>
    </form>
  );
}
