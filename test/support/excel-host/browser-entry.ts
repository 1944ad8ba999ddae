import { createExcelHost, type HostOptions } from "./install.ts";

/**
 * Stands in for Office.js in the browser: the page's `Excel` and `Office` are the simulated host,
 * and `__excelHost` lets the test read the workbook and act as the user in it. Options come from
 * `__excelHostOptions`, set by the test's init script before the page loads.
 */
const scope = globalThis as unknown as Record<string, unknown>;
const host = createExcelHost((scope.__excelHostOptions as HostOptions | undefined) ?? {});
scope.Excel = host.Excel;
scope.Office = host.Office;
scope.__excelHost = host.control;
