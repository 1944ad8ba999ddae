/**
 * Runs in a child process (forked by server-process.ts): the real Rapport server on the bench
 * database, and beside it bare Hono routes reading with raw prepared statements: /lookup does the
 * lookup's one essential read (the contact behind an address), /lookup-all every read the real
 * lookup makes, answering the raw rows. Server time per request comes from createApp's `observe`
 * hook; the parent asks for percentiles over IPC.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { serve } from "@hono/node-server";
import { normalizeEmail } from "@rapport/shared/normalize";
import Sqlite from "better-sqlite3";
import { Hono } from "hono";
import { createApp } from "../../server/src/app.ts";
import { configFromEnv } from "../../server/src/config.ts";
import { connect } from "../../server/src/db/connect.ts";
import { readEnv } from "../../server/src/env.ts";

export type ToChild = { type: "reset" } | { type: "stats"; route: string } | { type: "loop" } | { type: "stop" };
export type Stats = { count: number; p50: number; p90: number; p99: number; max: number };
export type FromChild =
  | { type: "ready"; apiPort: number; barePort: number }
  | { type: "reset" }
  | { type: "stats"; stats: Stats | null; routes: string[] }
  | { type: "loop"; stats: Stats };

const file = process.env.BENCH_DB;
if (!file) throw new Error("BENCH_DB is not set");
const send = (message: FromChild) => process.send?.(message);

const samples = new Map<string, number[]>();
// How late the server's thread ran its timers: what a request waits before its handler starts,
// which server time per request does not see.
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const database = connect({ kind: "sqlite", file });
const config = configFromEnv(
  readEnv({
    RAPPORT_LOG_LEVEL: "silent",
    RAPPORT_OWN_DOMAINS: process.env.BENCH_OWN_DOMAIN ?? "",
    // The benchmarks measure throughput: one token sends far more than any person would.
    RAPPORT_RATE_LIMIT_PER_MINUTE: String(1e9),
  }),
);
const app = createApp({
  database,
  config: { ...config, validateResponses: false },
  observe: (route, ms) => {
    const list = samples.get(route);
    if (list) list.push(ms);
    else samples.set(route, [ms]);
  },
});

// The same pragmas as the server's connection (server/src/db/connect.ts).
const raw = new Sqlite(file, { readonly: true });
raw.pragma("busy_timeout = 5000");
raw.pragma("cache_size = -262144");
raw.pragma("mmap_size = 17179869184");
type Row = Record<string, unknown>;
const read = (text: string) => raw.prepare<unknown[], Row>(text);
const contactByEmail = read(
  "select c.* from contact_emails e join contacts c on c.id = e.contact_id where e.email = ? order by e.position limit 1",
);
const bare = new Hono();
bare.get("/lookup", (c) => c.json({ contact: contactByEmail.get(normalizeEmail(c.req.query("email") ?? "")) ?? null }));

// The real lookup's reads for a rep, who sees own and team records (server/src/records/access.ts).
const visible = (alias: string) => `(${alias}owner_id = @user or ${alias}team_id = @team)`;
const activitySummary = (raw.prepare("select name from pragma_table_info('activities')").pluck().all() as string[])
  .filter((column) => column !== "body_text")
  .map((column) => `a.${column}`)
  .join(", ");
const reads = {
  contact: read(`select c.* from contact_emails e join contacts c on c.id = e.contact_id
    where e.email = @email and ${visible("c.")} order by e.position, c.updated_at desc limit 1`),
  account: read(`select * from accounts where id = @id and ${visible("")}`),
  deals: read(`select * from opportunities where account_id = @id and stage not in ('won', 'lost') and ${visible("")}
    order by expected_close_date, id limit 20`),
  stages: read(`select * from opportunity_stage_changes where opportunity_id in (select value from json_each(@ids))
    order by at, id`),
  cases:
    read(`select * from cases where status in ('open', 'pending') and (contact_id = @contact or account_id = @account)
    and ${visible("")} order by opened_at desc limit 20`),
  // Like the lookup, every column but the body.
  activities: read(`select ${activitySummary} from activities a join activity_contacts ac on ac.activity_id = a.id
    where ac.contact_id = @contact and ${visible("a.")} order by ac.occurred_at desc limit 5`),
};
const rep = raw.prepare<[string], { id: string; team_id: string }>("select id, team_id from users where email = ?");
const who = rep.get(process.env.BENCH_USER_EMAIL ?? "") ?? { id: "", team_id: "" };
const by = { user: who.id, team: who.team_id };
bare.get("/lookup-all", (c) => {
  const contact = reads.contact.get({ ...by, email: normalizeEmail(c.req.query("email") ?? "") });
  if (!contact) return c.json({ contact: null });
  const account = contact.account_id ? reads.account.get({ ...by, id: contact.account_id }) : undefined;
  const deals = account ? reads.deals.all({ ...by, id: account.id }) : [];
  const stages = deals.length ? reads.stages.all({ ids: JSON.stringify(deals.map((d) => d.id)) }) : [];
  const cases = reads.cases.all({ ...by, contact: contact.id, account: account?.id ?? null });
  const activities = reads.activities.all({ ...by, contact: contact.id });
  return c.json({ contact, account: account ?? null, deals, stages, cases, activities });
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function stats(route: string): Stats | null {
  const list = samples.get(route);
  if (!list || list.length === 0) return null;
  const sorted = Float64Array.from(list).sort() as unknown as number[];
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
  new Promise<ReturnType<typeof serve>>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(server));
  });
const api = await listen(app.fetch);
const bareServer = await listen(bare.fetch);
const portOf = (server: ReturnType<typeof serve>) => (server.address() as { port: number }).port;

process.on("message", (message: ToChild) => {
  if (message.type === "reset") {
    samples.clear();
    loopDelay.reset();
    send({ type: "reset" });
  } else if (message.type === "stats") {
    send({ type: "stats", stats: stats(message.route), routes: [...samples.keys()] });
  } else if (message.type === "loop") {
    const ms = (ns: number) => ns / 1e6;
    const { count, max } = loopDelay;
    const p = (q: number) => ms(loopDelay.percentile(q));
    send({ type: "loop", stats: { count, p50: p(50), p90: p(90), p99: p(99), max: ms(max) } });
  } else {
    api.close();
    bareServer.close();
    raw.close();
    void database.close().then(() => process.exit(0));
  }
});
send({ type: "ready", apiPort: portOf(api), barePort: portOf(bareServer) });
