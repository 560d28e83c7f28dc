import { describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, freshDir, makeSegment } from "./helpers.ts";

/** Every error: JSON on stdout with a stable code, the expected exit, no stack trace, nothing created. */
async function expectError(args: string[], code: string, exitCode: number, options: { cwd?: string; env?: Record<string, string> } = {}) {
  const run = await cli(args, options);
  expect(run.exitCode).toBe(exitCode);
  expect(run.json).not.toBeNull();
  expect(run.json.status).toBe("error");
  expect(run.json.error_code).toBe(code);
  expect(typeof run.json.message).toBe("string");
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+/); // no stack trace
  return run.json;
}

describe("error codes", () => {
  const segment = makeSegment({
    "pkg/mod.py": "class A:\n    def run(self): pass\n\ndef f(): pass\ndef f(): pass\n",
    "dup.py": "x = 1\n",
    "dup/__init__.py": "y = 2\n",
    "notes.txt": "hello\n",
  });
  const outside = makeSegment({ "secret.py": "def leaked(): pass\n" });
  symlinkSync(join(outside, "secret.py"), join(segment, "link.py"));
  symlinkSync(outside, join(segment, "linkdir"));

  test.concurrent("INVALID_URI", async () => {
    for (const uri of ["http://x", "sym://", "sym://python", "sym://python/class/X", "sym://python/mod", "sym://python/mod/", "sym://python/mod/a..b", "sym://python/mod/a#frag", "sym://python/type/pkg.mod", "sym://python/type/pkg.mod#A@x"]) {
      await expectError(["ast", "symbols", uri, "--segment", segment], "INVALID_URI", 1);
    }
  });

  test.concurrent("FILE_NOT_FOUND lists what was tried, with the language's rule for module paths", async () => {
    const json = await expectError(["ast", "symbols", "sym://python/mod/nope", "--segment", segment], "FILE_NOT_FOUND", 1);
    expect(json.tried).toEqual(["nope.py", "nope.pyi", "nope/__init__.py", "nope/__init__.pyi"]);
    // Rust writes modules `a::b`: a dotted path finds nothing, and the hint says how to write it.
    const rust = await expectError(["ast", "symbols", "sym://rust/mod/builder.command", "--segment", segment], "FILE_NOT_FOUND", 1);
    expect(rust.hint).toContain("a::b");
  });

  test.concurrent("AMBIGUOUS_SYMBOL when a module and a package share a name", async () => {
    const json = await expectError(["ast", "symbols", "sym://python/mod/dup", "--segment", segment], "AMBIGUOUS_SYMBOL", 1);
    expect(json.candidates).toEqual(["dup.py", "dup/__init__.py"]);
    // Either one can still be addressed by path.
    expect((await cli(["ast", "symbols", "sym://python/file/dup/__init__.py", "--segment", segment])).exitCode).toBe(0);
  });

  test.concurrent("AMBIGUOUS_SYMBOL for a snippet of a redefined name; @line picks one", async () => {
    const json = await expectError(["ast", "snippet", "sym://python/type/pkg.mod#f", "--segment", segment], "AMBIGUOUS_SYMBOL", 1);
    expect(json.candidates).toEqual(["f@4", "f@5"]);
    const picked = await cli(["ast", "snippet", "sym://python/type/pkg.mod#f@5", "--segment", segment]);
    expect(picked.json.text).toBe("def f(): pass");
  });

  test.concurrent("SYMBOL_NOT_FOUND with the closest names", async () => {
    const json = await expectError(["ast", "symbols", "sym://python/type/pkg.mod#A.runn", "--segment", segment], "SYMBOL_NOT_FOUND", 1);
    expect(json.candidates[0]).toBe("A.run");
  });

  test.concurrent("a file's path is a target too: from the working directory (or the segment, when it has none), #Name for one symbol; a link out or a missing file refused", async () => {
    const bySym = await cli(["ast", "symbols", "sym://python/file/pkg/mod.py", "--segment", segment]);
    const byPath = await cli(["ast", "symbols", "pkg/mod.py", "--segment", segment], { cwd: segment });
    expect([byPath.exitCode, byPath.json.symbols]).toEqual([0, bySym.json.symbols]);
    const fromBelow = await cli(["ast", "symbols", "mod.py", "--segment", segment], { cwd: join(segment, "pkg") });
    expect(fromBelow.json.file_rel).toBe("pkg/mod.py");
    // From elsewhere, a path the working directory does not have is the segment's: a file_rel as answers print it.
    const fromElsewhere = await cli(["ast", "symbols", "pkg/mod.py", "--segment", segment]);
    expect([fromElsewhere.exitCode, fromElsewhere.json.symbols]).toEqual([0, bySym.json.symbols]);
    await expectError(["ast", "symbols", "pkg/nope.py", "--segment", segment], "FILE_NOT_FOUND", 1);
    await expectError(["ast", "symbols", "../outside.py", "--segment", segment], "PATH_OUTSIDE_SEGMENT", 1);
    const snippet = await cli(["ast", "snippet", "pkg/mod.py#f@5", "--segment", segment], { cwd: segment });
    expect(snippet.json.text).toBe("def f(): pass");
    const linked = await expectError(["ast", "symbols", join(segment, "link.py"), "--segment", segment], "PATH_OUTSIDE_SEGMENT", 1);
    expect(JSON.stringify(linked)).not.toContain("leaked");
    await expectError(["ast", "symbols", join(segment, "nope.py"), "--segment", segment], "FILE_NOT_FOUND", 1);
  });

  test.concurrent("PATH_OUTSIDE_SEGMENT: '..', absolute paths, links out of the segment", async () => {
    for (const uri of ["sym://python/mod/../secret", "sym://python/mod/pkg/../../x", "sym://python/file/../x.py", "sym://python/mod//etc/passwd", "sym://python/file//etc/x.py"]) {
      await expectError(["ast", "symbols", uri, "--segment", segment], "PATH_OUTSIDE_SEGMENT", 1);
    }
    const linked = await expectError(["ast", "symbols", "sym://python/mod/link", "--segment", segment], "PATH_OUTSIDE_SEGMENT", 1);
    expect(JSON.stringify(linked)).not.toContain("leaked");
    await expectError(["ast", "symbols", "sym://python/mod/linkdir.secret", "--segment", segment], "PATH_OUTSIDE_SEGMENT", 1);
    await expectError(["ast", "snippet", "sym://python/type/linkdir.secret#leaked", "--segment", segment], "PATH_OUTSIDE_SEGMENT", 1);
  });

  test.concurrent("FILE_TOO_LARGE above the limit (TRIFECTA_MAX_FILE_BYTES)", async () => {
    const json = await expectError(["ast", "symbols", "sym://python/mod/pkg.mod", "--segment", segment], "FILE_TOO_LARGE", 1, {
      env: { TRIFECTA_MAX_FILE_BYTES: "10" },
    });
    expect(json.limit).toBe(10);
  });

  test.concurrent("UNSUPPORTED_LANGUAGE and LANGUAGE_MISMATCH", async () => {
    const json = await expectError(["ast", "symbols", "sym://cobol/mod/x", "--segment", segment], "UNSUPPORTED_LANGUAGE", 1);
    expect(json.supported).toContain("python");
    await expectError(["ast", "symbols", "sym://python/file/notes.txt", "--segment", segment], "LANGUAGE_MISMATCH", 1);
  });

  test.concurrent("SEGMENT_NOT_FOUND", async () => {
    await expectError(["ast", "symbols", "sym://python/mod/x", "--segment", join(segment, "missing")], "SEGMENT_NOT_FOUND", 1);
    await expectError(["ast", "cache-stats", "--segment", join(segment, "notes.txt")], "SEGMENT_NOT_FOUND", 1);
  });

  test.concurrent("usage errors exit 2 with JSON", async () => {
    await expectError(["ast", "symbols"], "USAGE_ERROR", 2);
    await expectError(["ast", "symbols", "sym://python/mod/x", "--bogus"], "USAGE_ERROR", 2);
    await expectError(["ast", "symbols", "sym://python/mod/x", "extra"], "USAGE_ERROR", 2);
    await expectError(["ast", "symbols", "sym://python/mod/x", "--format", "yaml"], "USAGE_ERROR", 2);
    await expectError(["ast", "symbols", "sym://python/mod/x", "--telemetry", "loud"], "USAGE_ERROR", 2);
    await expectError(["ast", "symbols", "sym://python/mod/x", "--segment"], "USAGE_ERROR", 2);
    await expectError(["ast", "nope"], "USAGE_ERROR", 2);
    await expectError([], "USAGE_ERROR", 2);
    expect((await expectError(["ctx", "search", "--segment", segment], "USAGE_ERROR", 2)).message).toContain("<QUERY>");
    await expectError(["ast", "symbols", "sym://python/mod/x", "--no-persist-cache=yes"], "USAGE_ERROR", 2);
    await expectError(["ast", "symbols", "sym://python/mod/x", "--no-segment"], "USAGE_ERROR", 2);
  });

  test.concurrent("flag spellings: --name=value, --name value, --flag=false, and -- before a positional", async () => {
    const answer = async (args: string[]) => (await cli(["ast", "symbols", ...args])).json;
    expect((await answer(["sym://python/mod/pkg.mod", `--segment=${segment}`, "--persist-cache=false"])).miss_reason).toBe("ephemeral_cache");
    expect((await answer(["--segment", segment, "--no-persist-cache", "--", "sym://python/mod/pkg.mod"])).symbols.map((s: { name: string }) => s.name)).toEqual(["A", "run", "f", "f"]);
  });

  test.concurrent("help is not an error", async () => {
    const help = await cli(["ast", "symbols", "--help"]);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("--segment");
    expect(help.stdout).not.toContain("\x1b["); // no colour codes in a pipe
  });
});

describe("nothing is created before the URI and file are valid", () => {
  test.concurrent("invalid URI, missing file, traversal: no .trifecta appears", async () => {
    const segment = makeSegment({ "a.py": "def a(): pass\n" });
    await cli(["ast", "symbols", "sym://python/class/a", "--segment", segment]);
    await cli(["ast", "symbols", "sym://python/mod/missing", "--segment", segment]);
    await cli(["ast", "symbols", "sym://python/mod/../a", "--segment", segment]);
    await cli(["ast", "symbols", "sym://python/type/a#ghost", "--segment", segment], { env: { TRIFECTA_AST_PERSIST: "0" } });
    expect(existsSync(join(segment, ".trifecta"))).toBe(false);
  });

  test.concurrent("a missing segment is never created", async () => {
    const parent = freshDir();
    await cli(["ast", "symbols", "sym://python/mod/x", "--segment", join(parent, "ghost")]);
    await cli(["ast", "clear-cache", "--segment", join(parent, "ghost")]);
    expect(existsSync(join(parent, "ghost"))).toBe(false);
  });
});

describe("a cache that cannot be written degrades to bypass", () => {
  test.concurrent("read-only cache directory: the answer still comes, cache_status bypass", async () => {
    const segment = makeSegment({ "a.py": "def a(): pass\n" });
    // A file where the cache directory should be makes the DB impossible to create, even as root.
    writeFileSync(join(segment, ".trifecta"), "not a directory");
    const run = await cli(["ast", "symbols", "sym://python/mod/a", "--segment", segment]);
    expect(run.exitCode).toBe(0);
    expect(run.json.cache_status).toBe("bypass");
    expect(run.json.symbols.map((s: any) => s.name)).toEqual(["a"]);
  });

  test.concurrent("a directory where the DB file should be: bypass, not a crash", async () => {
    const segment = makeSegment({ "a.py": "def a(): pass\n" });
    const db = join(segment, ".trifecta", "cache", `ast_cache_${segment.replace(/[/\\:]/g, "_")}.db`);
    mkdirSync(db, { recursive: true });
    const run = await cli(["ast", "symbols", "sym://python/mod/a", "--segment", segment]);
    expect(run.exitCode).toBe(0);
    expect(run.json.cache_status).toBe("bypass");
  });
});
