import {
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { type Language, ProblemBar } from "@rapport/addin-kit";
import type { Team, User, UserUpdate } from "@rapport/shared/schemas";
import { type FormEvent, useState } from "react";
import { adminText } from "../admin-text.ts";
import type { AdminSession } from "../session.ts";
import { TeamPicker } from "../teams/team-picker.tsx";
import { RolePicker } from "./role-picker.tsx";

const useAccessStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  form: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  field: { minWidth: "220px", flexGrow: 1 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

type Access = Pick<User, "role" | "teamId" | "active">;
const accessOf = ({ role, teamId, active }: User): Access => ({ role, teamId, active });

/** Only what the admin changed is sent, so the audit trail and a refusal are about that alone. */
function changesOf(user: User, draft: Access): UserUpdate {
  const change: UserUpdate = {};
  if (draft.role !== user.role) change.role = draft.role;
  if (draft.teamId !== user.teamId) change.teamId = draft.teamId;
  if (draft.active !== user.active) change.active = draft.active;
  return change;
}

export type AccessFormProps = {
  session: AdminSession;
  user: User;
  teams: readonly Team[];
  language: Language;
  onSaved: () => void;
};

/**
 * A user's role, team and access, saved together. When the server refuses (the last active admin
 * cannot be demoted nor deactivated), its own explanation is shown and the choice stays on screen.
 */
export function AccessForm({ session, user, teams, language, onSaved }: AccessFormProps) {
  const styles = useAccessStyles();
  const text = adminText(language);
  const [draft, setDraft] = useState<Access>(() => accessOf(user));
  const [state, setState] = useState<{ busy: boolean; saved: boolean; error: unknown }>({
    busy: false,
    saved: false,
    error: null,
  });
  const change = changesOf(user, draft);
  const changed = Object.keys(change).length > 0;
  const edit = (next: Partial<Access>) => {
    setDraft((current) => ({ ...current, ...next }));
    setState((current) => ({ ...current, saved: false }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ busy: true, saved: false, error: null });
    try {
      const updated = await session.client.users.update({ params: { id: user.id }, body: change });
      setDraft(accessOf(updated));
      setState({ busy: false, saved: true, error: null });
      onSaved();
    } catch (error) {
      setState({ busy: false, saved: false, error });
    }
  };

  return (
    <Card className={styles.card}>
      <Text as="h3" size={400} weight="semibold">
        {text.accessOf(user.name)}
      </Text>
      {user.id === session.me.id && <Text>{text.thisIsYou}</Text>}
      <form className={styles.form} onSubmit={(event) => void submit(event)} aria-label={text.accessOf(user.name)}>
        <Field className={styles.field} label={text.role}>
          <RolePicker value={draft.role} onChange={(role) => edit({ role })} language={language} />
        </Field>
        <Field className={styles.field} label={text.team}>
          <TeamPicker
            teams={teams}
            value={draft.teamId}
            onChange={(teamId) => edit({ teamId })}
            noneLabel={text.noTeam}
          />
        </Field>
        <Field className={styles.field} label={text.state} hint={text.deactivateHelp}>
          <RadioGroup
            layout="horizontal"
            value={draft.active ? "active" : "inactive"}
            onChange={(_, data) => edit({ active: data.value === "active" })}
          >
            <Radio value="active" label={text.active} />
            <Radio value="inactive" label={text.inactive} />
          </RadioGroup>
        </Field>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={state.busy || !changed}>
            {text.save}
          </Button>
          <Button
            disabled={state.busy || !changed}
            onClick={() => {
              setDraft(accessOf(user));
              setState({ busy: false, saved: false, error: null });
            }}
          >
            {text.cancel}
          </Button>
        </div>
      </form>
      {state.saved && (
        <MessageBar intent="success">
          <MessageBarBody>{text.accessSaved(user.name)}</MessageBarBody>
        </MessageBar>
      )}
      {state.error !== null && <ProblemBar error={state.error} language={language} />}
    </Card>
  );
}
