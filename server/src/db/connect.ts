import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Worker } from "node:worker_threads";
import SqliteDatabase from "better-sqlite3";
import { type Driver, Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { type ReadPool, readPool } from "./read-pool.ts";
import type { Database } from "./schema.ts";
import { ThreadWriteLock } from "./thread-write-lock.ts";

export type DatabaseTarget =
  | { kind: "sqlite"; file: string }
  /** `schema`: a PostgreSQL schema to work in (tests each get their own). */
  | { kind: "postgres"; url: string; schema?: string; poolSize?: number };

export type Db = {
  db: Kysely<Database>;
  /**
   * For reads that need only committed data (lookups, search, sign-in): on SQLite a second
   * connection, which WAL lets read while the first one is inside a long write transaction (an
   * import's); on PostgreSQL the same pool.
   */
  reader: Kysely<Database>;
  kind: DatabaseTarget["kind"];
  /** The SQLite file, for work that opens its own connection on another thread; null otherwise. */
  file: string | null;
  /** On a SQLite file, threads for reads that scan (read-pool.ts); null where reads do not block. */
  readPool: ReadPool | null;
  /**
   * How many queries wait for `db`'s one SQLite connection, held by another's transaction: a long
   * job commits early when this is above zero. Always 0 on PostgreSQL, whose pool has connections
   * for others.
   */
  writersWaiting: () => number;
  /** How another thread opens this same database (connectInThread); null for an in-memory one. */
  threadHandle: ThreadHandle | null;
  close: () => Promise<void>;
};

/**
 * What a thread of this process needs to open the database as a Db of its own: where it is and,
 * on a SQLite file, the write lock its threads share (thread-write-lock.ts). Plain data, so it
 * crosses to a worker in workerData.
 */
export type ThreadHandle = { target: DatabaseTarget; writeLock: SharedArrayBuffer | null };

export function connect(target: DatabaseTarget): Db {
  if (target.kind === "postgres") return connectPostgresDb(target);
  if (target.file === ":memory:") {
    // An in-memory database is private to its connection: a second one would see another database.
    const { db, waiting, close } = connectSqlite(target.file);
    return readingThroughWriter("sqlite", db, { writersWaiting: waiting, threadHandle: null, close });
  }
  const threadHandle = { target, writeLock: new ThreadWriteLock().buffer };
  const database = connectSqliteFile(target.file, threadHandle);
  const checkpointer = startCheckpointer(target.file);
  const pool = readPool(target.file);
  return {
    ...database,
    readPool: pool,
    close: async () => {
      await pool.close();
      await checkpointer.stop();
      await database.close();
    },
  };
}

/**
 * Opens, on a worker thread, the database another thread opened with connect(): on SQLite its
 * writes queue behind the other threads' on the shared lock; checkpoints and scanning reads stay
 * with the opener.
 */
export function connectInThread(handle: ThreadHandle): Db {
  const { target } = handle;
  if (target.kind === "postgres") return connectPostgresDb({ ...target, poolSize: 2 });
  return connectSqliteFile(target.file, handle);
}

function connectPostgresDb(target: Extract<DatabaseTarget, { kind: "postgres" }>): Db {
  const db = connectPostgres(target);
  return readingThroughWriter("postgres", db, {
    writersWaiting: () => 0,
    threadHandle: { target, writeLock: null },
    close: () => db.destroy(),
  });
}

/** A database whose reads go where its writes go: PostgreSQL's pool, or an in-memory SQLite connection. */
function readingThroughWriter(
  kind: Db["kind"],
  db: Kysely<Database>,
  rest: Pick<Db, "writersWaiting" | "threadHandle" | "close">,
): Db {
  return { db, reader: db, kind, file: null, readPool: null, ...rest };
}

/** A SQLite file's writing and reading connections, its writes under the threads' shared lock. */
function connectSqliteFile(file: string, threadHandle: ThreadHandle): Db {
  const lock = new ThreadWriteLock(threadHandle.writeLock ?? undefined);
  const writer = connectSqlite(file, { checkpoints: "elsewhere", lock });
  const reader = connectSqlite(file, { readOnly: true });
  return {
    db: writer.db,
    reader: reader.db,
    kind: "sqlite",
    file,
    readPool: null,
    writersWaiting: writer.waiting,
    threadHandle,
    close: async () => {
      await reader.close();
      await writer.close();
    },
  };
}

/**
 * Copies the write-ahead log back into the database file from a thread of its own, every
 * CHECKPOINT_EVERY_MS. Left to SQLite, the connection that commits does it, on the server's one
 * thread: after an import's second-long transaction that copy held every request for hundreds of
 * milliseconds.
 */
function startCheckpointer(file: string) {
  const worker = new Worker(new URL("./checkpointer.mjs", import.meta.url), {
    workerData: { file, everyMs: CHECKPOINT_EVERY_MS },
  });
  // The thread must not keep a finished process (a CLI command, a test) alive.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  worker.on("error", () => {});
  return {
    stop: async () => {
      // Held again until it has closed its connection, or a process ending on this await would
      // exit before the thread answers.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}

const CHECKPOINT_EVERY_MS = 500;

function connectSqlite(
  file: string,
  options: { readOnly?: boolean; checkpoints?: "elsewhere"; lock?: ThreadWriteLock } = {},
): { db: Kysely<Database>; waiting: () => number; close: () => Promise<void> } {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers go on while one writer commits; NORMAL is durable at each checkpoint and
  // safe against corruption in WAL mode; busy_timeout waits for another process's lock instead
  // of failing at once (the CLI and the server may share the file).
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // 256 MB at most (memory is only taken as pages are read): an import's second-long transaction
  // dirties tens of thousands of index pages on a big base, and a smaller cache spilled them to the
  // log mid-transaction, writing them twice.
  sqlite.pragma("cache_size = -262144");
  // Reads straight from the mapped file instead of a read() system call per page: on a 1M-contact
  // database this halves the lookup's time. Address space only; the OS decides what stays in RAM.
  sqlite.pragma("mmap_size = 17179869184");
  // The reader refuses writes, so nothing can write around the writer's transactions.
  if (options.readOnly) sqlite.pragma("query_only = ON");
  // Commits leave the log to the checkpointer's thread (startCheckpointer).
  if (options.checkpoints === "elsewhere") sqlite.pragma("wal_autocheckpoint = 0");
  const dialect = new CountingSqliteDialect({ database: withStatementCache(sqlite) }, options.lock ?? null);
  const db = new Kysely<Database>({ dialect });
  return {
    db,
    waiting: () => dialect.waiting + (options.lock?.waiting() ?? 0),
    close: async () => {
      await db.destroy();
      // Kysely closes only a connection it has used: a reader nothing read through stayed open,
      // and its hold on the file kept the next opener from leaving WAL mode.
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * Kysely's SQLite dialect, counting the queries that wait for its one connection (held by a
 * transaction until it ends): the count is how an import knows someone else wants to write. With
 * a lock, the connection is also held only once this thread's turn to write comes, so that
 * another thread's transaction is waited for here, asynchronously, never inside SQLite.
 */
class CountingSqliteDialect extends SqliteDialect {
  waiting = 0;

  constructor(
    config: ConstructorParameters<typeof SqliteDialect>[0],
    private readonly lock: ThreadWriteLock | null,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    const release = driver.releaseConnection.bind(driver);
    driver.acquireConnection = async () => {
      this.waiting++;
      let connection: Awaited<ReturnType<Driver["acquireConnection"]>>;
      try {
        connection = await acquire();
      } finally {
        this.waiting--;
      }
      await this.lock?.acquire();
      return connection;
    };
    driver.releaseConnection = async (connection) => {
      this.lock?.release();
      await release(connection);
    };
    return driver;
  }
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; SQLite's prepare (parse and plan) then costs more than most of
 * Rapport's indexed reads. Statements are kept by their SQL text and reused: Kysely runs one query
 * at a time on this connection, so a statement is never used twice at once.
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (!statement) {
        // Queries are built from code, so distinct texts are few; the bound only guards a leak.
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = sqlite.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

// COUNT(*) and SUM() answer bigint and numeric, which pg gives as strings by default; every
// number Rapport stores fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

function connectPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
