import { Button, Card, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { type Language, ProblemBar } from "@rapport/addin-kit";
import type { Role, Team, User } from "@rapport/shared/schemas";
import { type FormEvent, useState } from "react";
import { adminText } from "../admin-text.ts";
import type { AdminSession } from "../session.ts";
import { TeamPicker } from "../teams/team-picker.tsx";
import { RolePicker } from "./role-picker.tsx";

const useFormStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  field: { minWidth: "220px", flexGrow: 1 },
});

export type UserFormProps = {
  session: AdminSession;
  teams: readonly Team[];
  language: Language;
  onCreated: (user: User) => void;
};

/** Adds a user; a token for them is the next step, in their tokens section. */
export function UserForm({ session, teams, language, onCreated }: UserFormProps) {
  const styles = useFormStyles();
  const text = adminText(language);
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("rep");
  const [teamId, setTeamId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await session.client.users.create({
        body: { email: email.trim(), name: name.trim(), role, teamId },
      });
      setEmail("");
      setName("");
      onCreated(user);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <Text as="h3" size={400} weight="semibold">
        {text.addUser}
      </Text>
      <form className={styles.form} onSubmit={(event) => void submit(event)} aria-label={text.addUser}>
        <Field className={styles.field} label={text.email} required>
          <Input type="email" value={email} onChange={(_, data) => setEmail(data.value)} />
        </Field>
        <Field className={styles.field} label={text.name} required>
          <Input value={name} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Field className={styles.field} label={text.role}>
          <RolePicker value={role} onChange={setRole} language={language} />
        </Field>
        <Field className={styles.field} label={text.team}>
          <TeamPicker teams={teams} value={teamId} onChange={setTeamId} noneLabel={text.noTeam} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy || !email.trim() || !name.trim()}>
          {text.create}
        </Button>
      </form>
      {error !== null && <ProblemBar error={error} language={language} />}
    </Card>
  );
}
