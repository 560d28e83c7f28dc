import { describe, expect, test } from "bun:test";
import { type CliRun, cli, definitionLines, largeModule, makeSegment } from "./helpers.ts";

const names = (run: CliRun) => run.json.symbols.map((s: any) => [s.qualified_name, s.line, s.end_line]);
const symbolsOf = (segment: string, module = "m") => cli(["ast", "symbols", `sym://python/mod/${module}`, "--segment", segment]);

describe("awkward inputs give correct answers or clear errors, never a crash", () => {
  test.concurrent("UTF-8 BOM", async () => {
    const run = await symbolsOf(makeSegment({ "m.py": "\ufeffdef f():\n    pass\n" }));
    expect(run.exitCode).toBe(0);
    expect(names(run)).toEqual([["f", 1, 2]]);
  });

  test.concurrent("CRLF and lone CR line endings count lines like Python", async () => {
    const crlf = await symbolsOf(makeSegment({ "m.py": "class A:\r\n    def m(self):\r\n        pass\r\n\r\ndef g(): pass\r\n" }));
    expect(names(crlf)).toEqual([["A", 1, 3], ["A.m", 2, 3], ["g", 5, 5]]);
    const cr = await symbolsOf(makeSegment({ "m.py": "def f():\r    pass\rdef g(): pass\r" }));
    expect(names(cr)).toEqual([["f", 1, 2], ["g", 3, 3]]);
  });

  test.concurrent("tab indentation", async () => {
    const run = await symbolsOf(makeSegment({ "m.py": "class A:\n\tdef m(self):\n\t\treturn 1\n\tdef n(self): pass\n" }));
    expect(names(run)).toEqual([["A", 1, 4], ["A.m", 2, 3], ["A.n", 4, 4]]);
  });

  test.concurrent("non-UTF-8 bytes are replaced, lines stay right", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("# caf"), 0xe9, 0xff, ...new TextEncoder().encode("\ndef f(s='\xe9'):\n    pass\n")]);
    const run = await symbolsOf(makeSegment({ "m.py": bytes }));
    expect(run.exitCode).toBe(0);
    expect(names(run)).toEqual([["f", 2, 3]]);
  });

  test.concurrent("empty file", async () => {
    const run = await symbolsOf(makeSegment({ "m.py": "" }));
    expect(run.exitCode).toBe(0);
    expect(run.json.symbols).toEqual([]);
    expect(run.json.parse_status).toBe("ok");
  });

  test.concurrent("syntax errors: partial symbols, and a hit stays partial", async () => {
    const segment = makeSegment({ "m.py": "def good():\n    return 1\n\ndef broken(:\n    pass\n\nclass After:\n    def m(self): pass\n" });
    const first = await symbolsOf(segment);
    expect(first.exitCode).toBe(0);
    expect(first.json.parse_status).toBe("partial");
    expect(first.json.parse_errors).toBeGreaterThan(0);
    expect(first.json.symbols.map((s: any) => s.qualified_name)).toEqual(expect.arrayContaining(["good", "After", "After.m"]));
    const second = await symbolsOf(segment);
    expect(second.json.cache_status).toBe("hit");
    expect(second.json.parse_status).toBe("partial");
    expect(second.json.parse_errors).toBe(first.json.parse_errors);
    expect(second.json.symbols).toEqual(first.json.symbols);
  });

  test.concurrent("binary garbage with a .py name", async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const run = await symbolsOf(makeSegment({ "m.py": garbage }));
    expect(run.exitCode).toBe(0);
    expect(run.json.status).toBe("ok");
  });

  test.concurrent("a 1 MB module is answered correctly (10 MB: the slow suite)", async () => {
    const source = largeModule(1024 * 1024);
    const run = await symbolsOf(makeSegment({ "m.py": source }));
    expect(run.exitCode).toBe(0);
    expect(run.json.symbols).toHaveLength(definitionLines(source));
    expect(run.json.parse_status).toBe("ok");
  }, 60_000);

  test.concurrent("the same file gives byte-identical output across runs", async () => {
    const source = "import os\n\n@decorator(1)\nclass A(Base):\n    '''Doc.'''\n    @property\n    def p(self): return 1\n";
    const a = await cli(["ast", "symbols", "sym://python/mod/m", "--segment", makeSegment({ "m.py": source }), "--no-persist-cache"]);
    const b = await cli(["ast", "symbols", "sym://python/mod/m", "--segment", makeSegment({ "m.py": source }), "--no-persist-cache"]);
    const strip = (s: string) => s.replace(/"segment_root": "[^"]*"/, "");
    expect(strip(a.stdout)).toBe(strip(b.stdout));
    expect(a.json.symbols[0].decorators).toEqual(["decorator(1)"]);
    expect(a.json.symbols[1].decorators).toEqual(["property"]);
  });
});
