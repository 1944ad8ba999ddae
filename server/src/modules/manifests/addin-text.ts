/** The words Office shows for the add-ins before they open: store listing, ribbon and tooltips. */
export type AddinText = {
  /** At most 30 characters: the unified manifest's short name and the task pane's title. */
  name: string;
  /** At most 80 characters: the unified manifest's short description. */
  summary: string;
  description: string;
  group: string;
  button: string;
  tooltip: string;
};

export type AddinLanguage = "en" | "fr";

/** Office's French UI languages; Office matches an override by exact locale. */
export const FRENCH_LOCALES = ["fr-FR", "fr-CA"] as const;

export const OUTLOOK_TEXT: Record<AddinLanguage, AddinText> = {
  en: {
    name: "Rapport for Outlook",
    summary: "See who is on a mail or meeting, and log it to your CRM in one click.",
    description:
      "Rapport shows who the people on a mail or meeting are in your organisation's CRM (contact, account, open deals and recent history) and logs the mail or meeting to the right account in one click, never twice.",
    group: "Rapport",
    button: "Open Rapport",
    tooltip: "See the contacts, account, deals and history behind this item, and log it to Rapport.",
  },
  fr: {
    name: "Rapport pour Outlook",
    summary: "Voyez qui est dans un e-mail ou une réunion et enregistrez-le en un clic.",
    description:
      "Rapport montre qui sont les personnes d’un e-mail ou d’une réunion dans le CRM de votre organisation (contact, compte, affaires en cours et historique récent) et enregistre l’e-mail ou la réunion sur le bon compte en un clic, jamais en double.",
    group: "Rapport",
    button: "Ouvrir Rapport",
    tooltip:
      "Voir les contacts, le compte, les affaires et l’historique liés à cet élément, et l’enregistrer dans Rapport.",
  },
};

export const EXCEL_TEXT: Record<AddinLanguage, AddinText> = {
  en: {
    name: "Rapport for Excel",
    summary: "Pull segments and pipeline sheets from your CRM; push contact lists back.",
    description:
      "Rapport brings your organisation's CRM into Excel: pull customer segments into a sheet, push contact lists back without duplicates, and build pipeline sheets that refresh from the server.",
    group: "Rapport",
    button: "Open Rapport",
    tooltip: "Open the Rapport pane: segments, contact lists and pipeline sheets from your CRM.",
  },
  fr: {
    name: "Rapport pour Excel",
    summary: "Importez segments et pipeline depuis votre CRM, renvoyez vos listes de contacts.",
    description:
      "Rapport amène le CRM de votre organisation dans Excel : importez des segments clients dans une feuille, renvoyez des listes de contacts sans doublons et construisez des tableaux de pipeline actualisés depuis le serveur.",
    group: "Rapport",
    button: "Ouvrir Rapport",
    tooltip: "Ouvrir le volet Rapport : segments, listes de contacts et tableaux de pipeline de votre CRM.",
  },
};

/** Shown as the add-ins' publisher in Office and the Microsoft 365 admin center. */
export const PROVIDER_NAME = "Rapport";
