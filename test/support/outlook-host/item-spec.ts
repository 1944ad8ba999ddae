/** A person as Outlook's EmailAddressDetails carries them. */
export type PersonSpec = { displayName: string; emailAddress: string };

/** A mail as the simulated Outlook shows it: plain JSON, so a test can hand it to the browser. */
export type MessageSpec = {
  itemType: "message";
  mode: "read" | "compose";
  itemId: string;
  /** Empty on a draft and on a Sent Item Exchange has not finished with. */
  internetMessageId: string;
  conversationId: string;
  subject: string;
  from: PersonSpec | null;
  to: PersonSpec[];
  cc: PersonSpec[];
  bcc: PersonSpec[];
  dateTimeCreated: string;
  bodyHtml: string;
  /** Custom properties already on the item (as Exchange keeps them): name to JSON string. */
  customProperties: Record<string, string>;
};

export type AppointmentSpec = {
  itemType: "appointment";
  mode: "read" | "compose";
  itemId: string;
  subject: string;
  organizer: PersonSpec;
  requiredAttendees: PersonSpec[];
  optionalAttendees: PersonSpec[];
  start: string;
  end: string;
  location: string;
  /** Set on one occurrence of a series. */
  seriesId: string | null;
  /** Set on the series itself: its time of day and length. */
  recurrence: { startTime: string; durationMinutes: number } | null;
  bodyHtml: string;
  customProperties: Record<string, string>;
};

export type ItemSpec = MessageSpec | AppointmentSpec;

/** What the simulated host is started with, before the page's scripts run. */
export type HostSetup = {
  /** Mailbox requirement set the host implements: "1.5" for mobile, "1.13" multi-select, "1.15" loads selected items. */
  mailboxVersion: string;
  displayLanguage: string;
  /** Office's theme background: dark below mid-grey. */
  bodyBackgroundColor: string;
  user: PersonSpec;
  item: ItemSpec | null;
  /** Outlook's roaming settings as the mailbox holds them (the token, once signed in). */
  roamingSettings: Record<string, unknown>;
  /** Microsoft sign-in brokered by Outlook (nested app authentication); absent where Outlook brokers none. */
  naa?: NaaSetup;
};

/** The Microsoft account Outlook is signed in with, and what its broker hands the pane. */
export type NaaSetup = {
  account: { name: string; username: string; tenantId: string; objectId: string };
  /** The access token the host gives for each scope it grants, by scope ("Mail.Read", "api://…/access_as_user"). */
  tokens: Record<string, string>;
  /** Scopes the user has not consented to yet: granted only after a sign-in popup asked for them. */
  consentFirst?: string[];
};
