import { fail, type Result } from "../core/result.ts";
import { bypassReason, isCorruption, isStorageFailure } from "../store/sqlite-errors.ts";
import type { Store } from "../store/store.ts";

/** What to do about each reason a database failed: hints that work when followed. */
export function storageHint(reason: string): string {
  if (reason === "damaged") return "run `trifecta ast cache-verify --repair`, then `trifecta ctx build`";
  if (reason === "read_only") return "the index lives in <segment>/.trifecta/cache, which must be writable";
  if (reason === "disk_full") return "free some disk space, then ask again";
  if (reason === "lock_timeout") return "another process held the index past the lock timeout (TRIFECTA_CACHE_LOCK_TIMEOUT_MS); ask again";
  if (reason === "unsafe_cache_path") return "remove the symbolic link (.trifecta or .trifecta/cache) so the index lives inside the segment";
  return "`trifecta ast cache-verify` checks the file";
}

/**
 * The one mapping from a failure of the database in use to an answer: `CACHE_UNAVAILABLE` with the
 * reason and a hint. Anything that is not a storage failure is a bug and is thrown on.
 */
export function storageFailure(error: unknown, dbPath: string): { answer: Result<never>; summary: Record<string, unknown> } {
  if (!isStorageFailure(error)) throw error;
  const reason = isCorruption(error) ? "damaged" : bypassReason(error, dbPath);
  return { answer: fail("CACHE_UNAVAILABLE", `the index database failed (${reason}): ${(error as Error).message}`, { db_path: dbPath, reason, hint: storageHint(reason) }), summary: { reason } };
}

/** Damage found in use: the store moves the file aside and opens a fresh one (true when it could). */
export function recoveredFromDamage(error: unknown, store: Store): boolean {
  return isCorruption(error) && store.recover(String((error as Error).message));
}
