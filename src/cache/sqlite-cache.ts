import type { Database } from "bun:sqlite";
import type { Extraction } from "../extract/types.ts";
import { openDatabase } from "./database.ts";
import { bypassReason, isCorruption } from "./sqlite-errors.ts";
import { quarantine } from "./quarantine.ts";
import type { AstCache, BypassReason, CacheEntry, CacheEventSink, CacheSettings, Lookup, MissReason, StoreOutcome } from "./types.ts";

export function checksumOf(value: string): string {
  return new Bun.CryptoHasher("sha256").update(value).digest("hex").slice(0, 16);
}

/** Lock waits shorter than this are not worth an event. */
const LOCK_WAIT_EVENT_MS = 5;
const SIZE_WARNING_RATIO = 0.9;

/**
 * The persistent cache: one connection per process, writes in BEGIN IMMEDIATE transactions,
 * every value checksummed, LRU/TTL eviction exact to the budget inside the write transaction.
 */
export class SqliteAstCache implements AstCache {
  private firstLookupReason: MissReason | null;

  private constructor(
    readonly dbPath: string,
    private db: Database,
    existedBefore: boolean,
    recovered: boolean,
    private readonly settings: CacheSettings,
    private readonly emit: CacheEventSink,
  ) {
    this.firstLookupReason = recovered ? "corrupt_db" : existedBefore ? null : "cold_cache_db_missing";
  }

  static open(dbPath: string, settings: CacheSettings, emit: CacheEventSink): SqliteAstCache | { failed: BypassReason } {
    const opened = openDatabase(dbPath, { create: true, lockTimeoutMs: settings.lockTimeoutMs, maxDbBytes: settings.maxDbBytes, events: emit });
    if (!opened.ok) {
      const reason = opened.reason === "absent" ? "cache_unavailable" : opened.reason;
      emit({ type: "bypass", reason, operation: "open" });
      return { failed: reason };
    }
    const { db, existed, recoveredFrom } = opened.value;
    return new SqliteAstCache(dbPath, db, existed, recoveredFrom !== null, settings, emit);
  }

  lookup(key: string): Lookup {
    const initialReason = this.firstLookupReason;
    this.firstLookupReason = null;
    try {
      const row = this.db.query("SELECT value, checksum, last_access FROM cache WHERE key = ?").get(key) as
        | { value: string; checksum: string; last_access: number }
        | null;
      let reason: MissReason;
      if (!row) {
        reason = initialReason ?? (this.isEmpty() ? "cold_cache_empty" : "key_miss");
      } else if (checksumOf(row.value) !== row.checksum) {
        this.dropCorruptRow(key);
        reason = "corrupt_entry";
      } else if (Date.now() - row.last_access > this.settings.limits.ttlMs) {
        reason = "expired";
      } else {
        const extraction = JSON.parse(row.value) as Extraction;
        this.recordHit(key);
        this.emit({ type: "hit", key });
        return { status: "hit", extraction };
      }
      this.emit({ type: "miss", key, reason });
      return { status: "miss", reason };
    } catch (error) {
      if (isCorruption(error) && this.recover(String((error as Error).message))) {
        this.emit({ type: "miss", key, reason: "corrupt_db" });
        return { status: "miss", reason: "corrupt_db" };
      }
      return this.bypass(error, "lookup");
    }
  }

  store(entry: CacheEntry): StoreOutcome {
    const value = JSON.stringify(entry.extraction);
    const bytes = Buffer.byteLength(value);
    const { limits } = this.settings;
    try {
      const written = this.writeTransaction("store", () => {
        this.db.run("UPDATE counters SET value = value + 1 WHERE name = 'misses'");
        // A file's older contents are never asked for again under this extractor.
        this.evict("superseded", "DELETE FROM cache WHERE file_rel = ? AND key <> ? RETURNING value_bytes", [entry.fileRel, entry.key]);
        this.evict("ttl", "DELETE FROM cache WHERE last_access < ? RETURNING value_bytes", [Date.now() - limits.ttlMs]);
        if (bytes > limits.maxBytes) return false;
        const before = this.totals();
        const now = Date.now();
        this.db.run(
          `INSERT INTO cache(key, file_rel, value, value_bytes, checksum, created_at, last_access)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET value = excluded.value, value_bytes = excluded.value_bytes,
             checksum = excluded.checksum, last_access = excluded.last_access`,
          [entry.key, entry.fileRel, value, bytes, checksumOf(value), now, now],
        );
        this.evictToBudget(entry.key);
        this.warnOnCrossing(before, this.totals());
        return true;
      });
      if (!written) {
        this.emit({ type: "bypass", reason: "value_too_large", operation: "store" });
        return { status: "bypass", reason: "value_too_large" };
      }
      this.emit({ type: "write", key: entry.key, bytes });
      return { status: "stored" };
    } catch (error) {
      if (isCorruption(error)) this.recover(String((error as Error).message));
      return this.bypass(error, "store");
    }
  }

  close(): void {
    try {
      this.db.close();
    } catch {
      // closing a connection to a file that went away is not the caller's problem
    }
  }

  /** BEGIN IMMEDIATE with the lock wait measured on its own (not the work done under it). */
  private writeTransaction<T>(operation: string, work: () => T): T {
    const started = performance.now();
    this.db.exec("BEGIN IMMEDIATE");
    const waited = performance.now() - started;
    if (waited >= LOCK_WAIT_EVENT_MS) this.emit({ type: "lock_wait", operation, wait_ms: Math.round(waited) });
    try {
      const result = work();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      throw error;
    }
  }

  private evict(cause: "superseded" | "ttl" | "lru", sql: string, params: (string | number)[]): void {
    const removed = this.db.query(sql).all(...params) as { value_bytes: number }[];
    if (removed.length > 0) {
      this.emit({ type: "evict", entries: removed.length, bytes: removed.reduce((n, r) => n + r.value_bytes, 0), cause });
    }
  }

  private totals(): { entries: number; bytes: number } {
    return this.db.query("SELECT COUNT(*) AS entries, COALESCE(SUM(value_bytes), 0) AS bytes FROM cache").get() as { entries: number; bytes: number };
  }

  /** Least recently used first, stopping exactly when both budgets hold again. */
  private evictToBudget(keep: string): void {
    const { maxBytes, maxEntries } = this.settings.limits;
    let { entries, bytes } = this.totals();
    if (entries <= maxEntries && bytes <= maxBytes) return;
    const victims: string[] = [];
    let freed = 0;
    const oldestFirst = this.db.query("SELECT key, value_bytes FROM cache WHERE key <> ? ORDER BY last_access, key");
    for (const row of oldestFirst.iterate(keep) as IterableIterator<{ key: string; value_bytes: number }>) {
      if (entries <= maxEntries && bytes <= maxBytes) break;
      victims.push(row.key);
      entries--;
      bytes -= row.value_bytes;
      freed += row.value_bytes;
    }
    const remove = this.db.query("DELETE FROM cache WHERE key = ?");
    for (const key of victims) remove.run(key);
    if (victims.length > 0) this.emit({ type: "evict", entries: victims.length, bytes: freed, cause: "lru" });
  }

  /** One event when usage crosses 90% of a limit, not one per write that stays above it. */
  private warnOnCrossing(before: { entries: number; bytes: number }, after: { entries: number; bytes: number }): void {
    const { maxBytes, maxEntries } = this.settings.limits;
    for (const [limit, was, now, max] of [
      ["bytes", before.bytes, after.bytes, maxBytes],
      ["entries", before.entries, after.entries, maxEntries],
    ] as const) {
      if (was <= SIZE_WARNING_RATIO * max && now > SIZE_WARNING_RATIO * max) {
        this.emit({ type: "size_warning", limit, percent: Math.round((1000 * now) / max) / 10 });
      }
    }
  }

  private isEmpty(): boolean {
    return !(this.db.query("SELECT EXISTS(SELECT 1 FROM cache) AS present").get() as { present: number }).present;
  }

  private recordHit(key: string): void {
    try {
      this.writeTransaction("hit", () => {
        this.db.run("UPDATE cache SET last_access = ?, hit_count = hit_count + 1 WHERE key = ?", [Date.now(), key]);
        this.db.run("UPDATE counters SET value = value + 1 WHERE name = 'hits'");
      });
    } catch {
      // Bookkeeping only: a busy or full database must not turn a hit into a failure.
    }
  }

  private dropCorruptRow(key: string): void {
    this.emit({ type: "corruption_detected", scope: "row", detail: "checksum mismatch" });
    try {
      this.writeTransaction("delete", () => this.db.run("DELETE FROM cache WHERE key = ?", [key]));
    } catch {
      // it stays a miss either way; the next write of this key replaces it
    }
  }

  /** Page-level damage found while working: move the file aside and continue on a fresh one. */
  private recover(detail: string): boolean {
    this.close();
    quarantine(this.dbPath, null);
    this.emit({ type: "corruption_detected", scope: "database", detail });
    const reopened = openDatabase(this.dbPath, { create: true, lockTimeoutMs: this.settings.lockTimeoutMs, maxDbBytes: this.settings.maxDbBytes, events: this.emit });
    if (!reopened.ok) return false;
    this.db = reopened.value.db;
    this.firstLookupReason = "corrupt_db";
    return true;
  }

  private bypass(error: unknown, operation: "lookup" | "store"): { status: "bypass"; reason: BypassReason } {
    const reason = bypassReason(error, this.dbPath);
    this.emit({ type: "bypass", reason, operation });
    return { status: "bypass", reason };
  }
}
