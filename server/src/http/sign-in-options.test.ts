import { describe, expect, it } from "vitest";
import { testApp } from "../testing/test-app.ts";

describe("sign-in options for the panes", () => {
  it("say Entra is off when no tenant is configured, without a token", async () => {
    const t = await testApp();
    const answer = await t.app.request("/addins/sign-in.json");
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ entra: null });
    await t.close();
  });

  it("name the app, the tenant's authority and Rapport's own API scope when Entra is configured", async () => {
    const entra = {
      tenantIds: ["72f988bf-86f1-41af-91ab-2d7cd011db47"],
      clientId: "6e74172b-be56-4843-9ff4-e66a39bb12e3",
      audience: "api://6e74172b-be56-4843-9ff4-e66a39bb12e3",
      scope: "access_as_user",
      defaultRole: "rep" as const,
      authority: "https://login.microsoftonline.com",
    };
    const single = await testApp({ entra });
    expect(await (await single.app.request("/addins/sign-in.json")).json()).toEqual({
      entra: {
        clientId: entra.clientId,
        authority: `https://login.microsoftonline.com/${entra.tenantIds[0]}`,
        scopes: ["api://6e74172b-be56-4843-9ff4-e66a39bb12e3/access_as_user"],
      },
    });
    await single.close();
    const several = await testApp({ entra: { ...entra, tenantIds: ["a", "b"] } });
    const options = await (await several.app.request("/addins/sign-in.json")).json();
    expect(options.entra.authority).toBe("https://login.microsoftonline.com/organizations");
    await several.close();
  });
});
