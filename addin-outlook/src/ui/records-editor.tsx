import { Caption1Strong, Field, Select, Tag, TagGroup } from "@fluentui/react-components";
import type { LookupResult, RecordLink } from "@rapport/shared/schemas";
import { linksOf, type RecordSelection, withoutRecord, withRecord } from "../domain/record-selection.ts";
import { kindLabel } from "./format.ts";
import { usePane } from "./pane-context.ts";
import { RecordSearch } from "./record-search.tsx";
import { usePaneStyles } from "./styles.ts";
import { useAccountChoices } from "./use-account-choices.ts";

export type RecordsEditorProps = {
  selection: RecordSelection;
  onChange: (selection: RecordSelection) => void;
  /** The item's lookup: deals and cases of the people's accounts. */
  results: LookupResult[];
  /** Contacts who are on the item: the server links them by address, so they are not removable here. */
  fixedContactIds?: ReadonlySet<string>;
};

/** The records one log goes to: chips to remove, a search to add, and the chosen account's open deals and cases. */
export function RecordsEditor({ selection, onChange, results, fixedContactIds }: RecordsEditorProps) {
  const styles = usePaneStyles();
  const { text } = usePane();
  const choices = useAccountChoices(selection.account?.id ?? null, results);
  const links = linksOf(selection);
  const removable = (link: RecordLink) => !(link.kind === "contact" && fixedContactIds?.has(link.id));
  const pick = (kind: "opportunity" | "case", id: string, name: string | undefined) =>
    onChange(id && name ? withRecord(selection, { kind, id, name }) : withoutRecord(selection, { kind, id, name: "" }));

  return (
    <div className={styles.section} data-testid="records-editor">
      <Caption1Strong>{text.logTo}</Caption1Strong>
      {links.length > 0 && (
        <TagGroup
          aria-label={text.logTo}
          className={styles.row}
          onDismiss={(_, data) => {
            const link = links.find((l) => `${l.kind}:${l.id}` === data.value);
            if (link) onChange(withoutRecord(selection, link));
          }}
        >
          {links.map((link) => (
            <Tag
              key={`${link.kind}:${link.id}`}
              value={`${link.kind}:${link.id}`}
              size="small"
              appearance="brand"
              dismissible={removable(link)}
              dismissIcon={removable(link) ? { "aria-label": text.remove(link.name) } : undefined}
              secondaryText={kindLabel(link.kind, text)}
            >
              {link.name}
            </Tag>
          ))}
        </TagGroup>
      )}
      <RecordSearch onPick={(link) => onChange(withRecord(selection, link))} />
      {selection.account && choices.deals.length > 0 && (
        <Field label={text.deal} size="small">
          <Select
            size="small"
            value={selection.opportunity?.id ?? ""}
            onChange={(_, d) => pick("opportunity", d.value, choices.deals.find((x) => x.id === d.value)?.name)}
          >
            <option value="">{text.noDeal}</option>
            {choices.deals.map((deal) => (
              <option key={deal.id} value={deal.id}>
                {deal.name} · {text.stage(deal.stage)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {selection.account && choices.cases.length > 0 && (
        <Field label={text.caseLabel} size="small">
          <Select
            size="small"
            value={selection.case?.id ?? ""}
            onChange={(_, d) => pick("case", d.value, choices.cases.find((x) => x.id === d.value)?.subject)}
          >
            <option value="">{text.noCase}</option>
            {choices.cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.subject}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
