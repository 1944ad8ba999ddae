import { catalogue } from "./i18n.ts";

/** The words of the parts both panes share: sign-in and error messages. */
export const kitText = catalogue({
  en: {
    signInTitle: "Sign in to Rapport",
    signInHelp: "Paste the API token your administrator gave you. It is kept on this device only.",
    tokenLabel: "API token",
    signIn: "Sign in",
    signOut: "Sign out",
    signInMicrosoft: "Sign in with Microsoft",
    tokenRejected: "This token was not accepted. Check it with your administrator.",
    microsoftFailed: (reason: string) => `Signing in with Microsoft did not work: ${reason}`,
    offline: "Rapport cannot be reached. Check your connection and try again.",
    retry: "Try again",
    outsideOffice: "This page is an Office add-in: open it from Outlook or Excel.",
  },
  fr: {
    signInTitle: "Connexion à Rapport",
    signInHelp: "Collez le jeton d’API fourni par votre administrateur. Il reste sur cet appareil.",
    tokenLabel: "Jeton d’API",
    signIn: "Se connecter",
    signOut: "Se déconnecter",
    signInMicrosoft: "Se connecter avec Microsoft",
    tokenRejected: "Ce jeton n’a pas été accepté. Vérifiez-le auprès de votre administrateur.",
    microsoftFailed: (reason: string) => `La connexion avec Microsoft n’a pas abouti : ${reason}`,
    offline: "Rapport est injoignable. Vérifiez votre connexion puis réessayez.",
    retry: "Réessayer",
    outsideOffice: "Cette page est un complément Office : ouvrez-la depuis Outlook ou Excel.",
  },
});
