import { inExcel } from "./excel-run.ts";

/**
 * What the pane remembers in the workbook itself (so it travels with the file and survives a
 * closed pane): which tables it pulled, the last push to undo, a pipeline sheet's baseline.
 */
export async function readSetting<T>(key: string): Promise<T | null> {
  return inExcel(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(key);
    setting.load("value");
    await context.sync();
    return setting.isNullObject ? null : (setting.value as T);
  });
}

export async function writeSetting(key: string, value: unknown): Promise<void> {
  await inExcel(async (context) => {
    context.workbook.settings.add(key, value);
    await context.sync();
  });
}

export async function deleteSetting(key: string): Promise<void> {
  await inExcel(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(key);
    await context.sync();
    if (!setting.isNullObject) setting.delete();
    await context.sync();
  });
}
