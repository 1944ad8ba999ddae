import { officeAsync } from "./office-async.ts";

/** The one custom property Rapport keeps on an item (see domain/item-mark.ts for what it holds). */
const PROPERTY = "rapport";

function loadProperties(): Promise<Office.CustomProperties> {
  const item = Office.context.mailbox?.item;
  if (!item) return Promise.reject(new Error("No item is open in Outlook."));
  return officeAsync<Office.CustomProperties>((done) => item.loadCustomPropertiesAsync(done));
}

function saveProperties(properties: Office.CustomProperties): Promise<void> {
  return officeAsync<void>((done) => properties.saveAsync(done));
}

/** The stored value (JSON, read back), or null when the item carries none or something unreadable. */
export async function readItemProperty(): Promise<unknown> {
  const properties = await loadProperties();
  const raw: unknown = properties.get(PROPERTY);
  if (typeof raw !== "string") return raw ?? null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** Stores (or, with null, removes) the value on the item; Exchange keeps it with the item, also once sent. */
export async function writeItemProperty(value: object | null): Promise<void> {
  const properties = await loadProperties();
  if (value === null) properties.remove(PROPERTY);
  // Outlook's custom properties hold strings; the value goes as JSON.
  else properties.set(PROPERTY, JSON.stringify(value));
  await saveProperties(properties);
}
