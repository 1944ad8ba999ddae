/**
 * The smaller facts typed on accounts and contacts: personal mail providers, lead sources, tags
 * and job titles.
 */
import type { Lang } from "./inputs.ts";

export const PERSONAL_DOMAINS_FR = [
  "gmail.com",
  "orange.fr",
  "free.fr",
  "wanadoo.fr",
  "hotmail.fr",
  "yahoo.fr",
  "laposte.net",
];
export const PERSONAL_DOMAINS_EN = ["gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.com", "icloud.com", "gmx.de"];
export const SOURCES = [
  "Salon Batimat",
  "Site web",
  "Recommandation",
  "Prospection téléphonique",
  "LinkedIn",
  "Trade show",
  "Webinar",
  "Partenaire",
  "Import fichier",
];
export const ACCOUNT_TAGS = [
  "grand-compte",
  "export",
  "partenaire",
  "vip",
  "salon-2024",
  "newsletter",
  "secteur-public",
];
export const CONTACT_TAGS = ["décideur", "prescripteur", "newsletter", "salon-2024", "technique", "achats", "vip"];

export const JOB_TITLES: Record<Lang, Array<[masculine: string, feminine: string]>> = {
  fr: [
    ["Directeur commercial", "Directrice commerciale"],
    ["Responsable des achats", "Responsable des achats"],
    ["Gérant", "Gérante"],
    ["Assistant de direction", "Assistante de direction"],
    ["Directeur administratif et financier", "Directrice administrative et financière"],
    ["Chargé d'affaires", "Chargée d'affaires"],
    ["Directeur technique", "Directrice technique"],
    ["Comptable", "Comptable"],
    ["Président-directeur général", "Présidente-directrice générale"],
    ["Responsable informatique", "Responsable informatique"],
    ["Acheteur", "Acheteuse"],
    ["Chef de projet", "Cheffe de projet"],
  ],
  en: [
    ["Head of Procurement", "Head of Procurement"],
    ["Sales Director", "Sales Director"],
    ["Office Manager", "Office Manager"],
    ["Chief Financial Officer", "Chief Financial Officer"],
    ["IT Manager", "IT Manager"],
    ["Managing Director", "Managing Director"],
    ["Operations Manager", "Operations Manager"],
    ["Purchasing Assistant", "Purchasing Assistant"],
  ],
};
