import type { ImportJob } from "@rapport/shared/schemas";
import { describe, expect, it } from "vitest";
import { appDeps } from "../../app-deps.ts";
import { useTestApp } from "../../testing/test-app.ts";
import { jobWithRows, settle } from "./import-jobs.testing.ts";
import { resumeImports } from "./import-runner.ts";

const HEADERS = ["First name", "Last name", "Email"];
const ROWS = [["Ana", "Lopes", "ana@lopes.pt"]];

describe("concurrent import cap", () => {
  const t = useTestApp({ maxConcurrentImports: 2 });

  /** Puts a job in a state directly, as another process (or one that crashed) would have left it. */
  const setStatus = (id: string, status: ImportJob["status"]) =>
    t.database.db.updateTable("import_jobs").set({ status }).where("id", "=", id).execute();

  async function repJob(token: string): Promise<string> {
    const job = await t.call("POST", "/imports", {
      token,
      body: { name: "rep's list", headers: HEADERS, options: {} },
    });
    expect(job.status).toBe(201);
    expect((await t.call("POST", `/imports/${job.json.id}/rows`, { token, body: { rows: ROWS } })).status).toBe(200);
    return job.json.id;
  }

  it("refuses to start an analyse, apply or undo while the cap's worth run, whoever runs them", async () => {
    const applying = await jobWithRows(t, HEADERS, ROWS);
    const undoing = await jobWithRows(t, HEADERS, ROWS);
    await setStatus(applying, "applying");
    await setStatus(undoing, "undoing");

    const rep = await t.addUser("rep");
    const fresh = await repJob(rep.token);
    const analysed = await repJob(rep.token);
    const applied = await repJob(rep.token);
    await setStatus(analysed, "analysed");
    await setStatus(applied, "applied");

    for (const [id, work] of [
      [fresh, "analyse"],
      [analysed, "apply"],
      [applied, "undo"],
    ] as const) {
      const refused = await t.call("POST", `/imports/${id}/${work}`, { token: rep.token });
      expect(refused.status).toBe(429);
      expect(refused.json).toMatchObject({ status: 429, code: "too_many_requests" });
      expect(refused.json.detail).toContain("at most 2 imports at once");
      expect(refused.headers.get("retry-after")).toBe("30");
    }
    // Refused means untouched.
    expect((await t.call("GET", `/imports/${fresh}`, { token: rep.token })).json.status).toBe("receiving");
    expect((await t.call("GET", `/imports/${analysed}`, { token: rep.token })).json.status).toBe("analysed");
    expect((await t.call("GET", `/imports/${applied}`, { token: rep.token })).json.status).toBe("applied");

    // Asking again for a job that is running answers the job, as before: it takes no new slot.
    const again = await t.call("POST", `/imports/${applying}/apply`);
    expect(again.status).toBe(200);
    expect(again.json.status).toBe("applying");
    expect((await t.call("POST", `/imports/${undoing}/undo`)).json.status).toBe("undoing");

    // One ends: the next start goes through.
    await setStatus(applying, "applied");
    const started = await t.call("POST", `/imports/${fresh}/analyse`, { token: rep.token });
    expect(started.status).toBe(200);
    expect((await settle(t, fresh, rep.token)).status).toBe("analysed");
  });

  it("resumes every interrupted job after a restart, even more than the cap", async () => {
    const ids = [
      await jobWithRows(t, HEADERS, ROWS),
      await jobWithRows(t, HEADERS, ROWS),
      await jobWithRows(t, HEADERS, ROWS),
    ];
    for (const id of ids) await setStatus(id, "analysing");

    expect(await resumeImports(appDeps(t.database, t.config))).toBe(3);
    for (const id of ids) expect(await settle(t, id)).toMatchObject({ status: "analysed", error: null });
  });
});
