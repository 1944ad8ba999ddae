import type { Language, RapportClient } from "@rapport/addin-kit";
import type { PrivacyPolicy, User } from "@rapport/shared/schemas";
import { createContext, useContext } from "react";
import type { MailGraph } from "../graph/mail-graph.ts";
import type { HostCapabilities } from "../office/host-capabilities.ts";
import type { OutlookUser } from "../office/outlook-user.ts";
import type { PaneText } from "./text.ts";
import type { Outbox } from "./use-outbox.ts";

/** What every part of a signed-in pane needs: the API, the words, the user, the policy, the host, the outbox. */
export type PaneServices = {
  client: RapportClient;
  language: Language;
  text: PaneText;
  me: User;
  mailbox: OutlookUser;
  policy: PrivacyPolicy | null;
  setPolicy: (policy: PrivacyPolicy) => void;
  capabilities: HostCapabilities;
  outbox: Outbox;
  /** The user's mailbox through Microsoft Graph; null without Microsoft sign-in. */
  graph: MailGraph | null;
};

export const PaneContext = createContext<PaneServices | null>(null);

export function usePane(): PaneServices {
  const services = useContext(PaneContext);
  if (!services) throw new Error("usePane outside a signed-in pane");
  return services;
}
