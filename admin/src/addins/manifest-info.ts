/** What the admin page shows of an add-in: its version, or why the server cannot make it. */
export type ManifestInfo = { ok: true; version: string } | { ok: false; detail: string };

export type AddinName = "outlook" | "excel";

/**
 * Reads the add-in's unified manifest, which the server builds for its own public URL. A refusal
 * (409) carries a sentence for the admin: the panes are not built, or the URL is not https.
 */
export async function manifestInfo(addin: AddinName): Promise<ManifestInfo> {
  const response = await fetch(`/manifests/${addin}.json`, { headers: { accept: "application/json" } });
  const body: unknown = await response.json().catch(() => null);
  const field = (name: string) =>
    body && typeof body === "object" && name in body ? String((body as Record<string, unknown>)[name]) : "";
  if (!response.ok) return { ok: false, detail: field("detail") || `${response.status} ${response.statusText}` };
  return { ok: true, version: field("version") };
}
