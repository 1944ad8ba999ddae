import { Dropdown, Option } from "@fluentui/react-components";
import type { Language } from "@rapport/addin-kit";
import { Role } from "@rapport/shared/schemas";
import { adminText } from "../admin-text.ts";

export type RolePickerProps = { value: Role; onChange: (role: Role) => void; language: Language };

/** Chooses a role by its name in the admin's language; labelled by the Field it sits in. */
export function RolePicker({ value, onChange, language }: RolePickerProps) {
  const text = adminText(language);
  return (
    <Dropdown
      value={text.roles[value]}
      selectedOptions={[value]}
      onOptionSelect={(_, data) => onChange(Role.parse(data.optionValue))}
    >
      {Role.options.map((option) => (
        <Option key={option} value={option}>
          {text.roles[option]}
        </Option>
      ))}
    </Dropdown>
  );
}
