import { Combobox, Field, Option } from "@fluentui/react-components";
import type { RecordLink, SearchHit } from "@rapport/shared/schemas";
import { useEffect, useId, useState } from "react";
import { kindLabel } from "./format.ts";
import { usePane } from "./pane-context.ts";

/** Wait this long after the last key before asking the server, so typing "lefèvre" is one request, not seven. */
const DEBOUNCE_MS = 200;

/** Search-as-you-type over contacts and accounts; choosing a hit adds it to the log's records. */
export function RecordSearch({ onPick }: { onPick: (link: RecordLink) => void }) {
  const { client, text } = usePane();
  const id = useId();
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [searching, setSearching] = useState(false);
  // Controlled, so the list opens on any input (a paste too), not only on key presses.
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setHits([]);
      return;
    }
    let live = true;
    setSearching(true);
    const timer = setTimeout(() => {
      client
        .search({ query: { q, limit: 8 } })
        .then((answer) => live && setHits(answer.hits))
        .catch(() => live && setHits([]))
        .finally(() => live && setSearching(false));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, query]);

  return (
    <Field label={text.searchLabel} size="small">
      <Combobox
        id={id}
        size="small"
        freeform
        // Inline, not in a portal: the kit's PaneShell styles its FluentProvider as the page (100vh,
        // padding), and Fluent gives portal nodes the provider's classes, so a portal covers the pane.
        inlinePopup
        placeholder={text.recordsPlaceholder}
        value={query}
        open={open && query.trim().length >= 2}
        onOpenChange={(_, data) => setOpen(data.open)}
        onInput={(event) => {
          setQuery((event.target as HTMLInputElement).value);
          setOpen(true);
        }}
        onOptionSelect={(_, data) => {
          const hit = hits.find((h) => `${h.kind}:${h.id}` === data.optionValue);
          if (hit) onPick({ kind: hit.kind, id: hit.id, name: hit.label });
          setQuery("");
          setHits([]);
          setOpen(false);
        }}
      >
        {hits.map((hit) => (
          <Option key={`${hit.kind}:${hit.id}`} value={`${hit.kind}:${hit.id}`} text={hit.label}>
            {`${hit.label} · ${kindLabel(hit.kind, text)}${hit.sublabel ? ` · ${hit.sublabel}` : ""}`}
          </Option>
        ))}
        {query.trim().length >= 2 && hits.length === 0 && (
          <Option disabled value="" text="">
            {searching ? text.searching : text.searchEmpty}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
