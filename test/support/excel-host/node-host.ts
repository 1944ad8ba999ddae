import { createExcelHost, type ExcelHostControl, type HostOptions } from "./install.ts";

/**
 * The simulated Excel host in this Node process: the pane's own pull, push and sheet code runs
 * against it unchanged (the benchmark and the Node end-to-end tests use it). Answers the control.
 */
export function installExcelHost(options: HostOptions = {}): ExcelHostControl {
  const host = createExcelHost(options);
  Object.assign(globalThis, { Excel: host.Excel, Office: host.Office });
  return host.control;
}

export function removeExcelHost(): void {
  const scope = globalThis as Record<string, unknown>;
  delete scope.Excel;
  delete scope.Office;
}
