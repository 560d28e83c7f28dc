import { describe, expect, test } from "bun:test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { cli, finished, freshDir, makeSegment, pythonModule, spawnCli } from "./helpers.ts";

const eventsOf = (dir: string, file = "events.jsonl") =>
  readFileSync(join(dir, file), "utf8").trim().split("\n").map((line) => JSON.parse(line));
const telemetryDir = (segment: string) => join(segment, "_ctx", "telemetry");
const symbols = (segment: string, module: string, extra: string[] = [], env: Record<string, string> = {}) =>
  cli(["ast", "symbols", `sym://python/mod/${module}`, "--segment", segment, ...extra], { env });

describe("telemetry", () => {
  test.concurrent("off by default: nothing appears in the user's repository", async () => {
    const segment = makeSegment({ "a.py": pythonModule("a") });
    await symbols(segment, "a");
    await symbols(segment, "a");
    expect(existsSync(join(segment, "_ctx"))).toBe(false);
  });

  test.concurrent("lite: command and cache outcome events with the envelope", async () => {
    const segment = makeSegment({ "a.py": pythonModule("a") });
    await symbols(segment, "a", ["--telemetry", "lite"]);
    await symbols(segment, "a", ["--telemetry", "lite"]);
    const events = eventsOf(telemetryDir(segment));
    expect(events.map((e) => e.cmd)).toEqual(["ast.cache.miss", "ast.cache.write", "ast.symbols", "ast.cache.hit", "ast.symbols"]);
    for (const event of events) {
      expect(Object.keys(event)).toEqual(["ts", "run_id", "segment_id", "cmd", "args", "result", "timing_ms"]);
      expect(new Date(event.ts).toISOString()).toBe(event.ts);
      expect(event.segment_id).toMatch(/^[0-9a-f]{8}$/);
      expect(typeof event.timing_ms).toBe("number");
    }
    expect(new Set(events.map((e) => e.run_id)).size).toBe(2); // one per process
    expect(events[0].result.reason).toBe("cold_cache_db_missing");
    expect(events[2].result).toMatchObject({ status: "ok", file_rel: "a.py", cache_status: "miss", symbols: 3 });
    expect(events[2].result.phases_ms).toBeUndefined();
  });

  test.concurrent("full: the command event carries the time of each phase", async () => {
    const segment = makeSegment({ "a.py": pythonModule("a") });
    await symbols(segment, "a", ["--telemetry", "full"]);
    const command = eventsOf(telemetryDir(segment)).find((e) => e.cmd === "ast.symbols");
    expect(Object.keys(command.result.phases_ms)).toEqual(["resolve", "read", "cache_open", "lookup", "extract", "store"]);
    // A hit answers from the cache alone: no extraction phase (tree-sitter is loaded only on a miss).
    await symbols(segment, "a", ["--telemetry", "full"]);
    const hit = eventsOf(telemetryDir(segment)).filter((e) => e.cmd === "ast.symbols").at(-1);
    expect(hit.result.cache_status).toBe("hit");
    expect(Object.keys(hit.result.phases_ms)).toEqual(["resolve", "read", "cache_open", "lookup"]);
  });

  test.concurrent("level from TRIFECTA_TELEMETRY_LEVEL; the flag wins; TRIFECTA_NO_TELEMETRY=1 silences both", async () => {
    const byEnv = makeSegment({ "a.py": "" });
    await symbols(byEnv, "a", [], { TRIFECTA_TELEMETRY_LEVEL: "lite" });
    expect(existsSync(telemetryDir(byEnv))).toBe(true);
    const flagOff = makeSegment({ "a.py": "" });
    await symbols(flagOff, "a", ["--telemetry", "off"], { TRIFECTA_TELEMETRY_LEVEL: "full" });
    expect(existsSync(join(flagOff, "_ctx"))).toBe(false);
    const silenced = makeSegment({ "a.py": "" });
    await symbols(silenced, "a", ["--telemetry", "full"], { TRIFECTA_NO_TELEMETRY: "1" });
    expect(existsSync(join(silenced, "_ctx"))).toBe(false);
  });

  test.concurrent("TRIFECTA_TELEMETRY_DIR redirects the events", async () => {
    const segment = makeSegment({ "a.py": "" });
    const elsewhere = freshDir();
    await symbols(segment, "a", ["--telemetry", "lite"], { TRIFECTA_TELEMETRY_DIR: elsewhere });
    expect(eventsOf(elsewhere).length).toBeGreaterThan(0);
    expect(existsSync(join(segment, "_ctx"))).toBe(false);
  });

  test.concurrent("no absolute path, user name or file content in any event", async () => {
    const segment = makeSegment({ "pkg/secret_mod.py": 'def f():\n    """SECRET-CONTENT-42"""\n' });
    await symbols(segment, "pkg.secret_mod", ["--telemetry", "full"]);
    await cli(["ast", "snippet", "sym://python/type/pkg.secret_mod#f", "--segment", segment, "--telemetry", "full"]);
    await cli(["ast", "symbols", "sym://python/mod/missing", "--segment", segment, "--telemetry", "full"]);
    await cli(["ast", "cache-stats", "--segment", segment, "--telemetry", "full"]);
    const text = readFileSync(join(telemetryDir(segment), "events.jsonl"), "utf8");
    expect(text).not.toContain(segment);
    expect(text).not.toContain(tmpdir());
    expect(text).not.toContain("SECRET-CONTENT-42");
    expect(text).not.toContain(`"${userInfo().username}`);
    for (const event of text.trim().split("\n").map((l) => JSON.parse(l))) {
      const strings = JSON.stringify(event).match(/"[^"]*"/g) ?? [];
      expect(strings.filter((s) => s.startsWith('"/'))).toEqual([]);
    }
    expect(text).toContain('"file_rel":"pkg/secret_mod.py"');
  });

  test.concurrent("the user's name is redacted where it stands as a word, not inside other names", async () => {
    const segment = makeSegment({ "zed/tool.py": "def f(): pass\n", "pkg/zed_notes.py": "def g(): pass\n" });
    const env = { USER: "zed" };
    await symbols(segment, "zed.tool", ["--telemetry", "lite"], env);
    await symbols(segment, "pkg.zed_notes", ["--telemetry", "lite"], env);
    const commands = eventsOf(telemetryDir(segment)).filter((e) => e.cmd === "ast.symbols");
    expect(commands[0].result.file_rel).toBe("<redacted>");
    expect(commands[1].result.file_rel).toBe("pkg/zed_notes.py");
  });

  test("concurrent writers: every line whole and well-formed", async () => {
    const segment = makeSegment(Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`m${i}.py`, pythonModule(`m${i}`)])));
    const runs = await Promise.all(
      Array.from({ length: 12 }, (_, i) => finished(spawnCli(["ast", "symbols", `sym://python/mod/m${i % 4}`, "--segment", segment, "--telemetry", "full"]))),
    );
    expect(runs.every((r) => r.exitCode === 0)).toBe(true);
    const events = eventsOf(telemetryDir(segment));
    expect(events.filter((e) => e.cmd === "ast.symbols")).toHaveLength(12);
    expect(new Set(events.map((e) => e.run_id)).size).toBe(12);
  });

  test.concurrent("rotation by size keeps whole files and a bounded number of them", async () => {
    const segment = makeSegment({ "a.py": pythonModule("a") });
    const env = { TRIFECTA_TELEMETRY_MAX_BYTES: "1500" };
    for (let i = 0; i < 12; i++) await symbols(segment, "a", ["--telemetry", "lite"], env);
    const files = readdirSync(telemetryDir(segment)).sort();
    expect(files).toEqual(["events.jsonl", "events.jsonl.1", "events.jsonl.2", "events.jsonl.3"]);
    for (const file of files) for (const event of eventsOf(telemetryDir(segment), file)) expect(event.cmd).toStartWith("ast.");
  });

  test.concurrent("telemetry report: commands, hit rate, latency percentiles, bypasses", async () => {
    const segment = makeSegment({ "a.py": pythonModule("a"), "big.py": pythonModule("big", 40) });
    const env = { TRIFECTA_TELEMETRY_LEVEL: "lite", TRIFECTA_CACHE_MAX_BYTES: "2000" };
    await symbols(segment, "a", [], env);
    await symbols(segment, "a", [], env);
    await symbols(segment, "a", [], env);
    await symbols(segment, "big", [], env);
    await symbols(segment, "nope", [], env);
    const report = await cli(["telemetry", "report", "--segment", segment, "--json"]);
    expect(report.exitCode).toBe(0);
    expect(report.json.commands["ast.symbols"]).toMatchObject({ count: 5, errors: 1 });
    expect(report.json.commands["ast.symbols"].p95_ms).toBeGreaterThanOrEqual(report.json.commands["ast.symbols"].p50_ms);
    expect(report.json.cache).toMatchObject({ hits: 2, misses: 2, hit_rate: 0.5 });
    expect(report.json.bypasses).toEqual({ value_too_large: 1 });
    expect(report.json.corruptions).toBe(0);
    const empty = await cli(["telemetry", "report", "--segment", segment, "--since", "0s", "--json"]);
    expect(empty.json.events).toBe(0);
    expect((await cli(["telemetry", "report", "--segment", segment, "--since", "soon"])).exitCode).toBe(2);
  });
});
