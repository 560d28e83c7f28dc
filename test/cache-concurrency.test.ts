import { describe, expect, test } from "bun:test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expectedDbPath, finished, makeSegment, pythonModule, runCli, spawnCli } from "./helpers.ts";

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

  test("soak: workers mixing symbols, stats, clear and edits, with SIGKILLs; every answer equals a fresh parse", async () => {
    const FILES = 5;
    const VERSIONS = 3;
    const content = (file: number, version: number) => pythonModule(`m${file}v${version}`, 2 + version);
    const segment = makeSegment(Object.fromEntries(Array.from({ length: FILES }, (_, i) => [`m${i}.py`, content(i, 0)])));
    // The truth for every version of every file, parsed without any cache.
    const truth = new Map<string, unknown>();
    for (let f = 0; f < FILES; f++) {
      for (let v = 0; v < VERSIONS; v++) {
        const probe = makeSegment({ [`m${f}.py`]: content(f, v) });
        const fresh = runCli(["ast", "symbols", `sym://python/mod/m${f}`, "--segment", probe, "--no-persist-cache"]);
        truth.set(fresh.json.cache_key, fresh.json.symbols);
      }
    }
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const WORKERS = 4;
    const CALLS = 20;
    let kills = 0;
    const failures: string[] = [];
    const answers: any[] = [];
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        for (let call = 0; call < CALLS; call++) {
          const roll = random(10);
          if (roll === 0) {
            const f = random(FILES);
            writeFileSync(join(segment, `m${f}.py`), content(f, random(VERSIONS)));
            continue;
          }
          const args =
            roll === 1 ? ["ast", "cache-stats", "--segment", segment] : roll === 2 ? ["ast", "clear-cache", "--segment", segment] : ["ast", "symbols", `sym://python/mod/m${random(FILES)}`, "--segment", segment];
          const proc = spawnCli(args);
          if (random(6) === 0) {
            setTimeout(() => proc.kill("SIGKILL"), random(40));
          }
          const run = await finished(proc);
          if (proc.signalCode === "SIGKILL") {
            kills++;
            continue;
          }
          if (run.exitCode !== 0) failures.push(`${args.join(" ")} → ${run.exitCode} ${run.stdout}`);
          else if (args[1] === "symbols") answers.push(run.json);
        }
      }),
    );
    const hits = answers.filter((a) => a.cache_status === "hit").length;
    console.log(`soak: ${WORKERS} workers x ${CALLS} calls, ${kills} killed, ${answers.length} answers checked (${hits} hits), ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(hits).toBeGreaterThan(0);
    for (const answer of answers) expect(answer.symbols).toEqual(truth.get(answer.cache_key));
    // Afterwards the cache is intact and still hits.
    const verify = runCli(["ast", "cache-verify", "--segment", segment]);
    expect(verify.exitCode).toBe(0);
    expect(verify.json.clean).toBe(true);
    runCli(["ast", "symbols", "sym://python/mod/m0", "--segment", segment]);
    expect(runCli(["ast", "symbols", "sym://python/mod/m0", "--segment", segment]).json.cache_status).toBe("hit");
  }, 120_000);
});
