import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { TelemetryLevel, TelemetrySettings } from "../core/settings.ts";

export const EVENTS_FILE = "events.jsonl";
export const KEEP_ROTATED = 3;

export interface TelemetryEvent {
  ts: string;
  run_id: string;
  segment_id: string;
  cmd: string;
  args: Record<string, unknown>;
  result: Record<string, unknown>;
  timing_ms: number;
}

/** Appends events for one process. Every method is a no-op when telemetry is off. */
export interface Telemetry {
  readonly level: TelemetryLevel;
  emit(cmd: string, args: Record<string, unknown>, result: Record<string, unknown>, timingMs?: number): void;
}

export const NO_TELEMETRY: Telemetry = { level: "off", emit: () => {} };

/** `--telemetry` wins, then TRIFECTA_TELEMETRY_LEVEL, else off; TRIFECTA_NO_TELEMETRY silences everything. */
export function telemetryLevel(flag: TelemetryLevel | undefined, settings: TelemetrySettings): TelemetryLevel {
  return settings.disabled ? "off" : (flag ?? settings.level);
}

export function telemetryDir(segmentRoot: string, dir: string | null): string {
  return dir ?? join(segmentRoot, "_ctx", "telemetry");
}

/** A short, stable fingerprint of the segment: never the path itself. */
export function segmentId(segmentRoot: string): string {
  return new Bun.CryptoHasher("sha256").update(segmentRoot).digest("hex").slice(0, 8);
}

function newRunId(): string {
  const random = crypto.getRandomValues(new Uint8Array(6));
  return `${Date.now().toString(36)}-${Buffer.from(random).toString("hex")}`;
}

/** `env` gives the home directory and user name that redaction removes. */
export function openTelemetry(segmentRoot: string, level: TelemetryLevel, settings: TelemetrySettings, env: Record<string, string | undefined> = process.env): Telemetry {
  if (level === "off") return NO_TELEMETRY;
  const dir = telemetryDir(segmentRoot, settings.dir);
  const file = join(dir, EVENTS_FILE);
  const base = { run_id: newRunId(), segment_id: segmentId(segmentRoot) };
  const redact = redactor([segmentRoot, env.HOME].filter((s): s is string => !!s && s.length > 1), env.USER ?? env.LOGNAME);
  let ready = false;
  return {
    level,
    emit(cmd, args, result, timingMs = 0) {
      try {
        if (!ready) {
          mkdirSync(dir, { recursive: true });
          ready = true;
        }
        rotateIfNeeded(file, settings.rotateBytes);
        const event: TelemetryEvent = { ts: new Date().toISOString(), ...base, cmd, args: redact(args), result: redact(result), timing_ms: Math.round(timingMs * 100) / 100 };
        // One write per line: O_APPEND keeps concurrent writers' lines whole.
        appendFileSync(file, `${JSON.stringify(event)}\n`);
      } catch {
        // Telemetry never breaks a command.
      }
    },
  };
}

/**
 * Replaces anything that looks like an absolute path, contains the segment or home path, or has
 * the user's name as a word, with a placeholder.
 */
function redactor(paths: string[], user: string | undefined) {
  const userWord = user && user.length > 1 ? new RegExp(`(^|[^A-Za-z0-9_])${user.replace(/[^A-Za-z0-9_]/g, "\\$&")}([^A-Za-z0-9_]|$)`) : null;
  const clean = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (value.startsWith("/") || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith("\\\\")) return "<redacted-path>";
      return paths.some((p) => value.includes(p)) || userWord?.test(value) ? "<redacted>" : value;
    }
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
    return value;
  };
  return (record: Record<string, unknown>) => clean(record) as Record<string, unknown>;
}

/**
 * Size-based rotation: events.jsonl → .1 → .2 → .3. A lock file makes one process rotate while
 * the others keep appending; a lock left by a killed process expires after ten seconds.
 */
function rotateIfNeeded(file: string, rotateAt: number): void {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return;
  }
  if (size < rotateAt) return;
  const lock = `${file}.rotate.lock`;
  try {
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 10_000) rmSync(lock, { force: true });
    closeSync(openSync(lock, "wx"));
  } catch {
    return; // someone else is rotating
  }
  try {
    if (statSync(file).size < rotateAt) return; // rotated meanwhile
    rmSync(`${file}.${KEEP_ROTATED}`, { force: true });
    for (let i = KEEP_ROTATED - 1; i >= 1; i--) {
      if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    }
    renameSync(file, `${file}.1`);
  } finally {
    rmSync(lock, { force: true });
  }
}
