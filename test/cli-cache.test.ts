import { describe, expect, test } from "bun:test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cli, expectedDbPath, freshDir, makeSegment, runCli, type Entry } from "./helpers.ts";

const MODULE = `class Store:
    """Keeps things."""

    def get(self, key: str, default=None):
        return default

    async def fetch(self, url: str, *, timeout: float = 5) -> bytes:
        return b""

def helper():
    def inner():
        pass
    return inner
`;

const withoutCacheFields = (json: any) => {
  const { cache_status, miss_reason, ...rest } = json;
  return rest;
};

for (const entry of ["binary", "source"] as Entry[]) {
  describe(`cross-process persistence (${entry})`, () => {
    test.concurrent("run 1 misses and creates the DB at the exact path; run 2 from another cwd hits with identical symbols and key", async () => {
      const segment = makeSegment({ "pkg/store.py": MODULE });
      const first = await cli(["ast", "symbols", "sym://python/mod/pkg.store", "--segment", segment], { cwd: freshDir(), entry });
      expect(first.exitCode).toBe(0);
      expect(first.json.cache_status).toBe("miss");
      expect(first.json.miss_reason).toBe("cold_cache_db_missing");
      expect(first.json.cache_db_path).toBe(expectedDbPath(segment));
      expect(existsSync(expectedDbPath(segment))).toBe(true);
      expect(readFileSync(join(segment, ".trifecta", ".gitignore"), "utf8")).toBe("*\n");

      // Relative --segment from a different working directory reaches the same cache.
      const otherCwd = join(segment, "pkg");
      const second = await cli(["ast", "symbols", "sym://python/mod/pkg/store", "--segment", ".."], { cwd: otherCwd, entry });
      expect(second.exitCode).toBe(0);
      expect(second.json.cache_status).toBe("hit");
      expect(second.json.miss_reason).toBe("cache_hit");
      expect(second.json.cache_key).toBe(first.json.cache_key);
      expect(second.json.symbols).toEqual(first.json.symbols);
      // Byte-identical apart from the cache fields.
      expect(JSON.stringify(withoutCacheFields(second.json))).toBe(JSON.stringify(withoutCacheFields(first.json)));
    });
  });
}

describe("answer contract", () => {
  const segment = makeSegment({ "pkg/store.py": MODULE });
  const run = runCli(["ast", "symbols", "sym://python/mod/pkg.store", "--segment", segment]);

  test.concurrent("keys in contract order", async () => {
    expect(Object.keys(run.json)).toEqual([
      "status", "segment_root", "file_rel", "symbols", "cache_status", "cache_key", "miss_reason", "cache_db_path",
      "schema_version", "language", "parse_status", "parse_errors",
    ]);
    expect(run.json.segment_root).toBe(segment);
    expect(run.json.file_rel).toBe("pkg/store.py");
    expect(run.stderr).toBe("");
  });

  test.concurrent("cache key is four parts, relative, content-addressed", async () => {
    const parts = run.json.cache_key.split(":");
    expect(parts).toHaveLength(4);
    expect(parts[0]).toBe(".");
    expect(parts[1]).toBe("pkg/store.py");
    const sha = new Bun.CryptoHasher("sha256").update(MODULE).digest("hex").slice(0, 16);
    expect(parts[2]).toBe(sha);
    expect(parts[3]).toMatch(/^[0-9a-f]{12}$/);
    expect(run.json.cache_key).not.toContain(segment);
  });

  test.concurrent("identical content in another segment gets the same key", async () => {
    const other = makeSegment({ "pkg/store.py": MODULE });
    expect((await cli(["ast", "symbols", "sym://python/mod/pkg.store", "--segment", other])).json.cache_key).toBe(run.json.cache_key);
  });

  test.concurrent("symbols: nesting, kinds, real signatures, docs, async", async () => {
    const rows = run.json.symbols.map((s: any) => [s.qualified_name, s.kind, s.line, s.end_line, s.parent]);
    expect(rows).toEqual([
      ["Store", "class", 1, 8, null],
      ["Store.get", "method", 4, 5, "Store"],
      ["Store.fetch", "method", 7, 8, "Store"],
      ["helper", "function", 10, 13, null],
      ["helper.inner", "function", 11, 12, "helper"],
    ]);
    const fetch = run.json.symbols[2];
    expect(fetch.signature).toBe("async def fetch(self, url: str, *, timeout: float = 5) -> bytes");
    expect(fetch.async).toBe(true);
    expect(run.json.symbols[0].doc).toBe("Keeps things.");
    expect(Object.keys(run.json.symbols[0])).toEqual(["kind", "name", "line", "qualified_name", "end_line", "signature", "decorators", "async", "doc", "parent"]);
  });

  test.concurrent("type URI returns the symbol and its descendants", async () => {
    const typed = await cli(["ast", "symbols", "sym://python/type/pkg.store#Store", "--segment", segment]);
    expect(typed.exitCode).toBe(0);
    expect(typed.json.symbols.map((s: any) => s.qualified_name)).toEqual(["Store", "Store.get", "Store.fetch"]);
    const method = await cli(["ast", "symbols", "sym://python/type/pkg.store#Store.get", "--segment", segment]);
    expect(method.json.symbols.map((s: any) => s.qualified_name)).toEqual(["Store.get"]);
  });

  test.concurrent("snippet returns the symbol's source lines", async () => {
    const snippet = await cli(["ast", "snippet", "sym://python/type/pkg.store#helper", "--segment", segment]);
    expect(snippet.exitCode).toBe(0);
    expect(snippet.json.text).toBe(MODULE.split("\n").slice(9, 13).join("\n"));
    expect([snippet.json.line, snippet.json.end_line]).toEqual([10, 13]);
  });

  test.concurrent("text format is a compact indented outline", async () => {
    const text = await cli(["ast", "symbols", "sym://python/mod/pkg.store", "--segment", segment, "--format", "text"]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toBe(
      "# pkg/store.py\n1-8 class Store\n 4-5 def get(self, key: str, default=None)\n" +
        " 7-8 async def fetch(self, url: str, *, timeout: float = 5) -> bytes\n10-13 def helper()\n 11-12 def inner()\n",
    );
  });
});

describe("persistence control", () => {
  const dbFiles = (segment: string) =>
    existsSync(join(segment, ".trifecta")) ? readdirSync(join(segment, ".trifecta"), { recursive: true }).filter((f) => String(f).endsWith(".db")) : [];

  test.concurrent("TRIFECTA_AST_PERSIST=0 keeps everything in memory: no DB, no folder", async () => {
    const segment = makeSegment({ "m.py": "def f(): pass\n" });
    const run = await cli(["ast", "symbols", "sym://python/mod/m", "--segment", segment], { env: { TRIFECTA_AST_PERSIST: "0" } });
    expect(run.exitCode).toBe(0);
    expect(run.json.cache_status).toBe("miss");
    expect(run.json.miss_reason).toBe("ephemeral_cache");
    expect(run.json.cache_db_path).toBeNull();
    expect(existsSync(join(segment, ".trifecta"))).toBe(false);
    expect(dbFiles(segment)).toEqual([]);
  });

  test.concurrent("--no-persist-cache also keeps it in memory", async () => {
    const segment = makeSegment({ "m.py": "def f(): pass\n" });
    const run = await cli(["ast", "symbols", "sym://python/mod/m", "--segment", segment, "--no-persist-cache"]);
    expect(run.json.miss_reason).toBe("ephemeral_cache");
    expect(existsSync(join(segment, ".trifecta"))).toBe(false);
  });

  test.concurrent("the flag wins over the variable", async () => {
    const segment = makeSegment({ "m.py": "def f(): pass\n" });
    const run = await cli(["ast", "symbols", "sym://python/mod/m", "--segment", segment, "--persist-cache"], { env: { TRIFECTA_AST_PERSIST: "0" } });
    expect(run.json.cache_db_path).toBe(expectedDbPath(segment));
    expect(dbFiles(segment)).toHaveLength(1);
  });

  test.concurrent("a .env or bunfig.toml in the caller's directory changes nothing and prints nothing", async () => {
    const segment = makeSegment({ "m.py": "def f(): pass\n" });
    const cwd = makeSegment({ ".env": "TRIFECTA_AST_PERSIST=0\n", "bunfig.toml": 'preload = ["./hook.ts"]\n', "hook.ts": 'console.log("hook ran");\n' });
    const run = await cli(["ast", "symbols", "sym://python/mod/m", "--segment", segment], { cwd });
    expect(run.stdout).not.toContain("hook ran");
    expect(run.json.cache_db_path).toBe(expectedDbPath(segment));
    expect(dbFiles(segment)).toHaveLength(1);
  });

  test.concurrent("miss reasons follow the cache actually used", async () => {
    const segment = makeSegment({ "a.py": "def a(): pass\n", "b.py": "def b(): pass\n" });
    expect((await cli(["ast", "symbols", "sym://python/mod/a", "--segment", segment])).json.miss_reason).toBe("cold_cache_db_missing");
    expect((await cli(["ast", "symbols", "sym://python/mod/b", "--segment", segment])).json.miss_reason).toBe("key_miss");
    expect((await cli(["ast", "clear-cache", "--segment", segment])).json.removed_entries).toBe(2);
    expect((await cli(["ast", "symbols", "sym://python/mod/a", "--segment", segment])).json.miss_reason).toBe("cold_cache_empty");
  });
});

describe("cache-stats and clear-cache", () => {
  test.concurrent("real counters from the DB, from any working directory", async () => {
    const segment = makeSegment({ "a.py": "def a(): pass\n", "b.py": "class B: pass\n" });
    await cli(["ast", "symbols", "sym://python/mod/a", "--segment", segment]);
    await cli(["ast", "symbols", "sym://python/mod/a", "--segment", segment]);
    await cli(["ast", "symbols", "sym://python/mod/a", "--segment", segment]);
    await cli(["ast", "symbols", "sym://python/mod/b", "--segment", segment]);
    const stats = await cli(["ast", "cache-stats", "--segment", segment], { cwd: freshDir() });
    expect(stats.exitCode).toBe(0);
    expect(stats.json.stats).toMatchObject({ entries: 2, hits: 2, misses: 2, hit_rate: 0.5, exists: true, db_path: expectedDbPath(segment) });
    expect(stats.json.stats.bytes).toBeGreaterThan(0);
    expect(stats.json.stats.db_file_bytes).toBeGreaterThan(0);
  });

  test.concurrent("neither creates a directory or DB that did not exist", async () => {
    const segment = makeSegment({ "a.py": "" });
    const stats = await cli(["ast", "cache-stats", "--segment", segment]);
    expect(stats.exitCode).toBe(0);
    expect(stats.json.stats).toMatchObject({ exists: false, entries: 0, hits: 0, misses: 0 });
    const clear = await cli(["ast", "clear-cache", "--segment", segment]);
    expect(clear.exitCode).toBe(0);
    expect(clear.json.existed).toBe(false);
    expect(existsSync(join(segment, ".trifecta"))).toBe(false);
  });

  test("clear-cache while other processes read and write: no process fails", async () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`m${i}.py`, `def f${i}(x):\n    return x\n`]));
    const segment = makeSegment(files);
    const { BINARY } = await import("./helpers.ts");
    const procs = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 6; i++) {
        procs.push(Bun.spawn([BINARY, "ast", "symbols", `sym://python/mod/m${i}`, "--segment", segment], { stdout: "pipe", stderr: "pipe" }));
      }
      procs.push(Bun.spawn([BINARY, "ast", "clear-cache", "--segment", segment], { stdout: "pipe", stderr: "pipe" }));
    }
    const results = await Promise.all(procs.map(async (p) => ({ code: await p.exited, out: await new Response(p.stdout).text() })));
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).status).toBe("ok");
    }
  });
});
