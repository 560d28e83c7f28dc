import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EVENTS_FILE, KEEP_ROTATED, type TelemetryEvent } from "./telemetry.ts";

export interface LatencyStats {
  count: number;
  errors: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
}

export interface TelemetryReport {
  since: string;
  events: number;
  unreadable_lines: number;
  commands: Record<string, LatencyStats>;
  cache: { hits: number; misses: number; hit_rate: number; writes: number; evictions: number };
  bypasses: Record<string, number>;
  corruptions: number;
  lock_waits: { count: number; p50_ms: number; p95_ms: number; max_ms: number };
  size_warnings: number;
  /** The team cache: totals of the commands that used it, and how often its breaker opened. */
  remote: Record<(typeof REMOTE_TOTALS)[number], number> & { breaker_opened: number };
}

const REMOTE_TOTALS = ["hits", "misses", "rejected", "errors", "skipped", "bytes_in", "uploads", "bytes_out", "dropped"] as const;

/** `7d`, `12h`, `30m`, `45s` → milliseconds; null when malformed. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)([smhd])$/.exec(text.trim());
  if (!match) return null;
  const unit = { s: 1e3, m: 6e4, h: 36e5, d: 864e5 }[match[2] as "s" | "m" | "h" | "d"];
  return Number(match[1]) * unit;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function latency(values: number[], errors = 0): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: values.length, errors, p50_ms: percentile(sorted, 0.5), p95_ms: percentile(sorted, 0.95), max_ms: sorted.at(-1) ?? 0 };
}

/** Reads events.jsonl and its rotations (oldest first) and aggregates what happened since `sinceMs` ago. */
export function buildReport(dir: string, sinceMs: number, sinceText: string, now = Date.now()): TelemetryReport {
  const files = [...Array.from({ length: KEEP_ROTATED }, (_, i) => `${EVENTS_FILE}.${KEEP_ROTATED - i}`), EVENTS_FILE]
    .map((name) => join(dir, name))
    .filter((path) => existsSync(path));
  const cutoff = now - sinceMs;
  const timings = new Map<string, { values: number[]; errors: number }>();
  const report: TelemetryReport = {
    since: sinceText,
    events: 0,
    unreadable_lines: 0,
    commands: {},
    cache: { hits: 0, misses: 0, hit_rate: 0, writes: 0, evictions: 0 },
    bypasses: {},
    corruptions: 0,
    lock_waits: { count: 0, p50_ms: 0, p95_ms: 0, max_ms: 0 },
    size_warnings: 0,
    remote: { ...Object.fromEntries(REMOTE_TOTALS.map((name) => [name, 0])), breaker_opened: 0 } as TelemetryReport["remote"],
  };
  const lockWaits: number[] = [];
  for (const path of files) {
    for (const line of readFileSync(path, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      let event: TelemetryEvent;
      try {
        event = JSON.parse(line) as TelemetryEvent;
      } catch {
        report.unreadable_lines++;
        continue;
      }
      if (Date.parse(event.ts) < cutoff) continue;
      report.events++;
      switch (event.cmd) {
        case "ast.cache.hit":
          report.cache.hits++;
          break;
        case "ast.cache.miss":
          report.cache.misses++;
          break;
        case "ast.cache.write":
          report.cache.writes++;
          break;
        case "ast.cache.evict":
          report.cache.evictions += Number(event.result.entries ?? 0);
          break;
        case "ast.cache.bypass": {
          const reason = String(event.result.reason ?? "unknown");
          report.bypasses[reason] = (report.bypasses[reason] ?? 0) + 1;
          break;
        }
        case "ast.cache.corruption_detected":
          report.corruptions++;
          break;
        case "ast.cache.lock_wait":
          lockWaits.push(event.timing_ms);
          break;
        case "ast.cache.size_warning":
          report.size_warnings++;
          break;
        case "ast.cache.remote":
          for (const name of REMOTE_TOTALS) report.remote[name] += Number(event.result[name] ?? 0);
          break;
        case "ast.cache.remote_breaker_open":
          report.remote.breaker_opened++;
          break;
        case "ast.cache.remote_error":
        case "ast.cache.remote_rejected":
          break; // each is in its command's totals (ast.cache.remote)
        default: {
          const entry = timings.get(event.cmd) ?? { values: [], errors: 0 };
          entry.values.push(event.timing_ms);
          if (event.result.status === "error") entry.errors++;
          timings.set(event.cmd, entry);
        }
      }
    }
  }
  for (const [cmd, { values, errors }] of [...timings].sort(([a], [b]) => a.localeCompare(b))) report.commands[cmd] = latency(values, errors);
  const lookups = report.cache.hits + report.cache.misses;
  report.cache.hit_rate = lookups === 0 ? 0 : Number((report.cache.hits / lookups).toFixed(4));
  const { count, p50_ms, p95_ms, max_ms } = latency(lockWaits);
  report.lock_waits = { count, p50_ms, p95_ms, max_ms };
  return report;
}

/** The report as a table for people at a terminal. */
export function renderReport(report: TelemetryReport): string {
  const rows = Object.entries(report.commands).map(([cmd, s]) => [cmd, String(s.count), String(s.errors), s.p50_ms.toFixed(1), s.p95_ms.toFixed(1), s.max_ms.toFixed(1)]);
  const header = ["command", "runs", "errors", "p50 ms", "p95 ms", "max ms"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const bypasses = Object.entries(report.bypasses).map(([r, n]) => `${r} ${n}`).join(", ") || "none";
  return [
    `telemetry since ${report.since}: ${report.events} events`,
    "",
    line(header),
    ...rows.map(line),
    "",
    `cache: ${report.cache.hits} hits, ${report.cache.misses} misses (hit rate ${(100 * report.cache.hit_rate).toFixed(1)}%), ${report.cache.writes} writes, ${report.cache.evictions} evicted`,
    `bypasses: ${bypasses}`,
    `remote cache: ${report.remote.hits} hits, ${report.remote.misses} misses, ${report.remote.rejected} rejected, ${report.remote.errors} errors, ${report.remote.bytes_in} bytes in, ${report.remote.uploads} uploads (${report.remote.bytes_out} bytes), breaker opened ${report.remote.breaker_opened}x`,
    `corruptions: ${report.corruptions}; lock waits: ${report.lock_waits.count} (p50 ${report.lock_waits.p50_ms} ms, max ${report.lock_waits.max_ms} ms); size warnings: ${report.size_warnings}`,
    "",
  ].join("\n");
}
