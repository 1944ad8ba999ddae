import { MarketingSettings } from "@rapport/shared/schemas";
import { settingsSection } from "./settings-section.ts";

/** Contact-pressure cap, RFM period and lifetime-value parameters. */
const marketing = settingsSection("marketing", MarketingSettings, "the marketing settings");
export const readMarketingSettings = marketing.read;
export const updateMarketingSettings = marketing.update;
