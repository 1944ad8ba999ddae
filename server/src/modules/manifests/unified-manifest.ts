import { type AddinText, EXCEL_TEXT, OUTLOOK_TEXT, PROVIDER_NAME } from "./addin-text.ts";
import { type AddinUrls, INFO_PAGES, PANE_PAGES } from "./addin-urls.ts";
import { RIBBON_ICON_SIZES } from "./xml-resources.ts";

/** The newest schema office-addin-manifest bundles, so `validate` works offline. */
export const UNIFIED_SCHEMA_VERSION = "1.30";
const SCHEMAS = "https://developer.microsoft.com/json-schemas/teams";
/** The files of an app package besides manifest.json. */
export const PACKAGE_FILES = { color: "color.png", outline: "outline.png", french: "fr.json" } as const;

type Json = Record<string, unknown>;

/** A unified manifest and its French strings, which travel together in the app package. */
export type UnifiedManifest = { manifest: Json; french: Json };

type Common = {
  urls: AddinUrls;
  /** This app's own id, distinct from the XML add-in's. */
  id: string;
  /** The XML add-in this app replaces: Office hides it where both are installed. */
  xmlId: string;
  /** Three parts, as the unified manifest wants it: `0.1.3`. */
  version: string;
};

/**
 * The Outlook add-in as a unified manifest (JSON) for Microsoft 365: the same pane from the same
 * surfaces, and the on-send handler when the pane ships it. Outlook on Mac, mobile and perpetual
 * Office do not read it; they keep the XML manifest.
 */
export function outlookUnified({ onSend, ...common }: Common & { onSend: boolean }): UnifiedManifest {
  const { urls } = common;
  const runtimes: Json[] = [paneRuntime(urls.at(PANE_PAGES.outlookPane), true)];
  if (onSend) {
    runtimes.push({
      requirements: { capabilities: [{ name: "Mailbox", minVersion: "1.12" }] },
      id: "EventRuntime",
      type: "general",
      code: { page: urls.at(PANE_PAGES.outlookCommands), script: urls.at(PANE_PAGES.outlookLaunchEvent) },
      lifetime: "short",
      actions: [{ id: "onMessageSendHandler", type: "executeFunction" }],
    });
  }
  const extension: Json = {
    requirements: { scopes: ["mail"], capabilities: [{ name: "Mailbox", minVersion: "1.3" }] },
    runtimes,
    ribbons: [
      {
        contexts: ["mailRead", "mailCompose", "meetingDetailsOrganizer", "meetingDetailsAttendee"],
        tabs: [{ builtInTabId: "TabDefault", groups: [group(urls, OUTLOOK_TEXT.en, false)] }],
      },
    ],
    ...(onSend
      ? {
          autoRunEvents: [
            {
              requirements: { capabilities: [{ name: "Mailbox", minVersion: "1.12" }] },
              events: [
                { type: "messageSending", actionId: "onMessageSendHandler", options: { sendMode: "promptUser" } },
              ],
            },
          ],
        }
      : {}),
    alternates: alternates(common, 64),
  };
  return {
    manifest: root(common, OUTLOOK_TEXT, "Mailbox.ReadWrite.User", extension),
    french: french(OUTLOOK_TEXT.fr),
  };
}

/** The Excel add-in as a unified manifest: a Rapport group on the Home tab that opens the pane. */
export function excelUnified(common: Common): UnifiedManifest {
  const { urls } = common;
  const extension: Json = {
    requirements: { scopes: ["workbook"], capabilities: [{ name: "ExcelApi", minVersion: "1.1" }] },
    runtimes: [paneRuntime(urls.at(PANE_PAGES.excelPane), false)],
    ribbons: [
      {
        contexts: ["default"],
        tabs: [{ builtInTabId: "TabHome", groups: [group(urls, EXCEL_TEXT.en, true)] }],
      },
    ],
    alternates: alternates(common, 32),
  };
  return {
    manifest: root(common, EXCEL_TEXT, "Document.ReadWrite.User", extension),
    french: french(EXCEL_TEXT.fr),
  };
}

function root({ urls, id, version }: Common, text: { en: AddinText }, permission: string, extension: Json): Json {
  const { en } = text;
  return {
    $schema: `${SCHEMAS}/v${UNIFIED_SCHEMA_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: UNIFIED_SCHEMA_VERSION,
    id,
    version,
    localizationInfo: {
      defaultLanguageTag: "en-us",
      // "fr" rather than fr-fr: one file serves French in France, Canada, Belgium and Switzerland.
      additionalLanguages: [{ languageTag: "fr", file: PACKAGE_FILES.french }],
    },
    developer: {
      name: PROVIDER_NAME,
      websiteUrl: urls.at(INFO_PAGES.support),
      privacyUrl: urls.at(INFO_PAGES.privacy),
      termsOfUseUrl: urls.at(INFO_PAGES.terms),
    },
    name: { short: en.name, full: en.name },
    description: { short: en.summary, full: en.description },
    icons: { color: PACKAGE_FILES.color, outline: PACKAGE_FILES.outline },
    accentColor: "#0F6CBD",
    authorization: { permissions: { resourceSpecific: [{ name: permission, type: "Delegated" }] } },
    extensions: [extension],
  };
}

function paneRuntime(page: string, pinnable: boolean): Json {
  return {
    id: "PaneRuntime",
    type: "general",
    code: { page },
    lifetime: "short",
    actions: [{ id: "OpenPane", type: "openPage", view: "RapportPane", ...(pinnable ? { pinnable: true } : {}) }],
  };
}

function group(urls: AddinUrls, text: AddinText, withIcons: boolean): Json {
  const icons = RIBBON_ICON_SIZES.map((size) => ({ size, url: urls.icon(size) }));
  return {
    id: "Rapport.Group",
    label: text.group,
    // Excel shows the group's icon when the ribbon is too narrow for its buttons; Outlook has none.
    ...(withIcons ? { icons } : {}),
    controls: [
      {
        id: "Rapport.Open",
        type: "button",
        label: text.button,
        icons,
        supertip: { title: text.button, description: text.tooltip },
        actionId: "OpenPane",
      },
    ],
  };
}

/**
 * Hides the XML add-in where both are installed, and gives older Office the add-in's icon: `size`
 * is the slot (at most 80), and the high-resolution image fills it at twice the pixels.
 */
function alternates({ urls, xmlId }: Common, size: 32 | 64): Json[] {
  return [
    { hide: { customOfficeAddin: { officeAddinId: xmlId } } },
    {
      alternateIcons: {
        icon: { size, url: urls.icon(size) },
        highResolutionIcon: { size, url: urls.icon(size === 32 ? 64 : 128) },
      },
    },
  ];
}

/** The localization file: the same keys the English manifest fills, in French. */
function french(text: AddinText): Json {
  const control = "extensions[0].ribbons[0].tabs[0].groups[0].controls[0]";
  return {
    $schema: `${SCHEMAS}/v${UNIFIED_SCHEMA_VERSION}/MicrosoftTeams.Localization.schema.json`,
    "name.short": text.name,
    "name.full": text.name,
    "description.short": text.summary,
    "description.full": text.description,
    "extensions[0].ribbons[0].tabs[0].groups[0].label": text.group,
    [`${control}.label`]: text.button,
    [`${control}.supertip.title`]: text.button,
    [`${control}.supertip.description`]: text.tooltip,
  };
}
