import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./support/server-process.ts";

const ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const database = `rapport_e2e_${randomBytes(4).toString("hex")}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let server: RunningServer;
beforeAll(async () => {
  await admin(`create database ${database}`);
  server = await startServer({ env: { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}` } });
});
afterAll(async () => {
  await server?.stop();
  await admin(`drop database if exists ${database}`);
});

describe("npm start with DATABASE_URL", () => {
  it("migrates an empty PostgreSQL database, prints an admin token and serves lookups from it", async () => {
    const health = await (await fetch(`${server.url}/api/v1/health`)).json();
    expect(health).toMatchObject({ status: "ok", database: "postgres" });
    const headers = { authorization: `Bearer ${server.adminToken}`, "content-type": "application/json" };
    const created = await fetch(`${server.url}/api/v1/accounts`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "Müller GmbH", domains: ["mueller.de"] }),
    });
    expect(created.status).toBe(201);
    const lookup = await (await fetch(`${server.url}/api/v1/lookup?email=k.mueller@MUELLER.de`, { headers })).json();
    expect(lookup.results[0].account.name).toBe("Müller GmbH");
  });
});
