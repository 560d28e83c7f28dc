import type { StoreFeature } from "../store/types.ts";

/**
 * The ctx index's tables: files, items (symbols and sections), their full-text index, the references
 * in each file (version 2), the map's ranks (version 3), walk and build state.
 */
export const CTX_INDEX_FEATURE: StoreFeature = {
  name: "ctx_index",
  version: 3,
  // The full-text table against its rows (FTS5's own integrity-check), and a rebuild from them.
  check(db) {
    // A file the index was never built in has nothing to check.
    if (!db.query("SELECT 1 FROM sqlite_master WHERE name = 'ctx_fts'").get()) return ["ok"];
    db.run("INSERT INTO ctx_fts(ctx_fts) VALUES ('integrity-check')");
    return ["ok"];
  },
  repair(db) {
    db.run("INSERT INTO ctx_fts(ctx_fts) VALUES ('rebuild')");
  },
  schema: `CREATE TABLE IF NOT EXISTS ctx_files (
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
-- Identifier queries look items up by name (a full scan took 2.5 ms on the stdlib's 19k items).
CREATE INDEX IF NOT EXISTS ctx_items_by_name ON ctx_items(name);
CREATE INDEX IF NOT EXISTS ctx_items_by_qualified_name ON ctx_items(qualified_name);
CREATE VIRTUAL TABLE IF NOT EXISTS ctx_fts USING fts5(names, signature, doc, body, path, tokenize = 'porter unicode61');
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
CREATE INDEX IF NOT EXISTS ctx_refs_by_file ON ctx_refs(file_rel);
-- The PageRank of each definition as the last unfocused ctx map computed it (src/graph/map.ts), good
-- while ctx_meta's 'generation' is the one recorded with them under 'ranks'.
CREATE TABLE IF NOT EXISTS ctx_ranks (item_id TEXT PRIMARY KEY, rank REAL NOT NULL) WITHOUT ROWID;
-- The directories a build walked: one whose time changed has gained or lost files since.
CREATE TABLE IF NOT EXISTS ctx_dirs (dir_rel TEXT PRIMARY KEY, mtime_ms REAL NOT NULL);
-- 'build' = 'running' from a build's first write to its last: still there, the build did not finish.
CREATE TABLE IF NOT EXISTS ctx_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`,
};
