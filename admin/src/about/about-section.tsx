import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Language } from "@rapport/addin-kit";
import { adminText } from "../admin-text.ts";

const useAboutStyles = makeStyles({
  about: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(260px, 1fr))",
    gap: tokens.spacingHorizontalXL,
    paddingTop: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
  },
  part: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/**
 * What anyone may read without signing in: the add-ins' manifests link here for their support
 * page, privacy notice (#privacy) and terms of use (#terms).
 */
export function AboutSection({ language }: { language: Language }) {
  const styles = useAboutStyles();
  const text = adminText(language);
  const parts = [
    ["about", text.aboutTitle, text.aboutText],
    ["privacy", text.privacyNoticeTitle, text.privacyNotice],
    ["terms", text.termsTitle, text.terms],
  ] as const;
  return (
    <footer className={styles.about}>
      {parts.map(([id, title, body]) => (
        <section key={id} id={id} className={styles.part} aria-labelledby={`${id}-title`}>
          <Text as="h2" id={`${id}-title`} size={400} weight="semibold">
            {title}
          </Text>
          <Text>{body}</Text>
        </section>
      ))}
    </footer>
  );
}
