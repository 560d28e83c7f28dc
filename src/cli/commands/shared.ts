import type { ArgsDef } from "citty";
import type { CacheEvent } from "../../cache/types.ts";
import { errorRecord, ok, type Result } from "../../core/result.ts";
import { readSettings, remoteUrl, TELEMETRY_LEVELS, type Settings } from "../../core/settings.ts";
import { addRemoteCounters } from "../../cache/maintenance.ts";
import { openRemoteCache, type RemoteCache } from "../../cache/remote.ts";
import type { Answered, ServiceContext } from "../../services/answered.ts";
import { SYMBOL_KINDS } from "../../languages.ts";
import { resolveSegment } from "../../resolve/segment.ts";
import { emitCacheEvents } from "../../telemetry/cache-events.ts";
import { openTelemetry, telemetryLevel, type Telemetry } from "../../telemetry/telemetry.ts";
import { EXIT_OK, printError, printJson, tellHuman, writeStdout } from "../output.ts";
import { fieldsText } from "../text.ts";
import { usage, type UsageFailure } from "../strict-args.ts";

export const segmentArg = {
  segment: { type: "string", description: "Project root (default: current directory)" },
} satisfies ArgsDef;

export const telemetryArg = {
  telemetry: { type: "string", description: "off, lite or full (default: TRIFECTA_TELEMETRY_LEVEL, else off)" },
} satisfies ArgsDef;

/** The output flags of every ast and ctx command: `--json` is `--format json`, kept for scripts that pass it. */
export const formatArgs = {
  format: { type: "string", description: "json (default) or text (errors are JSON either way)" },
  json: { type: "boolean", description: "Same as --format json" },
} satisfies ArgsDef;

export type OutputFormat = "json" | "text";

export function outputFormat(flags: { format?: string; json?: boolean }): { ok: true; value: OutputFormat } | UsageFailure {
  const format = oneOf<OutputFormat>("format", flags.format, ["json", "text"], "json");
  if (format.ok && flags.json === true && format.value === "text") return usage("--json and --format text contradict each other");
  return format;
}

/** An answer's fields as text, without the `status` every printed answer has. */
const answerFields = ({ status: _status, ...fields }: { status?: unknown }) => fieldsText(fields);

/**
 * The printer the output flags choose: the command's JSON (default), or its text rendering (its
 * answer's fields when it has none of its own).
 */
export function printerFor<T extends object>(flags: { format?: string; json?: boolean }, json: (value: T) => Promise<void>, text: (value: T) => string = answerFields): { ok: true; value: (value: T) => Promise<void> } | UsageFailure {
  const format = outputFormat(flags);
  if (!format.ok) return format;
  return ok(format.value === "json" ? json : (value: T) => writeStdout(text(value)));
}

export const remoteCacheArg = {
  "remote-cache": { type: "string", description: "Team cache: base URL of a Bazel remote-cache HTTP server (wins over TRIFECTA_REMOTE_CACHE)" },
} satisfies ArgsDef;

/** The settings with `--remote-cache` applied, or a usage failure for a URL that is not http(s). */
export function withRemoteFlag(settings: Settings, flag: string | undefined): Result<Settings> | UsageFailure {
  if (flag === undefined) return ok(settings);
  const url = remoteUrl(flag);
  // The value is not echoed: a URL may carry credentials.
  if (url === undefined) return usage("--remote-cache must be an http:// or https:// URL");
  return ok({ ...settings, remote: { ...settings.remote, url } });
}

/**
 * After the answer: the team cache's pending uploads get their deadline, its totals join the
 * segment's counters, and what went wrong is one line on stderr (never the URL's secrets or the header).
 */
export async function endRemote(remote: RemoteCache, segment: string | undefined, settings: Settings): Promise<void> {
  if (!remote.used) return;
  const stats = await remote.finish();
  const root = resolveSegment(segment);
  if (root.ok) addRemoteCounters(root.value.root, settings.cache, stats);
  const problems = [
    stats.rejected > 0 ? `${stats.rejected} entries rejected (corrupt, truncated or foreign)` : "",
    stats.errors > 0 ? `${stats.errors} requests failed` : "",
    stats.skipped > 0 ? `${stats.skipped} requests skipped (circuit breaker open)` : "",
    stats.dropped > 0 ? `${stats.dropped} uploads dropped` : "",
  ].filter(Boolean);
  if (problems.length > 0) await tellHuman("warn", `remote cache: ${problems.join(", ")}; those files were parsed locally`);
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): { ok: true; value: T } | UsageFailure {
  if (value === undefined) return ok(fallback);
  if (!allowed.includes(value as T)) return usage(`--${name} must be one of ${allowed.join(", ")}; got '${value}'`);
  return ok(value as T);
}

/**
 * `--kind K[,K…]`, checked against `allowed` (the kinds trifecta reports; ctx search adds `section`):
 * an unknown kind is a usage error, never an empty answer. `max` bounds how many may be given.
 */
export function kindsOption(value: string | undefined, allowed: readonly string[] = SYMBOL_KINDS, max = Number.POSITIVE_INFINITY): { ok: true; value: string[] | undefined } | UsageFailure {
  if (value === undefined) return ok(undefined);
  const kinds = value.split(",").map((k) => k.trim());
  const unknown = kinds.find((k) => !allowed.includes(k));
  if (unknown !== undefined) return usage(`--kind takes ${max === 1 ? "one kind" : "kinds (comma-separated)"} of ${allowed.join(", ")}; got '${unknown}'`);
  if (kinds.length > max) return usage(`--kind takes one kind here; got ${kinds.length}`);
  return ok(kinds);
}

/** Prints a result (JSON by default) and sets the exit code: 0, or 1 for an error value. */
export async function finish<T>(result: Result<T>, print: (value: T) => Promise<void> = printJson, failureExit = 1): Promise<void> {
  if (result.ok) {
    await print(result.value);
    process.exitCode = EXIT_OK;
  } else {
    process.exitCode = await printError(result.error, failureExit);
  }
}

/** An answer printed whole: `status` first, then the service's answer. */
export const printOk = (value: object) => printJson({ status: "ok", ...value });

/**
 * The one command wrapper: reads the settings once, runs the service, prints its answer (JSON by
 * default) and sets the exit code, then records the command event (with phase timings at `full`)
 * and the cache events it produced. Telemetry needs a valid segment to know where to write.
 */
export async function runCommand<T>(name: string, flags: { segment?: string; telemetry?: string; "remote-cache"?: string }, service: (context: ServiceContext) => Promise<Answered<T>> | Answered<T>, print: (value: T) => Promise<void> = printJson): Promise<UsageFailure | undefined> {
  const started = performance.now();
  const flag = oneOf("telemetry", flags.telemetry, TELEMETRY_LEVELS, "off");
  if (!flag.ok) return flag;
  const configured = withRemoteFlag(readSettings(), flags["remote-cache"]);
  if (!configured.ok) return configured as UsageFailure;
  const settings = configured.value;
  const level = telemetryLevel(flags.telemetry === undefined ? undefined : flag.value, settings.telemetry);
  const cacheEvents: CacheEvent[] = [];
  const events = (event: CacheEvent) => cacheEvents.push(event);
  // Offered to every service; only those that parse (ast symbols/snippet, ctx build) use it.
  const remote = openRemoteCache(settings.remote, settings.cache.limits.maxBytes, events);
  const { answer, summary, args = {}, phases } = await service({ settings, events, remote });
  await finish(answer, print);
  if (remote) await endRemote(remote, flags.segment, settings);
  if (level === "off") return undefined;
  const segment = resolveSegment(flags.segment);
  if (!segment.ok) return undefined;
  const telemetry: Telemetry = openTelemetry(segment.value.root, level, settings.telemetry);
  emitCacheEvents(telemetry, cacheEvents);
  const result = answer.ok ? { status: "ok", ...summary } : { ...errorRecord(answer.error), ...summary };
  telemetry.emit(name, args, level === "full" && phases ? { ...result, phases_ms: phases } : result, performance.now() - started);
  return undefined;
}
