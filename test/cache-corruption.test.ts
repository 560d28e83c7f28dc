import { describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { cli, expectedDbPath, makeSegment, pythonModule } from "./helpers.ts";

const quarantined = (segment: string) =>
  readdirSync(dirname(expectedDbPath(segment))).filter((n) => n.includes(".corrupt-") && !/-(wal|shm|journal)$/.test(n)).sort();

const events = (segment: string) =>
  readFileSync(join(segment, "_ctx", "telemetry", "events.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));

/** A segment whose cache holds a few entries (several pages), closed cleanly so everything is in the main file. */
async function cachedSegment(files = 6): Promise<{ segment: string; db: string }> {
  const segment = makeSegment(Object.fromEntries(Array.from({ length: files }, (_, i) => [`m${i}.py`, pythonModule(`m${i}`, 30)])));
  for (let i = 0; i < files; i++) expect((await cli(["ast", "symbols", `sym://python/mod/m${i}`, "--segment", segment])).exitCode).toBe(0);
  return { segment, db: expectedDbPath(segment) };
}

async function expectRecovered(segment: string) {
  const run = await cli(["ast", "symbols", "sym://python/mod/m0", "--segment", segment, "--telemetry", "lite"]);
  expect(run.exitCode).toBe(0);
  expect(run.json.status).toBe("ok");
  expect(run.json.miss_reason).toBe("corrupt_db");
  expect(run.json.symbols).toHaveLength(30);
  expect(quarantined(segment)).toHaveLength(1);
  const detected = events(segment).filter((e) => e.cmd === "ast.cache.corruption_detected");
  expect(detected).toHaveLength(1);
  expect(detected[0].result.scope).toBe("database");
  expect(detected[0].result.quarantined_as).toMatch(/\.db\.corrupt-\d{8}T\d{9}Z/);
  // The fresh database works: the next call hits, and verify is clean.
  expect((await cli(["ast", "symbols", "sym://python/mod/m0", "--segment", segment])).json.cache_status).toBe("hit");
  expect((await cli(["ast", "cache-verify", "--segment", segment])).exitCode).toBe(0);
}

describe("a damaged database is moved aside, replaced, and the answer is still right", () => {
  test.concurrent("garbage instead of a database", async () => {
    const { segment, db } = await cachedSegment(1);
    writeFileSync(db, "this is not a database at all ".repeat(200));
    await expectRecovered(segment);
    expect(readFileSync(join(dirname(db), quarantined(segment)[0]!), "utf8")).toStartWith("this is not a database");
  });

  test.concurrent("a truncated database", async () => {
    const { segment, db } = await cachedSegment();
    const size = statSync(db).size;
    expect(size).toBeGreaterThan(8192);
    truncateSync(db, Math.floor(size / 2));
    await expectRecovered(segment);
  });

  test.concurrent("a database from a future schema", async () => {
    const { segment, db } = await cachedSegment(1);
    const handle = new Database(db);
    handle.exec("PRAGMA user_version = 99");
    handle.close();
    await expectRecovered(segment);
  });

  test.concurrent("a database failing quick_check (a damaged index page)", async () => {
    const { segment, db } = await cachedSegment();
    const handle = new Database(db);
    const { rootpage } = handle.query("SELECT rootpage FROM sqlite_master WHERE name = 'cache_by_access'").get() as { rootpage: number };
    const pageSize = (handle.query("PRAGMA page_size").get() as { page_size: number }).page_size;
    handle.close();
    const bytes = readFileSync(db);
    bytes.fill(0xa5, (rootpage - 1) * pageSize + 8, rootpage * pageSize);
    writeFileSync(db, bytes);
    await expectRecovered(segment);
  });

  test.concurrent("at most three damaged files are kept", async () => {
    const { segment, db } = await cachedSegment(1);
    for (let round = 0; round < 5; round++) {
      writeFileSync(db, `garbage round ${round} `.repeat(100));
      expect((await cli(["ast", "symbols", "sym://python/mod/m0", "--segment", segment])).exitCode).toBe(0);
    }
    const kept = quarantined(segment);
    expect(kept).toHaveLength(3);
    // The newest evidence is what stays.
    expect(readFileSync(join(dirname(db), kept.at(-1)!), "utf8")).toStartWith("garbage round 4");
    expect((await cli(["ast", "cache-stats", "--segment", segment])).json.stats.quarantined).toEqual(kept);
  });

  test.concurrent("cache-stats on a damaged file recovers it too, and creates nothing else", async () => {
    const { segment, db } = await cachedSegment(1);
    writeFileSync(db, "x".repeat(5000));
    const stats = await cli(["ast", "cache-stats", "--segment", segment]);
    expect(stats.exitCode).toBe(0);
    expect(stats.json.stats.exists).toBe(false);
    expect(stats.json.stats.quarantined).toHaveLength(1);
    expect(existsSync(db)).toBe(false);
  });
});

describe("a damaged row is a miss, is deleted and logged", () => {
  test.concurrent("a flipped byte inside a stored value", async () => {
    const segment = makeSegment({ "m.py": 'def marker():\n    """UNIQUEMARKERTEXT"""\n', "n.py": pythonModule("n") });
    await cli(["ast", "symbols", "sym://python/mod/m", "--segment", segment]);
    await cli(["ast", "symbols", "sym://python/mod/n", "--segment", segment]);
    const db = expectedDbPath(segment);
    const bytes = readFileSync(db);
    const at = bytes.indexOf("UNIQUEMARKERTEXT");
    expect(at).toBeGreaterThan(0);
    bytes[at + 6] = "X".charCodeAt(0); // UNIQUEXARKERTEXT: same length, still valid JSON
    writeFileSync(db, bytes);

    const verify = await cli(["ast", "cache-verify", "--segment", segment]);
    expect(verify.exitCode).toBe(1);
    expect(verify.json.error_code).toBe("CACHE_DAMAGED");
    expect(verify.json.bad_rows).toHaveLength(1);

    const run = await cli(["ast", "symbols", "sym://python/mod/m", "--segment", segment, "--telemetry", "lite"]);
    expect(run.exitCode).toBe(0);
    expect(run.json.miss_reason).toBe("corrupt_entry");
    expect(run.json.symbols[0].doc).toBe("UNIQUEMARKERTEXT"); // never the damaged row
    expect(events(segment).some((e) => e.cmd === "ast.cache.corruption_detected" && e.result.scope === "row")).toBe(true);
    expect((await cli(["ast", "symbols", "sym://python/mod/m", "--segment", segment])).json.cache_status).toBe("hit");
    expect((await cli(["ast", "symbols", "sym://python/mod/n", "--segment", segment])).json.cache_status).toBe("hit");
    expect((await cli(["ast", "cache-verify", "--segment", segment])).exitCode).toBe(0);
  });

  test.concurrent("cache-verify --repair removes damaged rows", async () => {
    const segment = makeSegment({ "m.py": 'def marker():\n    """ANOTHERMARKER"""\n' });
    await cli(["ast", "symbols", "sym://python/mod/m", "--segment", segment]);
    const db = expectedDbPath(segment);
    const bytes = readFileSync(db);
    bytes[bytes.indexOf("ANOTHERMARKER") + 3] = "Q".charCodeAt(0);
    writeFileSync(db, bytes);
    const repaired = await cli(["ast", "cache-verify", "--segment", segment, "--repair"]);
    expect(repaired.exitCode).toBe(0);
    expect(repaired.json).toMatchObject({ repaired: true, clean: true });
    expect((await cli(["ast", "cache-verify", "--segment", segment])).json.clean).toBe(true);
    expect((await cli(["ast", "cache-stats", "--segment", segment])).json.stats.entries).toBe(0);
  });
});
