import type { Node } from "web-tree-sitter";
import bashGrammar from "tree-sitter-wasms/out/tree-sitter-bash.wasm" with { type: "file" };
import cGrammar from "tree-sitter-wasms/out/tree-sitter-c.wasm" with { type: "file" };
import cSharpGrammar from "tree-sitter-wasms/out/tree-sitter-c_sharp.wasm" with { type: "file" };
import cppGrammar from "tree-sitter-wasms/out/tree-sitter-cpp.wasm" with { type: "file" };
import dartGrammar from "tree-sitter-wasms/out/tree-sitter-dart.wasm" with { type: "file" };
import elixirGrammar from "tree-sitter-wasms/out/tree-sitter-elixir.wasm" with { type: "file" };
import goGrammar from "tree-sitter-wasms/out/tree-sitter-go.wasm" with { type: "file" };
import javaGrammar from "tree-sitter-wasms/out/tree-sitter-java.wasm" with { type: "file" };
import javascriptGrammar from "tree-sitter-wasms/out/tree-sitter-javascript.wasm" with { type: "file" };
import kotlinGrammar from "tree-sitter-wasms/out/tree-sitter-kotlin.wasm" with { type: "file" };
import luaGrammar from "tree-sitter-wasms/out/tree-sitter-lua.wasm" with { type: "file" };
import ocamlGrammar from "tree-sitter-wasms/out/tree-sitter-ocaml.wasm" with { type: "file" };
import phpGrammar from "tree-sitter-wasms/out/tree-sitter-php.wasm" with { type: "file" };
import rubyGrammar from "tree-sitter-wasms/out/tree-sitter-ruby.wasm" with { type: "file" };
import rustGrammar from "tree-sitter-wasms/out/tree-sitter-rust.wasm" with { type: "file" };
import scalaGrammar from "tree-sitter-wasms/out/tree-sitter-scala.wasm" with { type: "file" };
import swiftGrammar from "tree-sitter-wasms/out/tree-sitter-swift.wasm" with { type: "file" };
import tsxGrammar from "tree-sitter-wasms/out/tree-sitter-tsx.wasm" with { type: "file" };
import typescriptGrammar from "tree-sitter-wasms/out/tree-sitter-typescript.wasm" with { type: "file" };
import zigGrammar from "tree-sitter-wasms/out/tree-sitter-zig.wasm" with { type: "file" };
import bashQuery from "../queries/bash.scm" with { type: "text" };
import cQuery from "../queries/c.scm" with { type: "text" };
import cSharpQuery from "../queries/c_sharp.scm" with { type: "text" };
import cppQuery from "../queries/cpp.scm" with { type: "text" };
import dartQuery from "../queries/dart.scm" with { type: "text" };
import elixirQuery from "../queries/elixir.scm" with { type: "text" };
import goQuery from "../queries/go.scm" with { type: "text" };
import javaQuery from "../queries/java.scm" with { type: "text" };
import javascriptQuery from "../queries/javascript.scm" with { type: "text" };
import kotlinQuery from "../queries/kotlin.scm" with { type: "text" };
import luaQuery from "../queries/lua.scm" with { type: "text" };
import ocamlQuery from "../queries/ocaml.scm" with { type: "text" };
import phpQuery from "../queries/php.scm" with { type: "text" };
import rubyQuery from "../queries/ruby.scm" with { type: "text" };
import rustQuery from "../queries/rust.scm" with { type: "text" };
import scalaQuery from "../queries/scala.scm" with { type: "text" };
import swiftQuery from "../queries/swift.scm" with { type: "text" };
import typescriptQuery from "../queries/typescript.scm" with { type: "text" };
import zigQuery from "../queries/zig.scm" with { type: "text" };
import { genericSignature, HASH_COMMENTS, type CommentSyntax } from "../generic.ts";
import { children } from "../syntax.ts";
import { python } from "./python.ts";
import type { LanguageSpec } from "./spec.ts";

/**
 * JS/TS: a method named `constructor` is the constructor; decorators sit on the class node; a
 * function held by a variable is read from its declarator, with the `const`/`let`/`var` before it.
 */
const ecmascript = {
  signature: (node: Node, source: string) => {
    const keyword = node.type === "variable_declarator" && node.parent?.firstChild !== node ? `${node.parent?.firstChild?.text} ` : "";
    return `${keyword}${genericSignature(node, source)}`;
  },
  refineKind: (kind: string, name: string) => (kind === "method" && name === "constructor" ? "constructor" : kind),
  decorators: (node: Node) => children(node).filter((c) => c.type === "decorator").map((d) => d.text.replace(/^@\s*/, "")),
};

/** The keyword a grammar folds into one node type (`interface`/`enum class` in Kotlin, `struct` in Swift). */
function kindByKeyword(node: Node, keywords: Record<string, string>): string | undefined {
  for (const child of children(node)) {
    const kind = keywords[child.type];
    if (kind) return kind;
    if (child.isNamed && child.type !== "modifiers") break;
  }
  return undefined;
}

// Dart keeps a method's body next to its signature, not inside it.
const dartExtent = (node: Node): Node => (node.nextSibling?.type === "function_body" ? node.nextSibling : node);

const LUA_COMMENTS: CommentSyntax = { line: /^--/, attribute: /^$a/ };
const OCAML_COMMENTS: CommentSyntax = { line: /^(\(\*|\*)/, attribute: /^\[@/ };

const specs: LanguageSpec[] = [
  python,
  { id: "typescript", grammarPath: typescriptGrammar, query: typescriptQuery, queryFile: "typescript", ...ecmascript },
  { id: "tsx", grammarPath: tsxGrammar, query: typescriptQuery, queryFile: "typescript", ...ecmascript },
  { id: "javascript", grammarPath: javascriptGrammar, query: javascriptQuery, queryFile: "javascript", ...ecmascript },
  {
    id: "go",
    grammarPath: goGrammar,
    query: goQuery,
    queryFile: "go",
    // A type spec does not include its `type` keyword; it is put back when it stands right before the
    // spec, not for the specs of a `type ( … )` group (their line holds no `type`: the signature is real text).
    signature: (node, source) => `${(node.type === "type_spec" || node.type === "type_alias") && node.previousSibling?.type === "type" ? "type " : ""}${genericSignature(node, source)}`,
  },
  { id: "rust", grammarPath: rustGrammar, query: rustQuery, queryFile: "rust" },
  { id: "java", grammarPath: javaGrammar, query: javaQuery, queryFile: "java" },
  {
    id: "kotlin",
    grammarPath: kotlinGrammar,
    query: kotlinQuery,
    queryFile: "kotlin",
    refineKind: (kind, _name, node) => (kind === "class" ? (kindByKeyword(node, { interface: "interface", enum: "enum" }) ?? kind) : kind),
  },
  { id: "scala", grammarPath: scalaGrammar, query: scalaQuery, queryFile: "scala" },
  { id: "c", grammarPath: cGrammar, query: cQuery, queryFile: "c" },
  { id: "cpp", grammarPath: cppGrammar, query: cppQuery, queryFile: "cpp" },
  { id: "c_sharp", grammarPath: cSharpGrammar, query: cSharpQuery, queryFile: "c_sharp" },
  { id: "ruby", grammarPath: rubyGrammar, query: rubyQuery, queryFile: "ruby", comments: HASH_COMMENTS },
  { id: "php", grammarPath: phpGrammar, query: phpQuery, queryFile: "php" },
  {
    id: "swift",
    grammarPath: swiftGrammar,
    query: swiftQuery,
    queryFile: "swift",
    refineKind: (kind, _name, node) => (kind === "class" ? (node.childForFieldName("declaration_kind")?.text.replace("actor", "class") ?? kind) : kind),
  },
  { id: "lua", grammarPath: luaGrammar, query: luaQuery, queryFile: "lua", comments: LUA_COMMENTS },
  { id: "bash", grammarPath: bashGrammar, query: bashQuery, queryFile: "bash", comments: HASH_COMMENTS },
  { id: "zig", grammarPath: zigGrammar, query: zigQuery, queryFile: "zig" },
  { id: "dart", grammarPath: dartGrammar, query: dartQuery, queryFile: "dart", extent: dartExtent },
  { id: "elixir", grammarPath: elixirGrammar, query: elixirQuery, queryFile: "elixir", comments: HASH_COMMENTS },
  { id: "ocaml", grammarPath: ocamlGrammar, query: ocamlQuery, queryFile: "ocaml", comments: OCAML_COMMENTS },
];

export const SPECS: ReadonlyMap<string, LanguageSpec> = new Map(specs.map((spec) => [spec.id, spec]));
