import { Caption1, Subtitle2 } from "@fluentui/react-components";
import { ProblemBar } from "@rapport/addin-kit";
import { normalizeEmail } from "@rapport/shared/normalize";
import type { LookupResult } from "@rapport/shared/schemas";
import type { ItemPerson } from "../domain/outlook-item.ts";
import { roleLabel } from "./format.ts";
import { usePane } from "./pane-context.ts";
import { PaneSkeleton } from "./pane-skeleton.tsx";
import { PersonCard } from "./person-card.tsx";
import { usePaneStyles } from "./styles.ts";
import type { ItemLookup } from "./use-item-lookup.ts";

export type PeopleListProps = { people: ItemPerson[]; lookup: ItemLookup; onChanged: () => void; onRetry: () => void };

/**
 * Everyone on the item except the user, with what Rapport knows about each. People Outlook gave
 * no Internet address for are listed by name; beyond the server's 100 addresses, a count.
 */
export function PeopleList({ people, lookup, onChanged, onRetry }: PeopleListProps) {
  const styles = usePaneStyles();
  const { text, mailbox, language } = usePane();
  const me = mailbox.address ? normalizeEmail(mailbox.address) : null;
  if (lookup.status === "loading") return <PaneSkeleton cards={Math.min(3, Math.max(1, lookup.plan.emails.length))} />;
  if (lookup.status === "error") return <ProblemBar error={lookup.error} language={language} onRetry={onRetry} />;
  // "updating": the same people, asked again for the item's log state; their cards stay meanwhile.

  const byAddress = new Map<string, LookupResult>(lookup.answer.results.map((r) => [r.email, r]));
  const seen = new Set<string>();
  const shown: Array<{ person: ItemPerson; result: LookupResult }> = [];
  for (const person of people) {
    const address = person.address ? normalizeEmail(person.address) : null;
    if (!address || address === me || seen.has(address)) continue;
    seen.add(address);
    const result = byAddress.get(address);
    if (result) shown.push({ person, result });
  }
  const unaddressed = people.filter((p) => !p.address);

  return (
    <section className={styles.section} aria-labelledby="people-heading">
      <Subtitle2 as="h2" id="people-heading" className={styles.heading}>
        {text.people}
      </Subtitle2>
      {shown.map(({ person, result }) => (
        <PersonCard key={result.email} person={person} result={result} onChanged={onChanged} />
      ))}
      {unaddressed.map((person, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: people without an address have no other identity
        <div key={`${person.name}-${i}`} className={styles.card} data-testid="person-unaddressed">
          <span className={styles.wrap} dir="auto">
            {person.name} · {roleLabel(person.role, text)}
          </span>
          <Caption1 className={styles.muted}>{text.noAddress}</Caption1>
        </div>
      ))}
      {lookup.plan.notLookedUp > 0 && <Caption1>{text.notLookedUp(lookup.plan.notLookedUp)}</Caption1>}
    </section>
  );
}
