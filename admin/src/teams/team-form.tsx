import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { type Language, ProblemBar } from "@rapport/addin-kit";
import type { Team } from "@rapport/shared/schemas";
import { type FormEvent, useState } from "react";
import { adminText } from "../admin-text.ts";
import type { AdminSession } from "../session.ts";
import { TeamPicker } from "./team-picker.tsx";

const useTeamFormStyles = makeStyles({
  form: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  field: { minWidth: "220px", flexGrow: 1 },
});

export type TeamFormProps = {
  session: AdminSession;
  teams: readonly Team[];
  language: Language;
  onCreated: (team: Team) => void;
};

/** Makes a team, at the top or under another (a manager of the parent then sees its records too). */
export function TeamForm({ session, teams, language, onCreated }: TeamFormProps) {
  const styles = useTeamFormStyles();
  const text = adminText(language);
  const [name, setName] = useState("");
  const [parentId, setParentId] = useState<string | null>(null);
  const [state, setState] = useState<{ busy: boolean; created: string | null; error: unknown }>({
    busy: false,
    created: null,
    error: null,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ busy: true, created: null, error: null });
    try {
      const team = await session.client.teams.create({ body: { name: name.trim(), parentId } });
      setName("");
      setParentId(null);
      setState({ busy: false, created: team.name, error: null });
      onCreated(team);
    } catch (error) {
      setState({ busy: false, created: null, error });
    }
  };

  return (
    <>
      <form className={styles.form} onSubmit={(event) => void submit(event)} aria-label={text.newTeam}>
        <Field className={styles.field} label={text.teamName} required>
          <Input value={name} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Field className={styles.field} label={text.parentTeamOptional}>
          <TeamPicker teams={teams} value={parentId} onChange={setParentId} noneLabel={text.topLevel} />
        </Field>
        <Button type="submit" appearance="primary" disabled={state.busy || !name.trim()}>
          {text.newTeam}
        </Button>
      </form>
      {state.created !== null && (
        <MessageBar intent="success">
          <MessageBarBody>{text.teamCreated(state.created)}</MessageBarBody>
        </MessageBar>
      )}
      {state.error !== null && <ProblemBar error={state.error} language={language} />}
    </>
  );
}
