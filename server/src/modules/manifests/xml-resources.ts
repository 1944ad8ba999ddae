import { type AddinLanguage, type AddinText, FRENCH_LOCALES, PROVIDER_NAME } from "./addin-text.ts";
import { type AddinUrls, INFO_PAGES } from "./addin-urls.ts";
import type { IconSize } from "./icons/icon-set.ts";
import { el, type XmlChild } from "./xml.ts";

/** Desktop ribbon icons: the three sizes the add-in only manifest requires, and all the unified one accepts. */
export const RIBBON_ICON_SIZES = [16, 32, 80] as const satisfies readonly IconSize[];
/** Outlook mobile: sizes 25, 32 and 48 at scales 1 to 3, each drawn at its real pixel size. */
export const MOBILE_ICONS = [25, 32, 48].flatMap((size) =>
  [1, 2, 3].map((scale) => ({ size, scale, pixels: (size * scale) as IconSize })),
);

export const iconResid = (pixels: IconSize) => `Icon.${pixels}`;

/**
 * The root of an add-in only manifest and its identity, the same for both add-ins: namespaces, id,
 * version, names, icons (`icons`: the list icon and its high-resolution one) and support page. The
 * host-specific elements follow as `rest`.
 */
export function officeApp(
  kind: { type: "TaskPaneApp" | "MailApp"; overridesNamespace: Record<string, string> },
  app: {
    id: string;
    version: string;
    text: Record<AddinLanguage, AddinText>;
    urls: AddinUrls;
    icons: [IconSize, IconSize];
  },
  ...rest: XmlChild[]
) {
  const { en, fr } = app.text;
  return el(
    "OfficeApp",
    {
      xmlns: "http://schemas.microsoft.com/office/appforoffice/1.1",
      "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "xmlns:bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
      ...kind.overridesNamespace,
      "xsi:type": kind.type,
    },
    el("Id", {}, app.id),
    el("Version", {}, app.version),
    el("ProviderName", {}, PROVIDER_NAME),
    el("DefaultLocale", {}, "en-US"),
    localized("DisplayName", en.name, fr.name),
    localized("Description", en.description, fr.description),
    el("IconUrl", { DefaultValue: app.urls.icon(app.icons[0]) }),
    el("HighResolutionIconUrl", { DefaultValue: app.urls.icon(app.icons[1]) }),
    el("SupportUrl", { DefaultValue: app.urls.at(INFO_PAGES.support) }),
    ...rest,
  );
}

/** A value with its French overrides, as DisplayName and Description take it. */
export function localized(name: string, en: string, fr: string) {
  return el(
    name,
    { DefaultValue: en },
    ...FRENCH_LOCALES.map((locale) => el("Override", { Locale: locale, Value: fr })),
  );
}

/** A resource string (`bt:String`) with its French overrides. */
function resourceString(id: string, en: string, fr: string) {
  return el(
    "bt:String",
    { id, DefaultValue: en },
    ...FRENCH_LOCALES.map((locale) => el("bt:Override", { Locale: locale, Value: fr })),
  );
}

/** `<Icon>` of a desktop button or group. */
export function ribbonIcon() {
  return el(
    "Icon",
    {},
    ...RIBBON_ICON_SIZES.map((size) => el("bt:Image", { size: String(size), resid: iconResid(size) })),
  );
}

/**
 * The ribbon button that opens the task pane, as both add-ins declare it; `action` adds what a
 * host's ShowTaskpane action takes beyond its page (a pane id, pinning, multi-select).
 */
export function openPaneButton(id: string, ...action: XmlChild[]) {
  return el(
    "Control",
    { "xsi:type": "Button", id },
    el("Label", { resid: "Button.Label" }),
    el("Supertip", {}, el("Title", { resid: "Button.Label" }), el("Description", { resid: "Button.Tooltip" })),
    ribbonIcon(),
    el("Action", { "xsi:type": "ShowTaskpane" }, ...action),
  );
}

/** A string in English with its French translation. */
export type Words = { en: string; fr: string };

/** The strings every command needs: the group's label, the button's label and its tooltip. */
export function commandStrings(text: { en: AddinText; fr: AddinText }) {
  return {
    short: {
      "Group.Label": { en: text.en.group, fr: text.fr.group },
      "Button.Label": { en: text.en.button, fr: text.fr.button },
    },
    long: { "Button.Tooltip": { en: text.en.tooltip, fr: text.fr.tooltip } },
  } satisfies Record<"short" | "long", Record<string, Words>>;
}

export type ResourceOptions = {
  urls: AddinUrls;
  /** resid to absolute URL. */
  pages: Record<string, string>;
  /** Pixel sizes used anywhere in this VersionOverrides. */
  icons: readonly IconSize[];
  /** resid to words: short strings (labels, at most 125 characters) and long ones (tooltips). */
  strings: { short: Record<string, Words>; long: Record<string, Words> };
};

/** The `<Resources>` every VersionOverrides carries: images, URLs, then short and long strings. */
export function resources({ urls, pages, icons, strings }: ResourceOptions) {
  const list = (name: string, entries: Record<string, Words>) =>
    el(name, {}, ...Object.entries(entries).map(([id, words]) => resourceString(id, words.en, words.fr)));
  return el(
    "Resources",
    {},
    el(
      "bt:Images",
      {},
      ...[...new Set(icons)].map((size) => el("bt:Image", { id: iconResid(size), DefaultValue: urls.icon(size) })),
    ),
    el("bt:Urls", {}, ...Object.entries(pages).map(([id, url]) => el("bt:Url", { id, DefaultValue: url }))),
    list("bt:ShortStrings", strings.short),
    list("bt:LongStrings", strings.long),
  );
}
