import { EXCEL_TEXT } from "./addin-text.ts";
import { type AddinUrls, PANE_PAGES } from "./addin-urls.ts";
import { el, renderXml } from "./xml.ts";
import {
  commandStrings,
  officeApp,
  openPaneButton,
  RIBBON_ICON_SIZES,
  resources,
  ribbonIcon,
} from "./xml-resources.ts";

export type ExcelXmlOptions = { urls: AddinUrls; id: string; version: string };

/**
 * The add-in only (XML) manifest of the Excel add-in: a TaskPaneApp with a Rapport group on the
 * Home tab whose button opens the pane. The pane needs no function file: every command opens it.
 */
export function excelXml({ urls, id, version }: ExcelXmlOptions): string {
  return renderXml(
    officeApp(
      {
        type: "TaskPaneApp",
        overridesNamespace: { "xmlns:ov": "http://schemas.microsoft.com/office/taskpaneappversionoverrides" },
      },
      { id, version, text: EXCEL_TEXT, urls, icons: [32, 64] },
      el("Hosts", {}, el("Host", { Name: "Workbook" })),
      // The pane reads and writes ranges and tables: Excel 2016 or later, Excel on the web and on Mac.
      el(
        "Requirements",
        {},
        el("Sets", { DefaultMinVersion: "1.1" }, el("Set", { Name: "ExcelApi", MinVersion: "1.1" })),
      ),
      el("DefaultSettings", {}, el("SourceLocation", { DefaultValue: urls.at(PANE_PAGES.excelPane) })),
      el("Permissions", {}, "ReadWriteDocument"),
      el(
        "VersionOverrides",
        {
          xmlns: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
          "xsi:type": "VersionOverridesV1_0",
        },
        el(
          "Hosts",
          {},
          el(
            "Host",
            { "xsi:type": "Workbook" },
            el(
              "DesktopFormFactor",
              {},
              el(
                "ExtensionPoint",
                { "xsi:type": "PrimaryCommandSurface" },
                el(
                  "OfficeTab",
                  { id: "TabHome" },
                  el(
                    "Group",
                    { id: "Rapport.Home.Group" },
                    el("Label", { resid: "Group.Label" }),
                    ribbonIcon(),
                    openPaneButton(
                      "Rapport.Home.Open",
                      el("TaskpaneId", {}, "RapportPane"),
                      el("SourceLocation", { resid: "Pane.Url" }),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
        resources({
          urls,
          pages: { "Pane.Url": urls.at(PANE_PAGES.excelPane) },
          icons: RIBBON_ICON_SIZES,
          strings: commandStrings(EXCEL_TEXT),
        }),
      ),
    ),
  );
}
