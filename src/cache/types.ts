import type { Extraction } from "../extract/types.ts";
import type { StorageReason, StoreEvent } from "../store/types.ts";

/** Why an answer was not served from the cache (`cache_hit` when it was). */
export type MissReason =
  | "cache_hit"
  | "cold_cache_db_missing"
  | "cold_cache_empty"
  | "key_miss"
  | "expired"
  | "corrupt_entry"
  | "corrupt_db"
  | "ephemeral_cache";

/** Why the cache could not be used at all for this answer: its file could not, or the value was too large. */
export type BypassReason = StorageReason | "value_too_large";

export type Lookup =
  | { status: "hit"; extraction: Extraction }
  | { status: "miss"; reason: MissReason }
  | { status: "bypass"; reason: BypassReason };

export type StoreOutcome = { status: "stored" } | { status: "bypass"; reason: BypassReason };

export interface CacheEntry {
  readonly key: string;
  readonly fileRel: string;
  readonly extraction: Extraction;
}

/** The AST cache as every consumer sees it. Methods never throw: a broken cache degrades to bypass. */
export interface AstCache {
  /** Path of the SQLite file, or null for the in-memory cache. */
  readonly dbPath: string | null;
  lookup(key: string): Lookup;
  store(entry: CacheEntry): StoreOutcome;
  /** Several entries in one write transaction; one outcome per entry, in order. */
  storeMany(entries: readonly CacheEntry[]): StoreOutcome[];
  close(): void;
}

/** What the cache reports as it works; telemetry turns these into events. Paths are never included. */
export type CacheEvent =
  | StoreEvent
  | { type: "hit"; key: string }
  | { type: "miss"; key: string; reason: MissReason }
  | { type: "write"; key: string; bytes: number }
  | { type: "evict"; entries: number; bytes: number; cause: "lru" | "ttl" | "superseded" }
  | { type: "bypass"; reason: BypassReason; operation: "open" | "lookup" | "store" }
  | { type: "size_warning"; limit: "bytes" | "entries"; percent: number };

export type CacheEventSink = (event: CacheEvent) => void;

export type { CacheLimits, CacheSettings } from "../core/settings.ts";
