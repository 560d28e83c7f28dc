import type { Extraction } from "../extract/types.ts";
import type { AstCache, CacheEntry, Lookup, StoreOutcome } from "./types.ts";

/**
 * Extractions kept in memory in front of the persistent AST cache, for a process that answers many
 * calls (the MCP server). Keys are the cache's own (content hash + extractor fingerprint), so an entry
 * is exactly as current as the row it came from; what it saves is the row's read, checksum, JSON
 * parse and hit-counter write (0.6 of a 0.84 ms outline of argparse.py, 42 KB of JSON).
 *
 * Invariants: an entry is frozen (a caller that tried to change a shared answer would throw); the
 * memory held is bounded by records (symbols + references) and by age, so the persistent cache sees a
 * lookup of every entry in use at least once a minute (its last-use times, its eviction order and its
 * hit counters stay roughly right).
 */
export class WarmExtractions {
  private readonly entries = new Map<string, { extraction: Extraction; at: number; records: number }>();
  private records = 0;

  constructor(
    private readonly maxRecords = 200_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  /** The persistent `cache` with this memory in front of it (the cache stays its owner's to close). */
  over(cache: AstCache): AstCache {
    return {
      dbPath: cache.dbPath,
      lookup: (key) => this.lookup(cache, key),
      store: (entry) => this.remembered(entry, cache.store(entry)),
      storeMany: (entries) => cache.storeMany(entries).map((outcome, i) => this.remembered(entries[i]!, outcome)),
      adopt: (entries) => cache.adopt(entries).map((outcome, i) => this.remembered(entries[i]!, outcome)),
      close: () => {},
    };
  }

  private lookup(cache: AstCache, key: string): Lookup {
    const warm = this.entries.get(key);
    if (warm && performance.now() - warm.at < this.maxAgeMs) {
      // Most recently used last: the first entry is the one to drop.
      this.entries.delete(key);
      this.entries.set(key, warm);
      return { status: "hit", extraction: warm.extraction };
    }
    const found = cache.lookup(key);
    if (found.status === "hit") this.remember(key, found.extraction);
    else this.forget(key);
    return found;
  }

  private remembered(entry: CacheEntry, outcome: StoreOutcome): StoreOutcome {
    this.remember(entry.key, entry.extraction);
    return outcome;
  }

  private remember(key: string, extraction: Extraction): void {
    this.forget(key);
    const records = extraction.symbols.length + extraction.references.length + 1;
    if (records > this.maxRecords) return;
    this.entries.set(key, { extraction: frozen(extraction), at: performance.now(), records });
    this.records += records;
    for (const [oldest, entry] of this.entries) {
      if (this.records <= this.maxRecords) break;
      this.entries.delete(oldest);
      this.records -= entry.records;
    }
  }

  private forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.records -= entry.records;
  }
}

function frozen<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
}
