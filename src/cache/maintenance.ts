import { statSync } from "node:fs";
import { fail, ok, type Result } from "../core/result.ts";
import { openDatabase, SCHEMA_VERSION } from "./database.ts";
import { cacheDbPath } from "./paths.ts";
import type { CacheStats } from "./types.ts";

export interface CacheReport extends CacheStats {
  db_path: string;
  exists: boolean;
  db_file_bytes: number;
  schema_version: number;
}

function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Real counters kept in the database; creates nothing when there is no cache yet. */
export function cacheStats(segmentRoot: string): Result<CacheReport> {
  const dbPath = cacheDbPath(segmentRoot);
  const empty: CacheReport = { db_path: dbPath, exists: false, db_file_bytes: 0, schema_version: SCHEMA_VERSION, entries: 0, bytes: 0, hits: 0, misses: 0, hit_rate: 0 };
  try {
    const opened = openDatabase(dbPath, { create: false });
    if (!opened) return ok(empty);
    try {
      const { db } = opened;
      const totals = db.query("SELECT COUNT(*) AS entries, COALESCE(SUM(value_bytes), 0) AS bytes FROM cache").get() as { entries: number; bytes: number };
      const counters = Object.fromEntries(
        (db.query("SELECT name, value FROM counters").all() as { name: string; value: number }[]).map((r) => [r.name, r.value]),
      );
      const hits = counters.hits ?? 0;
      const misses = counters.misses ?? 0;
      return ok({
        ...empty,
        exists: true,
        db_file_bytes: fileBytes(dbPath),
        entries: totals.entries,
        bytes: totals.bytes,
        hits,
        misses,
        hit_rate: hits + misses === 0 ? 0 : Number((hits / (hits + misses)).toFixed(4)),
      });
    } finally {
      opened.db.close();
    }
  } catch (error) {
    return fail("INTERNAL_ERROR", `cannot read the cache database: ${(error as Error).message}`, { db_path: dbPath });
  }
}

export interface ClearReport {
  db_path: string;
  existed: boolean;
  removed_entries: number;
}

/** Empties the cache in one write transaction, so processes using it at the same time see either all or nothing. */
export function clearCache(segmentRoot: string): Result<ClearReport> {
  const dbPath = cacheDbPath(segmentRoot);
  try {
    const opened = openDatabase(dbPath, { create: false });
    if (!opened) return ok({ db_path: dbPath, existed: false, removed_entries: 0 });
    try {
      const { db } = opened;
      const removed = db
        .transaction(() => {
          const { changes } = db.run("DELETE FROM cache");
          db.run("UPDATE counters SET value = 0");
          return changes;
        })
        .immediate();
      return ok({ db_path: dbPath, existed: true, removed_entries: removed });
    } finally {
      opened.db.close();
    }
  } catch (error) {
    return fail("INTERNAL_ERROR", `cannot clear the cache database: ${(error as Error).message}`, { db_path: dbPath });
  }
}
