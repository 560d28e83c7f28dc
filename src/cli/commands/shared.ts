import type { ArgsDef } from "citty";
import type { CacheEvent } from "../../cache/types.ts";
import type { Result, TrifectaError } from "../../core/result.ts";
import { readSettings, TELEMETRY_LEVELS, type Settings } from "../../core/settings.ts";
import { resolveSegment } from "../../resolve/segment.ts";
import { emitCacheEvents } from "../../telemetry/cache-events.ts";
import { openTelemetry, telemetryLevel, type Telemetry } from "../../telemetry/telemetry.ts";
import { EXIT_OK, printError, printJson } from "../output.ts";
import { UsageError } from "../strict-args.ts";

export const segmentArg = {
  segment: { type: "string", description: "Project root (default: current directory)" },
} satisfies ArgsDef;

export const telemetryArg = {
  telemetry: { type: "string", description: "off, lite or full (default: TRIFECTA_TELEMETRY_LEVEL, else off)" },
} satisfies ArgsDef;

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(", ")}; got '${value}'`);
  return value as T;
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

/** What one command reports to telemetry once it is done. */
export interface CommandRecord {
  args: Record<string, unknown>;
  result: Record<string, unknown>;
  cacheEvents?: readonly CacheEvent[];
  phases?: Record<string, number>;
}

export function errorRecord(error: TrifectaError): Record<string, unknown> {
  return { status: "error", error_code: error.code };
}

/**
 * Runs a command with the settings, read once here, and records it: the command event (with phase
 * timings at `full`) and the cache events it produced. Telemetry needs a valid segment to know where to write.
 */
export async function recorded(name: string, flags: { segment?: string; telemetry?: string }, run: (settings: Settings) => Promise<CommandRecord>): Promise<void> {
  const started = performance.now();
  const flag = flags.telemetry === undefined ? undefined : oneOf("telemetry", flags.telemetry, TELEMETRY_LEVELS, "off");
  const settings = readSettings();
  const level = telemetryLevel(flag, settings.telemetry);
  const record = await run(settings);
  if (level === "off") return;
  const segment = resolveSegment(flags.segment);
  if (!segment.ok) return;
  const telemetry: Telemetry = openTelemetry(segment.value.root, level, settings.telemetry);
  emitCacheEvents(telemetry, record.cacheEvents ?? []);
  const result = level === "full" && record.phases ? { ...record.result, phases_ms: record.phases } : record.result;
  telemetry.emit(name, record.args, result, performance.now() - started);
}
