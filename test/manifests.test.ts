import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { validateManifest } from "office-addin-manifest";
import { convert } from "office-addin-manifest-converter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../server/src/db/connect.ts";
import { paneFile } from "../server/src/http/panes.ts";
import { PANE_PAGES } from "../server/src/modules/manifests/addin-urls.ts";
import { appPackage } from "../server/src/modules/manifests/app-package.ts";
import { type AddinManifests, addinManifests } from "../server/src/modules/manifests/manifests.service.ts";
import { freshDatabase } from "../server/src/testing/test-app.ts";

/**
 * The manifests as Office and Microsoft's tools read them, offline: the XML converts with
 * office-addin-manifest-converter and the result validates with office-addin-manifest against its
 * bundled schema; the unified manifests validate the same way; the XML itself follows the schema's
 * element order (docs: develop/manifest-element-ordering) and points only at https:// URLs here.
 */

const PUBLIC_URL = "https://crm.example.com/rapport";
const HOST = "crm.example.com";

let database: Db;
let work: string;
let panesRoot: string;

/** A build of the panes as `npm run build` leaves it, in a folder of the test's own. */
function buildPanes(root: string, pages: readonly string[]) {
  for (const page of pages) {
    const file = paneFile(page, root);
    if (!file) throw new Error(`not a pane page: ${page}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `<!-- ${page} -->`);
  }
}

beforeAll(async () => {
  database = await freshDatabase();
  work = mkdtempSync(join(tmpdir(), "rapport-manifests-"));
  panesRoot = join(work, "repo");
  buildPanes(panesRoot, Object.values(PANE_PAGES));
});
afterAll(async () => {
  await database?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const build = (addin: "outlook" | "excel", root = panesRoot, publicUrl = PUBLIC_URL) =>
  addinManifests({ db: database.db, publicUrl, serverVersion: "0.1.0", panesRoot: root }, addin);

describe.each(["outlook", "excel"] as const)("the %s manifests", (addin) => {
  let manifests: AddinManifests;
  beforeAll(async () => {
    manifests = await build(addin);
  });

  it("convert to a unified manifest that validates against office-addin-manifest's bundled schema", async () => {
    const xmlFile = join(work, `${addin}-converted.xml`);
    writeFileSync(xmlFile, manifests.xml);
    const out = join(work, `${addin}-converted`);
    await convert(xmlFile, out);
    const validation = await validateManifest(join(out, "manifest.json"));
    expect(validation.report?.errors ?? []).toEqual([]);
    expect(validation.isValid).toBe(true);
    const converted = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(converted.id).toBe(manifests.xmlId);
  });

  it("serve a unified manifest that validates, with French strings the localization schema accepts", async () => {
    const file = join(work, `${addin}-unified.json`);
    writeFileSync(file, JSON.stringify(manifests.unified.manifest));
    const validation = await validateManifest(file);
    expect(validation.report?.errors ?? []).toEqual([]);
    expect(validation.isValid).toBe(true);
    expect(localizationProblems(manifests.unified.french)).toEqual([]);
    expect(manifests.unified.manifest).toMatchObject({ id: manifests.jsonId, version: manifests.version.json });
    // Where both are installed, Office shows the unified app and hides the XML add-in it replaces.
    expect(JSON.stringify(manifests.unified.manifest)).toContain(`"officeAddinId":"${manifests.xmlId}"`);
  });

  it("package the unified manifest with its French strings and both icons", () => {
    const entries = unzip(appPackage(manifests));
    expect([...entries.keys()].sort()).toEqual(["color.png", "fr.json", "manifest.json", "outline.png"]);
    expect(JSON.parse(entries.get("manifest.json")?.toString("utf8") ?? "")).toEqual(manifests.unified.manifest);
    expect(pngSize(entries.get("color.png"))).toEqual([192, 192]);
    expect(pngSize(entries.get("outline.png"))).toEqual([32, 32]);
  });

  it("put every element in schema order, with its required children and resources", () => {
    const root = parseXml(manifests.xml);
    expect(orderProblems(root)).toEqual([]);
    expect(resourceProblems(root)).toEqual([]);
    expect(root.attributes["xsi:type"]).toBe(addin === "outlook" ? "MailApp" : "TaskPaneApp");
    expect(text(child(root, "Id"))).toBe(manifests.xmlId);
    expect(text(child(root, "Version"))).toBe(manifests.version.xml);
  });

  it("point only at https URLs on the configured host", () => {
    const urls = [...manifests.xml.matchAll(/"(\w+:\/\/[^"]*)"/g)]
      .map((match) => match[1] ?? "")
      .filter((url) => !url.startsWith("http://schemas.microsoft.com/") && !url.startsWith("http://www.w3.org/"));
    urls.push(...jsonUrls(manifests.unified.manifest));
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(new URL(url).protocol, url).toBe("https:");
      expect(new URL(url).host, url).toBe(HOST);
      expect(url.startsWith(`${PUBLIC_URL}/`), url).toBe(true);
    }
  });

  it("give display names in English and French", () => {
    const root = parseXml(manifests.xml);
    const name = child(root, "DisplayName");
    expect(name.attributes.DefaultValue).toMatch(/^Rapport for /);
    const french = name.children.filter((node) => node.name === "Override");
    expect(french.map((node) => node.attributes.Locale)).toEqual(["fr-FR", "fr-CA"]);
    for (const node of french) expect(node.attributes.Value).toMatch(/^Rapport pour /);
    expect(manifests.unified.french["name.short"]).toMatch(/^Rapport pour /);
  });
});

describe("the Outlook manifest", () => {
  it("offers the pane on message read and compose and on appointments, pinnable when reading", async () => {
    const root = parseXml((await build("outlook")).xml);
    const outer = child(root, "VersionOverrides");
    const inner = child(outer, "VersionOverrides");
    expect(outer.attributes["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(inner.attributes["xsi:type"]).toBe("VersionOverridesV1_1");
    for (const overrides of [outer, inner]) {
      const surfaces = ownDescendants(overrides, "ExtensionPoint").map((point) => point.attributes["xsi:type"]);
      expect(surfaces).toEqual(
        expect.arrayContaining([
          "MessageReadCommandSurface",
          "MessageComposeCommandSurface",
          "AppointmentOrganizerCommandSurface",
          "AppointmentAttendeeCommandSurface",
        ]),
      );
    }
    expect(ownDescendants(outer, "SupportsPinning")).toEqual([]);
    expect(descendants(inner, "SupportsPinning").map(text)).toEqual(["true"]);
    // Several selected mails logged at once: 1.1 only, with the mailbox permission Outlook asks for it.
    expect(ownDescendants(outer, "SupportsMultiSelect")).toEqual([]);
    expect(descendants(inner, "SupportsMultiSelect").map(text)).toEqual(["true"]);
    expect(descendants(root, "Permissions").map(text)).toEqual(["ReadWriteMailbox"]);
    expect(descendants(inner, "ExtensionPoint").map((point) => point.attributes["xsi:type"])).toContain(
      "MobileMessageReadCommandSurface",
    );
  });

  it("declares the on-send runtime when the pane ships its handler, and not otherwise", async () => {
    const withHandler = await build("outlook");
    const launch = descendants(parseXml(withHandler.xml), "LaunchEvent");
    expect(launch.map((event) => event.attributes)).toEqual([
      { Type: "OnMessageSend", FunctionName: "onMessageSendHandler", SendMode: "PromptUser" },
    ]);
    expect(withHandler.xml).toContain(`${PUBLIC_URL}/addins/outlook/launchevent.js`);
    expect(JSON.stringify(withHandler.unified.manifest)).toContain('"type":"messageSending"');

    const root = join(work, "without-handler");
    buildPanes(root, [PANE_PAGES.outlookPane, PANE_PAGES.outlookCommands]);
    const without = await build("outlook", root);
    expect(descendants(parseXml(without.xml), "LaunchEvent")).toEqual([]);
    expect(descendants(parseXml(without.xml), "Runtimes")).toEqual([]);
    expect(JSON.stringify(without.unified.manifest)).not.toContain("autoRunEvents");
    // The add-in changed, so its version rose.
    expect(without.version.xml).not.toBe(withHandler.version.xml);
  });

  it("is refused while a page it needs is not built, or for a plain-HTTP URL", async () => {
    const root = join(work, "half-built");
    buildPanes(root, [PANE_PAGES.outlookPane]);
    await expect(build("outlook", root)).rejects.toThrow(/commands\.html is missing.*npm run build/);
    await expect(build("outlook", panesRoot, "http://crm.example.com")).rejects.toThrow(/HTTPS only/);
  });
});

describe("versions", () => {
  it("stay the same while nothing changes and rise when a pane is rebuilt", async () => {
    const root = join(work, "versions");
    buildPanes(root, [PANE_PAGES.excelPane]);
    const first = await build("excel", root);
    expect((await build("excel", root)).version).toEqual(first.version);
    writeFileSync(paneFile(PANE_PAGES.excelPane, root) ?? "", "<!-- a new build -->");
    const second = await build("excel", root);
    expect(second.version.json).toMatch(/^0\.1\.\d+$/);
    expect(compareVersions(second.version.xml, first.version.xml)).toBeGreaterThan(0);
    expect(second.xmlId).toBe(first.xmlId);
  });
});

// --- the schema's element order -------------------------------------------------------------

type XmlNode = { name: string; attributes: Record<string, string>; children: XmlNode[]; text: string };

/**
 * Allowed children in the order the XSDs require (one list per element name; the contexts an
 * element appears in never disagree on order). An element with children but no entry fails.
 */
const ORDER: Record<string, readonly string[]> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "FormSettings",
    "Permissions",
    "Rule",
    "DisableEntityHighlighting",
    "Dictionary",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  DisplayName: ["Override"],
  Description: ["Override"],
  Hosts: ["Host"],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"],
  Requirements: ["Sets", "bt:Sets", "Methods"],
  Sets: ["Set"],
  "bt:Sets": ["bt:Set"],
  DefaultSettings: ["SourceLocation", "RequestedWidth", "RequestedHeight"],
  FormSettings: ["Form"],
  Form: ["DesktopSettings", "TabletSettings", "PhoneSettings"],
  DesktopSettings: ["SourceLocation", "RequestedHeight"],
  Rule: ["Rule"],
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "VersionOverrides",
    "WebApplicationInfo",
    "EquivalentAddins",
  ],
  Runtimes: ["Runtime"],
  Runtime: ["Override"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint", "SupportsSharedFolders"],
  MobileFormFactor: ["FunctionFile", "ExtensionPoint"],
  ExtensionPoint: ["OfficeTab", "CustomTab", "OfficeMenu", "LaunchEvents", "SourceLocation", "Group", "Control"],
  LaunchEvents: ["LaunchEvent"],
  OfficeTab: ["Group"],
  Group: ["Label", "Tooltip", "Icon", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action", "Enabled"],
  Supertip: ["Title", "Description"],
  Icon: ["bt:Image"],
  Action: ["TaskpaneId", "SourceLocation", "Title", "FunctionName", "SupportsPinning", "SupportsMultiSelect"],
  Resources: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
  "bt:Images": ["bt:Image"],
  "bt:Urls": ["bt:Url"],
  "bt:ShortStrings": ["bt:String"],
  "bt:LongStrings": ["bt:String"],
  "bt:String": ["bt:Override"],
};

/** Children that must be there, whatever else is (a MailApp's and a TaskPaneApp's own ones below). */
const REQUIRED: Record<string, readonly string[]> = {
  OfficeApp: ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "Permissions"],
  VersionOverrides: ["Hosts", "Resources"],
  DesktopFormFactor: ["ExtensionPoint"],
  Control: ["Label", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  Group: ["Label"],
};
const REQUIRED_BY_TYPE: Record<string, readonly string[]> = {
  MailApp: ["FormSettings", "Rule", "IconUrl", "HighResolutionIconUrl", "VersionOverrides"],
  TaskPaneApp: ["DefaultSettings", "IconUrl", "HighResolutionIconUrl", "VersionOverrides"],
};

function orderProblems(node: XmlNode, path = node.name): string[] {
  const problems: string[] = [];
  const names = node.children.map((c) => c.name);
  if (names.length > 0) {
    const order = ORDER[node.name];
    if (!order) problems.push(`${path}: no schema order known for its children ${names.join(", ")}`);
    else {
      let last = -1;
      for (const name of names) {
        const at = order.indexOf(name);
        if (at < 0) problems.push(`${path}: ${name} is not a child it may have`);
        else if (at < last) problems.push(`${path}: ${name} comes after ${order[last]}, the schema wants it before`);
        else last = at;
      }
    }
  }
  const required = [...(REQUIRED[node.name] ?? []), ...(REQUIRED_BY_TYPE[node.attributes["xsi:type"] ?? ""] ?? [])];
  for (const name of required) if (!names.includes(name)) problems.push(`${path}: ${name} is missing`);
  node.children.forEach((c, i) => {
    problems.push(...orderProblems(c, `${path}/${c.name}[${i}]`));
  });
  return problems;
}

/** Every resid points at a resource of the right kind, at most 32 characters, within its VersionOverrides. */
function resourceProblems(root: XmlNode): string[] {
  const problems: string[] = [];
  for (const overrides of descendants(root, "VersionOverrides")) {
    const resources = child(overrides, "Resources");
    const ids = (list: string) =>
      new Set(descendants(child(resources, list), "").flatMap((n) => (n.attributes.id ? [n.attributes.id] : [])));
    const kinds: Record<string, Set<string>> = {
      image: ids("bt:Images"),
      url: ids("bt:Urls"),
      short: ids("bt:ShortStrings"),
      long: ids("bt:LongStrings"),
    };
    const walk = (node: XmlNode, parent: string) => {
      if (node.name === "VersionOverrides" && node !== overrides) return;
      const resid = node.attributes.resid;
      if (resid) {
        const kind =
          node.name === "bt:Image"
            ? "image"
            : ["SourceLocation", "FunctionFile", "Runtime", "Override"].includes(node.name)
              ? "url"
              : node.name === "Description" && parent === "Supertip"
                ? "long"
                : "short";
        if (resid.length > 32) problems.push(`${resid}: longer than 32 characters`);
        if (!kinds[kind]?.has(resid)) problems.push(`${node.name} resid ${resid}: no ${kind} resource`);
      }
      for (const c of node.children) walk(c, node.name);
    };
    walk(overrides, "");
    const controls = ownDescendants(overrides, "Control").map((control) => control.attributes.id);
    if (new Set(controls).size !== controls.length) problems.push(`duplicate control ids: ${controls.join(", ")}`);
  }
  return problems;
}

/** Keys and lengths the bundled Localization schema allows (its patterns only compile without the u flag). */
function localizationProblems(strings: Record<string, unknown>): string[] {
  const require = createRequire(import.meta.url);
  const schemaFile = join(
    dirname(require.resolve("@microsoft/app-manifest/package.json")),
    "build/json-schemas/teams/v1.30/MicrosoftTeams.Localization.schema.json",
  );
  const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as {
    properties: Record<string, { maxLength?: number }>;
    patternProperties: Record<string, { maxLength?: number }>;
  };
  const patterns = Object.entries(schema.patternProperties).map(
    ([pattern, rule]) => [new RegExp(pattern), rule] as const,
  );
  const problems: string[] = [];
  for (const [key, value] of Object.entries(strings)) {
    const rule = schema.properties[key] ?? patterns.find(([pattern]) => pattern.test(key))?.[1];
    if (!rule) problems.push(`${key}: not a localizable key`);
    else if (typeof value !== "string" || value.length === 0) problems.push(`${key}: not a string`);
    else if (rule.maxLength !== undefined && value.length > rule.maxLength)
      problems.push(`${key}: over ${rule.maxLength}`);
  }
  return problems;
}

// --- small readers ------------------------------------------------------------------------------

/** Enough XML for the manifests this server writes: elements, attributes, text; no DTD, no CDATA. */
function parseXml(xml: string): XmlNode {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, "");
  const stack: XmlNode[] = [{ name: "#document", attributes: {}, children: [], text: "" }];
  const token = /<(\/?)([\w:]+)((?:\s+[\w:]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  for (const match of body.matchAll(token)) {
    const [, closing, name, attributeText, selfClosing, textContent] = match;
    const top = stack.at(-1);
    if (!top) throw new Error("unbalanced XML");
    if (textContent !== undefined) {
      top.text += decode(textContent.trim());
      continue;
    }
    if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of (attributeText ?? "").matchAll(/([\w:]+)="([^"]*)"/g)) {
      attributes[key as string] = decode(value ?? "");
    }
    const node: XmlNode = { name: name ?? "", attributes, children: [], text: "" };
    top.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  const [document] = stack;
  const root = document?.children[0];
  if (stack.length !== 1 || !root || document.children.length !== 1) throw new Error("not one well-formed root");
  return root;
}

const decode = (value: string) =>
  value.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, entity: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[entity] ?? "",
  );

function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`${node.name} has no ${name}`);
  return found;
}

/** Descendants named `name` (every descendant for ""). */
function descendants(node: XmlNode, name: string): XmlNode[] {
  return node.children.flatMap((c) => [...(name === "" || c.name === name ? [c] : []), ...descendants(c, name)]);
}

/** The descendants of a VersionOverrides that are its own, not those of the one nested in it. */
function ownDescendants(overrides: XmlNode, name: string): XmlNode[] {
  return overrides.children.flatMap((c) =>
    c.name === "VersionOverrides" ? [] : [...(c.name === name ? [c] : []), ...descendants(c, name)],
  );
}

const text = (node: XmlNode) => node.text;

function jsonUrls(value: unknown): string[] {
  if (typeof value === "string") return /^\w+:\/\//.test(value) && !value.includes("json-schemas") ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(jsonUrls);
  if (value && typeof value === "object") return Object.values(value).flatMap(jsonUrls);
  return [];
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function pngSize(png: Buffer | undefined): [number, number] {
  if (png?.toString("latin1", 1, 4) !== "PNG") throw new Error("not a PNG");
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** Reads the package with adm-zip (office-addin-manifest's own ZIP library), not with our writer's code. */
function unzip(archive: Buffer): Map<string, Buffer> {
  type AdmZip = new (data: Buffer) => { getEntries(): Array<{ entryName: string; getData(): Buffer }> };
  const fromManifestTool = createRequire(createRequire(import.meta.url).resolve("office-addin-manifest"));
  const Zip = fromManifestTool("adm-zip") as AdmZip;
  return new Map(new Zip(archive).getEntries().map((entry) => [entry.entryName, entry.getData()]));
}
