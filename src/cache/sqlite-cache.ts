import type { Database } from "bun:sqlite";
import type { Extraction } from "../extract/types.ts";
import { sha256Hex, shortHash } from "./key.ts";
import { bypassReason, isCorruption } from "../store/sqlite-errors.ts";
import type { Store } from "../store/store.ts";
import type { AstCache, BypassReason, CacheEntry, CacheEventSink, CacheSettings, Lookup, MissReason, StoreOutcome } from "./types.ts";

/** A stored value's checksum: the first 16 hex of the sha256 of its UTF-8 bytes. */
export function checksumOf(value: string): string {
  return shortHash(sha256Hex(value));
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
    private readonly file: Store,
    private readonly settings: CacheSettings,
    private readonly emit: CacheEventSink,
  ) {
    this.firstLookupReason = file.recoveredOnOpen ? "corrupt_db" : file.existedBefore ? null : "cold_cache_db_missing";
  }

  /** The AST cache on an open store (the file may hold other features too: the ctx index). */
  static over(store: Store, settings: CacheSettings, emit: CacheEventSink): SqliteAstCache {
    return new SqliteAstCache(store, settings, emit);
  }

  get dbPath(): string {
    return this.file.dbPath;
  }

  /** The segment cannot be written: hits are served, nothing is stored (stores are bypasses). */
  get readOnly(): boolean {
    return this.file.readOnly;
  }

  /** The connection is the store's, asked for on each use: a recovery may have replaced it. */
  private get db(): Database {
    return this.file.db;
  }

  lookup(key: string): Lookup {
    return this.lookupMany([key])[0]!;
  }

  /**
   * Lookups of several keys with their hits recorded in one write transaction: one per key cost
   * ~0.3 ms each, a fifth of a build whose 734 files are all in the cache.
   */
  lookupMany(keys: readonly string[]): Lookup[] {
    const lookups = keys.map((key) => this.read(key, true));
    const hits = keys.filter((_, i) => lookups[i]!.status === "hit");
    if (hits.length > 0) this.recordHits(hits);
    return lookups;
  }

  /**
   * An entry's extraction as stored (checksum checked, not expired), or null; no hit is counted and no
   * transaction begun: for reading inside another write of the same file (src/ctx/references-kept.ts).
   */
  peek(key: string): Extraction | null {
    const found = this.read(key, false);
    return found.status === "hit" ? found.extraction : null;
  }

  /** One key's row, checked; `counted`: hit and miss events are emitted (a peek's are not). */
  private read(key: string, counted: boolean): Lookup {
    const initialReason = this.firstLookupReason;
    if (counted) this.firstLookupReason = null;
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
        if (counted) this.emit({ type: "hit", key });
        return { status: "hit", extraction };
      }
      if (counted) this.emit({ type: "miss", key, reason });
      return { status: "miss", reason };
    } catch (error) {
      if (isCorruption(error) && this.recover(String((error as Error).message))) {
        if (counted) this.emit({ type: "miss", key, reason: "corrupt_db" });
        return { status: "miss", reason: "corrupt_db" };
      }
      return this.bypass(error, "lookup");
    }
  }

  store(entry: CacheEntry): StoreOutcome {
    return this.storeMany([entry])[0]!;
  }

  /** Stores several entries in one write transaction (one lock, one eviction pass). */
  storeMany(entries: readonly CacheEntry[]): StoreOutcome[] {
    return this.write(entries, true);
  }

  /** Stores entries that came from elsewhere (the team cache, an archive): they are no local misses. */
  adopt(entries: readonly CacheEntry[]): StoreOutcome[] {
    return this.write(entries, false);
  }

  /** Which of `keys` the cache holds (valid or not: a lookup decides), in one query per 500 keys. */
  presentKeys(keys: readonly string[]): Set<string> {
    const present = new Set<string>();
    try {
      for (let i = 0; i < keys.length; i += 500) {
        const chunk = keys.slice(i, i + 500);
        const rows = this.db.query(`SELECT key FROM cache WHERE key IN (${chunk.map(() => "?").join(",")})`).all(...chunk) as { key: string }[];
        for (const row of rows) present.add(row.key);
      }
    } catch {
      // Asked only to save requests: an unreadable cache is looked up (and reported) key by key later.
    }
    return present;
  }

  private write(entries: readonly CacheEntry[], countMisses: boolean): StoreOutcome[] {
    const { limits } = this.settings;
    const values = entries.map((entry) => {
      const value = entry.json ?? JSON.stringify(entry.extraction);
      const checksum = entry.json !== undefined && entry.jsonSha256 !== undefined ? shortHash(entry.jsonSha256) : checksumOf(value);
      return { entry, value, checksum, bytes: Buffer.byteLength(value) };
    });
    try {
      const written = this.writeTransaction("store", () => {
        const before = this.totals();
        if (countMisses) this.db.run("UPDATE counters SET value = value + ? WHERE name = 'misses'", [entries.length]);
        this.evict("ttl", "DELETE FROM cache WHERE last_access < ? RETURNING value_bytes", [Date.now() - limits.ttlMs]);
        const now = Date.now();
        const insert = this.db.query(
          `INSERT INTO cache(key, file_rel, value, value_bytes, checksum, created_at, last_access)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(key) DO UPDATE SET value = excluded.value, value_bytes = excluded.value_bytes,
             checksum = excluded.checksum, last_access = excluded.last_access`,
        );
        const stored = values.map(({ entry, value, checksum, bytes }) => {
          // A file's older contents are never asked for again under this extractor.
          this.evict("superseded", "DELETE FROM cache WHERE file_rel = ? AND key <> ? RETURNING value_bytes", [entry.fileRel, entry.key]);
          if (bytes > limits.maxBytes) return false;
          insert.run(entry.key, entry.fileRel, value, bytes, checksum, now, now);
          return true;
        });
        this.evictToBudget(new Set(values.filter((_, i) => stored[i]).map((v) => v.entry.key)));
        this.warnOnCrossing(before, this.totals());
        return stored;
      });
      return values.map(({ entry, bytes }, i): StoreOutcome => {
        if (!written[i]) {
          this.emit({ type: "bypass", reason: "value_too_large", operation: "store" });
          return { status: "bypass", reason: "value_too_large" };
        }
        this.emit({ type: "write", key: entry.key, bytes });
        return { status: "stored" };
      });
    } catch (error) {
      if (isCorruption(error)) this.recover(String((error as Error).message));
      const failed = this.bypass(error, "store");
      return entries.map(() => failed);
    }
  }

  close(): void {
    this.file.close();
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

  /** Entries and bytes, kept by triggers (see the schema). */
  private totals(): { entries: number; bytes: number } {
    const rows = this.db.query("SELECT name, value FROM counters WHERE name IN ('entries', 'bytes')").all() as { name: string; value: number }[];
    const get = (name: string) => rows.find((r) => r.name === name)?.value ?? 0;
    return { entries: get("entries"), bytes: get("bytes") };
  }

  /**
   * Least recently used first, stopping exactly when both budgets hold again. The entries just
   * written go last: only when a batch alone is over the budget are some of them evicted too.
   */
  private evictToBudget(justWritten: ReadonlySet<string>): void {
    const { maxBytes, maxEntries } = this.settings.limits;
    let { entries, bytes } = this.totals();
    if (entries <= maxEntries && bytes <= maxBytes) return;
    const victims: string[] = [];
    let freed = 0;
    const evict = (row: { key: string; value_bytes: number }) => {
      victims.push(row.key);
      entries--;
      bytes -= row.value_bytes;
      freed += row.value_bytes;
    };
    const over = () => entries > maxEntries || bytes > maxBytes;
    const oldestFirst = this.db.query("SELECT key, value_bytes FROM cache ORDER BY last_access, key");
    const spared: { key: string; value_bytes: number }[] = [];
    for (const row of oldestFirst.iterate() as IterableIterator<{ key: string; value_bytes: number }>) {
      if (!over()) break;
      if (justWritten.has(row.key)) spared.push(row);
      else evict(row);
    }
    for (const row of spared) if (over()) evict(row);
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

  private recordHits(keys: readonly string[]): void {
    try {
      this.writeTransaction("hit", () => {
        const touch = this.db.query("UPDATE cache SET last_access = ?, hit_count = hit_count + 1 WHERE key = ?");
        const now = Date.now();
        for (const key of keys) touch.run(now, key);
        this.db.run("UPDATE counters SET value = value + ? WHERE name = 'hits'", [keys.length]);
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

  /** Page-level damage found while working: the store replaces the file; the next lookup says so. */
  private recover(detail: string): boolean {
    const replaced = this.file.recover(detail);
    if (replaced) this.firstLookupReason = "corrupt_db";
    return replaced;
  }

  private bypass(error: unknown, operation: "lookup" | "store"): { status: "bypass"; reason: BypassReason } {
    const reason = bypassReason(error, this.dbPath);
    this.emit({ type: "bypass", reason, operation });
    return { status: "bypass", reason };
  }
}
