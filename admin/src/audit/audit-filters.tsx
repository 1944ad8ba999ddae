import { Button, Dropdown, Field, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import type { Language } from "@rapport/addin-kit";
import { AuditAction, type User } from "@rapport/shared/schemas";
import { adminText } from "../admin-text.ts";
import { type AuditFilters, datesReversed, NO_FILTERS } from "./audit-query.ts";
import { entityWord } from "./entity-word.ts";

const useFilterStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalM },
  choice: { flexGrow: 1, flexBasis: "170px", minWidth: "170px" },
  // Fluent's dropdowns are at least 250 px wide: three of them and two days would not fit 1,080 px.
  dropdown: { minWidth: "0", width: "100%" },
  day: { flexBasis: "150px" },
  clear: { alignSelf: "flex-end", marginBottom: tokens.spacingVerticalXXS },
});

// No user id, action or entity is spelt like this, so it can stand for "any" among the options.
const ANY = "*";

export type AuditFiltersProps = {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  users: readonly User[];
  /** The record types to offer: those Rapport writes, and any other seen in the trail. */
  entities: readonly string[];
  language: Language;
};

/** Narrows the trail by who, what, which kind of record and which days; each change applies at once. */
export function AuditFilterBar({ filters, onChange, users, entities, language }: AuditFiltersProps) {
  const styles = useFilterStyles();
  const text = adminText(language);
  const set = (change: Partial<AuditFilters>) => onChange({ ...filters, ...change });
  const picked = (value: string | undefined) => (value && value !== ANY ? value : null);
  const userName = users.find((user) => user.id === filters.userId)?.name ?? filters.userId;
  const sortedUsers = [...users].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <search className={styles.filters} aria-label={text.auditTitle}>
      <Field className={styles.choice} label={text.who}>
        <Dropdown
          className={styles.dropdown}
          value={userName ?? text.anyUser}
          selectedOptions={[filters.userId ?? ANY]}
          onOptionSelect={(_, data) => set({ userId: picked(data.optionValue) })}
        >
          <Option value={ANY}>{text.anyUser}</Option>
          {sortedUsers.map((user) => (
            <Option key={user.id} value={user.id} text={user.name}>
              {`${user.name} (${user.email})`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field className={styles.choice} label={text.action}>
        <Dropdown
          className={styles.dropdown}
          value={filters.action ? text.actions[filters.action] : text.anyAction}
          selectedOptions={[filters.action ?? ANY]}
          onOptionSelect={(_, data) => {
            const value = picked(data.optionValue);
            set({ action: value ? AuditAction.parse(value) : null });
          }}
        >
          <Option value={ANY}>{text.anyAction}</Option>
          {AuditAction.options.map((action) => (
            <Option key={action} value={action}>
              {text.actions[action]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field className={styles.choice} label={text.recordType}>
        <Dropdown
          className={styles.dropdown}
          value={filters.entity ? entityWord(filters.entity, text) : text.anyRecord}
          selectedOptions={[filters.entity ?? ANY]}
          onOptionSelect={(_, data) => set({ entity: picked(data.optionValue) })}
        >
          <Option value={ANY}>{text.anyRecord}</Option>
          {entities.map((entity) => (
            <Option key={entity} value={entity}>
              {entityWord(entity, text)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field className={styles.day} label={text.from}>
        <Input type="date" value={filters.from} onChange={(_, data) => set({ from: data.value })} />
      </Field>
      <Field
        className={styles.day}
        label={text.to}
        validationState={datesReversed(filters) ? "warning" : "none"}
        validationMessage={datesReversed(filters) ? text.datesReversed : undefined}
      >
        <Input type="date" value={filters.to} onChange={(_, data) => set({ to: data.value })} />
      </Field>
      <Button className={styles.clear} onClick={() => onChange(NO_FILTERS)}>
        {text.clearFilters}
      </Button>
    </search>
  );
}
