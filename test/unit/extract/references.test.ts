import { expect, test } from "bun:test";
import { extractSymbols } from "../../../src/extract/extractor.ts";
import type { ReferenceRecord } from "../../../src/extract/types.ts";
import type { LanguageId } from "../../../src/languages.ts";

// One snippet per language covering each reference kind it has; every record is spelled out
// (kind, receiver.name, line:col, the enclosing definition, an import's module and alias).
const show = (r: ReferenceRecord) =>
  [`${r.kind} ${r.receiver ? `${r.receiver}|` : ""}${r.name} ${r.line}:${r.col} from=${r.from}`, r.module && `module=${r.module}`, r.alias && `alias=${r.alias}`].filter(Boolean).join(" ");

async function references(language: LanguageId, lines: string[]): Promise<string[]> {
  return (await extractSymbols(language, `${lines.join("\n")}\n`)).references.map(show);
}

test("TypeScript: ES imports and require, decorators, extends/implements, annotations, typeof, calls and new", async () => {
  const source = [
    'import def, { a as b } from "./m";',
    'import * as ns from "ns";',
    'export { c } from "./c";',
    'const fs = require("fs");',
    "@Component({})",
    "class A extends Base<Item> implements ns.Shape {",
    "  run(x: Input): Output[] { return this.helper(new Box(x), fs.read()); }",
    "}",
    "let ctor: typeof A;",
  ];
  expect(await references("typescript", source)).toEqual([
    "import def 1:8 from=null module=./m",
    "import a 1:15 from=null module=./m alias=b",
    "import * 2:21 from=null module=ns alias=ns",
    "import c 3:10 from=c module=./c",
    "call require 4:12 from=fs",
    "import * 4:20 from=fs module=fs alias=fs",
    "decorator Component 5:2 from=A",
    "inherit Base 6:17 from=A",
    "type Item 6:22 from=A",
    "inherit ns|Shape 6:42 from=A",
    "type Input 7:10 from=A.run",
    "type Output 7:18 from=A.run",
    "call this|helper 7:41 from=A.run",
    "call Box 7:52 from=A.run",
    "call fs|read 7:63 from=A.run",
    "type A 9:18 from=ctor",
  ]);
});

test("JavaScript: a class extends a plain or a qualified name; destructured require binds names", async () => {
  const source = ["const { join, resolve: r } = require('path');", "class A extends B {}", "class C extends ns.D { m() { super.m(); } }"];
  expect(await references("javascript", source)).toEqual([
    "import join 1:9 from=r module=path",
    "import resolve 1:15 from=r module=path alias=r",
    "call require 1:30 from=r",
    "inherit B 2:17 from=A",
    "inherit ns|D 3:20 from=C",
    "call super|m 3:36 from=C.m",
  ]);
});

test("TSX: a capitalised or qualified JSX tag renders a component (a call); a lower-case tag is an element", async () => {
  const source = ["export function App(props: Props) {", "  return <Layout><div /><ui.Button onClick={() => track()} /></Layout>;", "}"];
  expect(await references("tsx", source)).toEqual(["type Props 1:28 from=App", "call Layout 2:11 from=App", "call ui|Button 2:29 from=App", "call track 2:51 from=App"]);
});

test("Go: imports with and without a name, embedding, qualified and bare types, calls through packages and values", async () => {
  const source = [
    "package p",
    'import ( "net/http"; str "strings" )',
    "type S struct { Base; *io.Reader; h http.Handler; m map[K][]V }",
    "type I interface { fmt.Stringer; M(x X) error }",
    "func (s *S) Do(a G[T]) *R {",
    '  s.helper(str.ToUpper("x"))',
    "  return &R{}",
    "}",
  ];
  expect(await references("go", source)).toEqual([
    "import * 2:10 from=null module=net/http",
    "import * 2:26 from=null module=strings alias=str",
    "inherit Base 3:17 from=S",
    "inherit io|Reader 3:27 from=S",
    "type http|Handler 3:42 from=S.h",
    "type K 3:57 from=S.m",
    "type V 3:61 from=S.m",
    "inherit fmt|Stringer 4:24 from=I",
    "type X 4:38 from=I.M",
    "type error 4:41 from=I.M",
    "type S 5:10 from=S.Do",
    "type G 5:18 from=S.Do",
    "type T 5:20 from=S.Do",
    "type R 5:25 from=S.Do",
    "call s|helper 6:5 from=S.Do",
    "call str|ToUpper 6:16 from=S.Do",
    "type R 7:11 from=S.Do",
  ]);
});

test("Rust: use lists, self and globs, derive and attribute names, impl Trait for, paths, methods and macros", async () => {
  const source = [
    "use std::fmt::{self, Display as Show};",
    "use crate::model::*;",
    "#[derive(Debug, serde::Serialize)]",
    "struct Wrapper { inner: Vec<Item> }",
    "impl fmt::Display for Wrapper {",
    "    fn fmt(&self, f: &mut fmt::Formatter) -> Self {",
    "        let w = Wrapper::new(helper(1));",
    "        self.inner.len();",
    '        write!(f, "x")',
    "    }",
    "}",
  ];
  expect(await references("rust", source)).toEqual([
    "import fmt 1:10 from=null module=std",
    "import Display 1:22 from=null module=std::fmt alias=Show",
    "import * 2:5 from=null module=crate::model",
    "decorator derive 3:3 from=null",
    "decorator Debug 3:10 from=null",
    "decorator serde|Serialize 3:24 from=null",
    "type Vec 4:25 from=Wrapper.inner",
    "type Item 4:29 from=Wrapper.inner",
    "inherit fmt|Display 5:11 from=Wrapper",
    "type Wrapper 5:23 from=Wrapper",
    "type fmt|Formatter 6:32 from=Wrapper.fmt",
    "call Wrapper|new 7:26 from=Wrapper.fmt",
    "call helper 7:30 from=Wrapper.fmt",
    "call self.inner|len 8:20 from=Wrapper.fmt",
    "call write 9:9 from=Wrapper.fmt",
  ]);
});

test("Java: single and static wildcard imports, annotations, extends/implements, types, calls, new and method references", async () => {
  const source = [
    "import java.util.List;",
    "import static org.junit.Assert.*;",
    "@Entity",
    "class Repo extends Base<Item> implements java.io.Closeable {",
    "  @Override public List<Item> load(Key k) throws IOException {",
    "    var q = new Query(k);",
    "    return store.fetch(q, Item::parse);",
    "  }",
    "}",
  ];
  expect(await references("java", source)).toEqual([
    "import List 1:18 from=null module=java.util",
    "import * 2:15 from=null module=org.junit.Assert",
    "decorator Entity 3:2 from=Repo",
    "inherit Base 4:20 from=Repo",
    "type Item 4:25 from=Repo",
    "inherit java.io|Closeable 4:50 from=Repo",
    "decorator Override 5:4 from=Repo.load",
    "type List 5:20 from=Repo.load",
    "type Item 5:25 from=Repo.load",
    "type Key 5:36 from=Repo.load",
    "type IOException 5:50 from=Repo.load",
    "call Query 6:17 from=Repo.load",
    "call store|fetch 7:18 from=Repo.load",
    "call Item|parse 7:33 from=Repo.load",
  ]);
});

test("Kotlin: imports (module = the segments before the name), annotations, supertypes, qualified types, calls", async () => {
  const source = [
    "import a.b.Repo as Store",
    "import kotlinx.coroutines.*",
    "@JvmInline",
    "class Cache(val store: Store) : Base(), java.io.Closeable {",
    "    override fun get(key: Key): List<Item>? = store.load(key).map { Item(it) }",
    "}",
  ];
  expect(await references("kotlin", source)).toEqual([
    "import Repo 1:12 from=null module=a.b alias=Store",
    "import * 2:8 from=null module=kotlinx.coroutines",
    "decorator JvmInline 3:2 from=Cache",
    "type Store 4:24 from=Cache.store",
    "inherit Base 4:33 from=Cache",
    "inherit java.io|Closeable 4:49 from=Cache",
    "type Key 5:27 from=Cache.get",
    "type List 5:33 from=Cache.get",
    "type Item 5:38 from=Cache.get",
    "call store|load 5:53 from=Cache.get",
    "call ?|map 5:63 from=Cache.get",
    "call Item 5:69 from=Cache.get",
  ]);
});

test("Scala: selector, renaming and wildcard imports, annotations, extends/with, types, calls and new", async () => {
  const source = [
    "import java.nio.file.{Files, Path => JPath, Other => _}",
    "import scala.util._",
    '@deprecated("old", "1")',
    "class Store(root: JPath) extends Base with Closeable {",
    "  def list(dir: os.SubPath): Seq[Entry] = Files.list(root).map(p => new Entry(p))",
    "}",
  ];
  expect(await references("scala", source)).toEqual([
    "import Files 1:23 from=null module=java.nio.file",
    "import Path 1:30 from=null module=java.nio.file alias=JPath",
    "import * 2:8 from=null module=scala.util",
    "decorator deprecated 3:2 from=Store",
    "type JPath 4:19 from=Store",
    "inherit Base 4:34 from=Store",
    "inherit Closeable 4:44 from=Store",
    "type os|SubPath 5:20 from=Store.list",
    "type Seq 5:30 from=Store.list",
    "type Entry 5:34 from=Store.list",
    "call Files|list 5:49 from=Store.list",
    "call ?|map 5:60 from=Store.list",
    "call Entry 5:73 from=Store.list",
  ]);
});

test("C#: a type as written, in each form and place: qualified, global::, generic, nullable, array, tuple, cast, typeof, as; predefined types name none", async () => {
  const source = [
    "namespace App {",
    "class C : N.Base<T>, global::IFoo {",
    "  N.X<int>? F(M.Y[] ys, (Z a, int b) t, int n, void* p) {",
    "    var o = new N.W(); return (N.X<int>)o ?? typeof(A.B) as R;",
    "  }",
    "}",
    "}",
  ];
  expect(await references("c_sharp", source)).toEqual([
    "inherit N|Base 2:13 from=App.C",
    "type T 2:18 from=App.C",
    "inherit global|IFoo 2:30 from=App.C",
    "type N|X 3:5 from=App.C.F",
    "type M|Y 3:17 from=App.C.F",
    "type Z 3:26 from=App.C.F",
    "call N|W 4:19 from=App.C.F",
    "type N|X 4:34 from=App.C.F",
    "type A|B 4:55 from=App.C.F",
    "type R 4:61 from=App.C.F",
  ]);
});

test("C#: using (whole namespace, static, alias), attributes, base lists, types, calls and new", async () => {
  const source = [
    "using System.IO;",
    "using Json = Newtonsoft.Json.JsonConvert;",
    "namespace App {",
    "[Serializable]",
    "class Store : Base<Item>, IDisposable {",
    "  public List<Item> Load(Key k) { return reader.Read(new Query(k)).ToList<Item>(); }",
    "}",
    "}",
  ];
  expect(await references("c_sharp", source)).toEqual([
    "import * 1:7 from=null module=System.IO",
    "import JsonConvert 2:30 from=null module=Newtonsoft.Json alias=Json",
    "decorator Serializable 4:2 from=App.Store",
    "inherit Base 5:15 from=App.Store",
    "type Item 5:20 from=App.Store",
    "inherit IDisposable 5:27 from=App.Store",
    "type List 6:10 from=App.Store.Load",
    "type Item 6:15 from=App.Store.Load",
    "type Key 6:26 from=App.Store.Load",
    "call reader|Read 6:49 from=App.Store.Load",
    "call Query 6:58 from=App.Store.Load",
    "call ?|ToList 6:68 from=App.Store.Load",
    "type Item 6:75 from=App.Store.Load",
  ]);
});
