import { Database } from "bun:sqlite";
import type { StoreFeature } from "../store/types.ts";

/**
 * The full-text table holds no copy of the text it indexes (`content=''`): nothing reads the text back
 * (answers come from ctx_items and the files), and the copy was most of what an index write wrote. The
 * standard library's index from a full AST cache (`ctx build`, 5 runs each, interleaved): 1.08 → 0.90 s,
 * the file 31.4 → 25.0 MB, every search answer the same. Rows are deleted by rowid (`contentless_delete`,
 * SQLite 3.43+); an older SQLite (macOS 13's own) gets the table with its copy, which answers the same.
 */
const FTS_COLUMNS = "names, signature, doc, body, path, tokenize = 'porter unicode61'";

let contentlessDelete: boolean | undefined;
function supportsContentlessDelete(): boolean {
  if (contentlessDelete === undefined) {
    const probe = new Database(":memory:");
    try {
      probe.run("CREATE VIRTUAL TABLE probe USING fts5(x, content='', contentless_delete=1)");
      contentlessDelete = true;
    } catch {
      contentlessDelete = false;
    } finally {
      probe.close();
    }
  }
  return contentlessDelete;
}

function fullTextTable(): string {
  return `CREATE VIRTUAL TABLE IF NOT EXISTS ctx_fts USING fts5(${FTS_COLUMNS}${supportsContentlessDelete() ? ", content='', contentless_delete=1" : ""});`;
}

/** Forgets the index's rows, all derived from source files: the next build writes them again (from the AST cache). */
function forgetRows(db: Database): void {
  // Those of the tables there are: a file of version 1 has no ctx_refs or ctx_ranks yet.
  for (const table of ["ctx_items", "ctx_files", "ctx_refs", "ctx_uses", "ctx_ranks", "ctx_dirs", "ctx_meta"]) {
    if (db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) db.run(`DELETE FROM ${table}`);
  }
}

/** The full-text table's DDL as the file holds it, or null when the index was never built in the file. */
const fullTextSql = (db: Database) => (db.query("SELECT sql FROM sqlite_master WHERE name = 'ctx_fts'").get() as { sql: string } | null)?.sql ?? null;
const holdsText = (sql: string) => !/content\s*=\s*''/.test(sql);

/** The full-text table and the rows it indexed go (made again by the schema, or by the caller). */
function dropFullText(db: Database): void {
  db.run("DROP TABLE ctx_fts");
  forgetRows(db);
}

/**
 * The ctx index's tables: files, items (symbols and sections), their full-text index, the references
 * in each file (version 2), the map's ranks (version 3), walk and build state. Version 4: the
 * full-text table without its copy of the text; a file of an older version forgets its index rows
 * (the next build writes them again from the AST cache, at cache-hit speed). Version 5: the qualified
 * uses of names in each file (src/ctx/uses.ts), written by the build that the new TEXT_FORMAT asks for.
 * Version 6: an index on the references' receivers (a type's uses through its members).
 */
export const CTX_INDEX_FEATURE: StoreFeature = {
  name: "ctx_index",
  version: 6,
  // FTS5's own integrity-check of the full-text table.
  check(db) {
    // A file the index was never built in has nothing to check.
    if (fullTextSql(db) === null) return ["ok"];
    db.run("INSERT INTO ctx_fts(ctx_fts) VALUES ('integrity-check')");
    return ["ok"];
  },
  // A table with its copy of the text is rebuilt from it; one without is made anew, empty, with the
  // index's rows forgotten, so the next build indexes every file again.
  repair(db) {
    if (holdsText(fullTextSql(db) ?? "")) {
      db.run("INSERT INTO ctx_fts(ctx_fts) VALUES ('rebuild')");
      return;
    }
    db.transaction(() => {
      dropFullText(db);
      db.exec(fullTextTable());
    }).immediate();
  },
  // From an older version: its full-text table (with the copy) goes, with the rows it indexed.
  migrate(db, from) {
    if (from === 0 || from >= 4 || !supportsContentlessDelete()) return;
    const sql = fullTextSql(db);
    if (sql !== null && holdsText(sql)) dropFullText(db);
  },
  get schema() {
    return SCHEMA.replace("@FULL_TEXT_TABLE@", fullTextTable()).replace("@NAME_INDEXES@", NAME_INDEXES);
  },
};

/**
 * Identifier queries look items up by name (a full scan took 2.5 ms on the stdlib's 19k items). Items
 * arrive in file order, so these two are the indexes a bulk load updates at random: a build into an
 * empty index drops them and makes them once at its end (ContextIndex.loadInBulk), which took the
 * stdlib's 25,994 item inserts from 229–261 ms to 114–142 ms plus 53–56 ms to make them.
 */
export const NAME_INDEXES = `CREATE INDEX IF NOT EXISTS ctx_items_by_name ON ctx_items(name);
CREATE INDEX IF NOT EXISTS ctx_items_by_qualified_name ON ctx_items(qualified_name);`;
export const DROP_NAME_INDEXES = "DROP INDEX IF EXISTS ctx_items_by_name; DROP INDEX IF EXISTS ctx_items_by_qualified_name;";

const SCHEMA = `CREATE TABLE IF NOT EXISTS ctx_files (
  file_rel TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  parse_status TEXT NOT NULL,
  items INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS ctx_items (
  rowid INTEGER PRIMARY KEY,
  item_id TEXT NOT NULL UNIQUE,
  file_rel TEXT NOT NULL,
  lang TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  qualified_name TEXT NOT NULL,
  line INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  signature TEXT NOT NULL,
  doc TEXT,
  parent TEXT
);
CREATE INDEX IF NOT EXISTS ctx_items_by_file ON ctx_items(file_rel);
@NAME_INDEXES@
@FULL_TEXT_TABLE@
-- The uses of names in each file, as written (src/extract/types.ts ReferenceRecord); they are resolved
-- to definitions when asked (src/graph/), so a changed file never leaves another file's rows stale.
CREATE TABLE IF NOT EXISTS ctx_refs (
  file_rel TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  from_name TEXT,
  -- The id of that definition (the last of its name in the file starting at or before the use).
  from_id TEXT,
  receiver TEXT,
  module TEXT,
  alias TEXT
);
CREATE INDEX IF NOT EXISTS ctx_refs_by_name ON ctx_refs(name);
-- Uses written on a type (ExitCode.success, Timeout.NONE) are uses of it too (src/graph/references.ts).
CREATE INDEX IF NOT EXISTS ctx_refs_by_receiver ON ctx_refs(receiver);
CREATE INDEX IF NOT EXISTS ctx_refs_by_file ON ctx_refs(file_rel);
-- Each file's uses of a name by what they are written on (src/ctx/uses.ts): search's prior for the
-- definitions code leans on. Unlike ctx_refs, every build writes them: ~1/3 as many rows.
CREATE TABLE IF NOT EXISTS ctx_uses (
  name TEXT NOT NULL,
  qualifier TEXT NOT NULL,
  file_rel TEXT NOT NULL,
  uses INTEGER NOT NULL,
  PRIMARY KEY (name, qualifier, file_rel)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ctx_uses_by_file ON ctx_uses(file_rel);
-- The PageRank of each definition as the last unfocused ctx map computed it (src/graph/map.ts), good
-- while ctx_meta's 'generation' is the one recorded with them under 'ranks'.
CREATE TABLE IF NOT EXISTS ctx_ranks (item_id TEXT PRIMARY KEY, rank REAL NOT NULL) WITHOUT ROWID;
-- The directories a build walked: one whose time changed has gained or lost files since.
CREATE TABLE IF NOT EXISTS ctx_dirs (dir_rel TEXT PRIMARY KEY, mtime_ms REAL NOT NULL);
-- 'build' = 'running' from a build's first write to its last: still there, the build did not finish.
CREATE TABLE IF NOT EXISTS ctx_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
