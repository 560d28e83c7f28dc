import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { chmodSync, chownSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCtxSoak } from "../bench/soak.ts";
import { cli, expectCtxSoakSound, expectedDbPath, finished, makeSegment, pythonModule, spawnCli } from "./helpers.ts";

// Index integrity under faults (issue #10): real files, real processes, real SQLite damage.

const ctx = (segment: string, ...args: string[]) => cli(["ctx", ...args, "--segment", segment]);
const pad = (i: number) => String(i).padStart(4, "0");
const manyFiles = (count: number, functions = 20) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`pkg/m${pad(i)}.py`, pythonModule(`m${pad(i)}`, functions)]));

function readDb<T>(segment: string, read: (db: Database) => T): T {
  const db = new Database(expectedDbPath(segment), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const buildState = (segment: string) => {
  try {
    return readDb(segment, (db) => (db.query("SELECT value FROM ctx_meta WHERE name = 'build'").get() as { value: string } | null)?.value ?? null);
  } catch {
    return null; // not created yet
  }
};

const indexedFiles = (segment: string) => readDb(segment, (db) => (db.query("SELECT file_rel FROM ctx_files ORDER BY file_rel").all() as { file_rel: string }[]).map((r) => r.file_rel));

/** Overwrites `count` leaf pages of a table with 0xff, after moving the WAL into the main file. */
function damageLeafPages(segment: string, table: string, count: number): number {
  const path = expectedDbPath(segment);
  const db = new Database(path);
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  const pages = db.query("SELECT pageno, pgsize FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").all(table) as { pageno: number; pgsize: number }[];
  db.close();
  const fd = openSync(path, "r+");
  const chosen = pages.filter((_, i) => i % Math.max(1, Math.floor(pages.length / count)) === 0).slice(0, count);
  for (const { pageno, pgsize } of chosen) writeSync(fd, Buffer.alloc(pgsize, 0xff), 0, pgsize, (pageno - 1) * pgsize);
  closeSync(fd);
  return chosen.length;
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await Bun.sleep(2);
}

describe("no silent loss", () => {
  test.concurrent("damage found during a build replaces the database and the build starts over: every file is indexed again", async () => {
    const segment = makeSegment(manyFiles(300, 12));
    expect((await ctx(segment, "build")).json.files.indexed).toBe(300);
    expect(damageLeafPages(segment, "cache", 50)).toBeGreaterThan(10);
    for (const i of [3, 150, 299]) writeFileSync(join(segment, `pkg/m${pad(i)}.py`), `${pythonModule(`m${pad(i)}`, 12)}\ndef edited_${i}():\n    pass\n`);
    const build = await ctx(segment, "build", "--telemetry", "lite");
    expect(build.exitCode).toBe(0);
    expect(build.json.recovered).toMatchObject({ restarted: true });
    expect(build.json.recovered.database_replaced).toBeGreaterThanOrEqual(1);
    expect(indexedFiles(segment)).toHaveLength(300);
    // An unedited file is still found and fetched; nothing claims completeness it does not have.
    const search = await ctx(segment, "search", "m0007_f4");
    expect(search.json.index_incomplete).toBeUndefined();
    expect(search.json.hits[0].id).toBe("pkg/m0007.py#m0007_f4");
    expect((await ctx(segment, "get", "pkg/m0007.py#m0007_f4")).exitCode).toBe(0);
    expect((await ctx(segment, "search", "edited_150")).json.hits[0].id).toBe("pkg/m0150.py#edited_150");
  });

  test.concurrent("damage to the index tables found by a search: the file is replaced and the index built anew before answering", async () => {
    const segment = makeSegment(manyFiles(200, 12));
    await ctx(segment, "build");
    expect(damageLeafPages(segment, "ctx_items", 10)).toBeGreaterThan(2);
    const search = await ctx(segment, "search", "m0042_f3");
    expect(search.exitCode).toBe(0);
    expect(search.json.hits[0].id).toBe("pkg/m0042.py#m0042_f3");
    expect(search.json.index_built.files).toBe(200);
    expect(indexedFiles(segment)).toHaveLength(200);
    expect((await ctx(segment, "get", "pkg/m0042.py#m0042_f3")).exitCode).toBe(0);
  });
});

describe("no read outside the segment", () => {
  test("files swapped for links to a secret outside while a build runs: nothing of it is read or stored", async () => {
    const outside = makeSegment({ "secret.py": 'def leaked(api_key="TOPSECRET-42"):\n    pass\n' });
    const segment = makeSegment(manyFiles(1200, 6));
    const build = spawnCli(["ctx", "build", "--segment", segment], { TRIFECTA_CTX_WORKERS: "0" });
    await waitFor(() => buildState(segment) === "running");
    // 24 batches of 50: the last is read long after the first is written. Swap its files now (ln -s + mv -T).
    for (let i = 1150; i < 1200; i++) {
      const file = join(segment, `pkg/m${pad(i)}.py`);
      symlinkSync(join(outside, "secret.py"), `${file}.tmp`);
      renameSync(`${file}.tmp`, file);
    }
    const done = await finished(build);
    expect(done.exitCode).toBe(0);
    const stored = readDb(segment, (db) => [
      (db.query("SELECT COUNT(*) AS n FROM cache WHERE value LIKE '%TOPSECRET%'").get() as { n: number }).n,
      (db.query("SELECT COUNT(*) AS n FROM ctx_items WHERE signature LIKE '%TOPSECRET%' OR name = 'leaked'").get() as { n: number }).n,
    ]);
    expect(stored).toEqual([0, 0]);
    const swapped = done.json.failed.filter((f: { reason: string }) => f.reason === "changed").length + done.json.files.skipped.symlink_outside;
    expect(swapped).toBeGreaterThan(0);
    expect((await ctx(segment, "search", "leaked")).json.hits).toEqual([]);
  });

  test.concurrent("a .trifecta that is a symbolic link is refused: nothing is created or read where it points", async () => {
    const elsewhere = makeSegment({});
    const segment = makeSegment({ "a.py": "def f():\n    pass\n" });
    symlinkSync(elsewhere, join(segment, ".trifecta"));
    const build = await ctx(segment, "build");
    expect(build.exitCode).toBe(1);
    expect(build.json).toMatchObject({ status: "error", error_code: "CACHE_UNAVAILABLE", reason: "unsafe_cache_path" });
    const symbols = await cli(["ast", "symbols", "sym://python/mod/a", "--segment", segment]);
    expect(symbols.exitCode).toBe(0);
    expect(symbols.json).toMatchObject({ cache_status: "bypass", miss_reason: "unsafe_cache_path" });
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  test.concurrent("ids with '#', '@', '%' and spaces in file names: every id search returns can be fetched", async () => {
    const segment = makeSegment({ "hash#name.py": "def hashed():\n    pass\n", "we@ird %dir/sp ace.py": "def spaced():\n    pass\n", "plain.js": "class C {\n  #secret() { return 1; }\n}\n" });
    expect((await ctx(segment, "build")).exitCode).toBe(0);
    for (const query of ["hashed", "spaced", "secret"]) {
      const hits = (await ctx(segment, "search", query)).json.hits;
      expect(hits.length).toBeGreaterThan(0);
      const got = await ctx(segment, "get", hits[0].id, "--mode", "raw");
      expect(got.exitCode).toBe(0);
      expect(got.json.pieces[0].content).toContain(query === "secret" ? "#secret()" : `def ${query}()`);
    }
    expect((await ctx(segment, "get", "hash#name.py")).json.pieces[0].kind).toBe("file");
  });
});

describe("ordinary events are per-file outcomes", () => {
  test("files deleted, replaced by a directory or by a FIFO during a build: the build finishes, exit 0", async () => {
    const segment = makeSegment(manyFiles(600, 16));
    const build = spawnCli(["ctx", "build", "--segment", segment], { TRIFECTA_CTX_WORKERS: "0" });
    await waitFor(() => buildState(segment) === "running");
    for (let i = 450; i < 600; i++) {
      const file = join(segment, `pkg/m${pad(i)}.py`);
      rmSync(file);
      if (i % 3 === 1) mkdirSync(file);
      if (i % 3 === 2) expect(Bun.spawnSync(["mkfifo", file]).exitCode).toBe(0);
    }
    const done = await finished(build);
    expect(done.exitCode).toBe(0);
    const reasons = new Set(done.json.failed.map((f: { reason: string }) => f.reason));
    for (const reason of reasons) expect(["vanished", "not_a_file"]).toContain(reason as string);
    // The next build leaves them out without failing on them.
    const again = await ctx(segment, "build");
    expect(again.exitCode).toBe(0);
    expect(again.json.failed).toEqual([]);
    expect(indexedFiles(segment)).toHaveLength(450);
  });

  test.concurrent("a file the user cannot read is listed under failed; search and get keep answering; the next build tries it again", async () => {
    // Outside the test scratch folder, which only root may enter.
    const segment = mkdtempSync(join(tmpdir(), "trifecta-nobody-"));
    writeFileSync(join(segment, "a.py"), "def readable():\n    pass\n");
    writeFileSync(join(segment, "b.py"), "def hidden():\n    pass\n");
    chownSync(segment, 65534, 65534);
    for (const name of ["a.py", "b.py"]) chownSync(join(segment, name), 65534, 65534);
    chmodSync(join(segment, "b.py"), 0o000);
    const asNobody = (...args: string[]) => {
      const run = Bun.spawnSync(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", join(import.meta.dir, "..", "dist", "trifecta"), "ctx", ...args, "--segment", segment], { cwd: "/", stdout: "pipe", stderr: "pipe" });
      return { exitCode: run.exitCode, json: JSON.parse(run.stdout.toString()) };
    };
    const build = asNobody("build");
    expect(build.exitCode).toBe(0);
    expect(build.json.failed).toEqual([{ file_rel: "b.py", reason: "unreadable", detail: expect.any(String) }]);
    expect(asNobody("search", "readable").json.hits[0].id).toBe("a.py#readable");
    expect(asNobody("get", "a.py#readable").exitCode).toBe(0);
    chmodSync(join(segment, "b.py"), 0o644);
    expect(asNobody("build").json.files.indexed).toBe(1);
    expect(asNobody("search", "hidden").json.hits[0].id).toBe("b.py#hidden");
    rmSync(segment, { recursive: true, force: true });
  });
});

describe("get serves the file as it is", () => {
  test.concurrent("content changed with the same size and time as indexed: re-indexed and served, not STALE_INDEX", async () => {
    const segment = makeSegment({ "m.py": "def alpha():\n    return 1\n" });
    const path = join(segment, "m.py");
    const stamp = 1_700_000_000; // a whole second, so the time can be put back exactly
    utimesSync(path, stamp, stamp);
    await ctx(segment, "build");
    writeFileSync(path, "def gamma():\n    return 2\n"); // same length
    utimesSync(path, stamp, stamp);
    const got = await ctx(segment, "get", "m.py", "--mode", "raw");
    expect(got.exitCode).toBe(0);
    expect(got.json.pieces[0].content).toBe("def gamma():\n    return 2");
    expect((await ctx(segment, "search", "gamma")).json.hits[0].id).toBe("m.py#gamma");
  });
});

describe("ordinary concurrency just works", () => {
  test("16 processes at once (builds, searches, gets) on an indexed segment whose files just changed: all succeed", async () => {
    const segment = makeSegment(manyFiles(300, 12));
    expect((await ctx(segment, "build")).exitCode).toBe(0);
    for (let i = 0; i < 300; i += 3) writeFileSync(join(segment, `pkg/m${pad(i)}.py`), `\n${pythonModule(`m${pad(i)}`, 12)}`);
    const procs = Array.from({ length: 16 }, (_, i) => {
      const args = i % 3 === 0 ? ["build"] : i % 3 === 1 ? ["search", `m${pad(i * 7)}_f2`] : ["get", `pkg/m${pad(i * 11)}.py#m${pad(i * 11)}_f1`];
      return spawnCli(["ctx", ...args, "--segment", segment]);
    });
    const runs = await Promise.all(procs.map(finished));
    for (const run of runs) {
      expect(run.stderr).toBe("");
      expect({ exit: run.exitCode, status: run.json?.status }).toEqual({ exit: 0, status: "ok" });
    }
    // One build did the work; the others found it done.
    const builds = runs.filter((r) => r.json.files);
    expect(builds.reduce((n, r) => n + r.json.files.indexed, 0)).toBeLessThanOrEqual(100 + 2 * builds.length);
  });

  test("four builds and four searches at once on a fresh segment: one build does the work, everyone answers", async () => {
    const segment = makeSegment(manyFiles(400, 12));
    const procs = [...Array.from({ length: 4 }, () => spawnCli(["ctx", "build", "--segment", segment])), ...Array.from({ length: 4 }, (_, i) => spawnCli(["ctx", "search", `m${pad(i * 90)}_f3`, "--segment", segment]))];
    const runs = await Promise.all(procs.map(finished));
    for (const run of runs) expect({ exit: run.exitCode, status: run.json?.status, stderr: run.stderr }).toEqual({ exit: 0, status: "ok", stderr: "" });
    // Whoever took the lock first (a build, or a search that found no index) did the work, once.
    const indexed = runs.map((r) => r.json.files?.indexed ?? r.json.index_built?.files ?? 0);
    expect(indexed.reduce((a: number, b: number) => a + b, 0)).toBe(400);
    for (const search of runs.filter((r) => r.json.hits)) {
      // Built the index, waited for the build, or answered from what it had written and said so.
      expect(search.json.hits.length > 0 || search.json.index_incomplete?.building === true).toBe(true);
    }
  });
});

describe("repair that repairs", () => {
  test.concurrent("damaged ctx tables: cache-verify finds them, --repair mends or moves the file aside, and ctx build works after", async () => {
    const segment = makeSegment(manyFiles(120, 12));
    await ctx(segment, "build");
    damageLeafPages(segment, "ctx_fts_data", 5);
    const verify = await cli(["ast", "cache-verify", "--segment", segment]);
    expect(verify.exitCode).toBe(1);
    expect(verify.json.error_code).toBe("CACHE_DAMAGED");
    const repair = await cli(["ast", "cache-verify", "--repair", "--segment", segment]);
    expect(repair.exitCode).toBe(0);
    expect(repair.json.repaired).toBe(true);
    expect((await cli(["ast", "cache-verify", "--segment", segment])).exitCode).toBe(0);
    expect((await ctx(segment, "build")).exitCode).toBe(0);
    expect(indexedFiles(segment)).toHaveLength(120);
    expect((await ctx(segment, "search", "m0100_f2")).json.hits[0].id).toBe("pkg/m0100.py#m0100_f2");
  });

  test.concurrent("the repair a ctx error recommends works when followed", async () => {
    const segment = makeSegment(manyFiles(60, 12));
    await ctx(segment, "build");
    damageLeafPages(segment, "ctx_items", 3);
    const search = await ctx(segment, "search", "m0005_f2");
    if (search.exitCode !== 0) {
      expect(search.json.hint).toContain("cache-verify --repair");
      expect((await cli(["ast", "cache-verify", "--repair", "--segment", segment])).exitCode).toBe(0);
    }
    expect((await ctx(segment, "build")).exitCode).toBe(0);
    expect((await ctx(segment, "search", "m0005_f2")).json.hits[0].id).toBe("pkg/m0005.py#m0005_f2");
  });
});

describe("addressing", () => {
  test.concurrent("several definitions of one name on one line: distinct candidates, each selectable with @LINE:K", async () => {
    const segment = makeSegment({ "m.js": "function a(){}\nfunction b(){ return 1 } function b(){ return 2 } function b(){ return 3 }\n" });
    const ambiguous = await cli(["ast", "snippet", "sym://javascript/type/m#b", "--segment", segment]);
    expect(ambiguous.json.error_code).toBe("AMBIGUOUS_SYMBOL");
    expect(ambiguous.json.candidates).toEqual(["b@2:1", "b@2:2", "b@2:3"]);
    const second = await cli(["ast", "snippet", "sym://javascript/type/m#b@2:2", "--segment", segment]);
    expect(second.exitCode).toBe(0);
    expect(second.json.symbol.signature).toBe("function b()");
    expect((await cli(["ast", "snippet", "sym://javascript/type/m#b@2:4", "--segment", segment])).json.error_code).toBe("SYMBOL_NOT_FOUND");
  });
});

describe("costs that grow linearly", () => {
  test.concurrent("Markdown sections end where the next heading of the same or a higher level starts", async () => {
    const doc = "# A\n\none\n\n## A.1\n\ntwo\n\n### A.1.a\n\nthree\n\n## A.2\n\nfour\n\n# B\n\nfive\n";
    const segment = makeSegment({ "doc.md": doc });
    await ctx(segment, "build");
    const rows = readDb(segment, (db) => db.query("SELECT name, line, end_line FROM ctx_items ORDER BY line").all());
    expect(rows).toEqual([
      { name: "A", line: 1, end_line: 15 },
      { name: "A.1", line: 5, end_line: 11 },
      { name: "A.1.a", line: 9, end_line: 11 },
      { name: "A.2", line: 13, end_line: 15 },
      { name: "B", line: 17, end_line: 19 },
    ]);
  });
});


describe("soak", () => {
  test("builds, searches and gets from several processes with SIGKILLs, edits and database damage: no wrong answer, no false completeness", async () => {
    // 56 files and 3 x 12 calls (a third of the CPU of the 110 files and 3 x 18 calls now in test/slow/soak.slow.ts).
    const result = await runCtxSoak(3, 12, { seed: 11, stdlibFiles: 40, generated: 16 });
    expectCtxSoakSound(result);
  }, 120_000);
});
