import { Dropdown, Option } from "@fluentui/react-components";
import type { Team } from "@rapport/shared/schemas";
import { sortedByPath, teamPaths } from "./team-paths.ts";

// Not a Rapport id (those are `team_…`), so it can stand for "no team" among the options.
const NONE = "none";

export type TeamPickerProps = {
  teams: readonly Team[];
  value: string | null;
  onChange: (teamId: string | null) => void;
  /** What choosing no team means here: "No team" for a user, "a top-level team" for a parent. */
  noneLabel: string;
};

/** Chooses a team, or none, by its path; labelled by the Field it sits in. */
export function TeamPicker({ teams, value, onChange, noneLabel }: TeamPickerProps) {
  const paths = teamPaths(teams);
  return (
    <Dropdown
      value={value ? (paths.get(value) ?? value) : noneLabel}
      selectedOptions={[value ?? NONE]}
      onOptionSelect={(_, data) => onChange(data.optionValue && data.optionValue !== NONE ? data.optionValue : null)}
    >
      <Option value={NONE}>{noneLabel}</Option>
      {sortedByPath(teams, paths).map((team) => (
        <Option key={team.id} value={team.id}>
          {paths.get(team.id) ?? team.name}
        </Option>
      ))}
    </Dropdown>
  );
}
