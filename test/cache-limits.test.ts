import { afterAll, describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, expectedDbPath, makeSegment, pythonModule } from "./helpers.ts";

const symbols = (segment: string, module: string, env: Record<string, string> = {}) =>
  cli(["ast", "symbols", `sym://python/mod/${module}`, "--segment", segment], { env });
const stats = async (segment: string, env: Record<string, string> = {}) => (await cli(["ast", "cache-stats", "--segment", segment], { env })).json.stats;
const rows = (segment: string) => {
  const db = new Database(expectedDbPath(segment), { readonly: true });
  try {
    return db.query("SELECT file_rel, value_bytes FROM cache ORDER BY last_access").all() as { file_rel: string; value_bytes: number }[];
  } finally {
    db.close();
  }
};

describe("limits", () => {
  test.concurrent("a budget of a few KB with many files stays under budget, least recently used out first", async () => {
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`m${i}.py`, pythonModule(`m${i}`, 2)]));
    const segment = makeSegment(files);
    const env = { TRIFECTA_CACHE_MAX_BYTES: "4000", TRIFECTA_TELEMETRY_LEVEL: "lite" };
    for (let i = 0; i < 20; i++) {
      const run = await symbols(segment, `m${i}`, env);
      expect(run.exitCode).toBe(0);
      expect(run.json.symbols).toHaveLength(2);
      const total = rows(segment).reduce((n, r) => n + r.value_bytes, 0);
      expect(total).toBeLessThanOrEqual(4000);
    }
    const kept = rows(segment).map((r) => r.file_rel);
    expect(kept.length).toBeGreaterThan(1);
    // Exact: the newest files are what remains, and one more would not have fit.
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => `m${20 - kept.length + i}.py`));
    const total = rows(segment).reduce((n, r) => n + r.value_bytes, 0);
    expect(total + rows(segment)[0]!.value_bytes).toBeGreaterThan(4000 - rows(segment)[0]!.value_bytes);
    const report = await stats(segment, env);
    expect(report.usage_percent.bytes).toBeLessThanOrEqual(100);
    expect(report.limits.max_bytes).toBe(4000);
    const events = readFileSync(join(segment, "_ctx", "telemetry", "events.jsonl"), "utf8");
    expect(events).toContain('"cmd":"ast.cache.evict"');
    expect(events).toContain('"cmd":"ast.cache.size_warning"');
  });

  test.concurrent("an entry limit keeps the most recently used", async () => {
    const segment = makeSegment(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`m${i}.py`, pythonModule(`m${i}`)])));
    const env = { TRIFECTA_CACHE_MAX_ENTRIES: "3" };
    for (const i of [0, 1, 2]) await symbols(segment, `m${i}`, env);
    expect((await symbols(segment, "m0", env)).json.cache_status).toBe("hit"); // m0 is now the most recent
    await symbols(segment, "m3", env);
    await symbols(segment, "m4", env);
    expect(rows(segment).map((r) => r.file_rel).sort()).toEqual(["m0.py", "m3.py", "m4.py"]);
    const report = await stats(segment, env);
    expect(report.entries).toBe(3);
    expect(report.warnings.join(" ")).toContain("entries at 100%");
  });

  test.concurrent("a value larger than the whole budget is refused without hanging, and says so", async () => {
    const segment = makeSegment({ "big.py": pythonModule("big", 50), "small.py": "def s(): pass\n" });
    const env = { TRIFECTA_CACHE_MAX_BYTES: "400" };
    expect((await symbols(segment, "small", env)).json.cache_status).toBe("miss");
    const run = await symbols(segment, "big", env);
    expect(run.exitCode).toBe(0);
    expect(run.json.cache_status).toBe("bypass");
    expect(run.json.miss_reason).toBe("value_too_large");
    expect(run.json.symbols).toHaveLength(50);
    expect(rows(segment).map((r) => r.file_rel)).toEqual(["small.py"]);
  });

  test.concurrent("writing a file's new content removes the rows of its older content", async () => {
    const segment = makeSegment({ "m.py": pythonModule("v1") });
    await symbols(segment, "m");
    writeFileSync(join(segment, "m.py"), pythonModule("v2"));
    expect((await symbols(segment, "m")).json.miss_reason).toBe("key_miss");
    writeFileSync(join(segment, "m.py"), pythonModule("v3"));
    await symbols(segment, "m");
    expect(rows(segment)).toHaveLength(1);
  });

  test.concurrent("entries older than the TTL are misses and are removed", async () => {
    const segment = makeSegment({ "a.py": pythonModule("a"), "b.py": pythonModule("b") });
    const env = { TRIFECTA_CACHE_TTL_DAYS: "0.000002" }; // about 170 ms
    await symbols(segment, "a", env);
    await Bun.sleep(400);
    expect((await symbols(segment, "a", env)).json.miss_reason).toBe("expired");
    await symbols(segment, "b", env);
    await Bun.sleep(400);
    await symbols(segment, "a", env); // this write evicts b, expired meanwhile
    expect(rows(segment).map((r) => r.file_rel)).toEqual(["a.py"]);
  });

  test.concurrent("a database that may not grow (SQLITE_FULL) answers with bypass/disk_full", async () => {
    const segment = makeSegment({ "small.py": "def s(): pass\n", "big.py": pythonModule("big", 400) });
    expect((await symbols(segment, "small")).json.cache_status).toBe("miss");
    // Room for a few more pages than the schema and one small entry take, not for 400 functions (~60 KB).
    const env = { TRIFECTA_CACHE_MAX_DB_BYTES: String(statSync(expectedDbPath(segment)).size + 16384) };
    const run = await symbols(segment, "big", env);
    expect(run.exitCode).toBe(0);
    expect(run.json.cache_status).toBe("bypass");
    expect(run.json.miss_reason).toBe("disk_full");
    expect(run.json.symbols).toHaveLength(400);
    expect((await symbols(segment, "small", env)).json.cache_status).toBe("hit");
  });
});

// Real file systems: a full tmpfs and a read-only one (the machines here run tests as root, so
// permissions cannot make a directory unwritable; a mount can).
describe("full and read-only file systems", () => {
  const mountPoint = mkdtempSync(join(tmpdir(), "trifecta-mnt-"));
  const sh = (cmd: string) => Bun.spawnSync(["sh", "-c", cmd], { stderr: "pipe" });
  afterAll(() => {
    sh(`umount ${mountPoint}`);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  test("a full disk: bypass/disk_full, correct answer, exit 0", async () => {
    const mounted = sh(`mount -t tmpfs -o size=512k tmpfs ${mountPoint}`);
    expect(mounted.exitCode).toBe(0);
    const segment = join(mountPoint, "seg");
    mkdirSync(segment);
    writeFileSync(join(segment, "small.py"), "def s(): pass\n");
    writeFileSync(join(segment, "big.py"), pythonModule("big", 60));
    expect((await symbols(segment, "small")).json.cache_status).toBe("miss");
    // Fill the disk, then ask for a file whose entry cannot be written.
    const filler = Buffer.alloc(4096, 1);
    try {
      for (let i = 0; ; i++) writeFileSync(join(mountPoint, `fill${i}`), filler);
    } catch {}
    const run = await symbols(segment, "big");
    expect(run.exitCode).toBe(0);
    expect(run.json.cache_status).toBe("bypass");
    expect(run.json.miss_reason).toBe("disk_full");
    expect(run.json.symbols).toHaveLength(60);
    sh(`umount ${mountPoint}`);
  });

  test("ctx on a full disk or a read-only one: a typed error with the reason, never a crash", async () => {
    expect(sh(`mount -t tmpfs -o size=600k tmpfs ${mountPoint}`).exitCode).toBe(0);
    const segment = join(mountPoint, "seg");
    mkdirSync(segment);
    for (let i = 0; i < 60; i++) writeFileSync(join(segment, `m${i}.py`), pythonModule(`m${i}`, 40));
    const full = await cli(["ctx", "build", "--segment", segment]);
    expect(full.exitCode).toBe(1);
    expect(full.json).toMatchObject({ status: "error", error_code: "CACHE_UNAVAILABLE", reason: "disk_full" });
    expect(full.json.hint).toContain("disk");
    sh(`umount ${mountPoint}`);

    expect(sh(`mount -t tmpfs -o size=4m tmpfs ${mountPoint}`).exitCode).toBe(0);
    mkdirSync(segment);
    writeFileSync(join(segment, "a.py"), pythonModule("a"));
    expect((await cli(["ctx", "build", "--segment", segment])).exitCode).toBe(0);
    expect(sh(`mount -o remount,ro ${mountPoint}`).exitCode).toBe(0);
    // Reading needs no write: search and get answer from the index as it is.
    const search = await cli(["ctx", "search", "a_f1", "--segment", segment]);
    expect(search.exitCode).toBe(0);
    expect(search.json.hits[0].id).toBe("a.py#a_f1");
    const get = await cli(["ctx", "get", "a.py#a_f1", "--mode", "raw", "--segment", segment]);
    expect(get.exitCode).toBe(0);
    expect(get.json.pieces[0].content).toContain("def a_f1(x, y=1):");
    // Building does: a typed error with the reason.
    const build = await cli(["ctx", "build", "--segment", segment]);
    expect(build.exitCode).toBe(1);
    expect(build.json).toMatchObject({ status: "error", error_code: "CACHE_UNAVAILABLE", reason: "read_only" });
    for (const run of [search, get, build]) expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+/);
    sh(`umount ${mountPoint}`);
  });

  test("a read-only segment: hits come from the existing cache, misses are answered without storing", async () => {
    expect(sh(`mount -t tmpfs -o size=1m tmpfs ${mountPoint}`).exitCode).toBe(0);
    const segment = join(mountPoint, "seg");
    mkdirSync(segment);
    writeFileSync(join(segment, "a.py"), pythonModule("a"));
    writeFileSync(join(segment, "b.py"), pythonModule("b"));
    expect((await symbols(segment, "a")).json.cache_status).toBe("miss"); // a DB exists before the remount
    expect(sh(`mount -o remount,ro ${mountPoint}`).exitCode).toBe(0);
    const hit = await symbols(segment, "a");
    expect(hit.exitCode).toBe(0);
    expect(hit.json).toMatchObject({ cache_status: "hit", miss_reason: "cache_hit" });
    expect(hit.json.symbols).toHaveLength(3);
    const miss = await symbols(segment, "b");
    expect(miss.exitCode).toBe(0);
    expect(miss.json.symbols).toHaveLength(3);
    expect(miss.json).toMatchObject({ cache_status: "bypass", miss_reason: "read_only" });
    const fresh = join(mountPoint, "seg");
    const stats = await cli(["ast", "cache-stats", "--segment", fresh]);
    expect(stats.exitCode === 0 || stats.json.error_code === "CACHE_UNAVAILABLE").toBe(true);
    sh(`umount ${mountPoint}`);
  });
});

describe("a batch larger than the budget", () => {
  test.concurrent("ctx build under a tiny byte budget: the cache still ends within it", async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`m${i}.py`, pythonModule(`m${i}`, 3)]));
    const segment = makeSegment(files);
    const env = { TRIFECTA_CACHE_MAX_BYTES: "3000" };
    const build = await cli(["ctx", "build", "--segment", segment], { env });
    expect(build.exitCode).toBe(0);
    expect(build.json.symbols).toBe(90);
    const total = rows(segment).reduce((n, r) => n + r.value_bytes, 0);
    expect(total).toBeLessThanOrEqual(3000);
    expect(rows(segment).length).toBeGreaterThan(0);
  });
});
