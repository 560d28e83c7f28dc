import type { Extraction } from "../extract/types.ts";

/** Why an answer did not come from the cache (or `cache_hit` when it did). */
export type MissReason =
  | "cold_cache_db_missing"
  | "cold_cache_empty"
  | "key_miss"
  | "cache_hit"
  | "ephemeral_cache"
  | "cache_unavailable";

export type Lookup =
  | { status: "hit"; extraction: Extraction }
  | { status: "miss"; reason: MissReason }
  /** The cache could not be used; the caller answers without it. */
  | { status: "bypass"; reason: MissReason };

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
  /** Returns false when the entry could not be written (the answer is still good). */
  store(entry: CacheEntry): boolean;
  close(): void;
}

export interface CacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  hit_rate: number;
}
