import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");

export type RunningServer = {
  url: string;
  adminToken: string | null;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
  /** kill -9: no shutdown handler runs, as in a power cut or an OOM kill. */
  crash: () => Promise<void>;
};

/**
 * Starts Rapport the way `npm start` does (same entry point, real port, real data directory) and
 * waits until it says where it listens.
 */
export async function startServer(
  options: { env?: Record<string, string>; args?: string[]; dataDir?: string } = {},
): Promise<RunningServer> {
  const { env = {}, args = [] } = options;
  // A data directory passed in belongs to the caller and is left in place on stop.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "rapport-e2e-"));
  const child = spawnEntry("server/src/main.ts", args, {
    PORT: "0",
    HOST: "127.0.0.1",
    RAPPORT_DATA_DIR: dataDir,
    RAPPORT_LOG_LEVEL: "info",
    // Plain HTTP unless a test asks for TLS (test/https.e2e.test.ts does).
    RAPPORT_TLS: "off",
    ...env,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await waitFor(
    child,
    () => /listening on (https?:\/\/\S+)/.exec(output)?.[1],
    () => output,
  );
  return {
    url,
    adminToken: /Admin token: (\S+)/.exec(output)?.[1] ?? null,
    dataDir,
    output: () => output,
    crash: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGKILL");
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once("exit", done));
        child.kill("SIGTERM");
        await exited;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitFor(child: ChildProcess, found: () => string | undefined, output: () => string): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const value = found();
    if (value) return value;
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start within 60 s:\n${output()}`);
}

/** Runs `npm run cli -- ...` against a data directory and returns what it printed. */
export async function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawnEntry("server/src/cli/main.ts", args, env);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const code = await new Promise<number>((done) => child.once("exit", (c) => done(c ?? 1)));
  return { code, stdout, stderr };
}

/** Runs one of Rapport's entry points as its npm script does (tsx, from the repository root). */
function spawnEntry(entry: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", entry, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
