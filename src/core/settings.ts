/**
 * Every TRIFECTA_* environment variable, read here and nowhere else: its parser, its default and
 * the line the README's environment-variable table gives it (a test keeps the two equal). The rest
 * of the code receives the values as typed parameters. No imports at run time: the CLI loads this
 * before anything else.
 */

/** The AST cache's budgets (the cache lives in src/cache; its settings are read here with the rest). */
export interface CacheLimits {
  readonly maxBytes: number;
  readonly maxEntries: number;
  readonly ttlMs: number;
}

export interface CacheSettings {
  readonly lockTimeoutMs: number;
  readonly limits: CacheLimits;
  /** Hard ceiling on the database file (SQLite max_page_count); past it writes fail as disk full. */
  readonly maxDbBytes: number | null;
}

export type TelemetryLevel = "off" | "lite" | "full";
export const TELEMETRY_LEVELS: readonly TelemetryLevel[] = ["off", "lite", "full"];

export interface TelemetrySettings {
  /** The level when no `--telemetry` flag is given. */
  readonly level: TelemetryLevel;
  /** Nothing is written, whatever the level or the flag. */
  readonly disabled: boolean;
  /** Where events.jsonl goes; null: `<segment>/_ctx/telemetry`. */
  readonly dir: string | null;
  readonly rotateBytes: number;
}

export type RemoteCacheMode = "read" | "readwrite";
export const REMOTE_CACHE_MODES: readonly RemoteCacheMode[] = ["read", "readwrite"];

/** A team cache over the Bazel remote-cache HTTP protocol (src/cache/remote.ts). */
export interface RemoteCacheSettings {
  /** Base URL (`http://` or `https://`), without a trailing slash; null: no remote cache. */
  readonly url: string | null;
  readonly mode: RemoteCacheMode;
  /** One `Name: value` header sent with every request (a bearer token); never printed or logged. */
  readonly header: { readonly name: string; readonly value: string } | null;
  readonly timeoutMs: number;
}

export interface Settings {
  readonly astPersist: boolean;
  readonly maxFileBytes: number;
  readonly cache: CacheSettings;
  readonly ctxWorkers: number;
  readonly telemetry: TelemetrySettings;
  /** `TRIFECTA_MCP_TOKEN`: the bearer token of the MCP server over HTTP, or null for loopback only. */
  readonly mcpToken: string | null;
  readonly remote: RemoteCacheSettings;
}

/** A raw value's meaning, or undefined when it is not valid (the default then applies). */
type Parser<T> = (raw: string) => T | undefined;

interface Variable<T> {
  readonly parse: Parser<T>;
  readonly fallback: T | (() => T);
  /** The README table's text for the variable. */
  readonly effect: string;
}

/** A whole number of at least `min`; Number's syntax (surrounding blanks, `1e6`, `0x10`). */
const integer =
  (min: number): Parser<number> =>
  (raw) => {
    const n = Number(raw);
    return raw.trim() !== "" && Number.isInteger(n) && n >= min ? n : undefined;
  };

/** Any finite number above 0, fractions included. */
const positiveNumber: Parser<number> = (raw) => {
  const n = Number(raw);
  return raw.trim() !== "" && Number.isFinite(n) && n > 0 ? n : undefined;
};

const ON = ["1", "true", "on"];
const OFF = ["0", "false", "off"];
const onOff: Parser<boolean> = (raw) => {
  const word = raw.trim().toLowerCase();
  return ON.includes(word) ? true : OFF.includes(word) ? false : undefined;
};

const oneOf =
  <T extends string>(allowed: readonly T[]): Parser<T> =>
  (raw) => {
    const word = raw.trim().toLowerCase();
    return allowed.includes(word as T) ? (word as T) : undefined;
  };

/** Taken as given (a relative path is relative to the working directory); empty is unset. */
const path: Parser<string> = (raw) => (raw === "" ? undefined : raw);

/** An http(s) URL, trailing slashes dropped; anything else is unset. */
export const remoteUrl: Parser<string> = (raw) => {
  try {
    const url = new URL(raw.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href.replace(/\/+$/, "") : undefined;
  } catch {
    return undefined;
  }
};

/** `Name: value` with a valid header name; the value as given (trimmed). */
const header: Parser<{ name: string; value: string }> = (raw) => {
  const match = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*?)\s*$/s.exec(raw);
  return match && match[2] !== "" && !/[\r\n\0]/.test(match[2]!) ? { name: match[1]!, value: match[2]! } : undefined;
};

const variable = <T>(parse: Parser<T>, fallback: T | (() => T), effect: string): Variable<T> => ({ parse, fallback, effect });

const MiB = 1024 * 1024;

export const VARIABLES = {
  TRIFECTA_AST_PERSIST: variable(onOff, true, "`1`/`true`/`on` or `0`/`false`/`off`; default on"),
  // Source files above this size are refused with FILE_TOO_LARGE (ast) or skipped (ctx build).
  TRIFECTA_MAX_FILE_BYTES: variable(integer(1), 16 * MiB, "largest file parsed (default 16 MiB = 16777216 bytes); larger is `FILE_TOO_LARGE`"),
  TRIFECTA_CACHE_LOCK_TIMEOUT_MS: variable(integer(1), 2000, "longest wait for the database lock (default 2000)"),
  TRIFECTA_CACHE_MAX_BYTES: variable(integer(1), 256 * MiB, "cache budget: stored JSON bytes (default 256 MiB)"),
  TRIFECTA_CACHE_MAX_ENTRIES: variable(integer(1), 50_000, "cache budget: entries (default 50,000)"),
  TRIFECTA_CACHE_TTL_DAYS: variable(positiveNumber, 30, "cache budget: days since last use (default 30; fractions allowed)"),
  TRIFECTA_CACHE_MAX_DB_BYTES: variable<number | null>(integer(1), null, "optional hard cap on the database file"),
  // One worker per core but one, at least one: on the 2-core machine the stdlib builds in 2.6 s
  // with one worker, 2.7 s with none, 2.8 s with two.
  TRIFECTA_CTX_WORKERS: variable(integer(0), () => Math.max(1, (navigator.hardwareConcurrency || 1) - 1), "worker threads that parse for `ctx build` (default: cores − 1, at least 1; 0: the main thread parses)"),
  TRIFECTA_TELEMETRY_LEVEL: variable(oneOf(TELEMETRY_LEVELS), "off", "`off` (default), `lite`, `full`; `--telemetry` wins"),
  TRIFECTA_NO_TELEMETRY: variable(onOff, false, "`1` (also `true`/`on`): write nothing, whatever the level"),
  TRIFECTA_TELEMETRY_DIR: variable<string | null>(path, null, "where `events.jsonl` goes (default `<segment>/_ctx/telemetry/`)"),
  TRIFECTA_TELEMETRY_MAX_BYTES: variable(integer(1), 10 * MiB, "rotation size of `events.jsonl` (default 10 MiB; keeps `.1`–`.3`)"),
  TRIFECTA_MCP_TOKEN: variable<string | null>(path, null, "bearer token `trifecta mcp --http` then requires of every request (needed to listen beyond loopback); never printed"),
  TRIFECTA_REMOTE_CACHE: variable<string | null>(remoteUrl, null, "team cache: base URL of a Bazel remote-cache HTTP server (`--remote-cache` wins); unset: none"),
  TRIFECTA_REMOTE_CACHE_MODE: variable(oneOf(REMOTE_CACHE_MODES), "read", "`read` (default: fetch only) or `readwrite` (also upload what was parsed: CI)"),
  TRIFECTA_REMOTE_CACHE_HEADER: variable<{ name: string; value: string } | null>(header, null, "one `Name: value` header sent to the remote cache (e.g. `Authorization: Bearer …`); never printed or logged"),
  // A local parse of a typical file takes 5–80 ms: a remote that has not answered in 1 s is not worth waiting for.
  TRIFECTA_REMOTE_CACHE_TIMEOUT_MS: variable(integer(1), 1000, "time-out of each remote-cache request (default 1000)"),
} as const;

export type VariableName = keyof typeof VARIABLES;
type ValueOf<K extends VariableName> = (typeof VARIABLES)[K] extends Variable<infer T> ? T : never;

/** Every setting from `env`, invalid values replaced by their defaults. */
export function readSettings(env: Record<string, string | undefined> = process.env): Settings {
  const get = <K extends VariableName>(name: K): ValueOf<K> => {
    const { parse, fallback } = VARIABLES[name] as Variable<ValueOf<K>>;
    const raw = env[name];
    const parsed = raw === undefined ? undefined : parse(raw);
    if (parsed !== undefined) return parsed;
    return typeof fallback === "function" ? (fallback as () => ValueOf<K>)() : fallback;
  };
  return Object.freeze({
    astPersist: get("TRIFECTA_AST_PERSIST"),
    maxFileBytes: get("TRIFECTA_MAX_FILE_BYTES"),
    cache: Object.freeze({
      lockTimeoutMs: get("TRIFECTA_CACHE_LOCK_TIMEOUT_MS"),
      limits: Object.freeze({
        maxBytes: get("TRIFECTA_CACHE_MAX_BYTES"),
        maxEntries: get("TRIFECTA_CACHE_MAX_ENTRIES"),
        ttlMs: get("TRIFECTA_CACHE_TTL_DAYS") * 86_400_000,
      }),
      maxDbBytes: get("TRIFECTA_CACHE_MAX_DB_BYTES"),
    }),
    ctxWorkers: get("TRIFECTA_CTX_WORKERS"),
    telemetry: Object.freeze({
      level: get("TRIFECTA_TELEMETRY_LEVEL"),
      disabled: get("TRIFECTA_NO_TELEMETRY"),
      dir: get("TRIFECTA_TELEMETRY_DIR"),
      rotateBytes: get("TRIFECTA_TELEMETRY_MAX_BYTES"),
    }),
    mcpToken: get("TRIFECTA_MCP_TOKEN"),
    remote: Object.freeze({
      url: get("TRIFECTA_REMOTE_CACHE"),
      mode: get("TRIFECTA_REMOTE_CACHE_MODE"),
      header: get("TRIFECTA_REMOTE_CACHE_HEADER"),
      timeoutMs: get("TRIFECTA_REMOTE_CACHE_TIMEOUT_MS"),
    }),
  });
}
