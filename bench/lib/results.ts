import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type Figure = {
  name: string;
  value: number;
  unit: string;
  budget: number | null;
  better: "lower" | "higher";
};

const RESULTS_DIR = fileURLToPath(new URL("../results/", import.meta.url));

export function withinBudget(figure: Figure): boolean | null {
  if (figure.budget === null) return null;
  return figure.better === "lower" ? figure.value < figure.budget : figure.value >= figure.budget;
}

/** bench/results/latest.json: one entry per figure. */
export function writeResults(figures: Figure[]): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}latest.json`;
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  return file;
}

const round = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2).replace(/\.?0+$/, "") || "0";
/** Unit-less figures are ratios (precision, recall) whose budgets sit in the third decimal. */
const shown = (value: number, unit: string) => (unit === "" ? value.toFixed(4) : `${round(value)} ${unit}`);

export function formatTable(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const ok = withinBudget(f);
    const budget = f.budget === null ? "" : `${f.better === "lower" ? "<" : ">="} ${f.budget} ${f.unit}`.trimEnd();
    return [f.name, shown(f.value, f.unit), budget, ok === null ? "" : ok ? "ok" : "OVER BUDGET"];
  });
  const header = ["figure", "value", "budget", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 1 ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
