import { join } from "node:path";
import { parseArgs } from "node:util";
import { ApiTokenCreate, Role, UserCreate } from "@rapport/shared/schemas";
import { configFromEnv } from "../config.ts";
import type { Db } from "../db/connect.ts";
import { openDatabase } from "../db/open.ts";
import { loadDemo } from "../demo/load-demo.ts";
import { readEnv } from "../env.ts";
import { AppError } from "../http/app-error.ts";
import { parseOrThrow } from "../http/validation.ts";
import { writeManifests } from "../modules/manifests/write-manifests.ts";
import { issueToken, revokeToken } from "../modules/users/tokens.service.ts";
import { createTeam, createUser, listUsers } from "../modules/users/users.service.ts";
import { DEDUP_USAGE, dedupFile } from "./dedup-file.ts";

const USAGE = `Usage: npm run cli -- <command> [options]

  migrate                                        bring the database schema up to date
  user create --email E --name N [--role R] [--team ID]
                                                 roles: ${Role.options.join(", ")}
  user list
  team create --name N [--parent TEAM-ID]      a manager of the parent sees this team's records
  token create --user ID|EMAIL [--name N] [--expires ISO-DATE] [--scopes read,write,admin]
                                                 prints the token once; only its hash is kept
  token revoke ID
  demo                                           load the demo workspace into an empty database
  manifest [--url https://crm.example.com] [--out DIR]
                                                 write the Outlook and Excel manifests (XML, unified JSON
                                                 and its app package) for that URL; the server's public
                                                 URL unless given, into ./rapport-manifests unless given
${DEDUP_USAGE}

The database is the server's: DATABASE_URL, or RAPPORT_DATA_DIR/rapport.sqlite.`;

type Command = (database: Db, args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  migrate: async () => {
    console.log("Database is up to date.");
  },
  "user create": async (database, args) => {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        team: { type: "string" },
      },
    });
    const input = parseOrThrow(
      UserCreate,
      { email: values.email, name: values.name, role: values.role, teamId: values.team ?? null },
      "options",
    );
    const user = await createUser(database.db, input);
    console.log(`Created ${user.role} ${user.email}: ${user.id}`);
  },
  "user list": async (database) => {
    for (const user of await listUsers(database.db)) {
      console.log(`${user.id}  ${user.role.padEnd(8)}  ${user.active ? "active  " : "inactive"}  ${user.email}`);
    }
  },
  "team create": async (database, args) => {
    const { values } = parseArgs({ args, options: { name: { type: "string" }, parent: { type: "string" } } });
    if (!values.name) throw new AppError("validation_failed", "--name is required");
    const parent = values.parent ?? null;
    if (parent && !(await database.db.selectFrom("teams").select("id").where("id", "=", parent).executeTakeFirst())) {
      throw new AppError("validation_failed", `--parent: no team with id ${parent}`);
    }
    // A manager of the parent team sees this team's records too.
    const team = await createTeam(database.db, values.name, parent);
    console.log(`Created team ${team.name}: ${team.id}`);
  },
  "token create": async (database, args) => {
    const { values } = parseArgs({
      args,
      options: {
        user: { type: "string" },
        name: { type: "string" },
        expires: { type: "string" },
        scopes: { type: "string" },
      },
    });
    const userId = await resolveUser(database, values.user);
    const expiresAt = values.expires ? new Date(values.expires).toISOString() : null;
    const scopes = values.scopes?.split(",").map((scope) => scope.trim());
    const input = parseOrThrow(ApiTokenCreate, { userId, name: values.name ?? "cli", expiresAt, scopes }, "options");
    const created = await issueToken(database.db, input);
    console.log(`Token ${created.id} for ${userId} (shown once):`);
    console.log(created.token);
  },
  "token revoke": async (database, args) => {
    const id = args[0];
    if (!id) throw new AppError("validation_failed", "token revoke needs the token id (tok_…)");
    await revokeToken(database.db, id);
    console.log(`Revoked ${id}.`);
  },
  manifest: async (database, args) => {
    const { values } = parseArgs({ args, options: { url: { type: "string" }, out: { type: "string" } } });
    const config = configFromEnv(readEnv());
    const publicUrl = values.url ?? config.publicUrl;
    if (!URL.canParse(publicUrl)) throw new AppError("validation_failed", `--url: ${publicUrl} is not a URL`);
    const dir = values.out ?? "rapport-manifests";
    const source = { db: database.db, publicUrl, serverVersion: config.version };
    for (const built of await writeManifests(source, dir)) {
      const files = ["xml", "json", "zip"].map((ext) => join(dir, `${built.addin}.${ext}`)).join(", ");
      console.log(`${built.addin} ${built.version.json} (add-in ${built.xmlId}): ${files}`);
    }
  },
  demo: async (database) => {
    const summary = await loadDemo(database, configFromEnv(readEnv()));
    console.log(summary ? `Demo data loaded: ${summary}` : "The database already has accounts; demo data not loaded.");
  },
};

async function resolveUser(database: Db, idOrEmail: string | undefined): Promise<string> {
  if (!idOrEmail) throw new AppError("validation_failed", "--user is required (a user id or email)");
  const user = await database.db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb.or([eb("id", "=", idOrEmail), eb("email", "=", idOrEmail.toLowerCase())]))
    .executeTakeFirst();
  if (!user) throw new AppError("not_found", `No user ${idOrEmail}.`);
  return user.id;
}

async function main(argv: string[]): Promise<number> {
  const [first, second, ...rest] = argv;
  // Works on a file alone: no database is opened, so it runs anywhere, server or not.
  if (first === "dedup") {
    try {
      return dedupFile(argv.slice(1));
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      return 1;
    }
  }
  const twoWords = `${first} ${second}`;
  const [command, args] = commands[twoWords]
    ? [commands[twoWords], rest]
    : [first ? commands[first] : undefined, second === undefined ? rest : [second, ...rest]];
  if (!command) {
    console.error(USAGE);
    return first && first !== "help" && first !== "--help" ? 2 : 0;
  }
  const database = await openDatabase(readEnv());
  try {
    await command(database, args);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
