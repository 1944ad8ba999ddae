import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type Language, ProblemBar } from "@rapport/addin-kit";
import { TokenScope, type User } from "@rapport/shared/schemas";
import { type FormEvent, useState } from "react";
import { adminText } from "../admin-text.ts";
import type { AdminSession } from "../session.ts";

const useTokenFormStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  scopes: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  secret: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere", userSelect: "all" },
});

export type TokenFormProps = { session: AdminSession; user: User; language: Language; onCreated: () => void };

/**
 * Issues a token for one user. Its secret is shown once, here, with a copy button, and kept in
 * this component's state only until the admin dismisses it.
 */
export function TokenForm({ session, user, language, onCreated }: TokenFormProps) {
  const styles = useTokenFormStyles();
  const text = adminText(language);
  // The admin scope is only meaningful for an admin user.
  const offered = TokenScope.options.filter((scope) => scope !== "admin" || user.role === "admin");
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>(offered.filter((scope) => scope !== "admin"));
  const [expires, setExpires] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await session.client.tokens.create({
        body: {
          userId: user.id,
          name: name.trim(),
          scopes,
          // The end of the chosen day, in the admin's time zone.
          expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
        },
      });
      setSecret(created.token);
      setCopied(false);
      setName("");
      onCreated();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (scope: TokenScope, on: boolean) =>
    setScopes((current) => (on ? [...new Set([...current, scope])] : current.filter((s) => s !== scope)));

  return (
    <>
      {secret && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{text.tokenCreatedTitle}</MessageBarTitle>
            {text.tokenCreatedHelp}
            <div className={styles.secret} data-testid="new-token">
              {secret}
            </div>
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() =>
                void navigator.clipboard.writeText(secret).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? text.copied : text.copy}
            </Button>
            <Button onClick={() => setSecret(null)}>{text.dismiss}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <form className={styles.form} onSubmit={(event) => void submit(event)} aria-label={text.newToken}>
        <Field label={text.tokenName} required>
          <Input value={name} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Field label={text.scopes}>
          <div className={styles.scopes}>
            {offered.map((scope) => (
              <Checkbox
                key={scope}
                label={text.scopeNames[scope]}
                checked={scopes.includes(scope)}
                onChange={(_, data) => toggle(scope, data.checked === true)}
              />
            ))}
          </div>
        </Field>
        <Field label={text.expiresOn}>
          <Input type="date" value={expires} onChange={(_, data) => setExpires(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy || !name.trim() || scopes.length === 0}>
          {text.newToken}
        </Button>
      </form>
      {error !== null && <ProblemBar error={error} language={language} />}
    </>
  );
}
