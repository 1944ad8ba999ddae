import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { OfficeMockObject } from "office-addin-mock";

/** What an Outlook callback API answers: a value, or Office's error. */
export type Outcome<T> = { value: T } | { error: { code: number; message: string } };

/**
 * A callback API (`*Async`) as Outlook runs it: the callback comes on a later tick, with
 * `status: "succeeded"` and the value, or `"failed"` and an error. `seen` records each call's
 * arguments (callbacks left out) for the test to check.
 */
export function asyncApi<T>(outcome: Outcome<T> | (() => Outcome<T>), seen: unknown[][] = []) {
  return (...args: unknown[]) => {
    seen.push(args.filter((a) => typeof a !== "function"));
    const callback = args.findLast((a): a is (result: unknown) => void => typeof a === "function");
    const answer = typeof outcome === "function" ? outcome() : outcome;
    setTimeout(() => {
      if ("value" in answer) callback?.({ status: "succeeded", value: answer.value });
      else callback?.({ status: "failed", value: undefined, error: { ...answer.error, name: "Error" } });
    }, 0);
  };
}

/**
 * Installs office-addin-mock's Office object for Outlook, with the enums the pane reads, around
 * the given `context` (mailbox, roaming settings, requirements).
 */
export function installOutlook(context: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const office = new OfficeMockObject({
    host: "outlook",
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Html: "html" },
    EventType: { ItemChanged: "olkItemSelectedChanged", SelectedItemsChanged: "olkSelectedItemsChanged" },
    MailboxEnums: { ItemType: { Message: "message", Appointment: "appointment" } },
    context,
    ...extra,
  });
  Object.assign(globalThis, { Office: office });
  return office;
}

/** Requirement sets up to a Mailbox version, as isSetSupported answers them. */
export function mailboxUpTo(version: string) {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return {
    isSetSupported: (set: string, asked: string) => {
      const [m = 0, n = 0] = asked.split(".").map(Number);
      return set === "Mailbox" && (m < major || (m === major && n <= minor));
    },
  };
}

/** A recorded Microsoft Graph answer from ../shared/data/graph/docs-examples. */
export function graphFixture<T>(name: string): T {
  const file = resolve(import.meta.dirname, "../../../../../shared/data/graph/docs-examples", name);
  return JSON.parse(readFileSync(file, "utf8")) as T;
}
