import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildReport, parseDuration, renderReport } from "../../../src/telemetry/report.ts";

describe("parseDuration", () => {
  test("s, m, h, d; decimals; surrounding spaces", () => {
    expect(parseDuration("45s")).toBe(45_000);
    expect(parseDuration("30m")).toBe(1_800_000);
    expect(parseDuration("12h")).toBe(43_200_000);
    expect(parseDuration("7d")).toBe(604_800_000);
    expect(parseDuration("1.5h")).toBe(5_400_000);
    expect(parseDuration(" 2d ")).toBe(172_800_000);
    expect(parseDuration("0s")).toBe(0);
  });

  test("malformed: null", () => {
    for (const text of ["", "7", "d", "7w", "7D", "-1d", "1 d", "1.d", ".5d", "1d2h", "1e3s"]) expect(parseDuration(text)).toBeNull();
  });
});

describe("buildReport", () => {
  const dir = mkdtempSync(join(tmpdir(), "trifecta-report-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const now = Date.parse("2025-01-10T00:00:00Z");
  const event = (ts: string, cmd: string, timing_ms: number, result: Record<string, unknown> = {}) =>
    JSON.stringify({ ts, run_id: "r", segment_id: "s", cmd, args: {}, result, timing_ms });
  const recent = "2025-01-09T12:00:00Z";
  writeFileSync(
    join(dir, "events.jsonl.2"),
    [event("2025-01-01T00:00:00Z", "sym.get", 999), event(recent, "sym.get", 10)].join("\n"),
  );
  writeFileSync(
    join(dir, "events.jsonl"),
    [
      ...[20, 30, 40, 50].map((ms) => event(recent, "sym.get", ms)),
      event(recent, "ctx.search", 5, { status: "error" }),
      event(recent, "ast.cache.hit", 0),
      event(recent, "ast.cache.hit", 0),
      event(recent, "ast.cache.miss", 0),
      event(recent, "ast.cache.write", 0),
      event(recent, "ast.cache.evict", 0, { entries: 4 }),
      event(recent, "ast.cache.bypass", 0, { reason: "too_large" }),
      event(recent, "ast.cache.bypass", 0, {}),
      event(recent, "ast.cache.corruption_detected", 0),
      event(recent, "ast.cache.lock_wait", 7),
      event(recent, "ast.cache.size_warning", 0),
      "{not json",
      "",
    ].join("\n"),
  );
  const report = buildReport(dir, 864e5, "1d", now);

  test("only events since the cutoff, from every rotation; unreadable lines counted", () => {
    expect(report.events).toBe(16);
    expect(report.unreadable_lines).toBe(1);
    expect(report.since).toBe("1d");
  });

  test("per-command latency: nearest-rank percentiles, errors", () => {
    expect(report.commands["sym.get"]).toEqual({ count: 5, errors: 0, p50_ms: 30, p95_ms: 50, max_ms: 50 });
    expect(report.commands["ctx.search"]).toEqual({ count: 1, errors: 1, p50_ms: 5, p95_ms: 5, max_ms: 5 });
    expect(Object.keys(report.commands)).toEqual(["ctx.search", "sym.get"]);
  });

  test("cache events are counted, not timed", () => {
    expect(report.cache).toEqual({ hits: 2, misses: 1, hit_rate: 0.6667, writes: 1, evictions: 4 });
    expect(report.bypasses).toEqual({ too_large: 1, unknown: 1 });
    expect(report.corruptions).toBe(1);
    expect(report.lock_waits).toEqual({ count: 1, p50_ms: 7, p95_ms: 7, max_ms: 7 });
    expect(report.size_warnings).toBe(1);
  });

  test("an empty directory: zeros, hit rate 0", () => {
    const empty = buildReport(join(dir, "missing"), 1, "1s", now);
    expect(empty.events).toBe(0);
    expect(empty.cache.hit_rate).toBe(0);
    expect(empty.lock_waits).toEqual({ count: 0, p50_ms: 0, p95_ms: 0, max_ms: 0 });
  });

  test("renderReport: a table and the summary lines", () => {
    const text = renderReport(report);
    expect(text.split("\n")[0]).toBe("telemetry since 1d: 16 events");
    expect(text).toMatch(/^sym\.get +5 +0 +30\.0 +50\.0 +50\.0$/m);
    expect(text).toContain("hit rate 66.7%");
    expect(text).toContain("bypasses: too_large 1, unknown 1");
    expect(renderReport({ ...report, bypasses: {} })).toContain("bypasses: none");
  });
});
