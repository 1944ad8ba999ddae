import { catalogue, STAGE_LABELS } from "@rapport/addin-kit";
import type { Account, Activity, Case, Opportunity } from "@rapport/shared/schemas";
import type { GraphFailure } from "../graph/graph-error.ts";
import type { FailureReason } from "../outbox/failure.ts";

type Reason = FailureReason;
type Stage = Opportunity["stage"];
type ActivityType = Activity["type"];
type CaseStatus = Case["status"];
type AccountStatus = Account["status"];

/** Every word the Outlook pane shows, in English and French. */
export const paneText = catalogue({
  en: {
    signedInAs: (name: string) => `Signed in as ${name}`,
    signOut: "Sign out",
    outsideOffice: "This page is Rapport's Outlook add-in: open it from Outlook.",
    noItem: "Select a mail or a meeting to see who is on it.",
    loadFailed: "Outlook could not give Rapport this item.",
    people: "People",
    conversation: "Conversation",
    conversationLogged: (count: number) =>
      count === 1
        ? "1 earlier mail of this conversation is in Rapport"
        : `${count} earlier mails of this conversation are in Rapport`,
    conversationHint: "Select the conversation's other mails in Outlook to log them together.",
    restNeedsMicrosoft: "Listing the conversation's other mails needs Microsoft sign-in.",
    restListing: "Looking for the conversation's other mails…",
    restConsent: "Rapport needs your permission to read this conversation's other mails in your mailbox.",
    restAllow: "Allow",
    restUnlisted: (reason: GraphFailure) => UNLISTED_EN[reason],
    restNotLogged: (count: number) =>
      count === 1
        ? "1 other mail of this conversation is not in Rapport"
        : `${count} other mails of this conversation are not in Rapport`,
    restMore: (count: number) => `and ${count} more`,
    restTo: (records: string) => `They go to ${records}.`,
    logRest: (count: number) =>
      count === 1 ? "Log the other mail of this conversation" : `Log the ${count} other mails of this conversation`,
    restAllLogged: "Every other mail of this conversation is in Rapport.",
    restPartial: (count: number) => `Only the first ${count} mails of this long conversation were looked at.`,
    restRefused: (count: number) => `${count} refused by Rapport: see "Waiting to be logged".`,
    loggedBanner: (date: string, by: string) => `Logged on ${date} by ${by}`,
    loggedTo: (records: string) => `to ${records}`,
    noRecords: "no record",
    aColleague: "a colleague",
    changeLinks: "Change links",
    saveLinks: "Save links",
    cancel: "Cancel",
    unlog: "Unlog",
    logEmail: "Log email",
    logMeeting: "Log meeting",
    logging: "Logging…",
    logTo: "Log to",
    logAnyway: "Log anyway",
    queued: "Rapport cannot be reached: the log is kept and will be sent when it is back.",
    noMessageId:
      "Outlook has not given this mail its Internet message ID yet (it may still be sending). Open it again in a moment to log it.",
    recordsPlaceholder: "Search contacts and accounts",
    searchLabel: "Add a record",
    searchEmpty: "Nothing found",
    searching: "Searching…",
    deal: "Deal",
    noDeal: "No deal",
    caseLabel: "Case",
    noCase: "No case",
    remove: (name: string) => `Remove ${name}`,
    kindAccount: "Account",
    kindContact: "Contact",
    kindOpportunity: "Deal",
    kindCase: "Case",
    roleFrom: "From",
    roleTo: "To",
    roleCc: "Cc",
    roleBcc: "Bcc",
    roleOrganizer: "Organizer",
    roleAttendee: "Attendee",
    notInRapport: "Not in Rapport",
    colleague: "Colleague",
    blockedPerson: "Not matched: your organisation's privacy policy blocks this address.",
    invalidAddress: "Not a valid address.",
    noAddress: "No Internet address: not looked up.",
    notLookedUp: (count: number) => `${count} more people are not looked up (Rapport looks up 100 at a time).`,
    whyMatched: "Why",
    reasonSameEmail: "same email address",
    reasonSameDomain: (domain: string) => `same domain ${domain}`,
    reasonContactAccount: (account: string) => `works at ${account}`,
    openDeals: "Open deals",
    openCases: "Open cases",
    lastActivities: "Last activities",
    createContact: "Create contact",
    creating: "Creating…",
    firstName: "First name",
    lastName: "Last name",
    accountExisting: (name: string) => `Account: ${name}`,
    accountCreate: "Create the account",
    accountName: "Account name",
    accountNoneLabel: "No account: personal mail addresses never make one.",
    accountOwnDomain: "No account: this is your organisation's domain.",
    neverLogSender: "Never log this sender",
    logSenderAgain: "Log this sender again",
    holdBlockedDomain: (domain: string) => `Your organisation does not log mail with ${domain}.`,
    holdBlockedAddress: (address: string) => `Your organisation does not log mail with ${address}.`,
    holdInternal: "Mail between colleagues is not logged.",
    holdNeverLog: (address: string) => `You chose never to log mail from ${address}.`,
    composeTitle: "Log this mail",
    logWhenSent: "Log when sent",
    logWhenSentOnSend: "It is logged as it is sent, to the records below.",
    logWhenSentLater: "It is logged the next time you open it in Sent Items.",
    composeUnsupported: "On this device Rapport looks up and logs mails you read. Open the mail once sent to log it.",
    composeSaveFailed: "Outlook could not keep this choice on the draft.",
    refreshPeople: "Refresh people",
    meetingWhen: (start: string, end: string) => `${start} – ${end}`,
    occurrence: "Which occurrence",
    occurrenceHelp: "This is a recurring series: choose the day of the meeting to log.",
    selectedMails: (count: number) => `${count} mails selected`,
    logSelected: (count: number) => `Log ${count} mails`,
    selectionNeedsRecord: "Choose at least one record to log these mails to.",
    selectionUnsupported:
      "This version of Outlook cannot read selected mails without opening them: open each one to log it.",
    selectionDone: (logged: number, waiting: number) =>
      waiting ? `${logged} logged, ${waiting} waiting to be sent.` : `${logged} logged.`,
    selectionSkipped: (count: number) => `${count} without an Internet message ID were left out.`,
    holdSelection: (count: number) => `${count} held back by the privacy policy: open them to log them anyway.`,
    outbox: "Waiting to be logged",
    outboxPending: "Will be sent again",
    outboxFailed: "Not logged",
    nextTry: (time: string) => `next try at ${time}`,
    retry: "Retry",
    drop: "Drop",
    notDurable: "This browser cannot keep logs: stay online until they are sent.",
    reason: (reason: Reason) => REASONS_EN[reason],
    untitled: "(no subject)",
    stage: (stage: Stage) => STAGE_LABELS.en[stage],
    activityType: (type: ActivityType) => TYPES_EN[type],
    caseStatus: (status: CaseStatus) => CASE_STATUS_EN[status],
    accountStatus: (status: AccountStatus) =>
      ({ prospect: "Prospect", customer: "Customer", former: "Former customer" })[status],
  },
  fr: {
    signedInAs: (name: string) => `Connecté en tant que ${name}`,
    signOut: "Se déconnecter",
    outsideOffice: "Cette page est le complément Outlook de Rapport : ouvrez-la depuis Outlook.",
    noItem: "Sélectionnez un e-mail ou une réunion pour voir qui y figure.",
    loadFailed: "Outlook n’a pas pu transmettre cet élément à Rapport.",
    people: "Personnes",
    conversation: "Conversation",
    conversationLogged: (count: number) =>
      count === 1
        ? "1 e-mail précédent de cette conversation est dans Rapport"
        : `${count} e-mails précédents de cette conversation sont dans Rapport`,
    conversationHint: "Sélectionnez les autres e-mails de la conversation dans Outlook pour les enregistrer ensemble.",
    restNeedsMicrosoft: "Lister les autres e-mails de la conversation nécessite la connexion Microsoft.",
    restListing: "Recherche des autres e-mails de la conversation…",
    restConsent:
      "Rapport a besoin de votre autorisation pour lire les autres e-mails de cette conversation dans votre boîte aux lettres.",
    restAllow: "Autoriser",
    restUnlisted: (reason: GraphFailure) => UNLISTED_FR[reason],
    restNotLogged: (count: number) =>
      count === 1
        ? "1 autre e-mail de cette conversation n’est pas dans Rapport"
        : `${count} autres e-mails de cette conversation ne sont pas dans Rapport`,
    restMore: (count: number) => `et ${count} de plus`,
    restTo: (records: string) => `Ils seront enregistrés sur ${records}.`,
    logRest: (count: number) =>
      count === 1
        ? "Enregistrer l’autre e-mail de cette conversation"
        : `Enregistrer les ${count} autres e-mails de cette conversation`,
    restAllLogged: "Tous les autres e-mails de cette conversation sont dans Rapport.",
    restPartial: (count: number) =>
      `Seuls les ${count} premiers e-mails de cette longue conversation ont été examinés.`,
    restRefused: (count: number) => `${count} refusés par Rapport : voir « En attente d’enregistrement ».`,
    loggedBanner: (date: string, by: string) => `Enregistré le ${date} par ${by}`,
    loggedTo: (records: string) => `sur ${records}`,
    noRecords: "aucune fiche",
    aColleague: "un collègue",
    changeLinks: "Modifier les liens",
    saveLinks: "Enregistrer les liens",
    cancel: "Annuler",
    unlog: "Retirer de Rapport",
    logEmail: "Enregistrer l’e-mail",
    logMeeting: "Enregistrer la réunion",
    logging: "Enregistrement…",
    logTo: "Enregistrer sur",
    logAnyway: "Enregistrer quand même",
    queued: "Rapport est injoignable : l’enregistrement est conservé et sera envoyé à son retour.",
    noMessageId:
      "Outlook n’a pas encore donné son identifiant Internet à cet e-mail (il est peut-être en cours d’envoi). Rouvrez-le dans un instant pour l’enregistrer.",
    recordsPlaceholder: "Chercher un contact ou un compte",
    searchLabel: "Ajouter une fiche",
    searchEmpty: "Aucun résultat",
    searching: "Recherche…",
    deal: "Affaire",
    noDeal: "Aucune affaire",
    caseLabel: "Demande SAV",
    noCase: "Aucune demande",
    remove: (name: string) => `Retirer ${name}`,
    kindAccount: "Compte",
    kindContact: "Contact",
    kindOpportunity: "Affaire",
    kindCase: "Demande",
    roleFrom: "De",
    roleTo: "À",
    roleCc: "Cc",
    roleBcc: "Cci",
    roleOrganizer: "Organisateur",
    roleAttendee: "Participant",
    notInRapport: "Absent de Rapport",
    colleague: "Collègue",
    blockedPerson: "Non rapproché : la politique de confidentialité de votre organisation bloque cette adresse.",
    invalidAddress: "Adresse non valide.",
    noAddress: "Pas d’adresse Internet : non recherché.",
    notLookedUp: (count: number) =>
      `${count} autres personnes ne sont pas recherchées (Rapport en recherche 100 à la fois).`,
    whyMatched: "Pourquoi",
    reasonSameEmail: "même adresse e-mail",
    reasonSameDomain: (domain: string) => `même domaine ${domain}`,
    reasonContactAccount: (account: string) => `travaille chez ${account}`,
    openDeals: "Affaires en cours",
    openCases: "Demandes ouvertes",
    lastActivities: "Dernières activités",
    createContact: "Créer le contact",
    creating: "Création…",
    firstName: "Prénom",
    lastName: "Nom",
    accountExisting: (name: string) => `Compte : ${name}`,
    accountCreate: "Créer le compte",
    accountName: "Nom du compte",
    accountNoneLabel: "Pas de compte : une adresse personnelle n’en crée jamais.",
    accountOwnDomain: "Pas de compte : c’est le domaine de votre organisation.",
    neverLogSender: "Ne jamais enregistrer cet expéditeur",
    logSenderAgain: "Enregistrer de nouveau cet expéditeur",
    holdBlockedDomain: (domain: string) => `Votre organisation n’enregistre pas les e-mails avec ${domain}.`,
    holdBlockedAddress: (address: string) => `Votre organisation n’enregistre pas les e-mails avec ${address}.`,
    holdInternal: "Les e-mails entre collègues ne sont pas enregistrés.",
    holdNeverLog: (address: string) => `Vous avez choisi de ne jamais enregistrer les e-mails de ${address}.`,
    composeTitle: "Enregistrer cet e-mail",
    logWhenSent: "Enregistrer à l’envoi",
    logWhenSentOnSend: "Il est enregistré au moment de l’envoi, sur les fiches ci-dessous.",
    logWhenSentLater: "Il est enregistré la prochaine fois que vous l’ouvrez dans Éléments envoyés.",
    composeUnsupported:
      "Sur cet appareil, Rapport recherche et enregistre les e-mails que vous lisez. Ouvrez l’e-mail une fois envoyé pour l’enregistrer.",
    composeSaveFailed: "Outlook n’a pas pu conserver ce choix sur le brouillon.",
    refreshPeople: "Actualiser les personnes",
    meetingWhen: (start: string, end: string) => `${start} – ${end}`,
    occurrence: "Quelle occurrence",
    occurrenceHelp: "C’est une série périodique : choisissez le jour de la réunion à enregistrer.",
    selectedMails: (count: number) => `${count} e-mails sélectionnés`,
    logSelected: (count: number) => `Enregistrer ${count} e-mails`,
    selectionNeedsRecord: "Choisissez au moins une fiche sur laquelle enregistrer ces e-mails.",
    selectionUnsupported:
      "Cette version d’Outlook ne lit pas les e-mails sélectionnés sans les ouvrir : ouvrez-les un par un pour les enregistrer.",
    selectionDone: (logged: number, waiting: number) =>
      waiting ? `${logged} enregistrés, ${waiting} en attente d’envoi.` : `${logged} enregistrés.`,
    selectionSkipped: (count: number) => `${count} sans identifiant Internet ont été laissés de côté.`,
    holdSelection: (count: number) =>
      `${count} retenus par la politique de confidentialité : ouvrez-les pour les enregistrer quand même.`,
    outbox: "En attente d’enregistrement",
    outboxPending: "Sera renvoyé",
    outboxFailed: "Non enregistré",
    nextTry: (time: string) => `prochain essai à ${time}`,
    retry: "Réessayer",
    drop: "Abandonner",
    notDurable: "Ce navigateur ne peut pas conserver les enregistrements : restez en ligne jusqu’à leur envoi.",
    reason: (reason: Reason) => REASONS_FR[reason],
    untitled: "(sans objet)",
    stage: (stage: Stage) => STAGE_LABELS.fr[stage],
    activityType: (type: ActivityType) => TYPES_FR[type],
    caseStatus: (status: CaseStatus) => CASE_STATUS_FR[status],
    accountStatus: (status: AccountStatus) =>
      ({ prospect: "Prospect", customer: "Client", former: "Ancien client" })[status],
  },
});

export type PaneText = ReturnType<typeof paneText>;

const UNLISTED_EN: Record<GraphFailure, string> = {
  offline: "Microsoft 365 cannot be reached: the conversation's other mails are not listed.",
  refused: "Microsoft 365 did not let Rapport read your mailbox: ask your administrator to allow it.",
  throttled: "Microsoft 365 is busy: try again in a moment to list the conversation's other mails.",
  failed: "Microsoft 365 could not list the conversation's other mails.",
};

const UNLISTED_FR: Record<GraphFailure, string> = {
  offline: "Microsoft 365 est injoignable : les autres e-mails de la conversation ne sont pas listés.",
  refused:
    "Microsoft 365 n’a pas autorisé Rapport à lire votre boîte aux lettres : demandez à votre administrateur de l’autoriser.",
  throttled: "Microsoft 365 est occupé : réessayez dans un instant pour lister les autres e-mails de la conversation.",
  failed: "Microsoft 365 n’a pas pu lister les autres e-mails de la conversation.",
};

const REASONS_EN: Record<Reason, string> = {
  offline: "Rapport cannot be reached.",
  timeout: "Rapport did not answer in time.",
  server_error: "Rapport had a problem with this request.",
  busy: "Rapport is busy; it asked to wait.",
  signed_out: "You are signed out of Rapport: sign in again, then retry.",
  privacy: "Held back by the privacy policy.",
  refused: "Rapport refused this log.",
  invalid: "This log could not be read back.",
};

const REASONS_FR: Record<Reason, string> = {
  offline: "Rapport est injoignable.",
  timeout: "Rapport n’a pas répondu à temps.",
  server_error: "Rapport a rencontré un problème avec cette requête.",
  busy: "Rapport est occupé et demande d’attendre.",
  signed_out: "Vous êtes déconnecté de Rapport : reconnectez-vous, puis réessayez.",
  privacy: "Retenu par la politique de confidentialité.",
  refused: "Rapport a refusé cet enregistrement.",
  invalid: "Cet enregistrement n’a pas pu être relu.",
};

const TYPES_EN: Record<ActivityType, string> = {
  email: "Email",
  meeting: "Meeting",
  call: "Call",
  note: "Note",
  task: "Task",
  letter: "Letter",
  sms: "Text message",
};
const TYPES_FR: Record<ActivityType, string> = {
  email: "E-mail",
  meeting: "Réunion",
  call: "Appel",
  note: "Note",
  task: "Tâche",
  letter: "Courrier",
  sms: "SMS",
};
const CASE_STATUS_EN: Record<CaseStatus, string> = {
  open: "Open",
  pending: "Pending",
  resolved: "Resolved",
  closed: "Closed",
};
const CASE_STATUS_FR: Record<CaseStatus, string> = {
  open: "Ouverte",
  pending: "En attente",
  resolved: "Résolue",
  closed: "Fermée",
};
