import { describe, expect, it } from "vitest";
import { useTestApp } from "../../testing/test-app.ts";

const t = useTestApp();

describe("users and teams, as an admin manages them", () => {
  it("changes a user's role and team, and deactivating them stops their token at once", async () => {
    const north = (await t.call("POST", "/teams", { body: { name: "Nord" } })).json;
    const lille = (await t.call("POST", "/teams", { body: { name: "Lille", parentId: north.id } })).json;
    expect(lille).toMatchObject({ name: "Lille", parentId: north.id });
    expect((await t.call("GET", "/teams")).json.items.map((team: { name: string }) => team.name)).toEqual([
      "Lille",
      "Nord",
    ]);
    const rep = await t.addUser("rep");
    expect((await t.call("GET", "/me", { token: rep.token })).json.role).toBe("rep");

    const promoted = await t.call("PATCH", `/users/${rep.id}`, { body: { role: "manager", teamId: north.id } });
    expect(promoted.json).toMatchObject({ role: "manager", teamId: north.id, active: true });
    expect((await t.call("GET", "/me", { token: rep.token })).json.role).toBe("manager");

    await t.call("PATCH", `/users/${rep.id}`, { body: { active: false } });
    expect((await t.call("GET", "/me", { token: rep.token })).status).toBe(401);
    const audit = (await t.call("GET", `/audit?entity=user&entityId=${rep.id}`)).json.items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(["update", "update"]);
    expect(audit[0].detail.after.active).toBe(false);
    const made = (await t.call("GET", `/audit?action=create&entity=team&entityId=${lille.id}`)).json.items;
    expect(made[0].detail).toEqual({ name: "Lille", parentId: north.id });
  });

  it("keeps one active admin, and refuses what does not exist or makes no sense", async () => {
    const lastAdmin = await t.call("PATCH", `/users/${t.admin.id}`, { body: { role: "rep" } });
    expect(lastAdmin.status).toBe(409);
    expect((await t.call("PATCH", `/users/${t.admin.id}`, { body: { active: false } })).status).toBe(409);
    const second = await t.addUser("admin");
    expect((await t.call("PATCH", `/users/${t.admin.id}`, { body: { role: "rep" }, token: second.token })).status).toBe(
      200,
    );

    expect(
      (await t.call("PATCH", "/users/usr_nobody0000000000000000", { body: { name: "X" }, token: second.token })).status,
    ).toBe(404);
    const noTeam = await t.call("PATCH", `/users/${second.id}`, {
      body: { teamId: "team_nowhere000000000000" },
      token: second.token,
    });
    expect(noTeam.status).toBe(422);
    expect(noTeam.json.errors[0].path).toBe("teamId");
    expect((await t.call("PATCH", `/users/${second.id}`, { body: {}, token: second.token })).status).toBe(422);
    expect(
      (
        await t.call("POST", "/teams", {
          body: { name: "Orphan", parentId: "team_nowhere000000000000" },
          token: second.token,
        })
      ).status,
    ).toBe(422);
    const rep = await t.addUser("rep");
    for (const [method, path, body] of [
      ["PATCH", `/users/${rep.id}`, { role: "admin" }],
      ["GET", "/teams", undefined],
      ["POST", "/teams", { name: "Mine" }],
    ] as const) {
      expect((await t.call(method, path, { body, token: rep.token })).status).toBe(403);
    }
  });
});
