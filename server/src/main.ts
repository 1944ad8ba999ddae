import { createServer as createHttpsServer } from "node:https";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { appDeps } from "./app-deps.ts";
import { configFromEnv } from "./config.ts";
import { openDatabase } from "./db/open.ts";
import { loadDemo } from "./demo/load-demo.ts";
import { readEnv } from "./env.ts";
import { loadTls } from "./http/tls.ts";
import { resumeImports } from "./modules/imports/import-runner.ts";
import { ensureFirstAdmin } from "./modules/users/users.service.ts";

async function main(): Promise<void> {
  const env = readEnv();
  const config = configFromEnv(env);
  // Before the database: a TLS setting that cannot work stops the server before it changes anything.
  const tls = await loadTls(config);
  const database = await openDatabase(env);

  const firstAdmin = await ensureFirstAdmin(database.db);
  if (firstAdmin) {
    // Shown once, on the first start; only its hash is stored.
    console.log(`Admin token: ${firstAdmin.token}`);
  }
  if (process.argv.includes("--demo")) {
    const summary = await loadDemo(database, config);
    console.log(summary ? `Demo data loaded: ${summary}` : "Demo data already present.");
  }

  const app = createApp({ database, config });
  // An import that was mid-apply when the server stopped (or was killed) carries on.
  const resumed = await resumeImports(appDeps(database, config));
  if (resumed) console.log(`Resuming ${resumed} import job(s).`);
  const listen = { fetch: app.fetch, port: env.PORT, hostname: env.HOST };
  const https = tls ? { createServer: createHttpsServer, serverOptions: { cert: tls.cert, key: tls.key } } : {};
  const server = serve({ ...listen, ...https }, (info) => {
    for (const note of tls?.notes ?? []) console.log(note);
    const scheme = tls ? "https" : "http";
    console.log(`Rapport ${config.version} listening on ${scheme}://${info.address}:${info.port} (${database.kind})`);
    // With PORT=0 the system picks the port: the configured URL cannot know it.
    const base = env.PORT === 0 ? `${scheme}://${info.address}:${info.port}` : config.publicUrl.replace(/\/$/, "");
    console.log(`Admin page: ${base}/admin`);
  });

  const stop = () => {
    server.close(() => void database.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
