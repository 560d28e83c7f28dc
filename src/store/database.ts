import { Database } from "bun:sqlite";
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readSync, statSync, writeFileSync, type Stats } from "node:fs";
import { dirname } from "node:path";
import { quarantine } from "./quarantine.ts";
import { bypassReason, isCorruption } from "./sqlite-errors.ts";
import type { StorageReason, StoreEventSink, StoreFeature } from "./types.ts";

/**
 * The file's layout (`PRAGMA user_version`), for older and newer binaries: 1 the AST cache, 2 the ctx
 * index, 3 names indexed and directory times, each feature's tables versioned since in `store_features`
 * (a file of a newer layout is never opened by an older binary: it is moved aside). Migrations only add.
 */
export const SCHEMA_VERSION = 3;
/**
 * Databases up to this size get a full `PRAGMA quick_check` on open (~0.6 ms per MiB here); larger
 * ones are checked page by page as SQLite reads them, by row checksums, and fully by cache-verify.
 */
export const QUICK_CHECK_MAX_BYTES = 1024 * 1024;

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

export type OpenResult = { ok: true; value: OpenedDatabase } | { ok: false; reason: StorageReason; detail: string } | { ok: false; reason: "absent" };

export interface OpenOptions {
  readonly create: boolean;
  readonly lockTimeoutMs: number;
  readonly maxDbBytes?: number | null;
  readonly events?: StoreEventSink;
  /** When the file exists but cannot be written, open it read-only instead of failing. */
  readonly readOnlyFallback?: boolean;
  /** The tables the caller works with: created or migrated on open (each feature brings its own). */
  readonly features: readonly StoreFeature[];
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
  const linked = linkedPathPart(dbPath);
  if (linked) return { ok: false, reason: "unsafe_cache_path", detail: `${linked} is a symbolic link; trifecta keeps its database only in the segment's own .trifecta/cache directory` };
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
      ensureFeatures(db, options.features);
      const opened = existed ? inode : (statOrNull(dbPath)?.ino ?? null);
      return { ok: true, value: { db, existed: existed && recoveredFrom === null, journalMode, recoveredFrom, inode: opened, readOnly: false } };
    } catch (error) {
      db?.close();
      if (isCorruption(error) && attempt === 0) {
        recoveredFrom = moveAside(dbPath, inode, (error as Error).message, options.events) ?? recoveredFrom;
        continue;
      }
      const reason = bypassReason(error, dbPath);
      if (reason === "read_only" && existed && options.readOnlyFallback) return openReadOnly(dbPath, inode, options.features, (error as Error).message);
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
function openReadOnly(dbPath: string, inode: number | null, features: readonly StoreFeature[], why: string): OpenResult {
  const attempts = [() => new Database(dbPath, SQLITE_OPEN_READONLY), () => new Database(`file:${dbPath.replace(/[%?#]/g, encodeURIComponent)}?immutable=1`, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)];
  for (const open of attempts) {
    let db: Database | undefined;
    try {
      db = open();
      if (userVersion(db) !== SCHEMA_VERSION || missingFeatures(features, recordedVersions(db)).length > 0) {
        db.close();
        return { ok: false, reason: "read_only", detail: `${why}; the read-only database lacks the tables asked for` };
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

const FEATURES_TABLE = "CREATE TABLE IF NOT EXISTS store_features (name TEXT PRIMARY KEY, version INTEGER NOT NULL)";

/** Each feature's version as the file records it; null before `store_features` existed (a fresh file, or an older one). */
function recordedVersions(db: Database): Map<string, number> | null {
  try {
    const rows = db.query("SELECT name, version FROM store_features").all() as { name: string; version: number }[];
    return new Map(rows.map((r) => [r.name, r.version]));
  } catch {
    return null;
  }
}

/** The features whose tables the file lacks at the version asked for (all of them before `store_features` existed). */
function missingFeatures(features: readonly StoreFeature[], versions: ReadonlyMap<string, number> | null): StoreFeature[] {
  return versions === null ? [...features] : features.filter((f) => (versions.get(f.name) ?? 0) < f.version);
}

/**
 * Creates or migrates what the asked-for features need; many processes may open a fresh file at
 * once: the first writer creates, the rest see it done. One read when everything is there.
 */
function ensureFeatures(db: Database, features: readonly StoreFeature[]): void {
  if (missingFeatures(features, recordedVersions(db)).length === 0 && userVersion(db) === SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(FEATURES_TABLE);
    const upsert = db.query("INSERT INTO store_features(name, version) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET version = excluded.version");
    // Read again inside the write: another process may have created or migrated features meanwhile.
    const recorded = recordedVersions(db) ?? new Map<string, number>();
    // A file of an older layout gets every feature's (idempotent, additive) schema again.
    const due = userVersion(db) < SCHEMA_VERSION ? features : missingFeatures(features, recorded);
    for (const feature of due) {
      feature.migrate?.(db, recorded.get(feature.name) ?? 0);
      db.exec(feature.schema);
      upsert.run(feature.name, feature.version);
    }
    if (userVersion(db) < SCHEMA_VERSION) db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
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

function moveAside(dbPath: string, inode: number | null, detail: string, events?: StoreEventSink): string | null {
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
