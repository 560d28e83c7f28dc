/**
 * The languages trifecta knows: one row each, with everything but the extraction hooks (which need
 * tree-sitter: src/extract/languages/). Nothing here loads a grammar, so a cache hit stays cheap:
 * a grammar imported as a file is only its path, a query imported as text only a string.
 * Adding a language is a row here and its query file under src/extract/queries/.
 */
import bashGrammar from "tree-sitter-bash/tree-sitter-bash.wasm" with { type: "file" };
import cGrammar from "tree-sitter-wasms/out/tree-sitter-c.wasm" with { type: "file" };
import cSharpGrammar from "tree-sitter-c-sharp/tree-sitter-c_sharp.wasm" with { type: "file" };
// C++'s own build (tree-sitter-cpp 0.23.4): more of googletest agrees with ctags, and it parses faster.
import cppGrammar from "tree-sitter-cpp/tree-sitter-cpp.wasm" with { type: "file" };
import dartGrammar from "tree-sitter-wasms/out/tree-sitter-dart.wasm" with { type: "file" };
import elixirGrammar from "tree-sitter-wasms/out/tree-sitter-elixir.wasm" with { type: "file" };
import goGrammar from "tree-sitter-wasms/out/tree-sitter-go.wasm" with { type: "file" };
import javaGrammar from "tree-sitter-wasms/out/tree-sitter-java.wasm" with { type: "file" };
import javascriptGrammar from "tree-sitter-wasms/out/tree-sitter-javascript.wasm" with { type: "file" };
// Kotlin's own build (@tree-sitter-grammars/tree-sitter-kotlin 1.1.0) reads `fun interface`; 0.1.13's did not.
import kotlinGrammar from "@tree-sitter-grammars/tree-sitter-kotlin/tree-sitter-kotlin.wasm" with { type: "file" };
// The tree-sitter-wasms 0.1.13 build of Lua leaves its scanner state uninitialised: every parse but
// the first in a process could misread `x = 1` (test/unit/extract/lua-after-queries.test.ts).
import luaGrammar from "@tree-sitter-grammars/tree-sitter-lua/tree-sitter-lua.wasm" with { type: "file" };
import objcGrammar from "tree-sitter-wasms/out/tree-sitter-objc.wasm" with { type: "file" };
// OCaml's own build (tree-sitter-ocaml 0.24.2) brings the interface grammar for `.mli` files.
import ocamlGrammar from "tree-sitter-ocaml/tree-sitter-ocaml.wasm" with { type: "file" };
import ocamlInterfaceGrammar from "tree-sitter-ocaml/tree-sitter-ocaml_interface.wasm" with { type: "file" };
import phpGrammar from "tree-sitter-wasms/out/tree-sitter-php.wasm" with { type: "file" };
import pythonGrammar from "tree-sitter-wasms/out/tree-sitter-python.wasm" with { type: "file" };
import rubyGrammar from "tree-sitter-wasms/out/tree-sitter-ruby.wasm" with { type: "file" };
import rustGrammar from "tree-sitter-wasms/out/tree-sitter-rust.wasm" with { type: "file" };
import scalaGrammar from "tree-sitter-scala/tree-sitter-scala.wasm" with { type: "file" };
import swiftGrammar from "tree-sitter-wasms/out/tree-sitter-swift.wasm" with { type: "file" };
import tsxGrammar from "tree-sitter-wasms/out/tree-sitter-tsx.wasm" with { type: "file" };
import typescriptGrammar from "tree-sitter-wasms/out/tree-sitter-typescript.wasm" with { type: "file" };
import zigGrammar from "tree-sitter-wasms/out/tree-sitter-zig.wasm" with { type: "file" };
import bashQuery from "./extract/queries/bash.scm" with { type: "text" };
import cQuery from "./extract/queries/c.scm" with { type: "text" };
import cValuesQuery from "./extract/queries/c_values.scm" with { type: "text" };
import cSharpQuery from "./extract/queries/c_sharp.scm" with { type: "text" };
import cppQuery from "./extract/queries/cpp.scm" with { type: "text" };
import dartQuery from "./extract/queries/dart.scm" with { type: "text" };
import ecmascriptValuesQuery from "./extract/queries/ecmascript_values.scm" with { type: "text" };
import elixirQuery from "./extract/queries/elixir.scm" with { type: "text" };
import goQuery from "./extract/queries/go.scm" with { type: "text" };
import javaQuery from "./extract/queries/java.scm" with { type: "text" };
import javascriptQuery from "./extract/queries/javascript.scm" with { type: "text" };
import kotlinQuery from "./extract/queries/kotlin.scm" with { type: "text" };
import luaQuery from "./extract/queries/lua.scm" with { type: "text" };
import objcQuery from "./extract/queries/objc.scm" with { type: "text" };
import ocamlQuery from "./extract/queries/ocaml.scm" with { type: "text" };
import ocamlDeclarationsQuery from "./extract/queries/ocaml_declarations.scm" with { type: "text" };
import ocamlInterfaceQuery from "./extract/queries/ocaml_interface.scm" with { type: "text" };
import phpQuery from "./extract/queries/php.scm" with { type: "text" };
import pythonQuery from "./extract/queries/python.scm" with { type: "text" };
import rubyQuery from "./extract/queries/ruby.scm" with { type: "text" };
import rustQuery from "./extract/queries/rust.scm" with { type: "text" };
import scalaQuery from "./extract/queries/scala.scm" with { type: "text" };
import swiftQuery from "./extract/queries/swift.scm" with { type: "text" };
import typescriptQuery from "./extract/queries/typescript.scm" with { type: "text" };
import zigQuery from "./extract/queries/zig.scm" with { type: "text" };
import bashRefsQuery from "./extract/queries/bash_refs.scm" with { type: "text" };
import cRefsQuery from "./extract/queries/c_refs.scm" with { type: "text" };
import cSharpRefsQuery from "./extract/queries/c_sharp_refs.scm" with { type: "text" };
import cppRefsQuery from "./extract/queries/cpp_refs.scm" with { type: "text" };
import dartRefsQuery from "./extract/queries/dart_refs.scm" with { type: "text" };
import ecmascriptRefsQuery from "./extract/queries/ecmascript_refs.scm" with { type: "text" };
import elixirRefsQuery from "./extract/queries/elixir_refs.scm" with { type: "text" };
import goRefsQuery from "./extract/queries/go_refs.scm" with { type: "text" };
import javaRefsQuery from "./extract/queries/java_refs.scm" with { type: "text" };
import javascriptRefsQuery from "./extract/queries/javascript_refs.scm" with { type: "text" };
import jsxRefsQuery from "./extract/queries/jsx_refs.scm" with { type: "text" };
import kotlinRefsQuery from "./extract/queries/kotlin_refs.scm" with { type: "text" };
import luaRefsQuery from "./extract/queries/lua_refs.scm" with { type: "text" };
import objcRefsQuery from "./extract/queries/objc_refs.scm" with { type: "text" };
import ocamlRefsQuery from "./extract/queries/ocaml_refs.scm" with { type: "text" };
import phpRefsQuery from "./extract/queries/php_refs.scm" with { type: "text" };
import pythonRefsQuery from "./extract/queries/python_refs.scm" with { type: "text" };
import rubyRefsQuery from "./extract/queries/ruby_refs.scm" with { type: "text" };
import rustRefsQuery from "./extract/queries/rust_refs.scm" with { type: "text" };
import scalaRefsQuery from "./extract/queries/scala_refs.scm" with { type: "text" };
import swiftRefsQuery from "./extract/queries/swift_refs.scm" with { type: "text" };
import typescriptRefsQuery from "./extract/queries/typescript_refs.scm" with { type: "text" };
import zigRefsQuery from "./extract/queries/zig_refs.scm" with { type: "text" };

/**
 * How `sym://<lang>/mod/<module>` finds files (src/resolve/modules.ts): the style and what it needs,
 * how a module path splits into parts, and the rule as `ast languages` states it.
 */
export type Modules = { readonly separator: RegExp; readonly rule: string } & (
  | { readonly style: "python" }
  | { readonly style: "go" }
  | { readonly style: "rust" }
  /** `<m><ext>` for each of the language's extensions; several existing are ambiguous. */
  | { readonly style: "path" }
  /** `<m><ext>` then `<m>/index<ext>`, extensions in this order; the first that exists. */
  | { readonly style: "ecmascript"; readonly order: readonly string[] }
  /** A dotted package path under each source root in turn; the first that exists. */
  | { readonly style: "jvm"; readonly roots: readonly (readonly string[])[] }
);

export interface Language {
  readonly extensions: readonly string[];
  /** The kinds the extractor reports (shown by `ast languages`). */
  readonly kinds: readonly string[];
  readonly modules: Modules;
  /** Path of the grammar `.wasm` (embedded in the compiled binary). */
  readonly grammar: string;
  readonly query: string;
  /** Names of the query files under src/extract/queries/ the query joins, its own first (part of the extractor fingerprint). */
  readonly queryFiles: readonly string[];
  /** The query that finds references (calls, imports, type uses, inheritance, decorators), and its files likewise. */
  readonly references: string;
  readonly referenceFiles: readonly string[];
  /** The extraction hooks (src/extract/languages/) it shares with languages of one family, when not its own. */
  readonly hooks?: "ecmascript" | "component" | "c" | "ocaml";
  /**
   * The namespace its references resolve in (src/graph/modules.ts), when it shares one: TypeScript imports
   * JavaScript, Java, Kotlin and Scala share packages, C and C++ link together, an OCaml interface declares
   * what its implementation defines. Otherwise its own.
   */
  readonly family?: "ecmascript" | "jvm" | "c" | "ocaml";
  /** The interpreters (a `#!` line's program) that run a script of it written without an extension (`scriptLanguage`). */
  readonly interpreter?: RegExp;
  /** An extension another language lists first, taken for the files whose head this matches (`readsAs`). */
  readonly claims?: { readonly extension: string; readonly head: { test(head: string): boolean }; readonly rule: string };
}

/**
 * Flow's pragma, where Flow reads it: `@flow` (`@flow strict`, not `@noflow`) in the comments a file starts
 * with, after a `#!` line if there is one.
 */
const FLOW_PRAGMA = {
  test: (head: string) => /(?:^|[\s*/])@flow\b/.test(/^(?:#![^\n]*)?(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*/.exec(head)![0]),
};

/**
 * Objective-C's own syntax at a line's start: `@interface`, `@protocol`, `@implementation`, `@end`, and
 * `#import <…>`/`#import "…"` (its include: an umbrella header is `#import` lines alone). Capacitor's iOS
 * headers read as C had a function named `property` (`@protocol … @property …`) and 24 of 48 parse errors.
 */
const OBJC_SYNTAX = /^[ \t]*(?:@(?:interface|protocol|implementation|end)\b|#[ \t]*import[ \t]*[<"])/m;

/**
 * C++ written where C cannot be: a namespace, a template, a class, an access label, `using namespace`,
 * `std::`. A C header holds none of them (its `extern "C"` under `#ifdef __cplusplus` included).
 */
const CPP_SYNTAX = /^[ \t]*(?:namespace\b[\w \t:]*\{|template[ \t]*<|class[ \t]+[A-Za-z_]\w*[ \t]*(?:[:{;]|final\b|$)|(?:public|private|protected)[ \t]*:|using[ \t]+namespace\b)|\bstd::\w/m;

const SLASHED = /\//;
// Python and JVM packages are dotted; `/` works everywhere.
const DOTTED = /[./]/;

const PATH: Modules = { style: "path", separator: SLASHED, rule: "relative path without extension, one of the extensions; several existing candidates are ambiguous" };
const jvm = (...roots: string[][]): Modules => ({
  style: "jvm",
  separator: DOTTED,
  roots,
  rule: `dotted package path: <p>.<ext> at the segment root, under src/main/<lang>/, or under src/${roots.some((r) => r[1]?.endsWith("Main")) ? ", or a Kotlin Multiplatform source set's src/<set>Main/kotlin/ (common, jvm, android, native, js)" : ""}; the first that exists`,
});

/** Kotlin Multiplatform's source sets, common code first (okio's src/commonMain/kotlin/okio/Buffer.kt). */
const KOTLIN_SOURCE_SETS = ["common", "jvm", "android", "native", "js"].map((set) => ["src", `${set}Main`, "kotlin"]);

// OCaml implementations (`.ml`) and interfaces (`.mli`): two grammars of one package, one set of kinds and uses.
const OCAML = {
  kinds: ["module", "interface", "type", "class", "function", "method", "variable", "field", "enum_member"],
  modules: PATH,
  references: ocamlRefsQuery,
  referenceFiles: ["ocaml_refs"],
} as const;

const TYPESCRIPT_KINDS = ["class", "interface", "enum", "type", "module", "function", "method", "constructor", "constant", "variable", "field", "enum_member", "export"] as const;

/** What TSX's grammar and TypeScript's queries read: TSX, and the languages read as TSX (Flow, components). */
const TSX_READ = {
  kinds: TYPESCRIPT_KINDS,
  grammar: tsxGrammar,
  query: typescriptQuery + ecmascriptValuesQuery,
  queryFiles: ["typescript", "ecmascript_values"],
  references: ecmascriptRefsQuery + typescriptRefsQuery + jsxRefsQuery,
  referenceFiles: ["ecmascript_refs", "typescript_refs", "jsx_refs"],
  family: "ecmascript",
} as const;

/** An ECMAScript module of one extension: `<m><ext>`, then `<m>/index<ext>`. */
const oneExtension = (ext: string): Modules => ({ style: "ecmascript", order: [ext], separator: SLASHED, rule: `path without extension: <m>${ext}, then <m>/index${ext}` });

const ROWS = {
  python: {
    extensions: [".py", ".pyi"],
    interpreter: /^python[\d.]*$/,
    kinds: ["class", "function", "method", "variable", "field"],
    modules: { style: "python", separator: DOTTED, rule: "dotted or slashed module: <m>.py, <m>.pyi, <m>/__init__.py, <m>/__init__.pyi; several existing candidates are ambiguous" },
    grammar: pythonGrammar,
    query: pythonQuery,
    queryFiles: ["python"],
    references: pythonRefsQuery,
    referenceFiles: ["python_refs"],
  },
  typescript: {
    extensions: [".ts", ".mts", ".cts", ".d.ts"],
    kinds: TYPESCRIPT_KINDS,
    modules: { style: "ecmascript", order: [".ts", ".d.ts", ".mts", ".cts"], separator: SLASHED, rule: "path without extension: <m>.ts, .d.ts, .mts, .cts, then <m>/index.*; the first that exists" },
    grammar: typescriptGrammar,
    query: typescriptQuery + ecmascriptValuesQuery,
    queryFiles: ["typescript", "ecmascript_values"],
    references: ecmascriptRefsQuery + typescriptRefsQuery,
    referenceFiles: ["ecmascript_refs", "typescript_refs"],
    hooks: "ecmascript",
    family: "ecmascript",
  },
  tsx: { ...TSX_READ, extensions: [".tsx"], modules: oneExtension(".tsx"), hooks: "ecmascript" },
  javascript: {
    extensions: [".js", ".jsx", ".mjs", ".cjs"],
    interpreter: /^(node|nodejs)$/,
    kinds: ["class", "function", "method", "constructor", "constant", "variable", "field", "export"],
    modules: { style: "ecmascript", order: [".js", ".jsx", ".mjs", ".cjs"], separator: SLASHED, rule: "path without extension: <m>.js, .jsx, .mjs, .cjs, then <m>/index.*; the first that exists" },
    grammar: javascriptGrammar,
    query: javascriptQuery + ecmascriptValuesQuery,
    queryFiles: ["javascript", "ecmascript_values"],
    references: ecmascriptRefsQuery + javascriptRefsQuery + jsxRefsQuery,
    referenceFiles: ["ecmascript_refs", "javascript_refs", "jsx_refs"],
    hooks: "ecmascript",
    family: "ecmascript",
  },
  // Flow-typed JavaScript (React Native, Metro, Jest): a `.js` whose leading comments say `@flow`, and
  // `.js.flow` declarations. The JavaScript grammar cannot read Flow's types: on React Native 0.76's 613
  // `@flow` files it found 659 of the 3,734 top-level and class-member definitions @babel/parser's Flow
  // reading has; TSX's grammar and TypeScript's query find 3,607 (bun scripts/flow-agreement.ts).
  flow: {
    ...TSX_READ,
    extensions: [".js", ".js.flow"],
    modules: { style: "ecmascript", order: [".js", ".js.flow"], separator: SLASHED, rule: "path without extension: <m>.js, .js.flow, then <m>/index.*; the first that exists" },
    claims: { extension: ".js", head: FLOW_PRAGMA, rule: "a .js whose leading comments say @flow" },
    hooks: "ecmascript",
  },
  // Single-file components: their `<script>` blocks, read as TSX (which reads JavaScript too); the template
  // and styles are blanked (src/extract/languages/component.ts), so lines are the file's.
  vue: { ...TSX_READ, extensions: [".vue"], modules: oneExtension(".vue"), hooks: "component" },
  svelte: { ...TSX_READ, extensions: [".svelte"], modules: oneExtension(".svelte"), hooks: "component" },
  // Astro's components: the TypeScript of their `---` frontmatter and their `<script>` blocks.
  astro: { ...TSX_READ, extensions: [".astro"], modules: oneExtension(".astro") },
  go: {
    extensions: [".go"],
    kinds: ["struct", "interface", "type", "function", "method", "constant", "variable", "field"],
    modules: { style: "go", separator: SLASHED, rule: "package directory: every non-test .go file in it, symbols tagged with their file" },
    grammar: goGrammar,
    query: goQuery,
    queryFiles: ["go"],
    references: goRefsQuery,
    referenceFiles: ["go_refs"],
  },
  rust: {
    extensions: [".rs"],
    kinds: ["struct", "union", "enum", "trait", "type", "module", "macro", "function", "method", "constant", "field", "enum_member"],
    modules: { style: "rust", separator: /::|\//, rule: "a::b (or crate::a::b, a/b): src/a/b.rs, src/a/b/mod.rs, a/b.rs, a/b/mod.rs; `crate` alone: src/lib.rs, src/main.rs" },
    grammar: rustGrammar,
    query: rustQuery,
    queryFiles: ["rust"],
    references: rustRefsQuery,
    referenceFiles: ["rust_refs"],
  },
  java: {
    extensions: [".java"],
    kinds: ["class", "interface", "enum", "record", "method", "constructor", "field", "enum_member"],
    modules: jvm([], ["src", "main", "java"], ["src"]),
    grammar: javaGrammar,
    query: javaQuery,
    queryFiles: ["java"],
    references: javaRefsQuery,
    referenceFiles: ["java_refs"],
    family: "jvm",
  },
  kotlin: {
    extensions: [".kt", ".kts"],
    kinds: ["class", "interface", "enum", "object", "type", "function", "method", "constructor", "constant", "variable", "field", "enum_member"],
    modules: jvm([], ["src", "main", "kotlin"], ["src", "main", "java"], ...KOTLIN_SOURCE_SETS, ["src"]),
    grammar: kotlinGrammar,
    query: kotlinQuery,
    queryFiles: ["kotlin"],
    references: kotlinRefsQuery,
    referenceFiles: ["kotlin_refs"],
    family: "jvm",
  },
  scala: {
    extensions: [".scala", ".sc"],
    kinds: ["class", "object", "trait", "enum", "type", "function", "method", "variable", "field", "enum_member"],
    modules: jvm([], ["src", "main", "scala"], ["src"]),
    grammar: scalaGrammar,
    query: scalaQuery,
    queryFiles: ["scala"],
    references: scalaRefsQuery,
    referenceFiles: ["scala_refs"],
    family: "jvm",
  },
  c: { extensions: [".c", ".h"], kinds: ["struct", "union", "enum", "type", "function", "macro", "constant", "variable", "field", "enum_member"], modules: PATH, grammar: cGrammar, query: cQuery + cValuesQuery, queryFiles: ["c", "c_values"], references: cRefsQuery, referenceFiles: ["c_refs"] },
  cpp: {
    extensions: [".cpp", ".cc", ".cxx", ".c++", ".hpp", ".hh", ".hxx", ".h++", ".h"],
    kinds: ["module", "class", "struct", "union", "enum", "type", "function", "method", "macro", "constant", "variable", "field", "enum_member"],
    modules: PATH,
    grammar: cppGrammar,
    query: cppQuery + cValuesQuery,
    queryFiles: ["cpp", "c_values"],
    references: cRefsQuery + cppRefsQuery,
    referenceFiles: ["c_refs", "cpp_refs"],
    hooks: "c",
    family: "c",
    // C++ projects name their headers `.h` as often as C ones do; ctags reads every `.h` as C++.
    claims: { extension: ".h", head: CPP_SYNTAX, rule: "a .h whose first 16 KB hold C++: a line starting namespace … {, template <, class X, an access label or using namespace, or std:: anywhere" },
  },
  objc: {
    extensions: [".m", ".mm", ".h"],
    kinds: ["class", "interface", "struct", "union", "enum", "type", "function", "method", "macro", "constant", "variable", "field", "enum_member"],
    modules: PATH,
    grammar: objcGrammar,
    query: cQuery + cValuesQuery + objcQuery,
    queryFiles: ["c", "c_values", "objc"],
    references: cRefsQuery + objcRefsQuery,
    referenceFiles: ["c_refs", "objc_refs"],
    family: "c",
    claims: { extension: ".h", head: OBJC_SYNTAX, rule: "a .h whose first 16 KB have a line starting @interface, @protocol, @implementation, @end or #import" },
  },
  c_sharp: {
    extensions: [".cs"],
    kinds: ["module", "class", "interface", "struct", "enum", "record", "type", "function", "method", "constructor", "constant", "field", "enum_member"],
    modules: PATH,
    grammar: cSharpGrammar,
    query: cSharpQuery,
    queryFiles: ["c_sharp"],
    references: cSharpRefsQuery,
    referenceFiles: ["c_sharp_refs"],
  },
  ruby: { extensions: [".rb"], interpreter: /^ruby[\d.]*$/, kinds: ["module", "class", "function", "method", "constant"], modules: PATH, grammar: rubyGrammar, query: rubyQuery, queryFiles: ["ruby"], references: rubyRefsQuery, referenceFiles: ["ruby_refs"] },
  php: { extensions: [".php"], interpreter: /^php[\d.]*$/, kinds: ["module", "class", "interface", "trait", "enum", "function", "method", "constant", "field", "enum_member"], modules: PATH, grammar: phpGrammar, query: phpQuery, queryFiles: ["php"], references: phpRefsQuery, referenceFiles: ["php_refs"] },
  swift: {
    extensions: [".swift"],
    kinds: ["class", "struct", "enum", "interface", "type", "function", "method", "constructor", "constant", "variable", "field", "enum_member"],
    modules: PATH,
    grammar: swiftGrammar,
    query: swiftQuery,
    queryFiles: ["swift"],
    references: swiftRefsQuery,
    referenceFiles: ["swift_refs"],
  },
  lua: { extensions: [".lua"], interpreter: /^lua(jit|[\d.]*)$/, kinds: ["function", "method", "variable", "field"], modules: PATH, grammar: luaGrammar, query: luaQuery, queryFiles: ["lua"], references: luaRefsQuery, referenceFiles: ["lua_refs"] },
  bash: { extensions: [".sh", ".bash"], interpreter: /^(ba|da|k|z)?sh$/, kinds: ["function", "variable"], modules: PATH, grammar: bashGrammar, query: bashQuery, queryFiles: ["bash"], references: bashRefsQuery, referenceFiles: ["bash_refs"] },
  zig: { extensions: [".zig"], kinds: ["struct", "enum", "union", "function", "method", "constant", "variable", "field", "enum_member"], modules: PATH, grammar: zigGrammar, query: zigQuery, queryFiles: ["zig"], references: zigRefsQuery, referenceFiles: ["zig_refs"] },
  dart: { extensions: [".dart"], kinds: ["class", "enum", "extension", "type", "function", "method", "constructor", "constant", "variable", "field", "enum_member"], modules: PATH, grammar: dartGrammar, query: dartQuery, queryFiles: ["dart"], references: dartRefsQuery, referenceFiles: ["dart_refs"] },
  elixir: { extensions: [".ex", ".exs"], kinds: ["module", "type", "function"], modules: PATH, grammar: elixirGrammar, query: elixirQuery, queryFiles: ["elixir"], references: elixirRefsQuery, referenceFiles: ["elixir_refs"] },
  ocaml: { ...OCAML, extensions: [".ml"], grammar: ocamlGrammar, query: ocamlQuery + ocamlDeclarationsQuery, queryFiles: ["ocaml", "ocaml_declarations"] },
  ocaml_interface: {
    ...OCAML,
    extensions: [".mli"],
    grammar: ocamlInterfaceGrammar,
    query: ocamlInterfaceQuery + ocamlDeclarationsQuery,
    queryFiles: ["ocaml_interface", "ocaml_declarations"],
    hooks: "ocaml",
    family: "ocaml",
  },
} satisfies Record<string, Language>;

/** A language's id: its key in the table, so a table keyed by `Record<LanguageId, …>` misses none. */
export type LanguageId = keyof typeof ROWS;

export const LANGUAGES: Readonly<Record<LanguageId, Language>> = ROWS;

/** Every id, in table order (the order `ast languages` and error messages list them). */
export const LANGUAGE_IDS = Object.keys(ROWS) as readonly LanguageId[];

/** Every kind some language reports, in table order of first use (what `--kind` accepts). */
export const SYMBOL_KINDS: readonly string[] = [...new Set(LANGUAGE_IDS.flatMap((id) => LANGUAGES[id].kinds))];

/**
 * The language a source file is read in: the one its extension gave (`byName`), unless another
 * language claims that extension for files whose head (their first bytes, as text; read only for a
 * claimed extension) it recognises: a `.h` holding C++ is C++.
 */
export function readsAs(byName: LanguageId, fileName: string, head: () => string): LanguageId {
  for (const id of LANGUAGE_IDS) {
    const claim = LANGUAGES[id].claims;
    if (claim && id !== byName && fileName.endsWith(claim.extension) && LANGUAGES[byName].extensions.includes(claim.extension) && claim.head.test(head())) return id;
  }
  return byName;
}

/**
 * The language of a script written without an extension (`bin/deploy`, Ruby's `bin/setup`), from the program its
 * `#!` line runs, directly or through `env` (`#!/usr/bin/env -S python3 -u`); without one, from the editor mode
 * its first lines name (modeLanguage); null without either that trifecta reads.
 */
export function scriptLanguage(head: string): LanguageId | null {
  const line = /^#![ \t]*(\S+)(?:[ \t]+(\S+))?(?:[ \t]+(\S+))?/.exec(head);
  if (!line) return modeLanguage(head);
  const base = (path: string) => path.slice(path.lastIndexOf("/") + 1);
  let program = base(line[1]!);
  if (program === "env") program = base((line[2] === "-S" ? line[3] : line[2]) ?? "");
  return interpreted(program);
}

const interpreted = (program: string): LanguageId | null => LANGUAGE_IDS.find((id) => LANGUAGES[id].interpreter?.test(program)) ?? null;

/** Editor mode names that are no program's or language's name. */
const MODE_ALIASES: Record<string, string> = { "shell-script": "sh", shell: "sh", "c++": "cpp", js: "javascript", ts: "typescript", cs: "c_sharp", csharp: "c_sharp" };

/**
 * The language an Emacs mode line (`# bash completion for …  -*- shell-script -*-`, `-*- mode: python -*-`) on the
 * first two lines, or a Vim one (`# vim: set ft=sh:`, `# ex: filetype=sh`) in the head, names: a program a language
 * runs with (`sh`, `python`, `ruby`) or a language (`javascript`, `cpp`). bash-completion's 600 scripts have no `#!`
 * line and no extension; 497 say `-*- shell-script -*-`. A mode line with no mode (`-*- coding: utf-8 -*-`) names none.
 */
function modeLanguage(head: string): LanguageId | null {
  const emacs = /-\*-(.*?)-\*-/.exec(head.split("\n", 2).join("\n"))?.[1]?.trim();
  const emacsMode = emacs === undefined ? undefined : emacs.includes(":") ? /(?:^|;)\s*mode\s*:\s*([^;\s]+)/i.exec(emacs)?.[1] : emacs;
  const mode = (emacsMode ?? /(?:^|\s)(?:vi|vim|ex):[^\n]*?\b(?:ft|filetype)=([\w+-]+)/.exec(head)?.[1])?.toLowerCase().replace(/-mode$/, "");
  if (!mode) return null;
  const name = MODE_ALIASES[mode] ?? mode;
  return interpreted(name) ?? (isLanguageId(name) ? name : null);
}

/** A file name with no extension at all, which only its head (a `#!` line, a mode line) can give a language. */
export const hasNoExtension = (fileName: string) => !fileName.includes(".");

/** Whether a file its extension gives to `byName` may be read in `language` (itself, or a language claiming the extension). */
export function mayReadAs(byName: LanguageId, fileName: string, language: string): boolean {
  if (language === byName) return true;
  const claim = isLanguageId(language) ? LANGUAGES[language].claims : undefined;
  return claim !== undefined && fileName.endsWith(claim.extension);
}

/** Validates a language name from outside (a URI, an option) once; from then on it is typed. */
export function isLanguageId(name: string): name is LanguageId {
  return Object.hasOwn(ROWS, name);
}
