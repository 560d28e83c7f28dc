import { Database } from "bun:sqlite";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export const SCHEMA_VERSION = 1;
export const DEFAULT_LOCK_TIMEOUT_MS = 2000;

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
`;

export interface OpenedDatabase {
  readonly db: Database;
  /** Whether the file was there before this open (for `cold_cache_db_missing`). */
  readonly existed: boolean;
}

/**
 * Opens (creating when asked) the cache database with the settings every process must share.
 * `busy_timeout` comes before `journal_mode=WAL`: in the other order processes racing on a
 * fresh file fail with SQLITE_BUSY instead of waiting.
 */
export function openDatabase(dbPath: string, options: { create: boolean; lockTimeoutMs?: number }): OpenedDatabase | null {
  const existed = existsSync(dbPath);
  if (!existed && !options.create) return null;
  if (!existed) prepareCacheDir(dbPath);
  const db = new Database(dbPath, { create: options.create, readwrite: true, strict: true });
  try {
    db.exec(`PRAGMA busy_timeout = ${options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS}`);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    ensureSchema(db);
    return { db, existed };
  } catch (error) {
    db.close();
    throw error;
  }
}

function userVersion(db: Database): number {
  return (db.query("PRAGMA user_version").get() as { user_version: number }).user_version;
}

function ensureSchema(db: Database): void {
  const version = userVersion(db);
  if (version === SCHEMA_VERSION) return;
  if (version > SCHEMA_VERSION) throw new Error(`cache schema ${version} is newer than this trifecta (${SCHEMA_VERSION})`);
  // Many processes may open a fresh file at once: the first writer creates, the rest see it done.
  db.transaction(() => {
    if (userVersion(db) === SCHEMA_VERSION) return;
    db.exec(SCHEMA);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** Creates `.trifecta/cache/`, and `.trifecta/.gitignore` (`*`) when `.trifecta` is new. */
function prepareCacheDir(dbPath: string): void {
  const cacheDir = dirname(dbPath);
  const trifectaDir = dirname(cacheDir);
  const newTrifectaDir = !existsSync(trifectaDir);
  mkdirSync(cacheDir, { recursive: true });
  if (newTrifectaDir) writeFileSync(`${trifectaDir}/.gitignore`, "*\n");
}
