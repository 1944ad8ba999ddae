import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Language } from "./i18n.ts";

const useShellStyles = makeStyles({
  // The provider only paints the theme: Fluent copies its classes onto every popup's mount node, so
  // a layout here (full height, padding) would turn each open dropdown into a page-sized box.
  provider: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  page: {
    minHeight: "100vh",
    boxSizing: "border-box",
    // Task panes start at 320 px wide: everything must fit without a horizontal scrollbar.
    minWidth: "0",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

export type PaneShellProps = { dark: boolean; language: Language; children: ReactNode };

/** Fluent's web theme in Office's light or dark variant, around the whole pane. */
export function PaneShell({ dark, language, children }: PaneShellProps) {
  const styles = useShellStyles();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={language} className={styles.provider}>
      <div className={styles.page}>{children}</div>
    </FluentProvider>
  );
}
