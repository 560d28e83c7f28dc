import { afterAll, describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Database } from "bun:sqlite";
import { cli, expectedDbPath, makeSegment } from "./helpers.ts";

const ctx = (segment: string, ...args: string[]) => cli(["ctx", ...args, "--segment", segment]);
const at = (uses: any[]) => uses.map((u) => `${u.file}:${u.line} ${u.kind} ${u.resolution}${u.target ? ` ${u.target}` : ""}`);

/**
 * A package where names repeat on purpose: `helper` is defined in two modules (only one is imported
 * by the caller), `render` by two classes (a call on a value of unknown type cannot pick one),
 * `len` nowhere (a builtin).
 */
function pythonPackage(): string {
  return makeSegment({
    "pkg/__init__.py": "from .shapes import Widget\n",
    "pkg/shapes.py": [
      "def helper(x):",
      "    return x",
      "",
      "class Base:",
      "    def paint(self):",
      "        return helper(1)",
      "",
      "class Widget(Base):",
      "    def render(self):",
      "        return self.paint()",
      "",
    ].join("\n"),
    "pkg/other.py": ["def helper():", "    return 2", "", "class Canvas:", "    def render(self):", "        return helper()", ""].join("\n"),
    "app.py": [
      "from pkg.shapes import helper, Widget as W",
      "import pkg.shapes",
      "from pkg import Widget",
      "",
      "def main(thing):",
      "    helper(3)",
      "    pkg.shapes.helper(4)",
      "    w = W()",
      "    thing.render()",
      "    Widget()",
      "    return len([])",
      "",
    ].join("\n"),
  });
}

describe("ctx refs", () => {
  test.concurrent("each use resolved through the file's scope and imports, ambiguous when only the name matches; never to the wrong definition", async () => {
    const segment = pythonPackage();
    const helper = await ctx(segment, "refs", "pkg/shapes.py#helper");
    expect(helper.exitCode).toBe(0);
    expect(helper.json.targets.map((t: any) => t.id)).toEqual(["pkg/shapes.py#helper"]);
    // Its own file's call, the import, the imported name's call and the module path's; not other.py's.
    expect(at(helper.json.references)).toEqual([
      "app.py:1 import resolved pkg/shapes.py#helper",
      "app.py:6 call resolved pkg/shapes.py#helper",
      "app.py:7 call resolved pkg/shapes.py#helper",
      "pkg/shapes.py:6 call resolved pkg/shapes.py#helper",
    ]);
    expect(helper.json.references[1]).toMatchObject({ col: 5, from: "main", from_id: "app.py#main" });
    expect(helper.json.files).toEqual([
      { file: "app.py", uses: 3 },
      { file: "pkg/shapes.py", uses: 1 },
    ]);
    expect(helper.json.coverage).toMatchObject({ resolved: 4, ambiguous: 0, other_uses: 1 });

    const other = await ctx(segment, "refs", "pkg/other.py#helper");
    expect(at(other.json.references)).toEqual(["pkg/other.py:6 call resolved pkg/other.py#helper"]);

    // An alias, a re-export through __init__.py, and a class called to construct it.
    const widget = await ctx(segment, "refs", "Widget", "--kind", "call,import");
    expect(at(widget.json.references)).toEqual([
      "app.py:1 import resolved pkg/shapes.py#Widget",
      "app.py:3 import resolved pkg/shapes.py#Widget",
      "app.py:8 call resolved pkg/shapes.py#Widget",
      "app.py:10 call resolved pkg/shapes.py#Widget",
      "pkg/__init__.py:1 import resolved pkg/shapes.py#Widget",
    ]);

    // `thing.render()`: either class's, and said to be so, with both candidates.
    const render = await ctx(segment, "refs", "Canvas.render");
    expect(render.json.references).toEqual([
      expect.objectContaining({ file: "app.py", line: 9, resolution: "ambiguous", why: "receiver", candidates: ["pkg/other.py#Canvas.render", "pkg/shapes.py#Widget.render"] }),
    ]);
    // `self.paint()` in Widget is Base's method, found through Widget's base; inheritance is a use of Base.
    expect(at((await ctx(segment, "refs", "paint")).json.references)).toEqual(["pkg/shapes.py:10 call resolved pkg/shapes.py#Base.paint"]);
    expect(at((await ctx(segment, "refs", "Base", "--kind", "inherit")).json.references)).toEqual(["pkg/shapes.py:8 inherit resolved pkg/shapes.py#Base"]);
  });

  test.concurrent("self.f() is the class's own method, else its bases' (across files), never a namesake class's in another file; super().f() starts at the bases", async () => {
    const segment = makeSegment({
      "mail/base.py": "class BaseBackend:\n    def open(self):\n        return 1\n",
      "mail/console.py": "from mail.base import BaseBackend\n\nclass EmailBackend(BaseBackend):\n    def send(self):\n        self.open()\n        super().open()\n",
      "mail/filebased.py": "from mail.console import EmailBackend as ConsoleBackend\n\nclass EmailBackend(ConsoleBackend):\n    def open(self):\n        return 2\n\n    def send(self):\n        self.open()\n",
    });
    expect(at((await ctx(segment, "refs", "open", "--kind", "call")).json.references)).toEqual([
      "mail/console.py:5 call resolved mail/base.py#BaseBackend.open",
      "mail/console.py:6 call resolved mail/base.py#BaseBackend.open",
      "mail/filebased.py:8 call resolved mail/filebased.py#EmailBackend.open",
    ]);
  });

  test.concurrent("callers and callees follow calls to a depth; what is not in the segment is named, not dropped", async () => {
    const segment = pythonPackage();
    const callers = await ctx(segment, "callers", "pkg/shapes.py#helper", "--depth", "2");
    expect(callers.exitCode).toBe(0);
    expect(callers.json.callers.map((c: any) => `${c.depth} ${c.id} ${c.resolution} ${c.calls}`)).toEqual(["1 app.py#main resolved 2", "1 pkg/shapes.py#Base.paint resolved 1", "2 pkg/shapes.py#Widget.render resolved 1"]);
    const callees = await ctx(segment, "callees", "app.py#main");
    const byName = Object.fromEntries(callees.json.callees.map((c: any) => [c.name, `${c.resolution}${c.id ? ` ${c.id}` : ""}`]));
    expect(byName).toEqual({ helper: "resolved pkg/shapes.py#helper", W: "resolved pkg/shapes.py#Widget", render: "ambiguous", len: "unresolved" });
    expect(callees.json.coverage).toMatchObject({ resolved: 4, ambiguous: 1, unresolved: 1 });
  });

  test.concurrent("incremental: an edited file's uses are what it now says, and a new file's are found, without a build", async () => {
    const segment = pythonPackage();
    expect((await ctx(segment, "refs", "pkg/shapes.py#helper")).json.total).toBe(4);
    writeFileSync(join(segment, "app.py"), "from pkg.shapes import helper\n\n\ndef main():\n    return 0\n");
    writeFileSync(join(segment, "later.py"), "from pkg import shapes\n\nshapes.helper(5)\n");
    const after = await ctx(segment, "refs", "pkg/shapes.py#helper");
    expect(after.json.refreshed.sort()).toEqual(["app.py", "later.py"]);
    expect(at(after.json.references)).toEqual(["app.py:1 import resolved pkg/shapes.py#helper", "later.py:3 call resolved pkg/shapes.py#helper", "pkg/shapes.py:6 call resolved pkg/shapes.py#helper"]);
  });

  test.concurrent("more changes than a refresh takes: the files an answer cites are re-indexed first, so no use points at an old line", async () => {
    const callers = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`c${i}.py`, "from lib import helper\n\nhelper()\n"]));
    const segment = makeSegment({ "lib.py": "def helper():\n    return 1\n", ...callers });
    expect((await ctx(segment, "build")).exitCode).toBe(0);
    for (const file of Object.keys(callers)) writeFileSync(join(segment, file), "from lib import helper\n\n\n\n\nhelper()\n");
    for (const command of ["refs", "callers"]) {
      const answer = (await ctx(segment, command, "lib.py#helper", "--limit", "1000")).json;
      const lines = (answer.references ?? answer.callers).map((u: any) => u.line);
      expect(new Set(lines)).toEqual(command === "refs" ? new Set([1, 6]) : new Set([1]));
    }
    const refs = (await ctx(segment, "refs", "lib.py#helper", "--limit", "1000")).json;
    expect(refs.total).toBe(120);
    expect(refs.stale).toBeNull();
  });

  test.concurrent("an index an older binary wrote (no references) is built again before refs answers, not read as 'no uses'", async () => {
    const segment = pythonPackage();
    expect((await ctx(segment, "build")).exitCode).toBe(0);
    const db = new Database(expectedDbPath(segment));
    db.run("DELETE FROM ctx_refs");
    db.run("UPDATE ctx_meta SET value = 'an older format' WHERE name = 'text_format'");
    db.close();
    const refs = await ctx(segment, "refs", "pkg/shapes.py#helper");
    expect(refs.json.index_built.files).toBe(4);
    expect(refs.json.total).toBe(4);
  });

  test.concurrent("a build writes no uses; the first answer that reads them writes every file's from the AST cache, and writes keep them", async () => {
    const segment = pythonPackage();
    expect((await ctx(segment, "build")).exitCode).toBe(0);
    const state = () => {
      const db = new Database(expectedDbPath(segment), { readonly: true });
      const kept = db.query("SELECT value FROM ctx_meta WHERE name = 'references'").get() as { value: string } | null;
      const rows = (db.query("SELECT COUNT(*) AS n FROM ctx_refs").get() as { n: number }).n;
      db.close();
      return { kept: kept?.value ?? null, rows };
    };
    expect(state()).toEqual({ kept: null, rows: 0 });
    const first = (await ctx(segment, "refs", "pkg/shapes.py#helper")).json;
    expect(first.total).toBe(4);
    expect(first.refreshed).toEqual([]); // every entry came from the cache: nothing was indexed again
    const written = state();
    expect(written.kept).toBe("kept");
    expect(written.rows).toBeGreaterThan(10);
    // A later build and a refresh keep them: a new caller is found.
    writeFileSync(join(segment, "later.py"), "from pkg.shapes import helper\n\nhelper(5)\n");
    expect((await ctx(segment, "build")).json.files.indexed).toBe(1);
    expect((await ctx(segment, "refs", "pkg/shapes.py#helper")).json.total).toBe(6);
    expect(state().rows).toBe(written.rows + 2);
  });

  test.concurrent("a file whose AST cache entry is gone is indexed again for its uses, never answered without them", async () => {
    const segment = pythonPackage();
    expect((await ctx(segment, "build")).exitCode).toBe(0);
    const db = new Database(expectedDbPath(segment));
    db.run("DELETE FROM cache WHERE file_rel = 'app.py'");
    db.close();
    const refs = (await ctx(segment, "refs", "pkg/shapes.py#helper")).json;
    expect(refs.refreshed).toEqual(["app.py"]);
    expect(refs.stale).toBeNull();
    expect(at(refs.references)).toContain("app.py:6 call resolved pkg/shapes.py#helper");
    expect(refs.total).toBe(4);
  });

  test.concurrent("bad input: unknown names and ids, bad kinds, depths and limits are JSON errors with stable codes", async () => {
    const segment = pythonPackage();
    const unknown = await ctx(segment, "refs", "no_such_thing");
    expect(unknown.exitCode).toBe(1);
    expect(unknown.json).toMatchObject({ status: "error", error_code: "SYMBOL_NOT_FOUND" });
    expect((await ctx(segment, "refs", "app.py#nope")).json.error_code).toBe("ID_NOT_FOUND");
    for (const args of [["refs", "helper", "--kind", "calls"], ["callers", "helper", "--depth", "9"], ["refs", "helper", "--limit", "0"]]) {
      const run = await ctx(segment, ...args);
      expect(run.exitCode).toBe(2);
      expect(run.json.error_code).toBe("USAGE_ERROR");
    }
  });
});

// A read-only file system (tests run as root: permissions cannot make the database unwritable; a mount can).
describe("ctx refs on a segment that cannot be written", () => {
  const mountPoint = mkdtempSync(join(tmpdir(), "trifecta-refs-ro-"));
  const sh = (cmd: string) => Bun.spawnSync(["sh", "-c", cmd], { stderr: "pipe" });
  afterAll(() => {
    sh(`umount ${mountPoint}`);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  test("uses an index never wrote are read from the AST cache into this process's own table: the same answer, the file untouched", async () => {
    expect(sh(`mount -t tmpfs -o size=4m tmpfs ${mountPoint}`).exitCode).toBe(0);
    const segment = join(mountPoint, "seg");
    cpSync(pythonPackage(), segment, { recursive: true });
    expect((await ctx(segment, "build")).exitCode).toBe(0);
    const dbFile = expectedDbPath(segment);
    const before = readFileSync(dbFile);
    expect(sh(`mount -o remount,ro ${mountPoint}`).exitCode).toBe(0);
    const refs = await ctx(segment, "refs", "pkg/shapes.py#helper");
    expect(refs.exitCode).toBe(0);
    expect(at(refs.json.references)).toEqual([
      "app.py:1 import resolved pkg/shapes.py#helper",
      "app.py:6 call resolved pkg/shapes.py#helper",
      "app.py:7 call resolved pkg/shapes.py#helper",
      "pkg/shapes.py:6 call resolved pkg/shapes.py#helper",
    ]);
    expect((await ctx(segment, "callers", "pkg/shapes.py#helper")).json.callers.length).toBeGreaterThan(0);
    expect(readFileSync(dbFile).equals(before)).toBe(true);
    sh(`umount ${mountPoint}`);
  });
});

describe("ctx refs across languages: imports, re-exports, packages", () => {
  test.concurrent("TypeScript: an alias through a re-export, a namespace import, a class constructed; a same-named function elsewhere stays apart", async () => {
    const segment = makeSegment({
      "src/m.ts": "export function f(): number {\n  return 1;\n}\n\nexport class C {\n  run(): void {}\n}\n",
      "src/index.ts": 'export { f } from "./m";\n',
      "src/other.ts": "export function f(): number {\n  return 2;\n}\n",
      "src/app.ts": 'import { f as g } from "./index";\nimport * as ns from "./m";\nimport { C } from "./m.js";\n\nexport function main(): void {\n  g();\n  ns.f();\n  new C().run();\n}\n',
    });
    const f = await ctx(segment, "refs", "src/m.ts#f");
    expect(at(f.json.references)).toEqual([
      "src/app.ts:1 import resolved src/m.ts#f",
      "src/app.ts:6 call resolved src/m.ts#f",
      "src/app.ts:7 call resolved src/m.ts#f",
      "src/index.ts:1 import resolved src/m.ts#f",
    ]);
    expect((await ctx(segment, "refs", "src/other.ts#f")).json.total).toBe(0);
    expect(at((await ctx(segment, "refs", "C", "--kind", "call")).json.references)).toEqual(["src/app.ts:8 call resolved src/m.ts#C"]);
  });

  test.concurrent("Go: a package's functions called across its files and through its import path; another package's namesake stays apart", async () => {
    const segment = makeSegment({
      "pkg/util/u.go": "package util\n\nfunc Helper() int { return 1 }\n\ntype T struct{}\n\nfunc (t *T) M() {}\n",
      // A method in another file of the package, calling M through its receiver variable.
      "pkg/util/w.go": "package util\n\nfunc (self2 *T) N(x *T) {\n\tself2.M()\n\tx.M()\n}\n",
      "pkg/util/v.go": "package util\n\nfunc use() int { return Helper() }\n",
      "cmd/main.go": 'package main\n\nimport "example.com/proj/pkg/util"\n\nfunc main() {\n\tutil.Helper()\n\tvar t util.T\n\tt.M()\n}\n',
      "other/helper.go": "package other\n\nfunc Helper() {}\n",
    });
    expect(at((await ctx(segment, "refs", "pkg/util/u.go#Helper")).json.references)).toEqual(["cmd/main.go:6 call resolved pkg/util/u.go#Helper", "pkg/util/v.go:3 call resolved pkg/util/u.go#Helper"]);
    expect((await ctx(segment, "refs", "other/helper.go#Helper")).json.total).toBe(0);
    expect(at((await ctx(segment, "refs", "T", "--kind", "type")).json.references)).toEqual([
      "cmd/main.go:7 type resolved pkg/util/u.go#T",
      "pkg/util/u.go:7 type resolved pkg/util/u.go#T",
      "pkg/util/w.go:3 type resolved pkg/util/u.go#T",
      "pkg/util/w.go:3 type resolved pkg/util/u.go#T",
    ]);
    // Through the method's receiver variable: T's M; through another value: only by name.
    expect(at((await ctx(segment, "refs", "T.M")).json.references)).toEqual(["pkg/util/w.go:4 call resolved pkg/util/u.go#T.M", "cmd/main.go:8 call ambiguous", "pkg/util/w.go:5 call ambiguous"]);
  });

  test.concurrent("a whole-module import binds the module's name, a wildcard every name; Go's packages do not leak into each other", async () => {
    const segment = makeSegment({
      "pkg/shapes.py": "def helper():\n    return 1\n",
      "plain.py": "import pkg.shapes\n\nhelper()\npkg.shapes.helper()\n",
      "star.py": "from pkg.shapes import *\n\nhelper()\n",
      // A later import rebinds the name: the use below it is of the segment's helper, not the library's.
      "rebound.py": "from somelib import helper\n\nhelper()\nif True:\n    from pkg.shapes import helper\nhelper()\n",
      "go/scanner/s.go": "package scanner\n\nfunc Scan() {}\n",
      "go/parser/p.go": 'package parser\n\nimport "text/scanner"\n\nfunc Scan() {}\n\nfunc parse() {\n\tScan()\n\tscanner.Scan()\n}\n',
    });
    expect(at((await ctx(segment, "refs", "pkg/shapes.py#helper", "--kind", "call")).json.references)).toEqual([
      "plain.py:4 call resolved pkg/shapes.py#helper",
      "rebound.py:6 call resolved pkg/shapes.py#helper",
      "star.py:3 call resolved pkg/shapes.py#helper",
      "plain.py:3 call ambiguous",
    ]);
    // `Scan()` is the parser package's own; `scanner.Scan()` is text/scanner's, which is not in the
    // segment: unresolved, not go/scanner's, whose package has the same name.
    expect(at((await ctx(segment, "refs", "go/parser/p.go#Scan")).json.references)).toEqual(["go/parser/p.go:8 call resolved go/parser/p.go#Scan"]);
    expect((await ctx(segment, "refs", "go/scanner/s.go#Scan")).json.total).toBe(0);
  });

  test.concurrent("Java: a static call through an import picks the imported class, not a namesake in another package; members are seen bare", async () => {
    const root = "src/main/java/com";
    const segment = makeSegment({
      [`${root}/acme/util/Strings.java`]: "package com.acme.util;\n\npublic class Strings {\n  public static String trim(String s) { return s; }\n}\n",
      [`${root}/other/Strings.java`]: "package com.other;\n\npublic class Strings {\n  public static String trim(String s) { return s; }\n}\n",
      [`${root}/acme/App.java`]: 'package com.acme;\n\nimport com.acme.util.Strings;\n\npublic class App {\n  void run() {\n    Strings.trim(" ");\n    helper();\n  }\n\n  void helper() {}\n}\n',
    });
    expect(at((await ctx(segment, "refs", `${root}/acme/util/Strings.java#Strings.trim`)).json.references)).toEqual([`${root}/acme/App.java:7 call resolved ${root}/acme/util/Strings.java#Strings.trim`]);
    expect((await ctx(segment, "refs", `${root}/other/Strings.java#Strings.trim`)).json.total).toBe(0);
    expect(at((await ctx(segment, "refs", "App.helper")).json.references)).toEqual([`${root}/acme/App.java:8 call resolved ${root}/acme/App.java#App.helper`]);
    // A class is used where a member is reached through it: `Strings.trim(…)` uses Strings (at its own column), the
    // imported one, not the namesake; `--kind call` leaves such uses out.
    const ofClass = (await ctx(segment, "refs", `${root}/acme/util/Strings.java#Strings`)).json.references.filter((r: { kind: string }) => r.kind === "type");
    expect(ofClass.map((r: { file: string; line: number; col: number; resolution: string }) => `${r.file}:${r.line}:${r.col} ${r.resolution}`)).toEqual([`${root}/acme/App.java:7:5 resolved`]);
    expect((await ctx(segment, "refs", `${root}/other/Strings.java#Strings`)).json.references.filter((r: { kind: string }) => r.kind === "type")).toEqual([]);
    expect((await ctx(segment, "refs", `${root}/acme/util/Strings.java#Strings`, "--kind", "call")).json.total).toBe(0);
  });

  test.concurrent("Rust: a path to a type names that type's member; a type from elsewhere (Box::new) is no use of the segment's new", async () => {
    const segment = makeSegment({
      "src/attr.rs": "pub struct Variant;\nimpl Variant {\n    pub fn from_ast() -> Self { Variant }\n}\npub struct Field;\nimpl Field {\n    pub fn from_ast() -> Self { Field }\n}\n",
      "src/regex.rs": "pub struct Regex;\nimpl Regex {\n    pub fn new() -> Regex { Regex }\n}\n",
      "src/ast.rs": "use crate::attr;\nuse crate::regex::Regex;\n\nfn build() {\n    let v = attr::Variant::from_ast();\n    let f = attr::Field::from_ast();\n    let b = Box::new(1);\n    let r = Regex::new();\n}\n",
    });
    expect(at((await ctx(segment, "refs", "src/attr.rs#Variant.from_ast")).json.references)).toEqual(["src/ast.rs:5 call resolved src/attr.rs#Variant.from_ast"]);
    expect(at((await ctx(segment, "refs", "src/regex.rs#Regex.new")).json.references)).toEqual(["src/ast.rs:8 call resolved src/regex.rs#Regex.new"]);
  });

  test.concurrent("a segment that is a package: its folder's name qualifies its top-level files (logrus.WithField)", async () => {
    const parent = makeSegment({ "logrus/exported.go": "package logrus\n\nfunc WithField(key string) {}\n", "logrus/entry.go": "package logrus\n\ntype Entry struct{}\n\nfunc (e *Entry) WithField(key string) {}\n" });
    const segment = join(parent, "logrus");
    expect((await ctx(segment, "refs", "logrus.WithField")).json.targets.map((t: { id: string }) => t.id)).toEqual(["exported.go#WithField"]);
    expect((await ctx(segment, "search", "logrus.WithField")).json.hits[0].id).toBe("exported.go#WithField");
  });
});

describe("ctx map", () => {
  test.concurrent("the most used definitions first, within the budget and never over it; the same map each time", async () => {
    const segment = pythonPackage();
    const map = await ctx(segment, "map", "--budget", "60");
    expect(map.exitCode).toBe(0);
    expect(map.json.used_tokens).toBeLessThanOrEqual(60);
    expect(Math.ceil(map.json.map.length / 4)).toBe(map.json.used_tokens);
    // helper is used from three places in two files: it and its file come first.
    expect(map.json.map.split("\n").slice(0, 2)).toEqual(["pkg/shapes.py:", "  1: def helper(x)"]);
    expect((await ctx(segment, "map", "--budget", "60")).json.map).toBe(map.json.map);
    // A larger budget shows more, a tiny one what fits.
    const all = (await ctx(segment, "map", "--budget", "5000")).json;
    expect(all.shown).toBe(all.ranked);
    expect((await ctx(segment, "map", "--budget", "8")).json.used_tokens).toBeLessThanOrEqual(8);
  });

  test.concurrent("the ranks kept for a warm map are recomputed once a file changes", async () => {
    const segment = pythonPackage();
    const { index_built: _built, ...first } = (await ctx(segment, "map", "--budget", "5000")).json;
    expect((await ctx(segment, "map", "--budget", "5000")).json).toEqual(first);
    writeFileSync(join(segment, "more.py"), "from pkg.other import helper\n\nhelper()\nhelper()\nhelper()\n");
    const after = (await ctx(segment, "map", "--budget", "5000")).json;
    expect(after.refreshed).toEqual(["more.py"]);
    expect(after.graph.references).toBe(first.graph.references + 4);
  });

  test.concurrent("--focus ranks around a file and leaves it out; an unknown focus is an error", async () => {
    const segment = pythonPackage();
    const focused = await ctx(segment, "map", "--focus", "app.py", "--budget", "5000");
    expect(focused.json.map).not.toContain("app.py:");
    expect(focused.json.focus).toEqual(["app.py"]);
    const bad = await ctx(segment, "map", "--focus", "nowhere.py");
    expect(bad.exitCode).toBe(1);
    expect(bad.json.error_code).toBe("ID_NOT_FOUND");
  });
});
