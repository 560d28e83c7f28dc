import type { Extraction } from "../extract/types.ts";
import type { AstCache, CacheEntry, CacheEventSink, Lookup, StoreOutcome } from "./types.ts";

/** Process-local cache used when persistence is off: nothing touches the disk. */
export class MemoryAstCache implements AstCache {
  readonly dbPath = null;
  private readonly entries = new Map<string, string>();

  constructor(private readonly emit: CacheEventSink = () => {}) {}

  lookup(key: string): Lookup {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.emit({ type: "hit", key });
      // Stored as JSON so a caller can never mutate a cached answer.
      return { status: "hit", extraction: JSON.parse(value) as Extraction };
    }
    this.emit({ type: "miss", key, reason: "ephemeral_cache" });
    return { status: "miss", reason: "ephemeral_cache" };
  }

  store(entry: CacheEntry): StoreOutcome {
    const value = JSON.stringify(entry.extraction);
    this.entries.set(entry.key, value);
    this.emit({ type: "write", key: entry.key, bytes: Buffer.byteLength(value) });
    return { status: "stored" };
  }

  storeMany(entries: readonly CacheEntry[]): StoreOutcome[] {
    return entries.map((entry) => this.store(entry));
  }

  adopt(entries: readonly CacheEntry[]): StoreOutcome[] {
    return this.storeMany(entries);
  }

  close(): void {
    this.entries.clear();
  }
}
