import { bilingual } from "../bilingual.ts";
import type { SheetProblem } from "../sheet/check-sheet.ts";

const n = (count: number, locale: string) => count.toLocaleString(locale);
/** "1 conflict", "3 conflicts": French takes the singular for 0 and 1 as well. */
const of = (count: number, locale: "en" | "fr", one: string, many: string) =>
  `${n(count, locale)} ${(locale === "fr" ? count <= 1 : count === 1) ? one : many}`;

/** Every word the pane shows, in English and French. */
export const paneText = bilingual({
  en: {
    tabs: { segments: "Segments", push: "Push", pipeline: "Pipeline", campaigns: "Campaigns" },
    signedInAs: (name: string, role: string) => `${name} (${role})`,
    roles: { rep: "sales rep", manager: "manager", marketer: "marketer", admin: "admin" } as Record<string, string>,
    signOut: "Sign out",
    outsideExcel: "This page is Rapport's Excel add-in: open it from Excel (Home > Add-ins).",
    loading: "Loading…",
    cancel: "Cancel",
    // Segments
    segment: "Segment",
    noSegments: "No segments yet. Create one in Rapport, then come back here.",
    members: (count: number) => `${n(count, "en")} members`,
    contactsOrAccounts: (entity: string): string => (entity === "contacts" ? "contacts" : "companies"),
    target: "Write to",
    newSheet: "A new sheet",
    activeSheet: "The active sheet (if empty)",
    pull: "Pull",
    pulling: (done: number, total: number) => `${n(done, "en")} of ${n(total, "en")} rows`,
    pulled: (rows: number, sheet: string) => `${n(rows, "en")} rows pulled into the sheet "${sheet}".`,
    pullCancelled: (rows: number, total: number) =>
      `Cancelled: the sheet keeps the ${n(rows, "en")} of ${n(total, "en")} rows that arrived. Refresh to complete it.`,
    sheetNotEmpty: "The active sheet already holds data: pull into a new sheet, or clear it first.",
    pulledTables: "Pulled into this workbook",
    pulledAt: (when: string) => `pulled ${when}`,
    incomplete: "incomplete",
    refresh: "Refresh",
    refreshing: (phase: string, done: number, total: number) => `${phase} ${n(done, "en")} of ${n(total, "en")}`,
    phases: { read: "Reading", fetch: "Fetching", write: "Writing" } as Record<string, string>,
    refreshed: (rows: number, joined: number, left: number) =>
      `Refreshed: ${n(rows, "en")} rows; ${n(joined, "en")} joined the segment, ${n(left, "en")} left it. Your own columns were kept.`,
    // Push
    pushIntro:
      "Open or paste a list (a trade-show CSV, an Outlook or Google export) or edit a pulled table, then check it: nothing changes in Rapport until you apply.",
    readSheet: "Read the active sheet",
    reading: (done: number, total: number) => `Reading ${n(done, "en")} of ${n(total, "en")} rows`,
    columns: "Columns",
    columnsMapped: (mapped: number, all: number) => `Columns: ${mapped} of ${all} recognised`,
    ignore: "(ignore)",
    country: "Country of phone numbers without a prefix",
    serverDefault: "Rapport's default",
    dayFirst: "Dates are day first (31/12/1980)",
    dryRun: "Check (dry run)",
    sending: (done: number, total: number) => `Sending ${n(done, "en")} of ${n(total, "en")} rows`,
    analysing: "Rapport is checking every row…",
    summary: "What would happen",
    plan: {
      create: "create",
      update: "update",
      merge: "merge",
      duplicate: "duplicate",
      conflict: "conflict",
      invalid: "invalid",
      unchanged: "unchanged",
      skip: "left out",
    } as Record<string, string>,
    attention: (count: number) => `${of(count, "en", "row", "rows")} to look at`,
    showMore: "Show more",
    row: (row: number) => `Row ${row}`,
    decision: "Decision",
    decisions: { create: "Create a new contact", merge: "Merge", update: "Update", skip: "Leave out" } as Record<
      string,
      string
    >,
    conflicts: (count: number) =>
      `${of(count, "en", "conflict", "conflicts")}: changed in Rapport since you pulled ${count === 1 ? "it" : "them"}`,
    conflictHelp: "Choose, per row or for all, which version wins. Nothing is overwritten without your choice.",
    field: "Field",
    inRapport: "In Rapport",
    yours: "In your sheet",
    keepMine: "Keep mine",
    takeServer: "Take Rapport's",
    keepMineAll: "Keep mine for all",
    takeServerAll: "Take Rapport's for all",
    chosen: "chosen",
    unchosen: (count: number) => `Choose a version for ${of(count, "en", "conflict", "conflicts")} before applying.`,
    apply: "Apply",
    applying: (done: number, total: number) => `Applying ${n(done, "en")} of ${n(total, "en")} rows`,
    applied: (r: Record<string, number>) =>
      `Done: ${n(r.created ?? 0, "en")} created, ${n(r.updated ?? 0, "en")} updated, ${n(r.merged ?? 0, "en")} merged, ${n(r.skipped ?? 0, "en")} left out, ${n(r.failed ?? 0, "en")} failed. The table has the new ids and versions.`,
    undo: "Undo last push",
    undoing: "Undoing…",
    undone: (removed: number, restored: number, kept: number) =>
      `Undone: ${n(removed, "en")} contacts removed, ${n(restored, "en")} restored${kept ? `, ${n(kept, "en")} kept because someone edited them since` : ""}.`,
    sheetChanged:
      "The sheet changed since the dry run (cells edited, rows sorted or added): check it again so the decisions match what you see.",
    tooManyImports: "Rapport is busy with other imports; try again in a minute.",
    errorsAsEmpty: "Send those cells empty",
    problems: (problem: SheetProblem): string => {
      switch (problem.kind) {
        case "empty":
          return "This sheet is empty: pull a segment or paste a list with a header row first.";
        case "headerOnly":
          return "This sheet has headers but no rows below them.";
        case "noHeaders":
          return "The first row is empty: the first row must name the columns (First name, Email…).";
        case "tooManyColumns":
          return `This sheet uses ${n(problem.count, "en")} columns; Rapport reads at most 1,000. Delete the empty columns on the right.`;
        case "tooManyRows":
          return `This sheet has ${n(problem.count, "en")} rows; one push takes at most 1,000,000.`;
        case "merged":
          return `Merged cells (${problem.areas.join(", ")}): unmerge them so each value sits in its own column.`;
        case "errors":
          return `${n(problem.count, "en")} cells hold an error such as #N/A (${problem.cells.join(", ")}): fix them, or send them empty.`;
        case "longCells":
          return `${n(problem.count, "en")} cells are longer than 200 characters (${problem.cells.join(", ")}): names, titles and addresses keep their first 200.`;
        case "accounts":
          return "This table lists companies: a push brings contacts into Rapport. Pull a segment of contacts to push it back.";
      }
    },
    // Pipeline
    scope: "Deals",
    scopes: { mine: "Mine", team: "My team's", all: "Everything I may see" } as Record<string, string>,
    closeFrom: "Expected close from",
    closeTo: "to",
    currency: "Currency",
    includeClosed: "Include won and lost deals",
    buildPipeline: "Build the pipeline sheet",
    refreshPipeline: "Refresh the pipeline sheet",
    built: (deals: number, sheet: string) =>
      `${n(deals, "en")} deals in the sheet "${sheet}", with summaries by stage, owner and month, and a chart.`,
    unsent: (count: number) =>
      `${n(count, "en")} deals edited in the sheet are not sent yet: send them first, or refresh anyway to drop the edits.`,
    refreshAnyway: "Refresh anyway",
    checkEdits: "Send my edits",
    noEdits: "No stage, amount, probability or close date changed since the last refresh.",
    edits: (count: number) => `${of(count, "en", "deal", "deals")} changed`,
    sendEdits: (count: number) => `Send ${of(count, "en", "change", "changes")}`,
    sent: (count: number) => `${of(count, "en", "deal", "deals")} updated in Rapport.`,
    dealFields: {
      stage: "stage",
      amount: "amount",
      probability: "probability",
      expectedCloseDate: "close date",
    } as Record<string, string>,
    editProblem: (row: number, name: string, field: string, value: string) =>
      `Row ${row} (${name}): "${value}" is not a valid ${field}; not sent.`,
    dealConflicts: (count: number) =>
      `${of(count, "en", "deal was", "deals were")} changed in Rapport since the sheet was refreshed`,
    failed: (name: string, message: string) => `${name}: ${message}`,
    // Campaigns
    campaignsIntro: "One row per coded marketing action with its targets, responses, conversions, costs and uplift.",
    from: "Launched from",
    to: "to",
    buildCampaigns: "Build the campaign sheet",
    campaignsBuilt: (count: number, sheet: string) => `${n(count, "en")} actions in the sheet "${sheet}".`,
  },
  fr: {
    tabs: { segments: "Segments", push: "Envoi", pipeline: "Pipeline", campaigns: "Campagnes" },
    signedInAs: (name: string, role: string) => `${name} (${role})`,
    roles: { rep: "commercial", manager: "manager", marketer: "marketing", admin: "admin" } as Record<string, string>,
    signOut: "Se déconnecter",
    outsideExcel: "Cette page est le complément Excel de Rapport : ouvrez-la depuis Excel (Accueil > Compléments).",
    loading: "Chargement…",
    cancel: "Annuler",
    segment: "Segment",
    noSegments: "Aucun segment pour l’instant. Créez-en un dans Rapport, puis revenez ici.",
    members: (count: number) => `${n(count, "fr")} membres`,
    contactsOrAccounts: (entity: string) => (entity === "contacts" ? "contacts" : "sociétés"),
    target: "Écrire dans",
    newSheet: "Une nouvelle feuille",
    activeSheet: "La feuille active (si elle est vide)",
    pull: "Extraire",
    pulling: (done: number, total: number) => `${n(done, "fr")} lignes sur ${n(total, "fr")}`,
    pulled: (rows: number, sheet: string) => `${n(rows, "fr")} lignes extraites dans la feuille « ${sheet} ».`,
    pullCancelled: (rows: number, total: number) =>
      `Annulé : la feuille garde les ${n(rows, "fr")} lignes sur ${n(total, "fr")} déjà arrivées. Actualisez pour la compléter.`,
    sheetNotEmpty:
      "La feuille active contient déjà des données : extrayez dans une nouvelle feuille, ou videz-la d’abord.",
    pulledTables: "Extraits dans ce classeur",
    pulledAt: (when: string) => `extrait le ${when}`,
    incomplete: "incomplet",
    refresh: "Actualiser",
    refreshing: (phase: string, done: number, total: number) => `${phase} ${n(done, "fr")} sur ${n(total, "fr")}`,
    phases: { read: "Lecture", fetch: "Réception", write: "Écriture" } as Record<string, string>,
    refreshed: (rows: number, joined: number, left: number) =>
      `Actualisé : ${n(rows, "fr")} lignes ; ${n(joined, "fr")} entrées dans le segment, ${n(left, "fr")} sorties. Vos colonnes ont été conservées.`,
    pushIntro:
      "Ouvrez ou collez une liste (fichier de salon, export Outlook ou Google) ou modifiez une table extraite, puis vérifiez-la : rien ne change dans Rapport avant que vous n’appliquiez.",
    readSheet: "Lire la feuille active",
    reading: (done: number, total: number) => `Lecture de ${n(done, "fr")} lignes sur ${n(total, "fr")}`,
    columns: "Colonnes",
    columnsMapped: (mapped: number, all: number) => `Colonnes : ${mapped} sur ${all} reconnues`,
    ignore: "(ignorer)",
    country: "Pays des numéros sans indicatif",
    serverDefault: "Celui de Rapport",
    dayFirst: "Les dates commencent par le jour (31/12/1980)",
    dryRun: "Vérifier (essai à blanc)",
    sending: (done: number, total: number) => `Envoi de ${n(done, "fr")} lignes sur ${n(total, "fr")}`,
    analysing: "Rapport examine chaque ligne…",
    summary: "Ce qui se passerait",
    plan: {
      create: "création",
      update: "mise à jour",
      merge: "fusion",
      duplicate: "doublon",
      conflict: "conflit",
      invalid: "invalide",
      unchanged: "inchangé",
      skip: "ignoré",
    } as Record<string, string>,
    attention: (count: number) => `${of(count, "fr", "ligne", "lignes")} à examiner`,
    showMore: "Afficher plus",
    row: (row: number) => `Ligne ${row}`,
    decision: "Décision",
    decisions: {
      create: "Créer un nouveau contact",
      merge: "Fusionner",
      update: "Mettre à jour",
      skip: "Ignorer",
    } as Record<string, string>,
    conflicts: (count: number) =>
      `${of(count, "fr", "conflit", "conflits")} : ${count <= 1 ? "modifié" : "modifiés"} dans Rapport depuis votre extraction`,
    conflictHelp:
      "Choisissez, ligne par ligne ou pour toutes, la version qui l’emporte. Rien n’est écrasé sans votre choix.",
    field: "Champ",
    inRapport: "Dans Rapport",
    yours: "Dans votre feuille",
    keepMine: "Garder la mienne",
    takeServer: "Prendre celle de Rapport",
    keepMineAll: "Garder les miennes partout",
    takeServerAll: "Prendre celles de Rapport partout",
    chosen: "choisi",
    unchosen: (count: number) =>
      `Choisissez une version pour ${of(count, "fr", "conflit", "conflits")} avant d’appliquer.`,
    apply: "Appliquer",
    applying: (done: number, total: number) => `Application de ${n(done, "fr")} lignes sur ${n(total, "fr")}`,
    applied: (r: Record<string, number>) =>
      `Terminé : ${n(r.created ?? 0, "fr")} créés, ${n(r.updated ?? 0, "fr")} mis à jour, ${n(r.merged ?? 0, "fr")} fusionnés, ${n(r.skipped ?? 0, "fr")} ignorés, ${n(r.failed ?? 0, "fr")} en échec. La table a reçu les nouveaux identifiants et versions.`,
    undo: "Annuler le dernier envoi",
    undoing: "Annulation…",
    undone: (removed: number, restored: number, kept: number) =>
      `Annulé : ${n(removed, "fr")} contacts supprimés, ${n(restored, "fr")} restaurés${kept ? `, ${n(kept, "fr")} conservés car modifiés depuis` : ""}.`,
    sheetChanged:
      "La feuille a changé depuis l’essai à blanc (cellules modifiées, lignes triées ou ajoutées) : vérifiez-la de nouveau pour que les décisions correspondent à ce que vous voyez.",
    tooManyImports: "Rapport traite d’autres imports ; réessayez dans une minute.",
    errorsAsEmpty: "Envoyer ces cellules vides",
    problems: (problem: SheetProblem): string => {
      switch (problem.kind) {
        case "empty":
          return "Cette feuille est vide : extrayez un segment ou collez une liste avec une ligne d’en-têtes.";
        case "headerOnly":
          return "Cette feuille a des en-têtes mais aucune ligne en dessous.";
        case "noHeaders":
          return "La première ligne est vide : elle doit nommer les colonnes (Prénom, E-mail…).";
        case "tooManyColumns":
          return `Cette feuille utilise ${n(problem.count, "fr")} colonnes ; Rapport en lit au plus 1 000. Supprimez les colonnes vides à droite.`;
        case "tooManyRows":
          return `Cette feuille a ${n(problem.count, "fr")} lignes ; un envoi en prend au plus 1 000 000.`;
        case "merged":
          return `Cellules fusionnées (${problem.areas.join(", ")}) : annulez la fusion pour que chaque valeur ait sa colonne.`;
        case "errors":
          return `${n(problem.count, "fr")} cellules contiennent une erreur comme #N/A (${problem.cells.join(", ")}) : corrigez-les, ou envoyez-les vides.`;
        case "longCells":
          return `${n(problem.count, "fr")} cellules dépassent 200 caractères (${problem.cells.join(", ")}) : noms, fonctions et adresses gardent les 200 premiers.`;
        case "accounts":
          return "Cette table liste des sociétés : un envoi apporte des contacts dans Rapport. Extrayez un segment de contacts pour le renvoyer.";
      }
    },
    scope: "Affaires",
    scopes: { mine: "Les miennes", team: "Celles de mon équipe", all: "Toutes celles que je peux voir" } as Record<
      string,
      string
    >,
    closeFrom: "Clôture prévue du",
    closeTo: "au",
    currency: "Devise",
    includeClosed: "Inclure les affaires gagnées et perdues",
    buildPipeline: "Construire la feuille pipeline",
    refreshPipeline: "Actualiser la feuille pipeline",
    built: (deals: number, sheet: string) =>
      `${n(deals, "fr")} affaires dans la feuille « ${sheet} », avec synthèses par étape, responsable et mois, et un graphique.`,
    unsent: (count: number) =>
      `${n(count, "fr")} affaires modifiées dans la feuille ne sont pas encore envoyées : envoyez-les, ou actualisez quand même pour abandonner ces modifications.`,
    refreshAnyway: "Actualiser quand même",
    checkEdits: "Envoyer mes modifications",
    noEdits:
      "Aucune étape, aucun montant, aucune probabilité ni date de clôture n’a changé depuis la dernière actualisation.",
    edits: (count: number) => `${of(count, "fr", "affaire modifiée", "affaires modifiées")}`,
    sendEdits: (count: number) => `Envoyer ${of(count, "fr", "modification", "modifications")}`,
    sent: (count: number) => `${of(count, "fr", "affaire mise", "affaires mises")} à jour dans Rapport.`,
    dealFields: {
      stage: "étape",
      amount: "montant",
      probability: "probabilité",
      expectedCloseDate: "date de clôture",
    } as Record<string, string>,
    editProblem: (row: number, name: string, field: string, value: string) =>
      `Ligne ${row} (${name}) : « ${value} » n’est pas une ${field} valide ; non envoyée.`,
    dealConflicts: (count: number) =>
      `${of(count, "fr", "affaire a été modifiée", "affaires ont été modifiées")} dans Rapport depuis l’actualisation de la feuille`,
    failed: (name: string, message: string) => `${name} : ${message}`,
    campaignsIntro: "Une ligne par action marketing codée, avec ses cibles, réponses, conversions, coûts et uplift.",
    from: "Lancées du",
    to: "au",
    buildCampaigns: "Construire la feuille des campagnes",
    campaignsBuilt: (count: number, sheet: string) => `${n(count, "fr")} actions dans la feuille « ${sheet} ».`,
  },
});

export type PaneText = ReturnType<typeof paneText>;
