import type { Database } from "bun:sqlite";

/** Why the database file could not be used (a feature on it then degrades or reports it). */
export type StorageReason = "lock_timeout" | "disk_full" | "read_only" | "cache_unavailable" | "unsafe_cache_path";

/** What the store reports as it works; paths are never included. */
export type StoreEvent =
  | { type: "corruption_detected"; scope: "database" | "row"; detail: string; quarantined_as?: string }
  | { type: "lock_wait"; operation: string; wait_ms: number };

export type StoreEventSink = (event: StoreEvent) => void;

/**
 * A feature's tables in the shared file: its DDL (idempotent: `IF NOT EXISTS`, additive only) under a
 * name and version of its own, applied when the file lacks that version. Features never know each other.
 */
export interface StoreFeature {
  readonly name: string;
  readonly version: number;
  readonly schema: string;
  /** Run before `schema` on a file that holds the feature at an older version `from` (0: none): what DDL alone cannot change. */
  migrate?(db: Database, from: number): void;
  /** What `cache-verify` checks beyond the file's own integrity: `["ok"]`, or the findings (may throw on damage). */
  check?(db: Database): string[];
  /** Mends what `check` found, when it can without the file being replaced. */
  repair?(db: Database): void;
}
