import { PrivacySettings } from "@rapport/shared/schemas";
import { settingsSection } from "./settings-section.ts";

/** Blocked domains and addresses, extra personal domains and the capture level. */
const privacy = settingsSection("privacy", PrivacySettings, "the privacy policy");
export const readPrivacySettings = privacy.read;
export const updatePrivacySettings = privacy.update;
