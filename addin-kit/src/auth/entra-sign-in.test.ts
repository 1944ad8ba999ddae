import type { AccountInfo, AuthenticationResult, IPublicClientApplication } from "@azure/msal-browser";
import { describe, expect, it } from "vitest";
import { type EntraDeps, entraSignIn } from "./entra-sign-in.ts";
import { SignInRequired } from "./sign-in.ts";

const options = {
  clientId: "11111111-2222-3333-4444-555555555555",
  authority: "https://login.microsoftonline.com/contoso",
  scopes: ["api://rapport/access_as_user"],
};
const account = { homeAccountId: "h", username: "jeanne@contoso.com" } as AccountInfo;

/** MSAL stands at the edge (Microsoft Entra is unreachable here): a fake that records what was asked. */
function fakeMsal(silent: "ok" | "interaction_required") {
  const calls: string[] = [];
  let active: AccountInfo | null = null;
  const result = (token: string) => ({ accessToken: token, account }) as AuthenticationResult;
  const app = {
    getActiveAccount: () => active,
    getAllAccounts: () => (active ? [active] : []),
    setActiveAccount: (a: AccountInfo | null) => {
      active = a;
    },
    acquireTokenSilent: async (request: { scopes: string[] }) => {
      calls.push(`silent ${request.scopes.join(" ")}`);
      if (silent === "ok" || active) return result("silent-token");
      throw new Error("interaction_required: AADSTS50058");
    },
    acquireTokenPopup: async (request: { scopes: string[] }) => {
      calls.push(`popup ${request.scopes.join(" ")}`);
      return result("popup-token");
    },
    clearCache: async () => {
      calls.push("clear");
    },
  } as unknown as IPublicClientApplication;
  return { app, calls };
}

function deps(app: IPublicClientApplication, nested: boolean, dialogCalls: string[] = []): EntraDeps {
  return {
    createApp: async () => app,
    hasNestedAppAuth: () => nested,
    dialog: async () => {
      dialogCalls.push("dialog");
      return { accessToken: "dialog-token", expiresAt: Date.now() + 3_600_000 };
    },
  };
}

describe("Entra sign-in", () => {
  it("asks silently for Rapport's API scope, which inside Office usually just works", async () => {
    const { app, calls } = fakeMsal("ok");
    const signIn = await entraSignIn(options, deps(app, true));
    expect(await signIn.getToken()).toBe("silent-token");
    expect(calls).toEqual(["silent api://rapport/access_as_user"]);
  });

  it("says sign-in is required instead of opening anything by itself", async () => {
    const { app, calls } = fakeMsal("interaction_required");
    const signIn = await entraSignIn(options, deps(app, true));
    await expect(signIn.getToken()).rejects.toBeInstanceOf(SignInRequired);
    expect(calls.some((c) => c.startsWith("popup"))).toBe(false);
  });

  it("signs in through the host when it brokers tokens, then stays silent", async () => {
    const { app, calls } = fakeMsal("interaction_required");
    const signIn = await entraSignIn(options, deps(app, true));
    await signIn.interactive?.();
    expect(await signIn.getToken()).toBe("silent-token");
    expect(calls).toEqual(["popup api://rapport/access_as_user", "silent api://rapport/access_as_user"]);
  });

  it("gets a Microsoft Graph token for the same account, asking the user only when told to", async () => {
    const { app, calls } = fakeMsal("interaction_required");
    const signIn = await entraSignIn(options, deps(app, true));
    await expect(signIn.tokenFor?.(["Mail.Read"])).rejects.toBeInstanceOf(SignInRequired);
    expect(await signIn.tokenFor?.(["Mail.Read"], { interactive: true })).toBe("popup-token");
    expect(await signIn.tokenFor?.(["Mail.Read"])).toBe("silent-token");
    expect(calls).toEqual(["silent Mail.Read", "silent Mail.Read", "popup Mail.Read", "silent Mail.Read"]);
  });

  it("never opens Office's dialog for Microsoft Graph: that dialog signs in for Rapport only", async () => {
    const { app, calls } = fakeMsal("interaction_required");
    const dialogCalls: string[] = [];
    const signIn = await entraSignIn(options, deps(app, false, dialogCalls));
    await expect(signIn.tokenFor?.(["Mail.Read"], { interactive: true })).rejects.toBeInstanceOf(SignInRequired);
    expect(dialogCalls).toEqual([]);
    expect(calls).toEqual(["silent Mail.Read"]);
  });

  it("falls back to Office's dialog where the host has no nested app authentication", async () => {
    const { app, calls } = fakeMsal("interaction_required");
    const dialogCalls: string[] = [];
    const signIn = await entraSignIn(options, deps(app, false, dialogCalls));
    await signIn.interactive?.();
    expect(await signIn.getToken()).toBe("dialog-token");
    expect(dialogCalls).toEqual(["dialog"]);
    expect(calls).toEqual([]);
    await signIn.signOut();
    await expect(signIn.getToken()).rejects.toBeInstanceOf(SignInRequired);
  });
});
