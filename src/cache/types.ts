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
  | "ephemeral_cache"
  /** With `hit`: the local cache missed and the team cache (src/cache/remote.ts) had the entry. */
  | "remote_hit";

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
  /**
   * The extraction's JSON when the caller has the text already (a team-cache blob, an archive line,
   * checked by parsing it): stored as it is instead of written out again (12.8 MB for the standard
   * library's 734 entries).
   */
  readonly json?: string;
  /** The sha256 of `json`'s UTF-8 bytes when the caller has it (a team-cache blob's CAS address): its checksum is not computed again. */
  readonly jsonSha256?: string;
}

/** The AST cache as every consumer sees it. Methods never throw: a broken cache degrades to bypass. */
export interface AstCache {
  /** Path of the SQLite file, or null for the in-memory cache. */
  readonly dbPath: string | null;
  lookup(key: string): Lookup;
  store(entry: CacheEntry): StoreOutcome;
  /** Several entries in one write transaction; one outcome per entry, in order. */
  storeMany(entries: readonly CacheEntry[]): StoreOutcome[];
  /** As storeMany, for entries that came from elsewhere (the team cache, an archive): not counted as misses. */
  adopt(entries: readonly CacheEntry[]): StoreOutcome[];
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
  | { type: "size_warning"; limit: "bytes" | "entries"; percent: number }
  /** The remote cache's totals for the command (one event, when it ends). */
  | ({ type: "remote" } & RemoteStats)
  | { type: "remote_rejected"; problem: string; object: "ac" | "cas" }
  | { type: "remote_error"; reason: string; status?: number }
  | { type: "remote_breaker_open"; failures: number; open_ms: number };

export interface RemoteStats {
  /** Entries fetched and verified. */
  hits: number;
  /** Entries the server does not have. */
  misses: number;
  /** Entries fetched but not believed (corrupt, truncated, foreign): parsed locally instead. */
  rejected: number;
  /** Requests that failed (network, time-out, HTTP error, refused auth). */
  errors: number;
  /** Lookups and uploads not tried because the breaker was open. */
  skipped: number;
  bytes_in: number;
  /** Entries uploaded (readwrite mode), and their bytes. */
  uploads: number;
  bytes_out: number;
  /** Uploads given up: the queue was full, or the command ended first. */
  dropped: number;
}

export type CacheEventSink = (event: CacheEvent) => void;

export type { CacheLimits, CacheSettings } from "../core/settings.ts";
