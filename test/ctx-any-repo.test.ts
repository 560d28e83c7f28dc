import { describe, expect, test } from "bun:test";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BINARY, makeSegment, pythonModule, runCli } from "./helpers.ts";

// Any real repository (issue #9): one fixture per failure class seen on real trees.

const ctx = (segment: string, ...args: string[]) => runCli(["ctx", ...args, "--segment", segment]);

describe("ids are unique and stable for any input", () => {
  test("one name defined many times on one line (minified code): the build succeeds and every hit can be fetched", () => {
    const files = { "vendor/select2.full.js": "function f(){} function f(){} function f(){}\nvar x=1;function f(){}\n", "m.py": "def f():\n    pass\n" };
    const segment = makeSegment(files);
    const build = ctx(segment, "build");
    expect(build.exitCode).toBe(0);
    expect(build.json.failed).toEqual([]);
    const hits = ctx(segment, "search", "f", "--limit", "20").json.hits;
    const ids = hits.map((h: { id: string }) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["vendor/select2.full.js#f", "vendor/select2.full.js#f@1:2", "vendor/select2.full.js#f@1:3", "vendor/select2.full.js#f@2", "m.py#f"]));
    for (const id of ids) expect(ctx(segment, "get", id, "--mode", "raw").exitCode).toBe(0);
    // The same content gives the same ids, wherever it is.
    const again = makeSegment(files);
    ctx(again, "build");
    expect(ctx(again, "search", "f", "--limit", "20").json.hits.map((h: { id: string }) => h.id)).toEqual(ids);
  });
});

describe("no real source skipped by its folder's name alone", () => {
  test("build/, dist/, target/ and coverage/ holding source are indexed; outputs are known by their markers", () => {
    const segment = makeSegment({
      "go/build/build.go": "package build\n\nfunc Import() {}\n",
      "cmd/dist/main.go": "package main\n\nfunc bootstrap() {}\n",
      "target/lib.py": "def in_target():\n    pass\n",
      "coverage/tool.py": "def measure():\n    pass\n",
      "rust/target/CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n",
      "rust/target/debug/build/out.rs": "fn generated_by_cargo() {}\n",
      "web/coverage/lcov.info": "TN:\n",
      "web/coverage/lcov-report/sorter.js": "function sorter() {}\n",
    });
    const build = ctx(segment, "build");
    expect(build.exitCode).toBe(0);
    expect(build.json.files.skipped.build_output).toBe(2);
    const names = (query: string) => ctx(segment, "search", query).json.hits.map((h: { name: string }) => h.name);
    for (const name of ["Import", "bootstrap", "in_target", "measure"]) expect(names(name)).toContain(name);
    for (const name of ["generated_by_cargo", "sorter"]) expect(names(name)).not.toContain(name);
  });
});

describe("closed pipes", () => {
  test("a reader that goes away: exit at once with 0, nothing on stderr, the cache intact", async () => {
    const segment = makeSegment({ "big.py": pythonModule("big", 3000), "doc.md": `# Title\n\n${"text line\n".repeat(20000)}` });
    const piped = (args: string) => {
      const run = Bun.spawnSync(["bash", "-c", `'${BINARY}' ${args} --segment '${segment}' 2>"$0" | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`, join(segment, "stderr.txt")], { stdout: "pipe" });
      return { exit: run.stdout.toString().trim(), stderr: Bun.file(join(segment, "stderr.txt")).text() };
    };
    for (const args of ["ast symbols sym://python/mod/big", "ctx build", "ctx get doc.md --mode raw", "ctx search big_f1 --limit 100", "ast cache-stats"]) {
      const run = piped(args);
      expect({ args, exit: run.exit }).toEqual({ args, exit: "0" });
      expect(await run.stderr).toBe("");
    }
    expect(runCli(["ast", "cache-verify", "--segment", segment]).exitCode).toBe(0);
    expect(runCli(["ast", "symbols", "sym://python/mod/big", "--segment", segment]).json.cache_status).toBe("hit");
  });
});

describe("the segment is found like a project root", () => {
  test("without --segment: the nearest .trifecta above, else the nearest .git, else the working directory", () => {
    const project = makeSegment({ ".git/HEAD": "ref: refs/heads/main\n", "src/pkg/deep/m.py": "def f():\n    pass\n" });
    const deep = join(project, "src", "pkg", "deep");
    const fromDeep = runCli(["ast", "symbols", "sym://python/mod/src.pkg.deep.m"], { cwd: deep });
    expect(fromDeep.json.segment_root).toBe(project);
    // An index made for a subfolder wins over the repository root.
    mkdirSync(join(project, "src", ".trifecta"));
    expect(runCli(["ast", "symbols", "sym://python/mod/pkg.deep.m"], { cwd: deep }).json.segment_root).toBe(join(project, "src"));
    // No marker at all: the working directory.
    const bare = makeSegment({ "m.py": "def g():\n    pass\n" });
    writeFileSync(join(bare, "n.py"), "def h():\n    pass\n");
    expect(runCli(["ast", "symbols", "sym://python/mod/n"], { cwd: bare }).json.segment_root).toBe(bare);
  });
});
