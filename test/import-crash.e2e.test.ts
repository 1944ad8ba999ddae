import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./support/server-process.ts";

const ROWS = 30_000;
const FIRST_NAMES = ["Jean", "Marie", "Pierre", "Sophie", "Luc", "Claire", "Paul", "Julie", "Marc", "Anne"];
const LAST_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"];
const EXISTING = 200;
const dataDir = mkdtempSync(join(tmpdir(), "rapport-crash-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function api(server: RunningServer, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Polls the job until its status is no longer `running` (its background work has ended). */
async function jobOnceNot(server: RunningServer, token: string, id: string, running: string) {
  for (;;) {
    const job = await api(server, token, "GET", `/imports/${id}`);
    if (job.status !== running) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("an import killed with kill -9 mid-dry-run and mid-apply", () => {
  it("resumes after each restart, applies every row exactly once and leaves no half-merged record", async () => {
    let server = await startServer({ dataDir });
    const token = server.adminToken as string;
    const existingIds: string[] = [];
    for (let i = 0; i < EXISTING; i++) {
      const contact = await api(server, token, "POST", "/contacts", {
        firstName: `Known${i}`,
        lastName: "Person",
        emails: [`person${i}@example.org`],
      });
      existingIds.push(contact.id);
    }
    // The first EXISTING rows are those people again (a merge each), the rest are new people.
    const rows = Array.from({ length: ROWS }, (_, i) => [
      FIRST_NAMES[i % FIRST_NAMES.length] as string,
      // Many people share a name here, as in life; only their addresses tell them apart.
      LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length] as string,
      `person${i}@example.org`,
      "Imported",
    ]);
    const job = await api(server, token, "POST", "/imports", {
      headers: ["First name", "Last name", "Email", "Job title"],
    });
    for (let start = 0; start < ROWS; start += 5000) {
      await api(server, token, "POST", `/imports/${job.id}/rows`, { rows: rows.slice(start, start + 5000) });
    }
    // The dry run of 30,000 rows runs in the background for seconds: killed at once, it starts
    // again when the server does.
    expect((await api(server, token, "POST", `/imports/${job.id}/analyse`)).status).toBe("analysing");
    await server.crash();
    server = await startServer({ dataDir });
    expect(server.output()).toContain("Resuming 1 import job(s).");
    const analysed = await jobOnceNot(server, token, job.id, "analysing");
    expect(analysed.status).toBe("analysed");
    expect(analysed.plan).toMatchObject({ merge: EXISTING, create: ROWS - EXISTING });

    await api(server, token, "POST", `/imports/${job.id}/apply`);
    let progress = 0;
    while (progress === 0) {
      const current = await api(server, token, "GET", `/imports/${job.id}`);
      expect(current.status).toBe("applying");
      progress = current.progress.done;
      if (progress === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await server.crash();
    expect(progress).toBeLessThan(ROWS);

    server = await startServer({ dataDir });
    expect(server.output()).toContain("Resuming 1 import job(s).");
    const finished = await jobOnceNot(server, token, job.id, "applying");
    expect(finished.status).toBe("applied");
    expect(finished.result).toEqual({ created: ROWS - EXISTING, updated: 0, merged: EXISTING, skipped: 0, failed: 0 });
    await server.stop();

    const db = new Database(join(dataDir, "rapport.sqlite"), { readonly: true });
    try {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count("select count(*) as n from contacts")).toBe(ROWS);
      // Every address exactly once: no row was applied twice across the crash.
      expect(
        count("select count(*) as n from (select email from contact_emails group by email having count(*) > 1)"),
      ).toBe(0);
      // Each known person was merged once, whole: the new job title and exactly one more version.
      const merged = db
        .prepare(`select version, job_title from contacts where id in (${existingIds.map(() => "?").join(",")})`)
        .all(...existingIds) as { version: number; job_title: string }[];
      expect(merged.every((c) => c.version === 2 && c.job_title === "Imported")).toBe(true);
      // Every row is accounted for, none still pending.
      expect(count(`select count(*) as n from import_rows where status != 'applied'`)).toBe(0);
    } finally {
      db.close();
    }
  });
});
