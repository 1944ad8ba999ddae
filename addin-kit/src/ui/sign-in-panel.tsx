import { Button, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import type { Language } from "./i18n.ts";
import { kitText } from "./kit-text.ts";

const useSignInStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export type SignInPanelProps = {
  language: Language;
  /** Checks the token against the server and keeps it; rejects when the server refuses it. */
  onToken: (token: string) => Promise<void>;
  /** Present when the admin configured Microsoft Entra sign-in. */
  onMicrosoft?: () => Promise<void>;
};

/** The first screen of a pane that has no credentials yet. */
export function SignInPanel({ language, onToken, onMicrosoft }: SignInPanelProps) {
  const styles = useSignInStyles();
  const text = kitText(language);
  const [token, setToken] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (step: () => Promise<void>, failed: (error: unknown) => string) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (error) {
      setError(failed(error));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () => onToken(token.trim()),
      () => text.tokenRejected,
    );
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={text.signInTitle}>
      <Text as="h1" size={500} weight="semibold">
        {text.signInTitle}
      </Text>
      {onMicrosoft && (
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() =>
            void run(onMicrosoft, (error) =>
              text.microsoftFailed(error instanceof Error ? error.message : String(error)),
            )
          }
        >
          {text.signInMicrosoft}
        </Button>
      )}
      <Text>{text.signInHelp}</Text>
      <Field label={text.tokenLabel} validationMessage={error} validationState={error ? "error" : "none"}>
        <Input type="password" value={token} onChange={(_, data) => setToken(data.value)} autoComplete="off" />
      </Field>
      <Button type="submit" appearance={onMicrosoft ? "secondary" : "primary"} disabled={busy || !token.trim()}>
        {text.signIn}
      </Button>
    </form>
  );
}
