import { describe, expect, test } from "bun:test";
import type { ContextIndex, IndexItem, SearchRow } from "../../../src/ctx/index-store.ts";
import { searchIndex } from "../../../src/ctx/search.ts";
import { useKey } from "../../../src/ctx/uses.ts";

const item = (name: string, extra: Partial<IndexItem> = {}): IndexItem => ({
  item_id: `m.py#${name}`,
  file_rel: "m.py",
  lang: "python",
  kind: "function",
  name,
  qualified_name: name,
  line: 1,
  end_line: 2,
  signature: `def ${name}()`,
  doc: null,
  parent: null,
  ...extra,
});

/** A stand-in for the database: fixed full-text rows, fixed by-name items, and a record of the questions. */
function fakeIndex(rows: SearchRow[], named: IndexItem[] = [], counts: Record<string, number> = {}, uses: Record<string, number> = {}, contents: Record<string, string> = {}) {
  const asked: { match: string[]; byName: string[] } = { match: [], byName: [] };
  const index = {
    search: (phrases: readonly string[]) => {
      asked.match.push(phrases.join(" OR "));
      return rows;
    },
    matchCount: (quoted: string, upTo: number) => Math.min(upTo, counts[quoted] ?? 0),
    callablesLedBy: (word: string, upTo: number) => Math.min(upTo, [...rows, ...named].filter((r) => ["function", "method", "constructor"].includes(r.kind) && r.name.toLowerCase().startsWith(word)).length),
    byName: (name: string) => {
      asked.byName.push(name);
      return named;
    },
    useCounts: (pairs: readonly (readonly [string, string])[]) =>
      new Map(pairs.filter(([name, qualifier]) => uses[`${qualifier}.${name}`] !== undefined).map(([name, qualifier]) => [useKey(name, qualifier), uses[`${qualifier}.${name}`]!])),
    contentHashes: (files: readonly string[]) => new Map(files.filter((f) => contents[f] !== undefined).map((f) => [f, contents[f]!])),
    kindsOf: (items: readonly (readonly [string, string])[]) =>
      new Map([...rows, ...named].filter((r) => items.some(([file, name]) => r.file_rel === file && r.qualified_name === name)).map((r) => [`${r.file_rel}#${r.qualified_name}`, r.kind])),
  } as unknown as ContextIndex;
  return { index, asked };
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe("searchIndex", () => {
  test("a query of nothing searches nothing", () => {
    const { index, asked } = fakeIndex([{ ...item("x"), bm25: -1 }]);
    expect(searchIndex(index, "   ", { limit: 5 })).toEqual([]);
    expect(asked.match).toEqual([]);
  });

  test("the MATCH: every query word quoted; rare words as prefixes", () => {
    const { index, asked } = fakeIndex([], [], { '"tar"': 500 });
    searchIndex(index, "tar heap", { limit: 5 });
    expect(asked.match).toEqual(['"tar" OR "heap"*']);
  });

  test("an exact name outranks a better text match", () => {
    const { index } = fakeIndex([
      { ...item("tokenize_all"), bm25: -10 },
      { ...item("tokenize"), bm25: -4 },
    ]);
    const hits = searchIndex(index, "tokenize", { limit: 5 });
    expect(ids(hits)).toEqual(["m.py#tokenize", "m.py#tokenize_all"]);
    expect(hits[0]!.why.name).toBe("exact");
    expect(hits[1]!.why.name).toBe("prefix");
    // Text weight 2: the exact name scores 3 + 2 × 4/10, the prefix 1.5 + 2 × 10/10; both +0.4 at the top level.
    expect(hits[0]!.score).toBe(4.2);
    expect(hits[1]!.score).toBe(3.9);
  });

  test("sub-words of the name: the letters the query's words spell, so 'copy tree' covers all of 'copytree'", () => {
    const { index } = fakeIndex([{ ...item("copytree", { doc: "Copy a directory tree." }), bm25: -2 }]);
    const [hit] = searchIndex(index, "copy tree", { limit: 5 });
    expect(hit!.why.name).toBe("all_subwords");
    expect(searchIndex(index, "copy files", { limit: 5 })[0]!.why.name).toBe("subword");
    // The identifier's compacted whole adds its own stem: coverage reaches 1.
    expect(searchIndex(index, "copy_tree", { limit: 5 })[0]!.why.name).toBe("all_subwords");
  });


  test("an accessor's leading verb the question does not say leaves the name to its other words ('getBundle', 'getenv', 'toList')", () => {
    const { index } = fakeIndex([
      { ...item("getBundle"), bm25: -1 },
      { ...item("getenv"), bm25: -1 },
      { ...item("toList"), bm25: -1 },
      { ...item("forgetBundle"), bm25: -1 },
    ]);
    const named = (query: string, name: string) => searchIndex(index, query, { limit: 10 }).find((h) => h.name === name)!.why.name;
    expect(named("load the resource bundle", "getBundle")).toBe("all_subwords");
    expect(named("value of an environment variable", "getenv")).toBe("all_subwords");
    expect(named("collect elements into a list", "toList")).toBe("all_subwords");
    // Only at the name's start, and only a verb: `forgetBundle` is not `bundle`.
    expect(named("load the resource bundle", "forgetBundle")).toBe("subword");
    // A verb the question says is matched as any word: `get` of "get the bundle" covers it.
    expect(named("get the bundle", "getBundle")).toBe("all_subwords");
  });
  test("the fields and terms that matched, word by word; a compacted name by the query words that spell it", () => {
    const doc = "Copy a directory tree.";
    const { index } = fakeIndex([
      { ...item("copy_tree", { doc }), bm25: -2 },
      { ...item("copytree", { doc, signature: "def copytree(src)" }), bm25: -2 },
    ]);
    const [snake, compact] = searchIndex(index, "copy tree", { limit: 5 });
    expect(snake!.why.fields).toEqual(["name", "signature", "doc"]);
    expect(snake!.why.terms).toEqual(["copy", "tree"]);
    // `copytree` is one word that "copy tree" spells: the name explains the hit, as its evidence does.
    expect(compact!.why.fields).toEqual(["name", "doc"]);
    expect(compact!.why.terms).toEqual(["copytree", "copy", "tree"]);
    expect(compact!.why.name).toBe("all_subwords");
  });

  test("private names are pushed down unless asked for exactly", () => {
    const { index } = fakeIndex([
      { ...item("_helper"), bm25: -5 },
      { ...item("helper"), bm25: -5 },
    ]);
    expect(ids(searchIndex(index, "help", { limit: 5 }))).toEqual(["m.py#helper", "m.py#_helper"]);
    expect(searchIndex(index, "_helper", { limit: 5 })[0]!.id).toBe("m.py#_helper");
  });

  test("Go: lowercase names and packages under internal/ are private too", () => {
    const go = (name: string, file_rel: string) => ({ ...item(name, { item_id: `${file_rel}#${name}`, file_rel, lang: "go" }), bm25: -5 });
    const { index } = fakeIndex([go("Helper", "internal/x/x.go"), go("helper", "x/x.go"), go("Helper", "x/x.go")]);
    const hits = searchIndex(index, "help", { limit: 5 });
    // Both private; the one under internal/ also repeats the name of the first hit.
    expect(ids(hits)).toEqual(["x/x.go#Helper", "x/x.go#helper", "internal/x/x.go#Helper"]);
    expect(hits.map((h) => h.why.demoted)).toEqual([[], ["private"], ["private", "repeated_name"]]);
  });

  test("equal scores: by id; the limit applies after ranking", () => {
    const { index } = fakeIndex([
      { ...item("zeta", { item_id: "b#zeta", file_rel: "b" }), bm25: -1 },
      { ...item("zeta", { item_id: "a#zeta", file_rel: "a" }), bm25: -1 },
    ]);
    expect(ids(searchIndex(index, "unrelated words", { limit: 1 }))).toEqual(["a#zeta"]);
  });

  test("an identifier query also looks names up, filtered by kind and lang", () => {
    const named = [item("Widget", { kind: "class" }), item("widget_fn"), item("WidgetJs", { lang: "javascript" })];
    const { index, asked } = fakeIndex([], named);
    const hits = searchIndex(index, "Widget", { limit: 5, kind: "class", lang: "python" });
    expect(asked.byName).toEqual(["Widget"]);
    expect(ids(hits)).toEqual(["m.py#Widget"]);
  });

  test("overloads of one name in one file fold into the widest, with their count", () => {
    const { index } = fakeIndex([
      { ...item("combine", { item_id: "m.ts#combine", line: 1, end_line: 1 }), bm25: -5 },
      { ...item("combine", { item_id: "m.ts#combine@2", line: 2, end_line: 2 }), bm25: -5 },
      { ...item("combine", { item_id: "m.ts#combine@3", line: 3, end_line: 30 }), bm25: -4 },
      { ...item("other"), bm25: -1 },
    ]);
    const hits = searchIndex(index, "combine values", { limit: 5 });
    expect(ids(hits)).toEqual(["m.ts#combine@3", "m.py#other"]);
    expect(hits[0]!.overloads).toBe(3);
    expect(hits[1]!.overloads).toBeUndefined();
  });

  test("a module's declaration and compiled copies fold into its TypeScript source, listed as copies", () => {
    const copy = (file_rel: string, bm25: number) => ({ ...item("map", { item_id: `${file_rel}#map`, file_rel, lang: "typescript" }), bm25 });
    const { index } = fakeIndex([copy("dist/cjs/operators/map.js", -9), copy("dist/types/operators/map.d.ts", -8), copy("lib/operators/map.js.flow", -7), copy("src/operators/map.ts", -2), copy("src/other/map.ts", -1)]);
    const hits = searchIndex(index, "map values", { limit: 5 });
    expect(ids(hits)).toEqual(["src/operators/map.ts#map", "src/other/map.ts#map"]);
    expect(hits[0]!.copies).toEqual(["dist/cjs/operators/map.js", "dist/types/operators/map.d.ts", "lib/operators/map.js.flow"]);
  });

  test("files of one name and content fold into one hit, shown from a copy outside vendored code and tests; another content or name stays apart", () => {
    const row = (file_rel: string, bm25: number) => ({ ...item("utils.split", { item_id: `${file_rel}#utils.split`, file_rel, lang: "lua", name: "split", qualified_name: "utils.split" }), bm25 });
    const files = ["vendor/pl/utils.lua", "5.4/pl/utils.lua", "5.1/pl/utils.lua", "tests/pl/utils.lua", "old/pl/utils.lua", "pl/strings.lua"];
    const contents = { "vendor/pl/utils.lua": "h1", "5.4/pl/utils.lua": "h1", "5.1/pl/utils.lua": "h1", "tests/pl/utils.lua": "h1", "old/pl/utils.lua": "h2", "pl/strings.lua": "h1" };
    const { index } = fakeIndex(files.map((f, i) => row(f, -5 + i * 0.1)), [], {}, {}, contents);
    const hits = searchIndex(index, "split by a separator", { limit: 5 });
    expect(hits.map((h) => [h.id, h.copies ?? []])).toEqual([
      ["5.1/pl/utils.lua#utils.split", ["5.4/pl/utils.lua", "tests/pl/utils.lua", "vendor/pl/utils.lua"]],
      ["old/pl/utils.lua#utils.split", []],
      ["pl/strings.lua#utils.split", []],
    ]);
  });

  test("an OCaml interface folds into its implementation and a Python stub into its module, in the same folder only", () => {
    const row = (file_rel: string, lang: string, bm25: number) => ({ ...item("split_on_char", { item_id: `${file_rel}#split_on_char`, file_rel, lang }), bm25 });
    const { index } = fakeIndex([row("string.mli", "ocaml_interface", -6), row("string.ml", "ocaml", -5), row("a/text.pyi", "python", -4), row("a/text.py", "python", -3), row("b/a/text.py", "python", -2)]);
    const hits = searchIndex(index, "split on a character", { limit: 5 });
    expect(hits.map((h) => [h.id, h.copies ?? []])).toEqual([
      ["string.ml#split_on_char", ["string.mli"]],
      ["a/text.py#split_on_char", ["a/text.pyi"]],
      ["b/a/text.py#split_on_char", []],
    ]);
  });

  test("a qualified identifier names the definition whose qualified name is its longest tail, in a file whose path holds the rest", () => {
    const go = (name: string, file_rel: string, qualified_name = name, kind = "function") => ({ ...item(name, { item_id: `${file_rel}#${qualified_name}`, file_rel, lang: "go", kind, qualified_name }) });
    const named = [go("Get", "net/http/client.go", "Client.Get", "method"), go("Get", "net/http/client.go"), go("Get", "expvar/expvar.go"), go("Put", "java/util/HashMap.java", "HashMap.put", "method")];
    const { index } = fakeIndex([{ ...go("Get", "sync/map.go", "Map.Get", "method"), bm25: -9 }], named);
    expect(ids(searchIndex(index, "http.Get", { limit: 3 }))[0]).toBe("net/http/client.go#Get");
    expect(ids(searchIndex(index, "net/http.Client.Get", { limit: 3 }))[0]).toBe("net/http/client.go#Client.Get");
    expect(ids(searchIndex(index, "java.util.HashMap.put", { limit: 3 }))[0]).toBe("java/util/HashMap.java#HashMap.put");
    // A module the path does not hold names nothing exactly: the text ranking answers.
    expect(searchIndex(index, "os.Get", { limit: 3 }).every((h) => h.why.name !== "exact")).toBe(true);
  });

  test("a qualified identifier: a versioned folder is its crate; a module no path spells still names a type's member", () => {
    const rust = (qualified_name: string, file_rel: string) => ({ ...item(qualified_name.split(".").at(-1)!, { item_id: `${file_rel}#${qualified_name}`, file_rel, lang: "rust", kind: "method", qualified_name }) });
    const named = [rust("Regex.new", "regex-1.7.1/src/re_unicode.rs"), rust("Regex.is_match", "regex-1.7.1/src/re_unicode.rs")];
    const { index } = fakeIndex([{ ...rust("Match.new", "regex-1.7.1/src/re_bytes.rs"), bm25: -9 }], named);
    expect(ids(searchIndex(index, "regex::re_unicode::Regex::is_match", { limit: 3 }))[0]).toBe("regex-1.7.1/src/re_unicode.rs#Regex.is_match");
    // Re-exported: `regex::Regex::new` is not under a folder named `regex`'s module path, but `Regex.new` is one definition.
    expect(ids(searchIndex(index, "std::regex::Regex::new", { limit: 3 }))[0]).toBe("regex-1.7.1/src/re_unicode.rs#Regex.new");
    expect(ids(searchIndex(index, "Regex::new", { limit: 3 }))[0]).toBe("regex-1.7.1/src/re_unicode.rs#Regex.new");
  });

  test("a C or C++ header's declaration folds into the one source file that defines it; two definitions stay two", () => {
    const row = (name: string, file_rel: string, bm25: number, kind = "method") => ({ ...item(name, { item_id: `${file_rel}#${name}`, file_rel, lang: "cpp", kind, qualified_name: name }), bm25 });
    const { index } = fakeIndex([
      row("testing.Test.SetUp", "include/gtest/gtest.h", -6),
      row("testing.Test.SetUp", "src/gtest.cc", -5),
      row("main", "tools/a.h", -4, "function"),
      row("main", "tools/a.cc", -4, "function"),
      row("main", "tools/b.cc", -4, "function"),
      row("testing.Test.Run", "include/gtest/gtest.h", -3),
    ]);
    const hits = searchIndex(index, "set up main run", { limit: 10 });
    expect(hits.map((h) => [h.id, h.copies ?? []])).toEqual([
      ["src/gtest.cc#testing.Test.SetUp", ["include/gtest/gtest.h"]],
      ["tools/a.cc#main", []],
      ["tools/a.h#main", []],
      ["tools/b.cc#main", []],
      ["include/gtest/gtest.h#testing.Test.Run", []],
    ]);
  });

  test("tests, vendored copies and local functions rank below definitions, and say why", () => {
    const { index } = fakeIndex([
      { ...item("parse_config", { item_id: "tests/test_config.py#parse_config", file_rel: "tests/test_config.py" }), bm25: -5 },
      { ...item("parse_config", { item_id: "vendor/x/config.py#parse_config", file_rel: "vendor/x/config.py" }), bm25: -5 },
      { ...item("parse_config", { item_id: "app/config.py#parse_config", file_rel: "app/config.py" }), bm25: -4.8 },
      { ...item("load", { item_id: "app/load.py#load", file_rel: "app/load.py" }), bm25: -1 },
      { ...item("parse_config", { item_id: "app/load.py#load.parse_config", file_rel: "app/load.py", qualified_name: "load.parse_config", parent: "load" }), bm25: -4.8 },
    ]);
    const hits = searchIndex(index, "parse config", { limit: 5 });
    expect(ids(hits)).toEqual(["app/config.py#parse_config", "vendor/x/config.py#parse_config", "app/load.py#load.parse_config", "tests/test_config.py#parse_config", "app/load.py#load"]);
    expect(hits.map((h) => h.why.demoted)).toEqual([[], ["vendored", "repeated_name"], ["local", "repeated_name"], ["test", "repeated_name"], []]);
    // Asked for tests: they are not pushed down.
    expect(searchIndex(index, "parse config test", { limit: 5 })[0]!.why.demoted).toEqual([]);
  });

  test("examples, samples, demos and benchmarks rank below the library unless asked for", () => {
    const { index } = fakeIndex([
      { ...item("Add", { item_id: "examples/tutorial.rs#Add", file_rel: "examples/tutorial.rs", lang: "rust" }), bm25: -5 },
      { ...item("subcommand", { item_id: "src/builder/command.rs#Command.subcommand", file_rel: "src/builder/command.rs", lang: "rust", qualified_name: "Command.subcommand", parent: "Command", kind: "method" }), bm25: -4 },
    ]);
    const hits = searchIndex(index, "add a subcommand", { limit: 5 });
    expect(ids(hits)).toEqual(["src/builder/command.rs#Command.subcommand", "examples/tutorial.rs#Add"]);
    expect(hits[1]!.why.demoted).toEqual(["example"]);
    expect(searchIndex(index, "add a subcommand example", { limit: 5 }).find((h) => h.name === "Add")!.why.demoted).toEqual([]);
  });

  test("a test helper whose name spells more of the question stays below the library definition that answers it", () => {
    // Go's encode_test.go#Val against encode.go#Marshal for "encode a value as JSON" (issue 14).
    const { index } = fakeIndex([
      { ...item("encode_value", { item_id: "json/encode_test.go#encode_value", file_rel: "json/encode_test.go" }), bm25: -6 },
      { ...item("marshal", { item_id: "json/encode.go#marshal", file_rel: "json/encode.go", doc: "marshal returns the json encoding of v" }), bm25: -5 },
    ]);
    expect(ids(searchIndex(index, "encode a value as json", { limit: 5 }))).toEqual(["json/encode.go#marshal", "json/encode_test.go#encode_value"]);
  });

  test("code words match names only, and whole name words only", () => {
    const { index, asked } = fakeIndex(
      [
        { ...item("from"), bm25: -1 },
        { ...item("atomic"), bm25: -1 },
      ],
      [],
      { '"observable"': 100, '"array"': 100 },
    );
    const hits = searchIndex(index, "observable from array", { limit: 5 });
    expect(asked.match).toEqual(['"observable" OR "array" OR names : "from"']);
    expect(hits[0]!.id).toBe("m.py#from");
    expect(searchIndex(index, "convert to atomic", { limit: 5 }).find((h) => h.name === "atomic")!.why.name).toBe("all_subwords");
    expect(searchIndex(index, "to", { limit: 5 }).find((h) => h.name === "atomic")!.why.name).toBeNull();
  });

  test("a query with spaces is not looked up by name", () => {
    const { index, asked } = fakeIndex([], [item("x")]);
    searchIndex(index, "two words", { limit: 5 });
    expect(asked.byName).toEqual([]);
  });
  test("a doc whose first sentence answers the question ranks first; a summary that starts with the name is not an answer by it", () => {
    const { index } = fakeIndex([
      { ...item("Get", { doc: "Get issues a request to the server. Writes go elsewhere." }), bm25: -5 },
      { ...item("Marshal", { doc: "Marshal returns the JSON encoding of v." }), bm25: -5 },
      { ...item("Other", { doc: "Other does something else. Returns the JSON encoding." }), bm25: -5 },
    ]);
    const hits = searchIndex(index, "encoding as JSON", { limit: 5 });
    expect(ids(hits)).toEqual(["m.py#Marshal", "m.py#Get", "m.py#Other"]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[1]!.score).toBe(hits[2]!.score);
    // A summary that starts with the name (Go's convention) does not answer a question by that word.
    const own = fakeIndex([
      { ...item("Encode", { file_rel: "a.go", item_id: "a.go#Encode", doc: "Encode something." }), bm25: -5 },
      { ...item("Encode", { file_rel: "b.go", item_id: "b.go#Encode" }), bm25: -5 },
      { ...item("Encode", { file_rel: "c.go", item_id: "c.go#Encode", doc: "Writes the encoded form." }), bm25: -5 },
    ]);
    const scores = Object.fromEntries(searchIndex(own.index, "encode", { limit: 5 }).map((h) => [h.file_rel, h.score]));
    expect(scores["a.go"]).toBe(scores["b.go"]!);
    expect(scores["c.go"]).toBeGreaterThan(scores["a.go"]!);
  });
  test("a definition at its module's top level outranks a member of the same text match; a top-level value does not", () => {
    const { index } = fakeIndex([
      { ...item("C.copyAll", { name: "copyAll", parent: "C", kind: "method", item_id: "m.py#C.copyAll" }), bm25: -5 },
      { ...item("copyAll", { item_id: "m.py#copyAll" }), bm25: -5 },
      { ...item("COPY_ALL", { kind: "constant", item_id: "m.py#COPY_ALL" }), bm25: -5 },
    ]);
    const hits = searchIndex(index, "duplicate everything", { limit: 5 });
    expect(ids(hits)).toEqual(["m.py#copyAll", "m.py#C.copyAll", "m.py#COPY_ALL"]);
    // The top-level bonus (0.4) and the member's repeat of the first hit's name (0.3).
    expect(hits[0]!.score - hits[1]!.score).toBeCloseTo(0.7, 5);
    expect(hits[1]!.why.demoted).toEqual(["repeated_name"]);
  });
  test("a name already ranked steps aside once for a hit with another name: one name, one place in the top", () => {
    const add = (type: string, bm25: number) => ({ ...item(`${type}.Add`, { name: "Add", parent: type, kind: "method", file_rel: "t.go", lang: "go", item_id: `t.go#${type}.Add` }), bm25 });
    const { index } = fakeIndex([add("Int32", -5), add("Int64", -5), { ...item("AddInt64", { file_rel: "d.go", lang: "go", item_id: "d.go#AddInt64", parent: "x", kind: "method" }), bm25: -4.7 }]);
    const hits = searchIndex(index, "atomically increment", { limit: 5 });
    expect(ids(hits)).toEqual(["t.go#Int32.Add", "d.go#AddInt64", "t.go#Int64.Add"]);
    expect(hits.map((h) => h.why.demoted)).toEqual([[], [], ["repeated_name"]]);
  });

  test("a question led by a verb the segment's callables start with asks for a function, not the type that holds it", () => {
    const { index } = fakeIndex([
      { ...item("Regexp", { item_id: "regexp.go#Regexp", file_rel: "regexp.go", lang: "go", kind: "struct" }), bm25: -5 },
      { ...item("Compile", { item_id: "regexp.go#Compile", file_rel: "regexp.go", lang: "go" }), bm25: -4.2 },
      ...["CompilePOSIX", "compileOnePass", "compileTemplate"].map((name) => ({ ...item(name, { item_id: `c.go#${name}`, file_rel: "c.go", lang: "go" }), bm25: -1 })),
    ]);
    expect(ids(searchIndex(index, "compile a regular expression", { limit: 2 }))).toEqual(["regexp.go#Compile", "regexp.go#Regexp"]);
    // The first word past filler and code words: "how do I …", "how to …" ask the same.
    expect(ids(searchIndex(index, "how do I compile a regular expression", { limit: 2 }))).toEqual(["regexp.go#Compile", "regexp.go#Regexp"]);
    expect(ids(searchIndex(index, "how to compile a regular expression", { limit: 2 }))).toEqual(["regexp.go#Compile", "regexp.go#Regexp"]);
    // Not led by that verb: the type's better text match wins.
    expect(ids(searchIndex(index, "regular expression compile", { limit: 2 }))).toEqual(["regexp.go#Regexp", "regexp.go#Compile"]);
  });

  test("past two members of one type, each later member steps aside a little more: the type itself gets a place", () => {
    const member = (name: string, bm25: number) => ({ ...item(name, { item_id: `tarfile.py#TarFile.${name}`, file_rel: "tarfile.py", qualified_name: `TarFile.${name}`, parent: "TarFile", kind: "method" }), bm25 });
    const { index } = fakeIndex([member("open", -5), member("taropen", -5), member("gzopen", -5), member("xzopen", -5), { ...item("TarFile", { item_id: "tarfile.py#TarFile", file_rel: "tarfile.py", kind: "class" }), bm25: -4 }]);
    const hits = searchIndex(index, "tar archives", { limit: 5 });
    expect(ids(hits)).toEqual(["tarfile.py#TarFile", "tarfile.py#TarFile.gzopen", "tarfile.py#TarFile.open", "tarfile.py#TarFile.xzopen", "tarfile.py#TarFile.taropen"]);
    // The third member ranked loses 0.1, the fourth 0.2: taropen (2.45 before, the name evidence of `tar`) ends last.
    expect(hits.map((h) => h.why.demoted)).toEqual([[], [], [], ["sibling"], ["sibling"]]);
    expect(hits.map((h) => h.score)).toEqual([2.75, 2.5, 2.5, 2.4, 2.25]);
  });

  test("among close hits, the definition code writes by its qualified name comes first; it never lifts a weak match over a strong one", () => {
    const readFile = (pkg: string, bm25: number) => ({ ...item("ReadFile", { file_rel: `${pkg}/file.go`, lang: "go", item_id: `${pkg}/file.go#ReadFile` }), bm25 });
    const close = fakeIndex([readFile("fs", -5), readFile("os", -5)], [], {}, { "os.ReadFile": 175, "fs.ReadFile": 4 });
    const hits = searchIndex(close.index, "read a whole file", { limit: 5 });
    expect(ids(hits)).toEqual(["os/file.go#ReadFile", "fs/file.go#ReadFile"]);
    expect(hits.map((h) => h.why.uses)).toEqual([175, 4]);
    // Without uses the tie goes by id: fs first.
    expect(ids(searchIndex(fakeIndex([readFile("fs", -5), readFile("os", -5)]).index, "read a whole file", { limit: 5 }))).toEqual(["fs/file.go#ReadFile", "os/file.go#ReadFile"]);
    // A thousand uses of a name that answers one word do not outrank the definition the question names.
    const weak = fakeIndex([{ ...item("parse_all", { item_id: "m.py#parse_all" }), bm25: -10 }, { ...item("value", { file_rel: "util.py", item_id: "util.py#value" }), bm25: -2 }], [], {}, { "util.value": 5000 });
    expect(ids(searchIndex(weak.index, "parse all values", { limit: 5 }))[0]).toBe("m.py#parse_all");
  });

  test("a name that answers no query word counts its module's words: the package asked for comes first", () => {
    const newWriter = (pkg: string) => ({ ...item("NewWriter", { file_rel: `compress/${pkg}/writer.go`, lang: "go", item_id: `compress/${pkg}/writer.go#NewWriter` }), bm25: -5 });
    const hits = searchIndex(fakeIndex([newWriter("flate"), newWriter("gzip")]).index, "compress data with gzip", { limit: 5 });
    expect(ids(hits)).toEqual(["compress/gzip/writer.go#NewWriter", "compress/flate/writer.go#NewWriter"]);
    expect(hits[0]!.why.name).toBeNull();
  });
});
