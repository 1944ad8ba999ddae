import { defineConfig } from "vitest/config";

// The server suite runs a second time on PostgreSQL; each test gets a schema of its own in this database.
const POSTGRES_TEST_URL = process.env.RAPPORT_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export default defineConfig({
  test: {
    // The JSON report lets CI print one "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    projects: [
      // The engine's tests run whole FEBRL files: seconds of work on a busy machine, not a hang.
      { test: { name: "shared", include: ["shared/src/**/*.test.ts"], testTimeout: 30_000 } },
      { test: { name: "server-sqlite", include: ["server/src/**/*.test.ts"], testTimeout: 30_000 } },
      {
        test: {
          name: "server-postgres",
          include: ["server/src/**/*.test.ts"],
          env: { RAPPORT_TEST_DATABASE_URL: POSTGRES_TEST_URL },
          testTimeout: 30_000,
        },
      },
      // The panes' own units: Office calls against office-addin-mock, sheet and queue logic.
      { test: { name: "addins", include: ["addin-*/src/**/*.test.{ts,tsx}", "admin/src/**/*.test.{ts,tsx}"] } },
      { test: { name: "e2e", include: ["test/**/*.test.ts"], testTimeout: 120_000 } },
    ],
  },
});
