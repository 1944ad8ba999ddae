import type { Config } from "./config.ts";
import type { Db } from "./db/connect.ts";
import type { AuthUser } from "./http/context.ts";
import type { RequestContext } from "./records/request-context.ts";

/** What every module gets from createApp: the database, the settings, a way to make a context. */
export type AppDeps = {
  database: Db;
  config: Config;
  context: (user: AuthUser, requestId: string | null) => RequestContext;
  /** The context of one request, from what route() hands its handler. */
  forRequest: (input: { user: AuthUser; requestId: string }) => RequestContext;
};

export function appDeps(database: Db, config: Config): AppDeps {
  const context = (user: AuthUser, requestId: string | null): RequestContext => ({
    db: database.db,
    reader: database.reader,
    readPool: database.readPool,
    writersWaiting: database.writersWaiting,
    config,
    user,
    requestId,
  });
  return { database, config, context, forRequest: ({ user, requestId }) => context(user, requestId) };
}
