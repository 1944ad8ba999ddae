import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "@rapport/shared/schemas";
import pg from "pg";
import { afterEach, beforeEach } from "vitest";
import { createApp } from "../app.ts";
import { type Config, testConfig } from "../config.ts";
import { connect, type Db } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import type { Database as DatabaseTables } from "../db/schema.ts";
import { issueToken } from "../modules/users/tokens.service.ts";
import { createTeam, createUser } from "../modules/users/users.service.ts";

/**
 * Tests run on a real database of their own: a new SQLite file, or a new PostgreSQL schema when
 * the suite runs with RAPPORT_TEST_DATABASE_URL (the vitest project "server-postgres" sets it).
 */
const postgresUrl = process.env.RAPPORT_TEST_DATABASE_URL;
/** Which database this run of the suite is on, for the few tests of one engine's behaviour. */
export const testDatabaseKind: Db["kind"] = postgresUrl ? "postgres" : "sqlite";

export async function freshDatabase(): Promise<Db> {
  if (!postgresUrl) {
    const dir = mkdtempSync(join(tmpdir(), "rapport-test-"));
    const database = connect({ kind: "sqlite", file: join(dir, "rapport.sqlite") });
    await migrateToLatest(database.db as never);
    const close = async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    };
    return { ...database, close };
  }
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = connect({ kind: "postgres", url: postgresUrl, schema, poolSize: 4 });
  await migrateToLatest(database.db as never);
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

export type TestUser = { id: string; token: string; teamId: string | null; role: Role };

/** A fresh app with an admin, and helpers to call it as that admin or as other users. */
export async function testApp(overrides: Partial<Config> = {}) {
  const database = await freshDatabase();
  const config = testConfig(overrides);
  const app = createApp({ database, config });

  async function addUser(role: Role, teamId: string | null = null): Promise<TestUser> {
    const user = await createUser(database.db, {
      email: `${role}-${randomBytes(4).toString("hex")}@rapport.test`,
      name: `Test ${role}`,
      role,
      teamId,
    });
    const { token } = await issueToken(database.db, { userId: user.id, name: "test", expiresAt: null });
    return { id: user.id, token, teamId, role };
  }

  const admin = await addUser("admin");

  /** Calls the API; JSON bodies are encoded, and the admin's token is sent unless `token` is given (or null). */
  async function call(
    method: string,
    path: string,
    options: {
      body?: unknown;
      raw?: string | Uint8Array<ArrayBuffer>;
      token?: string | null;
      headers?: Record<string, string>;
    } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? admin.token : options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined = options.raw;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const response = await app.request(`/api/v1${path}`, { method, headers, body });
    const text = await response.text();
    const json = text && /json/.test(response.headers.get("content-type") ?? "") ? JSON.parse(text) : undefined;
    return { status: response.status, headers: response.headers, json, text };
  }

  /** How many rows a table holds, to check that a refused or failed write left nothing behind. */
  async function rowCount(table: keyof DatabaseTables): Promise<number> {
    const row = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  return {
    app,
    database,
    config,
    admin,
    addUser,
    addTeam: (name: string) => createTeam(database.db, name),
    rowCount,
    call,
    close: () => database.close(),
  };
}
export type TestApp = Awaited<ReturnType<typeof testApp>>;

/**
 * A fresh app for every test of the calling file: `const t = useTestApp();` then `t.call(...)`.
 * The returned object forwards to the current test's app, so tests read as plain code.
 */
export function useTestApp(overrides: Partial<Config> = {}): TestApp {
  let current: TestApp | null = null;
  beforeEach(async () => {
    current = await testApp(overrides);
  });
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return new Proxy({} as TestApp, {
    get: (_target, key) => {
      if (!current) throw new Error("useTestApp: used outside a test");
      return current[key as keyof TestApp];
    },
  });
}
