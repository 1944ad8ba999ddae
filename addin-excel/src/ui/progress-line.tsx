import { Field, ProgressBar } from "@fluentui/react-components";

export type ProgressLineProps = { label: string; done: number; total: number };

/** A real progress bar: done over total, or a moving bar while the total is unknown. */
export function ProgressLine({ label, done, total }: ProgressLineProps) {
  const value = total > 0 ? Math.min(1, done / total) : undefined;
  return (
    <Field label={label} validationState="none">
      <ProgressBar value={value} thickness="large" aria-label={label} />
    </Field>
  );
}
