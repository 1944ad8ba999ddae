/**
 * The words of activities, deals, the catalogue and after-sales cases: subjects, bodies, deal
 * names, products and case subjects, in French and English.
 */
import type { ActivityType, CaseInput, Lang } from "./inputs.ts";

export const SUBJECTS: Record<ActivityType, Record<Lang, string[]>> = {
  email: {
    fr: [
      "Devis n°{n} – {product}",
      "Relance facture {ref}",
      "Proposition commerciale {year}",
      "RE: Rendez-vous de jeudi",
      "Demande de documentation",
      "Confirmation de commande {ref}",
      "Votre contrat de maintenance",
      "TR: Question sur la livraison",
    ],
    en: [
      "Quote #{n} for {product}",
      "Follow-up on our call",
      "RE: Meeting next Tuesday",
      "Invoice {ref} overdue",
      "Renewal of your support contract",
      "FW: Delivery schedule",
    ],
  },
  meeting: {
    fr: ["Rendez-vous découverte", "Démonstration {product}", "Point trimestriel", "Visite du site de {city}"],
    en: ["Kick-off meeting", "Quarterly business review", "{product} demo", "Site visit in {city}"],
  },
  call: {
    fr: ["Appel de suivi", "Appel entrant – question facture", "Appel de qualification", "Relance téléphonique devis"],
    en: ["Follow-up call about the proposal", "Cold call", "Inbound call: billing question"],
  },
  note: {
    fr: ["Compte rendu salon Batimat", "Budget validé en comité", "Changement d'interlocuteur aux achats"],
    en: ["Notes from the trade show", "Budget approved by the board", "New purchasing contact"],
  },
  task: {
    fr: [
      "Envoyer le devis révisé",
      "Relancer pour signature",
      "Préparer la démonstration",
      "Rappeler la semaine prochaine",
    ],
    en: ["Prepare renewal quote", "Call back next week", "Send the signed contract"],
  },
  letter: {
    fr: [
      "Courrier de résiliation",
      "Envoi du contrat signé",
      "Lettre de relance",
      "Conditions générales de vente {year}",
    ],
    en: ["Signed contract by post", "Termination letter", "Price list {year}"],
  },
  sms: {
    fr: ["Confirmation RDV demain {hour}h", "Rappel : livraison prévue le {day}", "Technicien en route"],
    en: ["Reminder: visit tomorrow at {hour}", "Your delivery is on its way"],
  },
};

export const BODIES: Record<Lang, string[]> = {
  fr: [
    "Bonjour,\n\nSuite à notre échange, vous trouverez ci-joint notre proposition. Je reste à votre disposition pour en discuter.\n\nBien cordialement,",
    "Bonjour {first},\n\nPouvez-vous me confirmer la date de livraison ? Nous aurions besoin du matériel avant la fin du mois.\n\nMerci d'avance,",
    "Échange cordial ; le client souhaite une remise de 5 % sur volume et un délai de paiement à 45 jours.",
  ],
  en: [
    "Hi {first},\n\nThanks for your time today. Please find attached our proposal; happy to walk you through it.\n\nBest regards,",
    "Hello,\n\nCould you confirm the delivery date? We need the equipment before the end of the month.\n\nThanks,",
    "Good call; they want a volume discount and 45-day payment terms.",
  ],
};

export const DEAL_NAMES: Record<Lang, string[]> = {
  fr: [
    "Renouvellement parc imprimantes",
    "Équipement nouveaux bureaux {city}",
    "Contrat de maintenance {year}",
    "Migration serveurs",
    "Postes de travail – {n} portables",
    "Téléphonie IP siège",
  ],
  en: ["Fleet upgrade – {n} laptops", "Managed print services {year}", "Office fit-out {city}", "Server refresh"],
};

type CatalogueItem = [code: string, name: string, listPrice: number, warrantyMonths: number, category: string];
export const CATALOGUE: CatalogueItem[] = [
  ["IMP-LX420", "Imprimante laser LX420", 349, 24, "impression"],
  ["IMP-MF900", "Multifonction couleur MF900", 1290, 36, "impression"],
  ["PC-PRO14", "Ordinateur portable Pro 14", 1149, 24, "informatique"],
  ["ECR-27Q", "Écran 27 pouces QHD", 289, 36, "informatique"],
  ["SRV-R2", "Serveur rack R2", 4890, 36, "informatique"],
  ["TEL-IP5", "Téléphone IP T5", 159, 24, "réseau"],
  ["ROUT-X200", "Routeur VPN X200", 420, 24, "réseau"],
  ["OND-1500", "Onduleur 1500 VA", 310, 24, "informatique"],
  ["MNT-STD", "Contrat de maintenance standard (1 an)", 480, 0, "service"],
  ["MNT-PRM", "Contrat de maintenance premium (1 an)", 960, 0, "service"],
  ["INST-J", "Journée d'installation sur site", 650, 0, "service"],
  ["FORM-J", "Formation utilisateurs (journée)", 890, 0, "formation"],
  ["CART-LX", "Cartouche toner LX420", 79, 0, "consommable"],
  ["DOCK-U3", "Station d'accueil USB-C", 189, 12, "informatique"],
];

export const CASE_SUBJECTS: Record<Lang, string[]> = {
  fr: [
    "Imprimante en panne – bourrage papier",
    "Écran avec pixels morts",
    "Retard de livraison commande {ref}",
    "Erreur sur la facture {ref}",
    "Demande d'intervention sous garantie",
    "Le portable ne démarre plus",
    "Toner non reconnu",
  ],
  en: [
    "Laptop does not boot",
    "Wrong item delivered",
    "Request for RMA",
    "Invoice {ref} discrepancy",
    "Toner not recognised",
  ],
};
export const CASE_STATUSES: readonly NonNullable<CaseInput["status"]>[] = ["open", "pending", "resolved", "closed"];
