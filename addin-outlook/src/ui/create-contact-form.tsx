import { Button, Caption1, Checkbox, Field, Input } from "@fluentui/react-components";
import { ProblemBar } from "@rapport/addin-kit";
import type { LookupResult } from "@rapport/shared/schemas";
import { type FormEvent, useState } from "react";
import { proposeContact } from "../domain/contact-proposal.ts";
import { usePane } from "./pane-context.ts";
import { usePaneStyles } from "./styles.ts";

export type CreateContactFormProps = {
  person: { name: string; address: string };
  result: LookupResult;
  onCreated: () => void;
};

/**
 * "Create contact" for someone not in Rapport: one click opens the form filled from the mail, a
 * second creates the contact, with the account Rapport has for the domain or a new one made from
 * it. Personal and own-organisation domains never make an account.
 */
export function CreateContactForm({ person, result, onCreated }: CreateContactFormProps) {
  const styles = usePaneStyles();
  const { client, policy, text, language } = usePane();
  const proposal = proposeContact(person, result, policy);
  const [open, setOpen] = useState(false);
  const [firstName, setFirstName] = useState(proposal.firstName ?? "");
  const [lastName, setLastName] = useState(proposal.lastName ?? "");
  const [createAccount, setCreateAccount] = useState(proposal.account.kind === "create");
  const [accountName, setAccountName] = useState(proposal.account.kind === "create" ? proposal.account.name : "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (!open) {
    return (
      <Button size="small" appearance="primary" onClick={() => setOpen(true)}>
        {text.createContact}
      </Button>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const account = proposal.account;
      let accountId = account.kind === "existing" ? account.link.id : null;
      if (account.kind === "create" && createAccount && accountName.trim()) {
        const created = await client.accounts.create({
          body: { name: accountName.trim(), domains: [account.domain] },
        });
        accountId = created.id;
      }
      await client.contacts.create({
        body: {
          firstName: firstName.trim() || null,
          lastName: lastName.trim() || null,
          emails: [proposal.email],
          accountId,
        },
      });
      onCreated();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const account = proposal.account;
  return (
    <form
      className={`${styles.section} ${styles.stretch}`}
      onSubmit={(e) => void submit(e)}
      aria-label={text.createContact}
    >
      <Field label={text.firstName} size="small">
        <Input size="small" value={firstName} onChange={(_, d) => setFirstName(d.value)} />
      </Field>
      <Field label={text.lastName} size="small">
        <Input size="small" value={lastName} onChange={(_, d) => setLastName(d.value)} />
      </Field>
      {account.kind === "existing" && <Caption1>{text.accountExisting(account.link.name)}</Caption1>}
      {account.kind === "create" && (
        <>
          <Checkbox
            checked={createAccount}
            onChange={(_, d) => setCreateAccount(d.checked === true)}
            label={`${text.accountCreate} (${account.domain})`}
          />
          {createAccount && (
            <Field label={text.accountName} size="small">
              <Input size="small" value={accountName} onChange={(_, d) => setAccountName(d.value)} />
            </Field>
          )}
        </>
      )}
      {account.kind === "none" && (
        <Caption1 className={styles.muted}>
          {account.why === "own_domain" ? text.accountOwnDomain : text.accountNoneLabel}
        </Caption1>
      )}
      {error !== null && <ProblemBar error={error} language={language} />}
      <div className={styles.actions}>
        <Button type="submit" size="small" appearance="primary" disabled={busy}>
          {busy ? text.creating : text.createContact}
        </Button>
        <Button size="small" onClick={() => setOpen(false)} disabled={busy}>
          {text.cancel}
        </Button>
      </div>
    </form>
  );
}
