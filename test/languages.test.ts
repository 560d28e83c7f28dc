import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LANGUAGE_IDS, LANGUAGES } from "../src/languages.ts";
import { cli, REPO, makeSegment, runCli } from "./helpers.ts";

const GOLDEN = join(REPO, "test", "golden");
const languages = runCli(["ast", "languages"]).json.languages as { id: string; extensions: string[]; kinds: string[]; modules: string; claims?: { extension: string; rule: string } }[];

describe("ast languages", () => {
  test("lists every language with extensions, kinds and module rules", () => {
    const ids = languages.map((l) => l.id);
    for (const id of ["python", "typescript", "tsx", "javascript", "flow", "vue", "svelte", "go", "rust", "java", "c", "cpp", "objc", "c_sharp", "ruby", "php", "kotlin", "swift", "scala", "lua", "bash", "zig", "dart", "elixir", "ocaml", "ocaml_interface"]) {
      expect(ids).toContain(id);
    }
    for (const l of languages) {
      expect(l.extensions.length).toBeGreaterThan(0);
      expect(l.kinds.length).toBeGreaterThan(0);
      expect(l.modules.length).toBeGreaterThan(10);
    }
    // Languages that take files of another's extension by what they hold say which and when.
    const claims = languages.filter((l) => l.claims).map((l) => [l.id, l.claims!.extension]);
    expect(claims).toEqual([["flow", ".js"], ["cpp", ".h"], ["objc", ".h"]]);
    for (const l of languages) if (l.claims) expect(l.claims.rule.length).toBeGreaterThan(20);
  });

  test.concurrent("an unknown language lists the supported ones", async () => {
    const run = await cli(["ast", "symbols", "sym://cobol/mod/x"]);
    expect(run.json.error_code).toBe("UNSUPPORTED_LANGUAGE");
    expect(run.json.supported).toEqual(languages.map((l) => l.id));
  });
});

test("each language's queries are the text of their query files, and every query file is some language's", () => {
  const queries = join(REPO, "src", "extract", "queries");
  const text = (files: readonly string[]) => files.map((name) => readFileSync(join(queries, `${name}.scm`), "utf8")).join("");
  for (const id of LANGUAGE_IDS) {
    expect(LANGUAGES[id].query).toBe(text(LANGUAGES[id].queryFiles));
    expect(LANGUAGES[id].references).toBe(text(LANGUAGES[id].referenceFiles));
  }
  const used = LANGUAGE_IDS.flatMap((id) => [...LANGUAGES[id].queryFiles, ...LANGUAGES[id].referenceFiles]);
  expect(new Set(used.map((name) => `${name}.scm`))).toEqual(new Set(readdirSync(queries)));
});

// One hand-written fixture per language covering its kinds and nesting forms; the expected
// symbols are checked in (regenerate with scripts/update-golden.ts after reviewing the diff).
describe("golden fixtures, through the compiled binary", () => {
  for (const name of readdirSync(join(GOLDEN, "src")).sort()) {
    const language = name.slice(0, name.lastIndexOf("."));
    test.concurrent(name, async () => {
      const run = await cli(["ast", "symbols", `sym://${language}/file/${name}`, "--segment", join(GOLDEN, "src"), "--no-persist-cache"]);
      expect(run.exitCode).toBe(0);
      expect(run.json.parse_status).toBe("ok");
      const expected = JSON.parse(readFileSync(join(GOLDEN, "expected", `${name}.json`), "utf8"));
      expect(run.json.symbols).toEqual(expected);
      const declared = languages.find((l) => l.id === language)!.kinds;
      for (const symbol of run.json.symbols) expect(declared).toContain(symbol.kind);
      // Every declared kind is exercised by the fixture.
      expect(new Set(run.json.symbols.map((s: any) => s.kind))).toEqual(new Set(declared));
    });
  }
});

test.concurrent("bash case statements: the grammar's scanner calls isalpha, which the runtime lacks (shimmed)", async () => {
  const script = ["_complete()", "{", "    local cur prev", "    case $prev in", "        -h) return ;;", "    esac", "}", "", "main() { :; }", ""].join("\n");
  const run = await cli(["ast", "symbols", "sym://bash/file/completion.sh", "--segment", makeSegment({ "completion.sh": script })]);
  expect(run.exitCode).toBe(0);
  expect(run.json.symbols.map((s: any) => [s.name, s.line, s.end_line])).toEqual([
    ["_complete", 1, 7],
    ["main", 9, 9],
  ]);
});

describe("module resolution per language", () => {
  const segment = makeSegment({
    "web/src/api/client.ts": "export class Client {}\n",
    "web/src/api/index.ts": "export function api() {}\n",
    "web/src/types/index.d.ts": "export interface T {}\n",
    "web/ui/Button.tsx": "export function Button() { return null; }\n",
    "web/lib/util.mjs": "export function util() {}\n",
    "svc/server/server.go": "package server\n\ntype Server struct{}\n\nfunc (s *Server) Start() {}\n",
    "svc/server/routes.go": "package server\n\nfunc Routes() {}\n",
    "svc/server/server_test.go": "package server\n\nfunc TestX() {}\n",
    "crate/src/lib.rs": "pub mod net;\n",
    "crate/src/net/mod.rs": "pub fn connect() {}\n",
    "crate/src/net/tcp.rs": "pub struct Tcp;\n",
    "jvm/src/main/java/com/acme/App.java": "package com.acme;\nclass App { void run() {} }\n",
    "kmp/src/commonMain/kotlin/okio/Buffer.kt": "package okio\n\nexpect class Buffer\n",
    "kmp/src/jvmMain/kotlin/okio/Buffer.kt": "package okio\n\nactual class Buffer\n",
    "kmp/src/jvmMain/kotlin/okio/Jvm.kt": "package okio\n\nfun jvmOnly() {}\n",
    "native/point.c": "int f(void) { return 0; }\n",
    "native/point.h": "int f(void);\n",
    "scripts/deploy.sh": "deploy() { :; }\n",
  });
  const names = async (uri: string, seg = segment) => {
    const run = await cli(["ast", "symbols", uri, "--segment", seg]);
    expect(run.exitCode).toBe(0);
    return [run.json.file_rel, run.json.symbols.map((s: any) => s.qualified_name)];
  };

  test.concurrent("TypeScript/JavaScript: path without extension, then index.*, .d.ts", async () => {
    expect(await names("sym://typescript/mod/web/src/api/client")).toEqual(["web/src/api/client.ts", ["Client"]]);
    expect(await names("sym://typescript/mod/web/src/api")).toEqual(["web/src/api/index.ts", ["api"]]);
    expect(await names("sym://typescript/mod/web/src/types")).toEqual(["web/src/types/index.d.ts", ["T"]]);
    expect(await names("sym://tsx/mod/web/ui/Button")).toEqual(["web/ui/Button.tsx", ["Button"]]);
    expect(await names("sym://javascript/mod/web/lib/util")).toEqual(["web/lib/util.mjs", ["util"]]);
  });

  test.concurrent("Go: the package directory, test files left out, symbols tagged with their file", async () => {
    const run = await cli(["ast", "symbols", "sym://go/mod/svc/server", "--segment", segment]);
    expect(run.exitCode).toBe(0);
    expect(run.json.file_rel).toBe("svc/server");
    expect(run.json.symbols.map((s: any) => [s.qualified_name, s.file])).toEqual([
      ["Routes", "svc/server/routes.go"],
      ["Server", "svc/server/server.go"],
      ["Server.Start", "svc/server/server.go"],
    ]);
    expect(run.json.files.map((f: any) => f.file_rel)).toEqual(["svc/server/routes.go", "svc/server/server.go"]);
    expect(run.json.cache_key.split(":")).toHaveLength(4);
    const again = await cli(["ast", "symbols", "sym://go/mod/svc/server", "--segment", segment]);
    expect(again.json.cache_status).toBe("hit");
    expect(again.json.cache_key).toBe(run.json.cache_key);
    const snippet = await cli(["ast", "snippet", "sym://go/type/svc/server#Server.Start", "--segment", segment]);
    expect(snippet.json.text).toBe("func (s *Server) Start() {}");
    const text = await cli(["ast", "symbols", "sym://go/mod/svc/server", "--segment", segment, "--format", "text"]);
    expect(text.stdout).toBe("# svc/server/routes.go\n3 func Routes()\n# svc/server/server.go\n3 type Server struct{}\n 5 func (s *Server) Start()\n");
    // The package's directory given as a path is the package; a directory of no Go files is no module.
    const byPath = await cli(["ast", "symbols", "svc/server", "--segment", segment], { cwd: segment });
    expect([byPath.json.file_rel, byPath.json.symbols]).toEqual(["svc/server", run.json.symbols]);
    const notAPackage = await cli(["ast", "symbols", "svc", "--segment", segment], { cwd: segment });
    expect([notAPackage.exitCode, notAPackage.json.error_code]).toEqual([1, "USAGE_ERROR"]);
  });

  test.concurrent("Rust: a::b under src/ (file or mod.rs), crate root", async () => {
    expect(await names("sym://rust/mod/net::tcp", join(segment, "crate"))).toEqual(["src/net/tcp.rs", ["Tcp"]]);
    expect(await names("sym://rust/mod/crate::net", join(segment, "crate"))).toEqual(["src/net/mod.rs", ["connect"]]);
    expect((await names("sym://rust/mod/crate", join(segment, "crate")))[0]).toBe("src/lib.rs");
  });

  test.concurrent("Java: dotted packages, also under src/main/java", async () => {
    expect(await names("sym://java/mod/com.acme.App", join(segment, "jvm"))).toEqual(["src/main/java/com/acme/App.java", ["App", "App.run"]]);
  });

  test.concurrent("Kotlin Multiplatform: a source set's src/<set>Main/kotlin, the common one first", async () => {
    expect(await names("sym://kotlin/mod/okio.Buffer", join(segment, "kmp"))).toEqual(["src/commonMain/kotlin/okio/Buffer.kt", ["Buffer"]]);
    expect(await names("sym://kotlin/mod/okio.Jvm", join(segment, "kmp"))).toEqual(["src/jvmMain/kotlin/okio/Jvm.kt", ["jvmOnly"]]);
  });

  test.concurrent("others by relative path; a header and a source of the same name are ambiguous", async () => {
    expect(await names("sym://bash/mod/scripts/deploy")).toEqual(["scripts/deploy.sh", ["deploy"]]);
    const both = await cli(["ast", "symbols", "sym://c/mod/native/point", "--segment", segment]);
    expect(both.json.error_code).toBe("AMBIGUOUS_SYMBOL");
    expect(both.json.candidates).toEqual(["native/point.c", "native/point.h"]);
    // The header declares what the source defines.
    expect(await names("sym://c/file/native/point.h")).toEqual(["native/point.h", ["f"]]);
    // One symbol of one of them: by its file.
    const snippet = await cli(["ast", "snippet", "sym://c/file/native/point.h#f", "--segment", segment]);
    expect([snippet.exitCode, snippet.json.file_rel, snippet.json.text]).toEqual([0, "native/point.h", "int f(void);"]);
  });

  test.concurrent("a language/extension mismatch is a clear error", async () => {
    const run = await cli(["ast", "symbols", "sym://rust/file/native/point.c", "--segment", segment]);
    expect(run.json.error_code).toBe("LANGUAGE_MISMATCH");
    expect(run.json.message).toContain(".rs");
  });
});
