import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { runSoak } from "../bench/soak.ts";
import { expectBudgetSoakSound, expectedDbPath, finished, makeSegment, pythonModule, runCli, spawnCli } from "./helpers.ts";

describe("concurrency", () => {
  test("cold race: 16 processes at once on a segment with no DB all succeed with equal answers", async () => {
    const segment = makeSegment({ "pkg/mod.py": pythonModule("race", 40) });
    const runs = await Promise.all(
      Array.from({ length: 16 }, () => finished(spawnCli(["ast", "symbols", "sym://python/mod/pkg.mod", "--segment", segment]))),
    );
    for (const run of runs) {
      expect(run.exitCode).toBe(0);
      expect(run.json.status).toBe("ok");
      expect(run.json.symbols).toEqual(runs[0]!.json.symbols);
      expect(run.json.cache_key).toBe(runs[0]!.json.cache_key);
    }
    expect(runs[0]!.json.symbols).toHaveLength(40);
    const stats = runCli(["ast", "cache-stats", "--segment", segment]).json.stats;
    expect(stats.entries).toBe(1);
    expect(stats.hits + stats.misses).toBe(16);
    expect(runCli(["ast", "cache-verify", "--segment", segment]).exitCode).toBe(0);
  });

  test("a write lock held past the timeout: the answer comes anyway, as bypass/lock_timeout, and is logged", async () => {
    const segment = makeSegment({ "a.py": pythonModule("a"), "b.py": pythonModule("b") });
    expect(runCli(["ast", "symbols", "sym://python/mod/a", "--segment", segment]).json.cache_status).toBe("miss");
    // Another process takes the write lock and keeps it until told to stop.
    const holder = Bun.spawn(
      [process.execPath, "-e", `
        const { Database } = require("bun:sqlite");
        const db = new Database(${JSON.stringify(expectedDbPath(segment))});
        db.exec("PRAGMA busy_timeout = 5000"); db.exec("BEGIN IMMEDIATE");
        db.run("UPDATE counters SET value = value WHERE name = 'hits'");
        console.log("locked");
        for await (const _ of console) break;
        db.exec("ROLLBACK"); db.close();`],
      { stdin: "pipe", stdout: "pipe" },
    );
    const reader = holder.stdout.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain("locked");
    const env = { TRIFECTA_CACHE_LOCK_TIMEOUT_MS: "300", TRIFECTA_TELEMETRY_LEVEL: "lite" };
    const miss = runCli(["ast", "symbols", "sym://python/mod/b", "--segment", segment], { env });
    const hit = runCli(["ast", "symbols", "sym://python/mod/a", "--segment", segment], { env });
    holder.stdin.write("done\n");
    holder.stdin.end();
    await holder.exited;

    expect(miss.exitCode).toBe(0);
    expect(miss.json.cache_status).toBe("bypass");
    expect(miss.json.miss_reason).toBe("lock_timeout");
    expect(miss.json.symbols.map((s: any) => s.name)).toEqual(["b_f0", "b_f1", "b_f2"]);
    // Readers are not blocked by a writer in WAL mode: the hit is still a hit.
    expect(hit.exitCode).toBe(0);
    expect(hit.json.cache_status).toBe("hit");
    const events = (await Bun.file(join(segment, "_ctx", "telemetry", "events.jsonl")).text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(events.some((e) => e.cmd === "ast.cache.bypass" && e.result.reason === "lock_timeout" && e.args.operation === "store")).toBe(true);
    // After the lock is gone the same file is cached normally.
    expect(runCli(["ast", "symbols", "sym://python/mod/b", "--segment", segment]).json.cache_status).toBe("miss");
    expect(runCli(["ast", "symbols", "sym://python/mod/b", "--segment", segment]).json.cache_status).toBe("hit");
  });

  test("a short lock is waited for: the answer is cached, and the wait (acquisition only) is logged", async () => {
    const segment = makeSegment({ "a.py": pythonModule("a"), "b.py": pythonModule("b") });
    runCli(["ast", "symbols", "sym://python/mod/a", "--segment", segment]);
    const holder = Bun.spawn(
      [process.execPath, "-e", `
        const { Database } = require("bun:sqlite");
        const db = new Database(${JSON.stringify(expectedDbPath(segment))});
        db.exec("BEGIN IMMEDIATE");
        console.log("locked");
        await Bun.sleep(1200); // longer than the parse, shorter than the 2 s lock timeout
        db.exec("ROLLBACK"); db.close();`],
      { stdout: "pipe" },
    );
    const reader = holder.stdout.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain("locked");
    const run = runCli(["ast", "symbols", "sym://python/mod/b", "--segment", segment, "--telemetry", "lite"]);
    await holder.exited;
    expect(run.exitCode).toBe(0);
    expect(run.json.cache_status).toBe("miss");
    const waits = (await Bun.file(join(segment, "_ctx", "telemetry", "events.jsonl")).text()).trim().split("\n").map((l) => JSON.parse(l)).filter((e) => e.cmd === "ast.cache.lock_wait");
    expect(waits).toHaveLength(1);
    expect(waits[0].args.operation).toBe("store");
    expect(waits[0].timing_ms).toBeGreaterThan(50);
    expect(runCli(["ast", "symbols", "sym://python/mod/b", "--segment", segment]).json.cache_status).toBe("hit");
  });

  test("soak: workers mixing symbols, stats, clear and edits, with SIGKILLs; every answer equals a fresh parse", async () => {
    const result = await runSoak(4, 14);
    console.log(`soak: ${result.workers} workers x ${result.calls} calls, ${result.kills} killed, ${result.answersChecked} answers checked (${result.hits} hits), ${result.failures.length} failures`);
    expect(result.failures).toEqual([]);
    expect(result.wrongAnswers).toBe(0);
    expect(result.answersChecked).toBeGreaterThan(0);
    expect(result.hits).toBeGreaterThan(0);
    expect(result.verifyClean).toBe(true);
  }, 120_000);

  test("soak under a budget of a few KB: eviction races with reads, writes and clears, and nothing fails", async () => {
    // 3 x 8 calls here, 4 x 10 in test/slow/soak.slow.ts.
    const result = await runSoak(3, 8, { seed: 11, env: { TRIFECTA_CACHE_MAX_BYTES: "2500" } });
    expectBudgetSoakSound(result);
  }, 120_000);
});
