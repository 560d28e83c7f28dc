import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { cli, makeSegment, REPO } from "./helpers.ts";

const GOLDEN = join(REPO, "test", "golden", "src");
const CALLABLES = "class,function,method,constructor,interface,enum,type,module,struct,trait,object,record";
const symbolsOf = (uri: string, segment: string, ...extra: string[]) => cli(["ast", "symbols", uri, "--segment", segment, "--no-persist-cache", ...extra]);

describe("ast symbols --kind", () => {
  test.concurrent("keeps only the kinds asked for, in source order, with the rest of the answer unchanged", async () => {
    const all = await symbolsOf("sym://typescript/file/typescript.ts", GOLDEN);
    const only = await symbolsOf("sym://typescript/file/typescript.ts", GOLDEN, "--kind", CALLABLES);
    expect(only.exitCode).toBe(0);
    const wanted = new Set(CALLABLES.split(","));
    expect(only.json.symbols).toEqual(all.json.symbols.filter((s: any) => wanted.has(s.kind)));
    expect(only.json.symbols.length).toBeLessThan(all.json.symbols.length);
    // The same keys in the same order, symbols aside.
    expect(Object.keys(only.json)).toEqual(Object.keys(all.json));
    const values = await symbolsOf("sym://go/file/go.go", GOLDEN, "--kind", "constant,variable");
    expect(values.json.symbols.map((s: any) => [s.kind, s.name])).toEqual([
      ["constant", "StatusOK"],
      ["constant", "Low"],
      ["constant", "High"],
      ["variable", "ErrClosed"],
    ]);
    const text = await symbolsOf("sym://go/file/go.go", GOLDEN, "--kind", "constant", "--format", "text");
    expect(text.stdout).toBe("# go.go\n30 const StatusOK = 200\n33 Low, High = 1, 9\n33 Low, High = 1, 9\n");
  });

  test.concurrent("an unknown kind is a usage error in ast symbols and in ctx search alike", async () => {
    for (const args of [
      ["ast", "symbols", "sym://go/file/go.go", "--segment", GOLDEN, "--no-persist-cache", "--kind", "function,bogus"],
      ["ctx", "search", "server", "--segment", makeSegment({ "a.py": "x = 1\n" }), "--kind", "bogus"],
    ]) {
      const run = await cli(args);
      expect(run.exitCode).toBe(2);
      expect(run.json.error_code).toBe("USAGE_ERROR");
      expect(run.json.message).toContain("'bogus'");
      expect(run.json.message).toContain("constant");
    }
  });
});

test.concurrent("ctx search finds module constants, struct fields and re-exports", async () => {
  const segment = makeSegment({
    "http/status.go": "package http\n\n// StatusOK is RFC 9110, 15.3.1.\nconst StatusOK = 200\n\ntype Client struct {\n\tTimeout int\n}\n",
    "src/index.ts": 'export { Observable } from "./internal/Observable";\nexport * from "./operators";\n',
  });
  const search = async (query: string, ...extra: string[]) => (await cli(["ctx", "search", query, "--segment", segment, ...extra])).json.hits.map((h: any) => [h.id, h.kind]);
  expect((await search("StatusOK"))[0]).toEqual(["http/status.go#StatusOK", "constant"]);
  expect(await search("Timeout", "--kind", "field")).toEqual([["http/status.go#Client.Timeout", "field"]]);
  expect((await search("Observable"))[0]).toEqual(["src/index.ts#Observable", "export"]);
});

test.concurrent("an index file that only re-exports lists what it exports and where from", async () => {
  const segment = makeSegment({ "index.ts": 'export { a as b, c } from "./x";\nexport * from "./y";\nexport * as ns from "./z";\nimport d from "./d";\nexport default d;\n' });
  const run = await symbolsOf("sym://typescript/file/index.ts", segment);
  expect(run.json.symbols.map((s: any) => [s.kind, s.name, s.line, s.from ?? null, s.signature])).toEqual([
    ["export", "b", 1, "./x", 'export { a as b, c } from "./x"'],
    ["export", "c", 1, "./x", 'export { a as b, c } from "./x"'],
    ["export", "*", 2, "./y", 'export * from "./y"'],
    ["export", "ns", 3, "./z", 'export * as ns from "./z"'],
    ["export", "default", 5, null, "export default d"],
  ]);
  // `from` is the last key, and only where there is one.
  expect(Object.keys(run.json.symbols[0]).at(-1)).toBe("from");
  expect(Object.keys(run.json.symbols[4])).not.toContain("from");
});

test.concurrent("a name in an export clause over several lines reads as its own specifier, the text of its line", async () => {
  // zod 3.25's v4/core/api.ts: `export {\n  /** @deprecated … */\n  _lte as _max,\n};`
  const segment = makeSegment({ "api.ts": 'function _lte() {}\nexport {\n  /** @deprecated Use `z.lte()` instead. */\n  _lte as _max,\n};\nexport {\n  a as b,\n  c,\n} from "./x";\n' });
  const run = await symbolsOf("sym://typescript/file/api.ts", segment);
  expect(run.json.symbols.filter((s: any) => s.kind === "export").map((s: any) => [s.name, s.line, s.end_line, s.signature])).toEqual([
    ["_max", 4, 4, "_lte as _max"],
    ["b", 7, 7, 'a as b from "./x"'],
    ["c", 8, 8, 'c from "./x"'],
  ]);
});

test.concurrent("values are not reported inside function bodies, nor inside another value's initialiser", async () => {
  const segment = makeSegment({
    "m.py": "LIMIT = 3\npty = signal = None\n\ndef f():\n    local = 1\n\nclass C:\n    size = 2\n\n    def m(self):\n        other = 3\n",
    "m.ts": "export const top = 1;\nfunction f() { const inner = 2; }\ndescribe('x', () => { const t = 3; });\n",
    "m.kt": "val top = run {\n    val inner = 1\n    inner\n}\nfun f() { val local = 2 }\n",
  });
  const values = async (uri: string) => (await symbolsOf(uri, segment, "--kind", "constant,variable,field")).json.symbols.map((s: any) => s.qualified_name);
  expect(await values("sym://python/file/m.py")).toEqual(["LIMIT", "pty", "signal", "C.size"]);
  expect(await values("sym://typescript/file/m.ts")).toEqual(["top"]);
  expect(await values("sym://kotlin/file/m.kt")).toEqual(["top"]);
});
