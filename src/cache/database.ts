import { Database } from "bun:sqlite";
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readSync, statSync, writeFileSync, type Stats } from "node:fs";
import { dirname } from "node:path";
import { quarantine } from "./quarantine.ts";
import { bypassReason, isCorruption } from "./sqlite-errors.ts";
import type { BypassReason, CacheEventSink } from "./types.ts";

/** 1: the AST cache. 2: adds the ctx index (files, items, FTS5). 3: indexes items by name, directory times. Migrations only add. */
export const SCHEMA_VERSION = 3;
/**
 * Databases up to this size get a full `PRAGMA quick_check` on open (~0.6 ms per MiB here); larger
 * ones are checked page by page as SQLite reads them, by row checksums, and fully by cache-verify.
 */
export const QUICK_CHECK_MAX_BYTES = 1024 * 1024;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS cache (
  key TEXT PRIMARY KEY,
  file_rel TEXT NOT NULL,
  value TEXT NOT NULL,
  value_bytes INTEGER NOT NULL,
  checksum TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_access INTEGER NOT NULL,
  hit_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS cache_by_file ON cache(file_rel);
CREATE INDEX IF NOT EXISTS cache_by_access ON cache(last_access);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO counters(name, value) VALUES ('hits', 0), ('misses', 0);
-- Totals kept by triggers, so budgets are checked without scanning the table.
INSERT OR IGNORE INTO counters(name, value) SELECT 'entries', COUNT(*) FROM cache;
INSERT OR IGNORE INTO counters(name, value) SELECT 'bytes', COALESCE(SUM(value_bytes), 0) FROM cache;
CREATE TRIGGER IF NOT EXISTS cache_totals_insert AFTER INSERT ON cache BEGIN
  UPDATE counters SET value = value + 1 WHERE name = 'entries';
  UPDATE counters SET value = value + NEW.value_bytes WHERE name = 'bytes';
END;
CREATE TRIGGER IF NOT EXISTS cache_totals_delete AFTER DELETE ON cache BEGIN
  UPDATE counters SET value = value - 1 WHERE name = 'entries';
  UPDATE counters SET value = value - OLD.value_bytes WHERE name = 'bytes';
END;
CREATE TRIGGER IF NOT EXISTS cache_totals_update AFTER UPDATE OF value_bytes ON cache BEGIN
  UPDATE counters SET value = value - OLD.value_bytes + NEW.value_bytes WHERE name = 'bytes';
END;
CREATE TABLE IF NOT EXISTS ctx_files (
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
-- The directories a build walked: one whose time changed has gained or lost files since.
CREATE TABLE IF NOT EXISTS ctx_dirs (dir_rel TEXT PRIMARY KEY, mtime_ms REAL NOT NULL);
-- 'build' = 'running' from a build's first write to its last: still there, the build did not finish.
CREATE TABLE IF NOT EXISTS ctx_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export interface OpenedDatabase {
  readonly db: Database;
  /** Whether a usable file was there before this open (for `cold_cache_db_missing`). */
  readonly existed: boolean;
  readonly journalMode: string;
  /** Set when a damaged file was found and moved aside during this open. */
  readonly recoveredFrom: string | null;
  /** The file's inode, so a later recovery moves aside this file and never one another process just made. */
  readonly inode: number | null;
  /** Opened for reading only (the segment cannot be written): answers come from it, nothing is stored. */
  readonly readOnly: boolean;
}

export type OpenResult = { ok: true; value: OpenedDatabase } | { ok: false; reason: BypassReason; detail: string } | { ok: false; reason: "absent" };

export interface OpenOptions {
  readonly create: boolean;
  readonly lockTimeoutMs: number;
  readonly maxDbBytes?: number | null;
  readonly events?: CacheEventSink;
  /** When the file exists but cannot be written, open it read-only instead of failing. */
  readonly readOnlyFallback?: boolean;
}

/**
 * Opens the cache database with the settings every process shares, checking it first.
 * A damaged file (not a database, truncated, failing quick_check, a newer schema) is moved aside
 * and replaced by a fresh one; failures that are not damage come back as a bypass reason.
 *
 * SQLite can answer SQLITE_BUSY at once, without its busy handler, while other processes are
 * creating the same file and switching it to WAL (seen: 1 run in 30 with two `ctx build`s and ten
 * `ast symbols` on a fresh segment). Such a busy open is tried again until the lock timeout is spent.
 */
export function openDatabase(dbPath: string, options: OpenOptions): OpenResult {
  const deadline = performance.now() + options.lockTimeoutMs;
  for (;;) {
    const remaining = Math.max(0, deadline - performance.now());
    const result = openOnce(dbPath, { ...options, lockTimeoutMs: remaining });
    if (result.ok || result.reason !== "lock_timeout" || remaining === 0) return result;
    Bun.sleepSync(Math.min(10, remaining));
  }
}

/**
 * The database must be where its path says, inside the segment: a `.trifecta` or `.trifecta/cache`
 * that is a symbolic link (or a database file or sidecar that is one) would move every read and
 * write elsewhere, so it is refused, never followed.
 */
function linkedPathPart(dbPath: string): string | null {
  const cacheDir = dirname(dbPath);
  for (const path of [dirname(cacheDir), cacheDir, dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) {
    try {
      if (lstatSync(path).isSymbolicLink()) return path;
    } catch {
      // absent: nothing to follow
    }
  }
  return null;
}

function openOnce(dbPath: string, options: OpenOptions): OpenResult {
  const linked = linkedPathPart(dbPath);
  if (linked) return { ok: false, reason: "unsafe_cache_path", detail: `${linked} is a symbolic link; trifecta keeps its database only in the segment's own .trifecta/cache directory` };
  let recoveredFrom: string | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    // One stat answers whether the file is there, which file it is (for quarantine) and its size.
    const stat = statOrNull(dbPath);
    const existed = stat !== null;
    if (!existed && !options.create) return { ok: false, reason: "absent" };
    const inode = stat?.ino ?? null;
    const damage = stat ? inspectFile(dbPath, stat.size) : null;
    if (damage) {
      recoveredFrom = moveAside(dbPath, inode, damage, options.events) ?? recoveredFrom;
      continue;
    }
    let db: Database | undefined;
    try {
      if (!existed) prepareCacheDir(dbPath);
      db = new Database(dbPath, { create: options.create, readwrite: true, strict: true });
      const journalMode = configure(db, options);
      const version = userVersion(db);
      const problem = checkContents(version, db, stat?.size ?? 0);
      if (problem) {
        db.close();
        recoveredFrom = moveAside(dbPath, inode, problem, options.events) ?? recoveredFrom;
        continue;
      }
      if (version !== SCHEMA_VERSION) ensureSchema(db);
      const opened = existed ? inode : (statOrNull(dbPath)?.ino ?? null);
      return { ok: true, value: { db, existed: existed && recoveredFrom === null, journalMode, recoveredFrom, inode: opened, readOnly: false } };
    } catch (error) {
      db?.close();
      if (isCorruption(error) && attempt === 0) {
        recoveredFrom = moveAside(dbPath, inode, (error as Error).message, options.events) ?? recoveredFrom;
        continue;
      }
      const reason = bypassReason(error, dbPath);
      if (reason === "read_only" && existed && options.readOnlyFallback) return openReadOnly(dbPath, inode, (error as Error).message);
      return { ok: false, reason, detail: (error as Error).message };
    }
  }
  return { ok: false, reason: "cache_unavailable", detail: "the cache database stayed damaged after recovery" };
}

// SQLite's open flags (sqlite3.h): read-only, and a `file:` URI name (for `immutable=1`).
const SQLITE_OPEN_READONLY = 0x01;
const SQLITE_OPEN_URI = 0x40;

/**
 * A database that exists on a segment this process may not write (a read-only mount, another
 * user's checkout): read as it is, nothing written. A WAL database needs its `-shm` file, which a
 * read-only directory may not let SQLite create; then the file is opened `immutable` (no locks,
 * no WAL: nobody can be writing it where nobody may write).
 */
function openReadOnly(dbPath: string, inode: number | null, why: string): OpenResult {
  const attempts = [() => new Database(dbPath, SQLITE_OPEN_READONLY), () => new Database(`file:${dbPath.replace(/[%?#]/g, encodeURIComponent)}?immutable=1`, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)];
  for (const open of attempts) {
    let db: Database | undefined;
    try {
      db = open();
      if (userVersion(db) !== SCHEMA_VERSION) {
        db.close();
        return { ok: false, reason: "read_only", detail: `${why}; the read-only database has another schema version` };
      }
      const journalMode = (db.query("PRAGMA journal_mode").get() as { journal_mode: string }).journal_mode;
      return { ok: true, value: { db, existed: true, journalMode, recoveredFrom: null, inode, readOnly: true } };
    } catch {
      db?.close();
    }
  }
  return { ok: false, reason: "read_only", detail: why };
}

/**
 * `busy_timeout` comes before `journal_mode=WAL`: in the other order processes racing on a fresh
 * file fail with SQLITE_BUSY instead of waiting. Where WAL is not available (some network and VM
 * file systems) SQLite keeps the old mode; then a rollback journal is used.
 */
function configure(db: Database, options: OpenOptions): string {
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.lockTimeoutMs))}; PRAGMA synchronous = NORMAL`);
  let mode = (db.query("PRAGMA journal_mode = WAL").get() as { journal_mode: string }).journal_mode;
  if (mode !== "wal" && mode !== "memory") mode = (db.query("PRAGMA journal_mode = DELETE").get() as { journal_mode: string }).journal_mode;
  if (options.maxDbBytes) {
    const pageSize = (db.query("PRAGMA page_size").get() as { page_size: number }).page_size;
    db.exec(`PRAGMA max_page_count = ${Math.max(8, Math.floor(options.maxDbBytes / pageSize))}`);
  }
  return mode;
}

function userVersion(db: Database): number {
  return (db.query("PRAGMA user_version").get() as { user_version: number }).user_version;
}

/** Damage SQLite can tell us about cheaply: a newer schema, and quick_check on small files. */
function checkContents(version: number, db: Database, fileBytes: number): string | null {
  if (version > SCHEMA_VERSION) return `schema version ${version} is newer than this trifecta's ${SCHEMA_VERSION}`;
  if (version === SCHEMA_VERSION && fileBytes <= QUICK_CHECK_MAX_BYTES) {
    const rows = db.query("PRAGMA quick_check").all() as { quick_check: string }[];
    if (rows.length !== 1 || rows[0]!.quick_check !== "ok") return `quick_check: ${rows.map((r) => r.quick_check).slice(0, 3).join("; ")}`;
  }
  return null;
}

/** Creates or migrates the schema; many processes may open a fresh file at once: the first writer creates, the rest see it done. */
function ensureSchema(db: Database): void {
  db.transaction(() => {
    if (userVersion(db) === SCHEMA_VERSION) return;
    db.exec(SCHEMA);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

const MAGIC = "SQLite format 3\0";

/** Damage visible in the file header: not a database, or shorter than the pages it declares. */
function inspectFile(dbPath: string, size: number): string | null {
  let fd: number | undefined;
  try {
    if (size === 0) return null; // SQLite treats an empty file as an empty database
    fd = openSync(dbPath, "r");
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    if (read < 100 || header.toString("latin1", 0, 16) !== MAGIC) return "not a SQLite database";
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pageCount = header.readUInt32BE(28);
    const countValid = header.readUInt32BE(92) === header.readUInt32BE(24);
    // With a live WAL the main file may legitimately lag behind; SQLite itself checks that case.
    if (countValid && pageCount > 0 && size < pageSize * pageCount && fileSize(`${dbPath}-wal`) === 0) {
      return `truncated: ${size} bytes, header declares ${pageCount} pages of ${pageSize}`;
    }
    return null;
  } catch {
    return null; // unreadable files surface as open errors
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function moveAside(dbPath: string, inode: number | null, detail: string, events?: CacheEventSink): string | null {
  const movedTo = quarantine(dbPath, inode);
  events?.({ type: "corruption_detected", scope: "database", detail, quarantined_as: movedTo ?? undefined });
  return movedTo;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null; // unreadable: surfaces as an open error
  }
}

function fileSize(path: string): number {
  return statOrNull(path)?.size ?? 0;
}

/** Creates `.trifecta/cache/`, and `.trifecta/.gitignore` (`*`) when `.trifecta` is new. */
function prepareCacheDir(dbPath: string): void {
  const cacheDir = dirname(dbPath);
  const trifectaDir = dirname(cacheDir);
  const newTrifectaDir = !existsSync(trifectaDir);
  mkdirSync(cacheDir, { recursive: true });
  if (newTrifectaDir) writeFileSync(`${trifectaDir}/.gitignore`, "*\n");
}
