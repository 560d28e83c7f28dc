import { accessSync, constants, existsSync, statfsSync } from "node:fs";
import { dirname } from "node:path";
import type { StorageReason } from "./types.ts";

/** The SQLite result code (or errno name) of an error thrown by bun:sqlite or node:fs. */
export function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
}

/** A failure of SQLite or of the file system under it, as opposed to a bug. */
export function isStorageFailure(error: unknown): boolean {
  const code = errorCode(error);
  return code.startsWith("SQLITE_") || ["ENOSPC", "EROFS", "EACCES", "EPERM", "EIO"].includes(code);
}

/**
 * A value SQLite refuses (a constraint, a string or blob too big, a type mismatch), or a failure
 * that is not the database's at all: a problem of one row, not of the file.
 */
export function isRefusedValue(error: unknown): boolean {
  const code = errorCode(error);
  return /^SQLITE_(CONSTRAINT|TOOBIG|MISMATCH|RANGE)/.test(code) || !isStorageFailure(error);
}

export function isCorruption(error: unknown): boolean {
  const code = errorCode(error);
  return code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB";
}

/** The nearest existing directory on the way to `path`. */
function existingDir(path: string): string {
  let dir = dirname(path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * Maps a failure to the reason reported with `cache_status: "bypass"`. SQLite reports a full or
 * read-only disk in several ways (SQLITE_FULL, SQLITE_IOERR_*, SQLITE_CANTOPEN, SQLITE_READONLY);
 * for the ambiguous ones the file system itself is asked.
 */
export function bypassReason(error: unknown, dbPath?: string): StorageReason {
  const code = errorCode(error);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "lock_timeout";
  if (code === "SQLITE_FULL" || code === "ENOSPC") return "disk_full";
  if (code === "EROFS" || code === "EACCES" || code === "EPERM") return "read_only";
  const ambiguous = code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_READONLY");
  if (ambiguous && dbPath) {
    const dir = existingDir(dbPath);
    try {
      accessSync(dir, constants.W_OK);
    } catch {
      return "read_only";
    }
    try {
      if (statfsSync(dir).bavail === 0) return "disk_full";
    } catch {
      // no file-system information: fall through
    }
  }
  if (code.startsWith("SQLITE_READONLY")) return "read_only";
  return "cache_unavailable";
}
