import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout shared by the pane's sections; every size comes from Fluent's tokens so dark mode and zoom follow. */
export const usePaneStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  card: {
    display: "flex",
    flexDirection: "column",
    // Badges and buttons keep their own width; forms stretch (see `stretch`).
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  // Long addresses and subjects wrap instead of widening a 320 px pane.
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  heading: { margin: 0 },
  plainList: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  stretch: { alignSelf: "stretch" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});
