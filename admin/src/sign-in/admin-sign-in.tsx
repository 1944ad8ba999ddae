import { Button, Card, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Language, TokenStore } from "@rapport/addin-kit";
import { type FormEvent, useState } from "react";
import { adminText } from "../admin-text.ts";
import { type AdminSession, NotAnAdmin, openSession } from "../session.ts";

const useSignInStyles = makeStyles({
  card: { maxWidth: "560px" },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  help: { color: tokens.colorNeutralForeground2 },
});

export type AdminSignInProps = {
  language: Language;
  store: TokenStore;
  onSession: (session: AdminSession) => void;
};

/** The first screen: an admin token, checked against the server before anything else shows. */
export function AdminSignIn({ language, store, onSession }: AdminSignInProps) {
  const styles = useSignInStyles();
  const text = adminText(language);
  const [token, setToken] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await store.write(token.trim());
      onSession(await openSession(store));
    } catch (failure) {
      setError(failure instanceof NotAnAdmin ? text.notAdmin : text.tokenRejected);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className={styles.card}>
      <form className={styles.form} onSubmit={(event) => void submit(event)} aria-label={text.signInTitle}>
        <Text as="h2" size={500} weight="semibold">
          {text.signInTitle}
        </Text>
        <Text className={styles.help}>{text.signInHelp}</Text>
        <Field label={text.tokenLabel} validationMessage={error} validationState={error ? "error" : "none"}>
          <Input type="password" value={token} autoComplete="off" onChange={(_, data) => setToken(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy || !token.trim()}>
          {text.signIn}
        </Button>
      </form>
    </Card>
  );
}
