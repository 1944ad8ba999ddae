export { paneClient, type RapportClient } from "./api.ts";
export { apiTokenSignIn, type SignIn, SignInRequired } from "./auth/sign-in.ts";
export { localTokenStore, type TokenStore } from "./auth/token-store.ts";
export { isDarkTheme, type OfficeHostInfo, officeReady, supports } from "./office/office-ready.ts";
export { catalogue, type Language, languageOf, type Messages } from "./ui/i18n.ts";
export { PaneShell, type PaneShellProps } from "./ui/pane-shell.tsx";
export { ProblemBar, type ProblemBarProps } from "./ui/problem-bar.tsx";
export { SignInPanel, type SignInPanelProps } from "./ui/sign-in-panel.tsx";
