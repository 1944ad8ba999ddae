import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { FromChild, Stats, ToChild } from "./server-child.ts";

export type ServerProcess = {
  apiUrl: string;
  bareUrl: string;
  /** Forgets the server times observed so far. */
  reset: () => Promise<void>;
  /** Percentiles of the server time of one route since the last reset. */
  stats: (route: string) => Promise<Stats>;
  /** Percentiles of how late the server's thread ran (its event loop's delay) since the last reset. */
  loopDelay: () => Promise<Stats>;
  stop: () => Promise<void>;
};

/**
 * Forks the child server on `file`; the bare routes read as the rep `userEmail`. With BENCH_PROFILE=1 the child writes a CPU profile to
 * bench/.cache/profiles when it stops (open it in Chrome DevTools); BENCH_SERVER_HEAP_MB sets its heap.
 */
export async function startServer(options: {
  file: string;
  ownDomain: string;
  userEmail: string;
}): Promise<ServerProcess> {
  const profile = process.env.BENCH_PROFILE === "1";
  // The server's heap, as a deployment might raise it; Node's default when unset.
  const heapMb = Number(process.env.BENCH_SERVER_HEAP_MB ?? 0);
  const child = fork(fileURLToPath(new URL("./server-child.ts", import.meta.url)), [], {
    execArgv: [
      "--import",
      "tsx",
      ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
      ...(profile
        ? ["--cpu-prof", `--cpu-prof-dir=${fileURLToPath(new URL("../.cache/profiles", import.meta.url))}`]
        : []),
    ],
    env: {
      ...process.env,
      BENCH_DB: options.file,
      BENCH_OWN_DOMAIN: options.ownDomain,
      BENCH_USER_EMAIL: options.userEmail,
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  // Its death is reported by `next` and `stop`; an unhandled "error" event must not kill the bench.
  child.on("error", () => {});
  const ready = await next(child, "ready");
  const ask = async <T extends FromChild["type"]>(message: ToChild, answer: T) => {
    const reply = next(child, answer);
    child.send(message);
    return reply;
  };
  return {
    apiUrl: `http://127.0.0.1:${ready.apiPort}`,
    bareUrl: `http://127.0.0.1:${ready.barePort}`,
    reset: async () => {
      await ask({ type: "reset" }, "reset");
    },
    stats: async (route) => {
      const reply = await ask({ type: "stats", route }, "stats");
      if (!reply.stats) throw new Error(`no request observed on ${route}; seen: ${reply.routes.join(", ")}`);
      return reply.stats;
    },
    loopDelay: async () => (await ask({ type: "loop" }, "loop")).stats,
    stop: async () => {
      // Already gone (it crashed): nothing to stop.
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // Dying but not yet reported dead: the channel is closed, so kill what is left.
      child.send({ type: "stop" } satisfies ToChild, (error) => error && child.kill("SIGKILL"));
      await exited;
    },
  };
}

function next<T extends FromChild["type"]>(child: ChildProcess, type: T): Promise<Extract<FromChild, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromChild) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<FromChild, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the bench server exited (code ${code}) before answering "${type}"`));
    };
    const cleanup = () => {
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}
