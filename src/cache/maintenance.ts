import type { Database } from "bun:sqlite";
import { statSync } from "node:fs";
import { fail, ok, type Result } from "../core/result.ts";
import { openDatabase, SCHEMA_VERSION, type OpenedDatabase } from "../store/database.ts";
import { cacheDbPath } from "../store/paths.ts";
import { listQuarantined, quarantine } from "../store/quarantine.ts";
import { checksumOf } from "./sqlite-cache.ts";
import { bypassReason, isCorruption } from "../store/sqlite-errors.ts";
import type { StoreFeature } from "../store/types.ts";
import { AST_CACHE_FEATURE } from "./schema.ts";
import type { CacheEventSink, CacheSettings, RemoteStats } from "./types.ts";

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Opens an existing cache for a maintenance command; `null` when there is none. Never creates one. */
function withExisting<T>(segmentRoot: string, settings: CacheSettings, events: CacheEventSink | undefined, work: (opened: OpenedDatabase, dbPath: string) => T): Result<T | null> {
  const dbPath = cacheDbPath(segmentRoot);
  const opened = openDatabase(dbPath, { create: false, lockTimeoutMs: settings.lockTimeoutMs, events, features: [AST_CACHE_FEATURE] });
  if (!opened.ok) {
    if (opened.reason === "absent") return ok(null);
    const code = opened.reason === "lock_timeout" ? "CACHE_BUSY" : "CACHE_UNAVAILABLE";
    return fail(code, `cannot open the cache database: ${opened.detail}`, { db_path: dbPath, reason: opened.reason });
  }
  try {
    return ok(work(opened.value, dbPath));
  } catch (error) {
    const reason = bypassReason(error, dbPath);
    return fail(reason === "lock_timeout" ? "CACHE_BUSY" : "CACHE_UNAVAILABLE", `cache database error: ${(error as Error).message}`, { db_path: dbPath, reason });
  } finally {
    opened.value.db.close();
  }
}

export interface CacheReport {
  db_path: string;
  exists: boolean;
  schema_version: number;
  journal_mode: string | null;
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  hit_rate: number;
  db_file_bytes: number;
  wal_bytes: number;
  oldest_entry_age_s: number | null;
  newest_entry_age_s: number | null;
  limits: { max_bytes: number; max_entries: number; ttl_days: number };
  usage_percent: { bytes: number; entries: number };
  warnings: string[];
  quarantined: string[];
  /** The team cache's totals over every command that used one (src/cache/remote.ts). */
  remote: RemoteStats;
}

const REMOTE_COUNTERS: readonly (keyof RemoteStats)[] = ["hits", "misses", "rejected", "errors", "skipped", "bytes_in", "uploads", "bytes_out", "dropped"];
const emptyRemote = (): RemoteStats => Object.fromEntries(REMOTE_COUNTERS.map((name) => [name, 0])) as unknown as RemoteStats;

/**
 * Adds a command's team-cache totals to the counters of the segment's cache, when it has one (counted
 * after the command's uploads ended, so after the answer: the database is opened again for it).
 */
export function addRemoteCounters(segmentRoot: string, settings: CacheSettings, stats: RemoteStats): void {
  withExisting(segmentRoot, settings, undefined, ({ db }) =>
    db
      .transaction(() => {
        const add = db.query("INSERT INTO counters(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value");
        for (const name of REMOTE_COUNTERS) if (stats[name] > 0) add.run(`remote_${name}`, stats[name]);
      })
      .immediate(),
  );
}

const percent = (used: number, max: number) => Math.round((1000 * used) / max) / 10;

/** Real counters and sizes from the database; creates nothing when there is no cache yet. */
export function cacheStats(segmentRoot: string, settings: CacheSettings, events?: CacheEventSink): Result<CacheReport> {
  const { limits } = settings;
  const dbPath = cacheDbPath(segmentRoot);
  const base: CacheReport = {
    db_path: dbPath,
    exists: false,
    schema_version: SCHEMA_VERSION,
    journal_mode: null,
    entries: 0,
    bytes: 0,
    hits: 0,
    misses: 0,
    hit_rate: 0,
    db_file_bytes: 0,
    wal_bytes: 0,
    oldest_entry_age_s: null,
    newest_entry_age_s: null,
    limits: { max_bytes: limits.maxBytes, max_entries: limits.maxEntries, ttl_days: limits.ttlMs / 86_400_000 },
    usage_percent: { bytes: 0, entries: 0 },
    warnings: [],
    quarantined: [],
    remote: emptyRemote(),
  };
  const result = withExisting(segmentRoot, settings, events, ({ db, journalMode }) => {
    const totals = db.query("SELECT COUNT(*) AS entries, COALESCE(SUM(value_bytes), 0) AS bytes, MIN(created_at) AS oldest, MAX(created_at) AS newest FROM cache").get() as {
      entries: number;
      bytes: number;
      oldest: number | null;
      newest: number | null;
    };
    const counters = Object.fromEntries((db.query("SELECT name, value FROM counters").all() as { name: string; value: number }[]).map((r) => [r.name, r.value]));
    const hits = counters.hits ?? 0;
    const misses = counters.misses ?? 0;
    const now = Date.now();
    const usage = { bytes: percent(totals.bytes, limits.maxBytes), entries: percent(totals.entries, limits.maxEntries) };
    const warnings = Object.entries(usage)
      .filter(([, p]) => p > 90)
      .map(([limit, p]) => `${limit} at ${p}% of the limit (TRIFECTA_CACHE_MAX_${limit.toUpperCase()})`);
    return {
      ...base,
      exists: true,
      journal_mode: journalMode,
      entries: totals.entries,
      bytes: totals.bytes,
      hits,
      misses,
      hit_rate: hits + misses === 0 ? 0 : Number((hits / (hits + misses)).toFixed(4)),
      db_file_bytes: fileBytes(dbPath) + fileBytes(`${dbPath}-wal`),
      wal_bytes: fileBytes(`${dbPath}-wal`),
      oldest_entry_age_s: totals.oldest === null ? null : Math.round((now - totals.oldest) / 1000),
      newest_entry_age_s: totals.newest === null ? null : Math.round((now - totals.newest) / 1000),
      usage_percent: usage,
      warnings,
      remote: Object.fromEntries(REMOTE_COUNTERS.map((name) => [name, counters[`remote_${name}`] ?? 0])) as unknown as RemoteStats,
    };
  });
  if (!result.ok) return result;
  return ok({ ...(result.value ?? base), quarantined: listQuarantined(dbPath) });
}

export interface ClearReport {
  db_path: string;
  existed: boolean;
  removed_entries: number;
}

/** Empties the cache in one write transaction, so processes using it at the same time see all or nothing. */
export function clearCache(segmentRoot: string, settings: CacheSettings, events?: CacheEventSink): Result<ClearReport> {
  const dbPath = cacheDbPath(segmentRoot);
  const result = withExisting(segmentRoot, settings, events, ({ db }) =>
    db
      .transaction(() => {
        const { changes } = db.run("DELETE FROM cache");
        db.run("UPDATE counters SET value = 0 WHERE name IN ('hits', 'misses') OR name LIKE 'remote\\_%' ESCAPE '\\'");
        return changes;
      })
      .immediate(),
  );
  if (!result.ok) return result;
  return ok({ db_path: dbPath, existed: result.value !== null, removed_entries: result.value ?? 0 });
}

export interface VerifyReport {
  db_path: string;
  exists: boolean;
  integrity: string[];
  rows_checked: number;
  bad_rows: { key: string; problem: string }[];
  repaired: boolean;
  quarantined_as: string | null;
  clean: boolean;
  /** Each other feature's own check (the ctx index: `ctx_index`), `ok` or what failed. */
  [feature: string]: unknown;
}

function badRows(db: Database): { key: string; problem: string }[] {
  const bad: { key: string; problem: string }[] = [];
  for (const row of db.query("SELECT key, value, checksum FROM cache").iterate() as IterableIterator<{ key: string; value: string; checksum: string }>) {
    if (checksumOf(row.value) !== row.checksum) {
      bad.push({ key: row.key, problem: "checksum mismatch" });
      continue;
    }
    try {
      JSON.parse(row.value);
    } catch {
      bad.push({ key: row.key, problem: "value is not JSON" });
    }
  }
  return bad;
}

/** Runs a check; damage that makes the check itself fail (a table SQLite cannot read) is its finding. */
function findings(check: () => string[]): string[] {
  try {
    return check();
  } catch (error) {
    if (isCorruption(error) || /vtable constructor failed|malformed|no such table/i.test(String((error as Error).message))) return [String((error as Error).message)];
    throw error;
  }
}

const isOk = (found: readonly string[]) => found.length === 1 && found[0] === "ok";

/**
 * Full integrity check, every row's checksum, and each other feature's own check (the ctx index's
 * full-text table). With repair: bad rows go, a feature mends what it can (the ctx index makes its
 * full-text table anew, src/ctx/schema.ts), and a file whose damage cannot be mended is moved aside
 * so the next command starts fresh (then `ctx build` builds anew).
 */
export function verifyCache(segmentRoot: string, repair: boolean, features: readonly StoreFeature[], settings: CacheSettings, events?: CacheEventSink): Result<VerifyReport> {
  const dbPath = cacheDbPath(segmentRoot);
  const checkFeatures = (db: Database) => new Map(features.filter((f) => f.check).map((f) => [f.name, findings(() => f.check!(db))]));
  const result = withExisting(segmentRoot, settings, events, ({ db, recoveredFrom, inode }) => {
    const integrity = findings(() => (db.query("PRAGMA integrity_check").all() as { integrity_check: string }[]).map((r) => r.integrity_check));
    let bad: { key: string; problem: string }[] = [];
    let rowsChecked = 0;
    const rows = findings(() => {
      rowsChecked = (db.query("SELECT COUNT(*) AS n FROM cache").get() as { n: number }).n;
      bad = badRows(db);
      return ["ok"];
    });
    let checked = checkFeatures(db);
    const intact = isOk(integrity) && isOk(rows);
    let repaired = false;
    if (repair && intact && bad.length > 0) {
      db.transaction(() => {
        const remove = db.query("DELETE FROM cache WHERE key = ?");
        for (const { key } of bad) remove.run(key);
      }).immediate();
      repaired = true;
    }
    const failing = features.filter((f) => !isOk(checked.get(f.name) ?? ["ok"]));
    if (repair && intact && failing.length > 0) {
      for (const feature of failing) {
        findings(() => {
          feature.repair?.(db);
          return ["ok"];
        });
      }
      checked = checkFeatures(db);
      repaired = [...checked.values()].every(isOk);
    }
    return { intact, integrity: isOk(rows) ? integrity : [...integrity, ...rows].filter((f) => f !== "ok"), checked, rowsChecked, bad, repaired, quarantinedAs: recoveredFrom, inode };
  });
  if (!result.ok) return result;
  const allOk = Object.fromEntries(features.filter((f) => f.check).map((f) => [f.name, ["ok"]]));
  if (result.value === null) {
    return ok({ db_path: dbPath, exists: false, integrity: ["ok"], ...allOk, rows_checked: 0, bad_rows: [], repaired: false, quarantined_as: null, clean: true });
  }
  let { repaired, quarantinedAs } = result.value;
  const { intact, integrity, checked, rowsChecked, bad, inode } = result.value;
  const mendable = intact && [...checked.values()].every(isOk);
  if (repair && !mendable) {
    // The file itself is damaged: keep it as evidence and let the next command start fresh (this
    // file, by its inode: one another process has just put in its place is left alone).
    quarantinedAs = quarantine(dbPath, inode);
    const detail = [...integrity, ...[...checked.values()].flat()].filter((f) => f !== "ok").slice(0, 3).join("; ");
    events?.({ type: "corruption_detected", scope: "database", detail, quarantined_as: quarantinedAs ?? undefined });
    repaired = quarantinedAs !== null;
  }
  const clean = (mendable && bad.length === 0) || repaired;
  return ok({ db_path: dbPath, exists: true, integrity, ...Object.fromEntries(checked), rows_checked: rowsChecked, bad_rows: bad, repaired, quarantined_as: quarantinedAs, clean });
}
