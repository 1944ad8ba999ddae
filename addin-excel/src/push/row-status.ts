import type { ImportAction, ImportRowResult } from "@rapport/shared/schemas";
import { bilingual } from "../bilingual.ts";
import type { Language } from "../pane-types.ts";

/** One colour per decision, the same in the sheet's status column and the pane's summary. */
export const ACTION_COLOURS: Record<ImportAction, string> = {
  create: "#C6EFCE",
  update: "#BDD7EE",
  merge: "#D9D2E9",
  duplicate: "#FFEB9C",
  conflict: "#F8CBAD",
  invalid: "#FFC7CE",
  unchanged: "#EDEDED",
  skip: "#D9D9D9",
};

const FIELD_WORDS: Record<Language, Record<string, string>> = {
  en: {
    civility: "civility",
    firstName: "first name",
    lastName: "last name",
    emails: "emails",
    phones: "phones",
    jobTitle: "job title",
    birthDate: "birth date",
    address: "address",
    tags: "tags",
    source: "source",
  },
  fr: {
    civility: "civilité",
    firstName: "prénom",
    lastName: "nom",
    emails: "e-mails",
    phones: "téléphones",
    jobTitle: "fonction",
    birthDate: "date de naissance",
    address: "adresse",
    tags: "étiquettes",
    source: "source",
  },
};

export function fieldWord(field: string, language: Language): string {
  return FIELD_WORDS[language][field] ?? field;
}

export const statusWords = bilingual({
  en: {
    action: {
      create: "Create",
      update: "Update",
      merge: "Merge",
      duplicate: "Duplicate",
      conflict: "Conflict",
      invalid: "Invalid",
      unchanged: "Unchanged",
      skip: "Skip",
    } as Record<ImportAction, string>,
    create: "New contact",
    review: (reason: string) => `New contact; looks like an existing one (${reason}): check`,
    update: (fields: string) => `Update: ${fields}`,
    merge: (reason: string, fields: string) =>
      `Merge with an existing contact (${reason})${fields ? `: ${fields}` : ""}`,
    duplicate: (row: number) => `Duplicate of row ${row}`,
    conflict: (fields: string) => `Conflict: changed in Rapport since the pull (${fields}); choose in the pane`,
    invalid: (reasons: string) => `Invalid: ${reasons}`,
    unchanged: "Unchanged",
    skip: "Left out",
    created: "Created",
    updated: "Updated",
    merged: "Merged",
    mergedDuplicate: (row: number) => `Merged with row ${row}`,
    skipped: "Left out",
    takeServer: "Rapport's version kept",
    failed: "Failed",
    undone: "Undone",
    kept: "Kept: edited in Rapport since the push",
  },
  fr: {
    action: {
      create: "Création",
      update: "Mise à jour",
      merge: "Fusion",
      duplicate: "Doublon",
      conflict: "Conflit",
      invalid: "Invalide",
      unchanged: "Inchangé",
      skip: "Ignoré",
    } as Record<ImportAction, string>,
    create: "Nouveau contact",
    review: (reason: string) => `Nouveau contact ; ressemble à un contact existant (${reason}) : à vérifier`,
    update: (fields: string) => `Mise à jour : ${fields}`,
    merge: (reason: string, fields: string) =>
      `Fusion avec un contact existant (${reason})${fields ? ` : ${fields}` : ""}`,
    duplicate: (row: number) => `Doublon de la ligne ${row}`,
    conflict: (fields: string) =>
      `Conflit : modifié dans Rapport depuis l’extraction (${fields}) ; choisissez dans le volet`,
    invalid: (reasons: string) => `Invalide : ${reasons}`,
    unchanged: "Inchangé",
    skip: "Ignoré",
    created: "Créé",
    updated: "Mis à jour",
    merged: "Fusionné",
    mergedDuplicate: (row: number) => `Fusionné avec la ligne ${row}`,
    skipped: "Ignoré",
    takeServer: "Version de Rapport conservée",
    failed: "Échec",
    undone: "Annulé",
    kept: "Conservé : modifié dans Rapport depuis l’envoi",
  },
});

/** What the status column says about one row, and its colour. */
export function rowStatus(
  result: ImportRowResult,
  excelRowOf: (importRow: number) => number,
  language: Language,
): { text: string; fill: string } {
  const w = statusWords(language);
  const fields = result.changes.map((c) => fieldWord(c.field, language)).join(", ");
  const fill = ACTION_COLOURS[result.action];
  if (result.status === "applied") {
    if (result.action === "create") return { text: w.created, fill };
    if (result.action === "update" || result.action === "conflict") return { text: w.updated, fill };
    if (result.action === "merge") return { text: w.merged, fill };
    if (result.action === "duplicate" && result.duplicateOf) {
      return { text: w.mergedDuplicate(excelRowOf(result.duplicateOf)), fill };
    }
  }
  if (result.status === "failed") return { text: w.failed, fill: ACTION_COLOURS.invalid };
  if (result.status === "undone") return { text: w.undone, fill: ACTION_COLOURS.unchanged };
  if (result.status === "kept") return { text: w.kept, fill: ACTION_COLOURS.conflict };
  switch (result.action) {
    case "create":
      return { text: result.review ? w.review(result.reasons.join(", ")) : w.create, fill };
    case "update":
      return { text: w.update(fields), fill };
    case "merge":
      return { text: w.merge(result.reasons.join(", "), fields), fill };
    case "duplicate":
      return { text: result.duplicateOf ? w.duplicate(excelRowOf(result.duplicateOf)) : w.action.duplicate, fill };
    case "conflict":
      return { text: w.conflict(fields), fill };
    case "invalid":
      return { text: w.invalid(result.errors.join("; ")), fill };
    case "unchanged":
      return { text: w.unchanged, fill };
    case "skip":
      return { text: w.skip, fill };
  }
}
