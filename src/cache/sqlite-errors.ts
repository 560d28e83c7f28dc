import type { BypassReason } from "./types.ts";

/** The SQLite result code of an error thrown by bun:sqlite or node:fs, if any. */
export function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
}

export function isCorruption(error: unknown): boolean {
  const code = errorCode(error);
  return code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB";
}

/** Maps a failure to the reason reported as `miss_reason` with `cache_status: "bypass"`. */
export function bypassReason(error: unknown): BypassReason {
  const code = errorCode(error);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "lock_timeout";
  if (code === "SQLITE_FULL" || code === "ENOSPC") return "disk_full";
  if (code.startsWith("SQLITE_READONLY") || code === "EROFS" || code === "EACCES" || code === "EPERM") return "read_only";
  return "cache_unavailable";
}
