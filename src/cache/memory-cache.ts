import type { AstCache, CacheEntry, Lookup } from "./types.ts";
import type { Extraction } from "../extract/types.ts";

/** Process-local cache used when persistence is off: nothing touches the disk. */
export class MemoryAstCache implements AstCache {
  readonly dbPath = null;
  private readonly entries = new Map<string, string>();

  lookup(key: string): Lookup {
    const value = this.entries.get(key);
    // Stored as JSON so a caller can never mutate a cached answer.
    if (value !== undefined) return { status: "hit", extraction: JSON.parse(value) as Extraction };
    return { status: "miss", reason: "ephemeral_cache" };
  }

  store(entry: CacheEntry): boolean {
    this.entries.set(entry.key, JSON.stringify(entry.extraction));
    return true;
  }

  close(): void {
    this.entries.clear();
  }
}
