import { OfficeApp } from "office-addin-manifest";
import { OfficeMockObject } from "office-addin-mock";
import { afterEach, describe, expect, it } from "vitest";
import { dialogSignIn } from "./sign-in-dialog.ts";

const options = {
  clientId: "app",
  authority: "https://login.microsoftonline.com/contoso",
  scopes: ["api://rapport/x"],
};

type Handler = (event: { message?: string; error?: number }) => void;

/** Office's dialog API as office-addin-mock builds it: opens (or not), then plays one event back. */
function officeWithDialog(outcome: { open: boolean; message?: string; closedWith?: number }) {
  const opened: string[] = [];
  let closed = 0;
  const mock = new OfficeMockObject(
    {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
      context: {
        ui: {
          displayDialogAsync: (url: string, _options: object, callback: (result: object) => void) => {
            opened.push(url);
            if (!outcome.open) {
              callback({ status: "failed", error: { code: 12007, message: "A dialog is already open." } });
              return;
            }
            const handlers = new Map<string, Handler>();
            callback({
              status: "succeeded",
              value: {
                addEventHandler: (type: string, handler: Handler) => handlers.set(type, handler),
                close: () => {
                  closed++;
                },
              },
            });
            if (outcome.message !== undefined) handlers.get("dialogMessageReceived")?.({ message: outcome.message });
            if (outcome.closedWith !== undefined) handlers.get("dialogEventReceived")?.({ error: outcome.closedWith });
          },
        },
      },
      // Outlook's flavour of the mock: properties read directly, no load()/sync() as in Excel.
    },
    OfficeApp.Outlook,
  );
  Object.assign(globalThis, { Office: mock, location: { origin: "https://crm.example.com" } });
  return { opened, closedCount: () => closed };
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
  Reflect.deleteProperty(globalThis, "location");
});

describe("Office dialog sign-in", () => {
  it("opens the dialog page on this server with the sign-in settings, and takes the token it posts back", async () => {
    const message = JSON.stringify({ ok: true, accessToken: "eyJ.token", expiresAt: 1_900_000_000_000 });
    const office = officeWithDialog({ open: true, message });
    await expect(dialogSignIn(options)).resolves.toEqual({ accessToken: "eyJ.token", expiresAt: 1_900_000_000_000 });
    const url = new URL(office.opened[0] ?? "");
    expect(url.origin + url.pathname).toBe("https://crm.example.com/addins/kit/sign-in-dialog.html");
    expect(url.searchParams.get("scopes")).toBe("api://rapport/x");
    expect(office.closedCount()).toBe(1);
  });

  it("reports the dialog's own error, a cancel, an unreadable message, and a dialog that cannot open", async () => {
    officeWithDialog({ open: true, message: JSON.stringify({ ok: false, error: "AADSTS65001: consent required" }) });
    await expect(dialogSignIn(options)).rejects.toThrow("AADSTS65001");
    officeWithDialog({ open: true, closedWith: 12006 });
    await expect(dialogSignIn(options)).rejects.toThrow("Sign-in was cancelled.");
    officeWithDialog({ open: true, message: "<html>" });
    await expect(dialogSignIn(options)).rejects.toThrow("unreadable");
    officeWithDialog({ open: false });
    await expect(dialogSignIn(options)).rejects.toThrow("could not open: A dialog is already open.");
  });
});
