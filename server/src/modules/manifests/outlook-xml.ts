import { OUTLOOK_TEXT } from "./addin-text.ts";
import { type AddinUrls, PANE_PAGES } from "./addin-urls.ts";
import type { IconSize } from "./icons/icon-set.ts";
import { el, renderXml } from "./xml.ts";
import {
  commandStrings,
  iconResid,
  MOBILE_ICONS,
  officeApp,
  openPaneButton,
  RIBBON_ICON_SIZES,
  resources,
} from "./xml-resources.ts";

export type OutlookXmlOptions = {
  urls: AddinUrls;
  id: string;
  /** Four parts, as the add-in only manifest wants it: `0.1.3.0`. */
  version: string;
  /** The pane ships the on-send handler (launchevent.js): declare the event-based runtime. */
  onSend: boolean;
};

const SURFACES = [
  ["MessageReadCommandSurface", "MessageRead"],
  ["MessageComposeCommandSurface", "MessageCompose"],
  ["AppointmentOrganizerCommandSurface", "AppointmentOrganizer"],
  ["AppointmentAttendeeCommandSurface", "AppointmentAttendee"],
] as const;

/**
 * The add-in only (XML) manifest of the Outlook add-in: a MailApp whose VersionOverrides 1.0 gives
 * commands on message read and compose and on appointments (Mailbox 1.3, Outlook 2016 and later),
 * and whose nested VersionOverrides 1.1 adds what newer clients support: a pinnable pane, Outlook
 * mobile, and the on-send (Smart Alerts) handler, which clients without event-based activation
 * ignore. Element order follows the schema; test/manifests.test.ts checks it.
 */
export function outlookXml({ urls, id, version, onSend }: OutlookXmlOptions): string {
  const pane = urls.at(PANE_PAGES.outlookPane);
  const form = (type: "ItemRead" | "ItemEdit") =>
    el(
      "Form",
      { "xsi:type": type },
      el(
        "DesktopSettings",
        {},
        el("SourceLocation", { DefaultValue: pane }),
        type === "ItemRead" && el("RequestedHeight", {}, "250"),
      ),
    );
  const itemIs = (itemType: string, formType: string) =>
    el("Rule", { "xsi:type": "ItemIs", ItemType: itemType, FormType: formType });

  return renderXml(
    officeApp(
      {
        type: "MailApp",
        overridesNamespace: { "xmlns:mailappor": "http://schemas.microsoft.com/office/mailappversionoverrides/1.0" },
      },
      // Outlook lists add-ins with a 64 px icon, and 128 px on high-DPI screens.
      { id, version, text: OUTLOOK_TEXT, urls, icons: [64, 128] },
      el("Hosts", {}, el("Host", { Name: "Mailbox" })),
      el("Requirements", {}, el("Sets", {}, el("Set", { Name: "Mailbox", MinVersion: "1.1" }))),
      // Clients too old for add-in commands (Mailbox 1.1 and 1.2) open the pane from these forms.
      el("FormSettings", {}, form("ItemRead"), form("ItemEdit")),
      // Reads the item and, in compose, marks it for logging on send.
      // Read/write mailbox: what Outlook requires of an add-in that acts on several selected mails at once.
      el("Permissions", {}, "ReadWriteMailbox"),
      el(
        "Rule",
        { "xsi:type": "RuleCollection", Mode: "Or" },
        itemIs("Message", "Read"),
        itemIs("Message", "Edit"),
        itemIs("Appointment", "Read"),
        itemIs("Appointment", "Edit"),
      ),
      el(
        "VersionOverrides",
        { xmlns: "http://schemas.microsoft.com/office/mailappversionoverrides", "xsi:type": "VersionOverridesV1_0" },
        requirements("1.3"),
        el("Hosts", {}, el("Host", { "xsi:type": "MailHost" }, desktop({ pinning: false, onSend: false }))),
        resources({ urls, strings: commandStrings(OUTLOOK_TEXT), pages: pages(urls, false), icons: RIBBON_ICON_SIZES }),
        el(
          "VersionOverrides",
          {
            xmlns: "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
            "xsi:type": "VersionOverridesV1_1",
          },
          requirements("1.5"),
          el(
            "Hosts",
            {},
            el(
              "Host",
              { "xsi:type": "MailHost" },
              onSend &&
                el(
                  "Runtimes",
                  {},
                  // Outlook on the web, on Mac and new Outlook load the page; classic Outlook on Windows the script.
                  el(
                    "Runtime",
                    { resid: "WebViewRuntime.Url" },
                    el("Override", { type: "javascript", resid: "JSRuntime.Url" }),
                  ),
                ),
              desktop({ pinning: true, onSend }),
              mobile(),
            ),
          ),
          resources({
            urls,
            strings: commandStrings(OUTLOOK_TEXT),
            pages: pages(urls, onSend),
            icons: [...RIBBON_ICON_SIZES, ...MOBILE_ICONS.map((icon) => icon.pixels)],
          }),
        ),
      ),
    ),
  );
}

function requirements(minVersion: string) {
  return el("Requirements", {}, el("bt:Sets", { DefaultMinVersion: minVersion }, el("bt:Set", { Name: "Mailbox" })));
}

function pages(urls: AddinUrls, onSend: boolean): Record<string, string> {
  return {
    "Pane.Url": urls.at(PANE_PAGES.outlookPane),
    "Commands.Url": urls.at(PANE_PAGES.outlookCommands),
    ...(onSend
      ? {
          "WebViewRuntime.Url": urls.at(PANE_PAGES.outlookCommands),
          "JSRuntime.Url": urls.at(PANE_PAGES.outlookLaunchEvent),
        }
      : {}),
  };
}

function desktop({ pinning, onSend }: { pinning: boolean; onSend: boolean }) {
  return el(
    "DesktopFormFactor",
    {},
    el("FunctionFile", { resid: "Commands.Url" }),
    ...SURFACES.map(([surface, name]) =>
      el(
        "ExtensionPoint",
        { "xsi:type": surface },
        el(
          "OfficeTab",
          { id: "TabDefault" },
          el(
            "Group",
            { id: `Rapport.${name}.Group` },
            el("Label", { resid: "Group.Label" }),
            openPaneButton(
              `Rapport.${name}.Open`,
              el("SourceLocation", { resid: "Pane.Url" }),
              // The pane follows the selected mail when pinned (reading only: compose has one item).
              pinning && name === "MessageRead" && el("SupportsPinning", {}, "true"),
              // Several selected mails are logged together (Mailbox 1.13+; older hosts ignore it).
              pinning && name === "MessageRead" && el("SupportsMultiSelect", {}, "true"),
            ),
          ),
        ),
      ),
    ),
    onSend &&
      el(
        "ExtensionPoint",
        { "xsi:type": "LaunchEvent" },
        el(
          "LaunchEvents",
          {},
          // PromptUser: whatever the handler says or if it cannot run, the user may send anyway; a CRM never holds mail back.
          el("LaunchEvent", { Type: "OnMessageSend", FunctionName: "onMessageSendHandler", SendMode: "PromptUser" }),
        ),
        el("SourceLocation", { resid: "WebViewRuntime.Url" }),
      ),
  );
}

function mobile() {
  return el(
    "MobileFormFactor",
    {},
    el(
      "ExtensionPoint",
      { "xsi:type": "MobileMessageReadCommandSurface" },
      el(
        "Group",
        { id: "Rapport.MobileRead.Group" },
        el("Label", { resid: "Group.Label" }),
        el(
          "Control",
          { "xsi:type": "MobileButton", id: "Rapport.MobileRead.Open" },
          el("Label", { resid: "Button.Label" }),
          el(
            "Icon",
            { "xsi:type": "bt:MobileIconList" },
            ...MOBILE_ICONS.map(({ size, scale, pixels }) =>
              el("bt:Image", { size: String(size), scale: String(scale), resid: iconResid(pixels as IconSize) }),
            ),
          ),
          el("Action", { "xsi:type": "ShowTaskpane" }, el("SourceLocation", { resid: "Pane.Url" })),
        ),
      ),
    ),
  );
}
