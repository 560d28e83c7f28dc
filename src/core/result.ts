/** Errors travel as values until the CLI edge turns them into JSON. */
export type ErrorCode =
  | "INVALID_URI"
  | "FILE_NOT_FOUND"
  | "SEGMENT_NOT_FOUND"
  | "AMBIGUOUS_SYMBOL"
  | "SYMBOL_NOT_FOUND"
  | "PATH_OUTSIDE_SEGMENT"
  | "FILE_TOO_LARGE"
  | "FILE_UNREADABLE"
  | "UNSUPPORTED_LANGUAGE"
  | "LANGUAGE_MISMATCH"
  | "CACHE_BUSY"
  | "CACHE_UNAVAILABLE"
  | "CACHE_DAMAGED"
  | "ARCHIVE_INVALID"
  | "INDEX_NOT_FOUND"
  | "ID_NOT_FOUND"
  | "STALE_INDEX"
  | "USAGE_ERROR"
  | "INTERNAL_ERROR";

export interface TrifectaError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Extra machine-readable fields merged into the JSON error (e.g. `candidates`). */
  readonly details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: TrifectaError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): { ok: false; error: TrifectaError } => ({ ok: false, error: { code, message, details } });

/** What telemetry records of an error: its code, never its message (which may hold paths). */
export function errorRecord(error: TrifectaError): Record<string, unknown> {
  return { status: "error", error_code: error.code };
}
