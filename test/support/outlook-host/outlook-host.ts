/**
 * A simulated Outlook host for the built pane in Chromium: the subset of Office.js the pane and
 * its on-send handler use, answered the way Outlook answers (callbacks called later, never in the
 * same tick; custom properties kept only once saved; requirement sets by version). The test serves
 * this script in place of Microsoft's CDN office.js and drives it through `window.__outlook`.
 */
import type { AppointmentSpec, HostSetup, ItemSpec, MessageSpec, PersonSpec } from "./item-spec.ts";
import { installNaaBridge, type NaaRequest } from "./naa-bridge.ts";

type AsyncResult<T> = {
  status: "succeeded" | "failed";
  value: T;
  error?: { code: number; message: string; name: string };
};
type Callback<T> = (result: AsyncResult<T>) => void;
type Handler = (arg?: unknown) => void;

export type OutlookControl = {
  /** Shows another item, as when the user clicks another mail with the pane pinned (ItemChanged). */
  open(spec: ItemSpec | null): void;
  /** Selects several mails at once (SelectedItemsChanged, Mailbox 1.13). */
  select(specs: MessageSpec[]): void;
  /** The custom properties saved on an item, name to JSON string. */
  customProperties(itemId: string): Record<string, string>;
  roamingSettings(): Record<string, unknown>;
  /** Presses Send: runs the OnMessageSend handler and resolves with what it answered. */
  send(): Promise<{ allowEvent?: boolean } | undefined>;
  /** Calls to Office APIs so far, by name, for tests that count them. */
  calls: Record<string, number>;
  /** Token requests the pane made to Outlook's Microsoft sign-in broker (setup.naa), in order. */
  naaRequests: NaaRequest[];
};

declare global {
  interface Window {
    __outlookSetup?: HostSetup;
    __outlook?: OutlookControl;
  }
}

const setup = window.__outlookSetup;
if (!setup) throw new Error("The simulated Outlook host needs window.__outlookSetup before it loads");

const EventType = { ItemChanged: "olkItemSelectedChanged", SelectedItemsChanged: "olkSelectedItemsChanged" } as const;
const calls: Record<string, number> = {};
const count = (name: string) => {
  calls[name] = (calls[name] ?? 0) + 1;
};

/** Outlook calls back later, never synchronously. */
function reply<T>(args: unknown[], value: T): void {
  const callback = args.find((a): a is Callback<T> => typeof a === "function");
  setTimeout(() => callback?.({ status: "succeeded", value }), 0);
}

function supports(set: string, version: string): boolean {
  // Outlook that brokers Microsoft sign-in implements NestedAppAuth 1.1.
  if (set.toLowerCase() === "nestedappauth") return Boolean((setup as HostSetup).naa) && Number(version) <= 1.1;
  if (set.toLowerCase() !== "mailbox") return false;
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const [hasMajor = 0, hasMinor = 0] = (setup as HostSetup).mailboxVersion.split(".").map(Number);
  return major < hasMajor || (major === hasMajor && minor <= hasMinor);
}

function details(p: PersonSpec | null) {
  return p
    ? { displayName: p.displayName, emailAddress: p.emailAddress, recipientType: "other", appointmentResponse: "none" }
    : null;
}

function htmlToText(html: string): string {
  return new DOMParser().parseFromString(html, "text/html").body.textContent ?? "";
}

// -- what Exchange keeps per item: custom properties, once saved -------------------------------------
const savedProperties = new Map<string, Record<string, string>>();
function customPropertiesOf(spec: ItemSpec) {
  if (!savedProperties.has(spec.itemId)) savedProperties.set(spec.itemId, { ...spec.customProperties });
  const loaded = { ...(savedProperties.get(spec.itemId) as Record<string, string>) };
  return {
    get: (name: string) => loaded[name],
    set: (name: string, value: string) => {
      loaded[name] = value;
    },
    remove: (name: string) => {
      delete loaded[name];
    },
    getAll: () => ({ ...loaded }),
    saveAsync: (...args: unknown[]) => {
      count("customProperties.saveAsync");
      savedProperties.set(spec.itemId, { ...loaded });
      reply(args, undefined);
    },
  };
}

function body(spec: ItemSpec) {
  return {
    getAsync: (coercion: string, ...args: unknown[]) => {
      count("body.getAsync");
      reply(args, coercion === "html" ? spec.bodyHtml : htmlToText(spec.bodyHtml));
    },
  };
}

const field = <T>(name: string, value: () => T) => ({
  getAsync: (...args: unknown[]) => {
    count(`${name}.getAsync`);
    reply(args, value());
  },
});

function itemOf(spec: ItemSpec | null) {
  if (!spec) return null;
  const common = {
    itemType: spec.itemType,
    body: body(spec),
    loadCustomPropertiesAsync: (...args: unknown[]) => {
      count("loadCustomPropertiesAsync");
      reply(args, customPropertiesOf(spec));
    },
  };
  if (spec.itemType === "message")
    return spec.mode === "read" ? messageRead(spec, common) : messageCompose(spec, common);
  return spec.mode === "read" ? appointmentRead(spec, common) : appointmentCompose(spec, common);
}

function messageRead(spec: MessageSpec, common: object) {
  return {
    ...common,
    itemId: spec.itemId,
    internetMessageId: spec.internetMessageId,
    conversationId: spec.conversationId,
    subject: spec.subject,
    normalizedSubject: spec.subject,
    from: details(spec.from),
    sender: details(spec.from),
    to: spec.to.map(details),
    cc: spec.cc.map(details),
    dateTimeCreated: new Date(spec.dateTimeCreated),
    dateTimeModified: new Date(spec.dateTimeCreated),
  };
}

function messageCompose(spec: MessageSpec, common: object) {
  return {
    ...common,
    conversationId: spec.conversationId || null,
    subject: field("subject", () => spec.subject),
    to: field("to", () => spec.to.map(details)),
    cc: field("cc", () => spec.cc.map(details)),
    bcc: field("bcc", () => spec.bcc.map(details)),
    from: field("from", () => details(spec.from)),
  };
}

function appointmentRead(spec: AppointmentSpec, common: object) {
  return {
    ...common,
    itemId: spec.itemId,
    subject: spec.subject,
    organizer: details(spec.organizer),
    requiredAttendees: spec.requiredAttendees.map(details),
    optionalAttendees: spec.optionalAttendees.map(details),
    start: new Date(spec.start),
    end: new Date(spec.end),
    location: spec.location,
    seriesId: spec.seriesId,
    recurrence: recurrenceOf(spec),
  };
}

function appointmentCompose(spec: AppointmentSpec, common: object) {
  return {
    ...common,
    subject: field("subject", () => spec.subject),
    organizer: field("organizer", () => details(spec.organizer)),
    requiredAttendees: field("requiredAttendees", () => spec.requiredAttendees.map(details)),
    optionalAttendees: field("optionalAttendees", () => spec.optionalAttendees.map(details)),
    start: field("start", () => new Date(spec.start)),
    end: field("end", () => new Date(spec.end)),
    location: field("location", () => spec.location),
    seriesId: spec.seriesId,
    recurrence: field("recurrence", () => recurrenceOf(spec)),
  };
}

function recurrenceOf(spec: AppointmentSpec) {
  const pattern = spec.recurrence;
  if (!pattern) return null;
  return {
    recurrenceType: "weekly",
    seriesTime: { getStartTime: () => pattern.startTime, getDuration: () => pattern.durationMinutes },
  };
}

// -- the mailbox ---------------------------------------------------------------------------------------
const handlers = new Map<string, Handler[]>();
const roaming: Record<string, unknown> = { ...setup.roamingSettings };
let selected: MessageSpec[] = [];
const actions = new Map<string, Handler>();

const mailbox = {
  item: itemOf(setup.item) as unknown,
  userProfile: {
    displayName: setup.user.displayName,
    emailAddress: setup.user.emailAddress,
    accountType: "enterprise",
  },
  addHandlerAsync: (eventType: string, handler: Handler, ...args: unknown[]) => {
    count(`addHandlerAsync:${eventType}`);
    handlers.set(eventType, [...(handlers.get(eventType) ?? []), handler]);
    reply(args, undefined);
  },
  removeHandlerAsync: (eventType: string, ...args: unknown[]) => {
    count(`removeHandlerAsync:${eventType}`);
    handlers.delete(eventType);
    reply(args, undefined);
  },
  getSelectedItemsAsync: (...args: unknown[]) => {
    count("getSelectedItemsAsync");
    reply(
      args,
      selected.map((s) => ({
        itemId: s.itemId,
        itemType: "message",
        itemMode: "read",
        subject: s.subject,
        internetMessageId: s.internetMessageId,
        conversationId: s.conversationId,
        hasAttachment: false,
      })),
    );
  },
  loadItemByIdAsync: (itemId: string, ...args: unknown[]) => {
    count("loadItemByIdAsync");
    const spec = selected.find((s) => s.itemId === itemId);
    const callback = args.find((a): a is Callback<unknown> => typeof a === "function");
    if (!spec) {
      const error = { code: 9030, name: "ItemNotFound", message: "The item is not selected." };
      setTimeout(() => callback?.({ status: "failed", value: undefined, error }), 0);
      return;
    }
    reply(args, {
      ...messageRead(spec, { itemType: "message", body: body(spec) }),
      unloadAsync: (...a: unknown[]) => reply(a, undefined),
    });
  },
};

const mailboxVersion = setup.mailboxVersion;
const OfficeSimulated = {
  HostType: { Outlook: "Outlook" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  CoercionType: { Text: "text", Html: "html" },
  EventType,
  MailboxEnums: { ItemType: { Message: "message", Appointment: "appointment" } },
  onReady: (callback?: (info: unknown) => void) => {
    const info = { host: "Outlook", platform: "OfficeOnline" };
    callback?.(info);
    return Promise.resolve(info);
  },
  actions: {
    associate: (name: string, handler: Handler) => {
      actions.set(name, handler);
    },
  },
  context: {
    displayLanguage: setup.displayLanguage,
    officeTheme: { bodyBackgroundColor: setup.bodyBackgroundColor },
    requirements: { isSetSupported: (set: string, version = "1.1") => supports(set, version) },
    roamingSettings: {
      get: (name: string) => roaming[name],
      set: (name: string, value: unknown) => {
        roaming[name] = value;
      },
      remove: (name: string) => {
        delete roaming[name];
      },
      saveAsync: (...args: unknown[]) => {
        count("roamingSettings.saveAsync");
        reply(args, undefined);
      },
    },
    mailbox,
  },
};
Object.assign(window, { Office: OfficeSimulated });
const naaRequests: NaaRequest[] = [];
if (setup.naa) installNaaBridge(setup.naa, naaRequests);

const fire = (eventType: string) => {
  for (const handler of handlers.get(eventType) ?? []) setTimeout(() => handler({ type: eventType }), 0);
};

window.__outlook = {
  calls,
  naaRequests,
  open(spec) {
    mailbox.item = itemOf(spec);
    fire(EventType.ItemChanged);
  },
  select(specs) {
    if (!supports("Mailbox", "1.13")) throw new Error(`Mailbox ${mailboxVersion} has no multi-select`);
    selected = specs;
    fire(EventType.SelectedItemsChanged);
  },
  customProperties: (itemId) => ({ ...(savedProperties.get(itemId) ?? {}) }),
  roamingSettings: () => ({ ...roaming }),
  send() {
    const handler = actions.get("onMessageSendHandler");
    if (!handler) return Promise.reject(new Error("No OnMessageSend handler is registered"));
    return new Promise((resolve) => handler({ completed: (options?: { allowEvent?: boolean }) => resolve(options) }));
  },
};
