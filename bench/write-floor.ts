/**
 * The write floor under the import budget: how long SQLite itself takes to store as many new
 * contacts as the import benchmark creates, with every index row the server writes for a contact
 * (the contact, its addresses, phones, search terms, match keys, facts and an audit entry), by
 * plain prepared statements in one transaction, with no matching, no checks and no JavaScript
 * beyond binding values. Each new contact copies the side rows of an existing one, so the keys
 * land where real ones would. No budget: it says how much of "dry run plus apply under 15 s" is
 * left once the bare writes are done, on this machine and this schema.
 */
import Sqlite from "better-sqlite3";
import { contactRecords } from "../server/src/modules/contacts/contacts.repo.ts";
import type { Figure } from "./lib/results.ts";

/** The tables the contacts' record store mirrors each contact into, so the floor follows the schema. */
const SIDE_TABLES = (contactRecords.mirrors ?? []).map((mirror) => mirror.table);

type Row = Record<string, unknown>;

export function writeFloorFigures(file: string, contacts: number, log: (line: string) => void): Figure[] {
  const db = new Sqlite(file);
  try {
    // The server's writing connection's settings (server/src/db/connect.ts).
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("cache_size = -262144");
    db.pragma("mmap_size = 17179869184");
    const templates = templatesOf(db, contacts);
    const insert = inserter(db);
    const now = new Date().toISOString();
    const started = performance.now();
    db.exec("begin");
    templates.forEach(({ contact, sides }, k) => {
      const id = `con_floor${k.toString(36).padStart(12, "0")}`;
      insert("contacts", { ...contact, id });
      for (const [table, rows] of sides) for (const row of rows) insert(table, { ...row, contact_id: id });
      insert("audit_entries", {
        id: `aud_floor${k}`,
        at: now,
        action: "create",
        entity: "contact",
        entity_id: id,
        detail: "{}",
      });
    });
    const written = performance.now();
    db.exec("commit");
    const committed = performance.now();
    const statementsMs = written - started;
    const commitMs = committed - written;
    log(
      `write floor: ${contacts.toLocaleString("en")} contacts by raw SQL in ${(statementsMs / 1000).toFixed(1)} s + commit ${(commitMs / 1000).toFixed(1)} s`,
    );
    const s = (name: string, ms: number): Figure => ({
      name,
      value: ms / 1000,
      unit: "s",
      budget: null,
      better: "lower",
    });
    const label = `${(contacts / 1000).toFixed(0)}k`;
    return [
      s(`write floor: ${label} new contacts, raw SQL statements`, statementsMs),
      s(`write floor: ${label} new contacts, one commit`, commitMs),
    ];
  } finally {
    db.close();
  }
}

/** `count` existing contacts spread over the whole table, each with its side rows. */
function templatesOf(db: Sqlite.Database, count: number) {
  const last = (db.prepare("select max(rowid) as n from contacts").get() as { n: number }).n;
  const contact = db.prepare("select * from contacts where rowid = ?");
  const side = new Map(SIDE_TABLES.map((table) => [table, db.prepare(`select * from ${table} where contact_id = ?`)]));
  const step = last / count;
  return Array.from({ length: count }, (_, k) => {
    const row = contact.get(1 + Math.floor(k * step)) as Row;
    const sides = [...side].map(([table, read]) => [table, read.all(row.id) as Row[]] as const);
    return { contact: row, sides };
  });
}

/** Inserts a row into a table with one prepared statement per table and column list. */
function inserter(db: Sqlite.Database) {
  const statements = new Map<string, Sqlite.Statement>();
  return (table: string, row: Row) => {
    const columns = Object.keys(row);
    const key = `${table}(${columns})`;
    let statement = statements.get(key);
    if (!statement) {
      statement = db.prepare(
        `insert into ${table} (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`,
      );
      statements.set(key, statement);
    }
    statement.run(columns.map((column) => row[column]));
  };
}
