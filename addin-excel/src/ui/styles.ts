import { makeStyles, tokens } from "@fluentui/react-components";

/** The pane's shared layout: stacked sections that fit a 320 px task pane. */
export const usePaneStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  mapping: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.2fr)",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  clip: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 },
  swatch: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    borderRadius: tokens.borderRadiusSmall,
    marginRight: tokens.spacingHorizontalXS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  compare: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed", fontSize: tokens.fontSizeBase200 },
  cell: { padding: tokens.spacingHorizontalXXS, verticalAlign: "top", overflowWrap: "anywhere", textAlign: "left" },
  chosen: { fontWeight: tokens.fontWeightSemibold },
});
