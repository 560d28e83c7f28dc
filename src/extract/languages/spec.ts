import type { Node } from "web-tree-sitter";
import type { CommentSyntax } from "../generic.ts";

/**
 * How the generic extractor reads one language beyond its query (src/languages.ts): the query says
 * what is a definition; the hooks, all optional, say how to read its signature, doc and modifiers.
 *
 * Query captures:
 * - `@definition.<kind>` on a definition node and `@name` on its name;
 * - `@declaration.<kind>` + `@name`: one declared without a body (a C prototype), reported as a
 *   definition of that kind, but a leaf, and never inside a function body (where C++ reads
 *   `std::lock_guard<std::mutex> lock(mu);` as a function's declaration);
 * - `@scope.<kind>` + `@name`: a container that is not itself a symbol but names what it holds
 *   (Rust `impl Type`);
 * - `@local` (no name): an anonymous container nothing in which is reported (OCaml's structure given
 *   to a functor, `F (struct let x = 1 end)`: its `x` is no member of the module holding it);
 * - `@qualifier`: the owner of an out-of-line definition (Go receiver type). A `@name` written
 *   `A::f` (C++) is split the same way.
 * - `@trait` on an impl scope: its methods carry `trait`; `@from` on a re-export: its `from`.
 *
 * The reference query (`<lang>_refs.scm`) finds uses, one match each:
 * - `@reference.<kind>` on the name used (kinds: call, import, type, inherit, decorator); a name
 *   written as a path (`a.b.f`, `A::B`) is split into the name and its receiver;
 * - `@receiver` on what the name is reached through (`self` of `self.f()`, `os.path` of `os.path.join`);
 * - for imports, `@module` on the module as written and `@alias` on a local name; a whole-module
 *   import captures its module as `@module` and `@reference.import` at once (its name is `*`); a
 *   wildcard import (`from m import *`) captures the `*` itself as `@reference.import` (name and alias `*`:
 *   it binds every name of the module, where Python's `import m` binds only `m`);
 * - several `@receiver` captures in one match are the levels of one path, outermost first (C++
 *   `a::b::f`, Kotlin's `a.b.C`); a `@module` captured on several nodes covers the text from the first
 *   to the last (Kotlin has no node for the `a.b` of `import a.b.C`: its first and last segment are);
 * - `@not_reference` on a node no use is reported within: a definition's name, a prefix a broad
 *   pattern also matches (Dart's `p` of the type `p.Foo`), an Elixir typespec.
 * - `@written.<kind>` on a whole type as written, read by the language's `writtenName` hook: one
 *   capture per place a type is written costs a query little, where spelling out its forms in the
 *   query (C#'s `X`, `X<T>`, `N.X`, `N.X<T>`, `global::X` in 24 places) took 2.1–3.0 s to compile.
 *
 * Value kinds (constant, variable, field, enum_member, export) are leaves: a `variable` owned by a
 * type is reported as a `field`, and none is reported inside a function body.
 */
export interface LanguageHooks {
  /**
   * What the grammar reads of a file, of the file's length and lines: a component's `<script>` blocks with the rest
   * blanked; Objective-C with its `NS_ENUM(…)` macros written as the enums they declare. Signatures and docs are
   * read from the file itself.
   */
  code?(text: string): string;
  /** How comments look, for doc comments above definitions (default: C-like line and block comments). */
  readonly comments?: CommentSyntax;
  /** The node whose end is the definition's end, when the grammar keeps the body outside it. */
  extent?(node: Node): Node;
  signature?(node: Node, source: string): string;
  /** The signature of a value (constant, variable, field, enum member, export); default: its first line. */
  valueSignature?(node: Node, source: string): string;
  /** The name as reported, from the captured text (an operator's symbol, a computed member's key). */
  name?(captured: string, kind: string, node: Node): string;
  decorators?(node: Node): string[];
  isAsync?(node: Node, source: string): boolean;
  /**
   * The doc of a definition when it is not the comment above it (Python docstrings, Elixir's `@doc`): null for
   * none, undefined to take the comment above after all.
   */
  doc?(node: Node, source: string): string | null | undefined;
  /** A definition no enclosing one owns, wherever it is written (a C macro: the preprocessor knows no scopes). */
  unscoped?(node: Node): boolean;
  /** A last word on the kind, e.g. a method named `constructor`. */
  refineKind?(kind: string, name: string, node: Node): string;
  /** The name a `@written.<kind>` type is used by, and what it is reached through; null when it names none. */
  writtenName?(type: Node): WrittenName | null;
}

export interface WrittenName {
  /** The node of the name (where the use is reported). */
  readonly name: Node;
  readonly receiver: Node | null;
  /** The name when no one node holds it: an Objective-C selector of several keywords (`initWithName:count:`). */
  readonly text?: string;
}
