import { Language, Parser, Query, type Node, type QueryMatch } from "web-tree-sitter";
import runtimeWasmPath from "web-tree-sitter/tree-sitter.wasm" with { type: "file" };
import { LANGUAGES, type LanguageId } from "../languages.ts";
import { C_LIKE_COMMENTS, docAbove, firstLine, genericSignature } from "./generic.ts";
import { hooksOf } from "./languages/index.ts";
import type { LanguageHooks } from "./languages/spec.ts";
import { countSyntaxErrors, lastCodeLine } from "./syntax.ts";
import type { Extraction, ReferenceKind, ReferenceRecord, SymbolRecord } from "./types.ts";

interface LoadedLanguage {
  readonly parser: Parser;
  /** The definition query followed by the reference query: one walk of the tree serves both. */
  readonly query: Query;
  /** The index of the first reference pattern (the pattern count when the language has none). */
  readonly firstReference: number;
}

let runtimeReady: Promise<void> | undefined;

/**
 * C library functions that some grammars' external scanners import but web-tree-sitter 0.25's
 * runtime does not export (bash's scanner calls `isalpha`). They are added to the runtime's
 * imports, where grammars look them up, through Emscripten's `instantiateWasm` hook.
 */
const LIBC_SHIMS: Record<string, (...args: number[]) => number> = {
  isalpha: (c) => Number((c >= 65 && c <= 90) || (c >= 97 && c <= 122)),
  __assert_fail: () => {
    throw new Error("a grammar's scanner failed an internal assertion");
  },
  abort: () => {
    throw new Error("a grammar's scanner aborted");
  },
};

async function initRuntime(): Promise<void> {
  const wasmBinary = await Bun.file(runtimeWasmPath).bytes();
  await Parser.init({
    instantiateWasm(imports: { env: Record<string, unknown> }, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
      for (const [name, fn] of Object.entries(LIBC_SHIMS)) if (!(name in imports.env)) imports.env[name] = fn;
      void WebAssembly.instantiate(wasmBinary, imports as unknown as Parameters<typeof WebAssembly.instantiate>[1]).then(({ instance, module }) => done(instance, module));
      return {};
    },
  } as object);
}
const loaded: Partial<Record<LanguageId, Promise<LoadedLanguage>>> = {};

// Grammars are loaded on first use only, so a cache hit never pays for tree-sitter.
function loadLanguage(id: LanguageId): Promise<LoadedLanguage> {
  let pending = loaded[id];
  if (!pending) {
    const { grammar, query, references } = LANGUAGES[id];
    pending = (async () => {
      runtimeReady ??= initRuntime();
      await runtimeReady;
      const language = await Language.load(await Bun.file(grammar).bytes());
      const parser = new Parser();
      parser.setLanguage(language);
      // A query file of comments alone finds nothing. Joined, the two queries cost one walk of the tree
      // instead of two: the walk, not the patterns, is most of a query's time (Go stdlib: 180 of 245 ms).
      const joined = new Query(language, /^\s*[^;\s]/m.test(references) ? query + references : query);
      const definitionBytes = Buffer.byteLength(query);
      let firstReference = 0;
      while (firstReference < joined.patternCount() && joined.startIndexForPattern(firstReference) < definitionBytes) firstReference++;
      return { parser, query: joined, firstReference };
    })();
    loaded[id] = pending;
  }
  return pending;
}

/** Kinds whose functions are methods and whose variables are fields. */
const TYPE_KINDS = new Set(["class", "interface", "struct", "enum", "trait", "impl", "object", "record", "protocol", "extension", "union"]);
const CALLABLE_KINDS = new Set(["function", "method", "constructor"]);
/**
 * Kinds that hold a value rather than code: they never own what follows them (`const handlers = { f() {} }`
 * leaves `f` where it was), lose to a callable reading of the same node (`const f = () => …` is a function),
 * and are not reported inside a function body (locals).
 */
export const VALUE_KINDS: ReadonlySet<string> = new Set(["constant", "variable", "field", "enum_member", "export"]);

interface Definition {
  readonly node: Node;
  /** Where the definition ends (its body may be a sibling, as in Dart). */
  readonly end: Node;
  // Offsets read once: every node property is a call into the wasm runtime.
  readonly startIndex: number;
  readonly endIndex: number;
  readonly name: string;
  readonly kind: string;
  /** Owner named by the definition itself (Go receiver, C++ `A::`), dot-separated. */
  readonly qualifier: string | null;
  /** A scope names and nests what it holds but is not reported. */
  readonly isScope: boolean;
  /** An anonymous container (`@local`): nothing in it is reported, and its uses belong to what holds it. */
  readonly isLocal: boolean;
  /** Declared without a body (`@declaration.<kind>`): a leaf, as a value is, and none inside a function body. */
  readonly isDeclaration: boolean;
  /** `@trait` of a Rust impl scope, `@from` of a re-export. */
  readonly trait: string | null;
  readonly from: string | null;
}

// A language without hooks is read the generic way throughout.
const GENERIC: LanguageHooks = {};

export async function extractSymbols(languageId: LanguageId, text: string): Promise<Extraction> {
  const hooks = hooksOf(languageId) ?? GENERIC;
  const { parser, query, firstReference } = await loadLanguage(languageId);
  // The grammar reads the code (the same length as the text); signatures and docs are read from the text as written.
  const tree = parser.parse(hooks.code?.(text) ?? text);
  if (!tree) throw new Error("tree-sitter returned no tree");
  try {
    const definitionMatches: QueryMatch[] = [];
    const referenceMatches: QueryMatch[] = [];
    for (const match of query.matches(tree.rootNode)) (match.patternIndex < firstReference ? definitionMatches : referenceMatches).push(match);
    const definitions = collectDefinitions(hooks, definitionMatches);
    const spans: Span[] = [];
    const symbols = nest(hooks, definitions, text, spans);
    return {
      parse_status: tree.rootNode.hasError ? "partial" : "ok",
      parse_errors: countSyntaxErrors(tree.rootNode),
      symbols,
      references: collectReferences(hooks, referenceMatches, text, spans),
    };
  } finally {
    tree.delete();
  }
}

// `A::f` (C++, Rust paths), `A.f` and `A:f` (Lua) all name an owner and a member; a computed member
// (`[Symbol.iterator]`), a quoted name (`declare module "node:fs"`) and an Objective-C selector (`initWithName:count:`,
// the one kind of name that ends in `:`) are one name.
const dotted = (text: string) => (/[.:\s]/.test(text) && !/^["'`[]/.test(text) && !/\w:$/.test(text) ? text.replace(/\s+/g, "").split(/::|[.:]/).filter((p) => p !== "") : [text]);

// A callable reading of a node wins over a value reading, and a declared kind over a plain one
// (`static const b = 1` is a constant before it is a field, a field before a variable).
const VALUE_RANK: Record<string, number> = { variable: 0, field: 1 };
const outranks = (kind: string, over: string) =>
  VALUE_KINDS.has(over) && (!VALUE_KINDS.has(kind) || (VALUE_RANK[kind] ?? 2) > (VALUE_RANK[over] ?? 2));

function collectDefinitions(hooks: LanguageHooks, matches: readonly QueryMatch[]): Definition[] {
  // One definition per node and name (a tuple assignment names several).
  const seen = new Map<string, number>();
  const definitions: Definition[] = [];
  for (const match of matches) {
    let node: Node | undefined;
    let kind = "";
    let name = "";
    let qualifier: string | null = null;
    let isScope = false;
    let isLocal = false;
    let isDeclaration = false;
    let trait: string | null = null;
    let from: string | null = null;
    for (const capture of match.captures) {
      const [role, captured = ""] = capture.name.split(".", 2);
      if (role === "definition" || role === "scope" || role === "declaration") {
        node = capture.node;
        kind = captured;
        isScope = role === "scope";
        isDeclaration = role === "declaration";
      } else if (role === "local") {
        node = capture.node;
        isLocal = true;
      } else if (role === "name") {
        name = capture.node.text;
      } else if (role === "qualifier") {
        qualifier = dotted(capture.node.text).join(".");
      } else if (role === "trait") {
        trait = capture.node.text.replace(/\s+/g, "");
      } else if (role === "from") {
        from = capture.node.text;
      }
    }
    if (!node || (name === "" && !isLocal)) continue;
    // A name with a space in it is a macro the grammar took for part of it (`GTEST_API_ Cardinality
    // AtLeast(int n)` reads as `Cardinality AtLeast`): the name is its last word.
    // An operator's whole signature captured (Dart's `bool operator ==(Object o)`) is left to the name hook.
    if (/\s/.test(name) && !/^["'`[(]|(^|\s)operator\b/.test(name)) name = name.slice(name.search(/\S+$/));
    name = hooks.name?.(name, kind, node) ?? name;
    // `A::B::f` names its owner too.
    const parts = dotted(name);
    if (parts.length > 1) {
      qualifier = [qualifier, ...parts.slice(0, -1)].filter(Boolean).join(".");
      name = parts.at(-1)!;
    }
    const startIndex = node.startIndex;
    const end = hooks.extent?.(node) ?? node;
    const endIndex = end.endIndex;
    const id = `${startIndex}:${node.endIndex}:${name}`;
    const definition = { node, end, startIndex, endIndex, name, kind, qualifier, isScope, isLocal, isDeclaration, trait, from };
    const earlier = seen.get(id);
    if (earlier === undefined) {
      seen.set(id, definitions.length);
      definitions.push(definition);
    } else if (outranks(kind, definitions[earlier]!.kind)) {
      definitions[earlier] = definition;
    }
  }
  // Source order; an enclosing definition before the ones it contains.
  return definitions.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

/** Where a reported definition (or a scope) lies, for naming the definition a reference is in. */
interface Span {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly qualifiedName: string;
}

function nest(hooks: LanguageHooks, definitions: Definition[], source: string, spans: Span[]): SymbolRecord[] {
  const open: { endIndex: number; row: number; kind: string; qualifiedName: string; trait: string | null; isLocal: boolean }[] = [];
  const symbols: SymbolRecord[] = [];
  // Split once, and only when a doc comment is looked for.
  let lines: string[] | undefined;
  const sourceLines = () => {
    lines ??= source.split("\n");
    return lines;
  };
  // The last value reported: a variable or constant inside one (in a lambda of its initialiser) is a
  // local, unless it is the value itself, chained (Python's `a = b = None`).
  let value: { node: Node | null; startIndex: number; endIndex: number } = { node: null, startIndex: -1, endIndex: -1 };
  for (const definition of definitions) {
    const { node, end, startIndex, endIndex, name, kind, qualifier, isScope, isLocal, isDeclaration, trait, from } = definition;
    while (open.length > 0 && open.at(-1)!.endIndex < endIndex) open.pop();
    const enclosing = hooks.unscoped?.(node) ? undefined : open.at(-1);
    if (enclosing?.isLocal) continue;
    if (isLocal) {
      open.push({ endIndex, row: 0, kind: "", qualifiedName: enclosing?.qualifiedName ?? "", trait: null, isLocal });
      continue;
    }
    const isValue = VALUE_KINDS.has(kind);
    // In a body, a declaration is a local's (C++ reads `std::lock_guard<std::mutex> lock(mu);` as one of a function).
    if ((isValue || isDeclaration) && enclosing !== undefined && CALLABLE_KINDS.has(enclosing.kind)) continue;
    if ((kind === "variable" || kind === "constant") && startIndex > value.startIndex && endIndex <= value.endIndex && !node.parent?.equals(value.node!)) continue;
    if (isValue) value = definition;
    const parentName = [enclosing?.qualifiedName, qualifier].filter(Boolean).join(".") || null;
    const ownedByType = (qualifier !== null && !isScope) || (enclosing !== undefined && TYPE_KINDS.has(enclosing.kind));
    let reportedKind = kind === "function" && ownedByType ? "method" : kind === "variable" && ownedByType ? "field" : kind;
    reportedKind = hooks.refineKind?.(reportedKind, name, node) ?? reportedKind;
    const qualifiedName = parentName ? `${parentName}.${name}` : name;
    const row = node.startPosition.row;
    if (!isValue && !isDeclaration) open.push({ endIndex, row, kind: reportedKind, qualifiedName, trait, isLocal });
    spans.push({ startIndex, endIndex, qualifiedName });
    if (isScope) continue;
    const signature = isValue ? (hooks.valueSignature ?? firstLine)(node, source) : (hooks.signature ?? genericSignature)(node, source);
    const symbol: SymbolRecord = {
      kind: reportedKind,
      name,
      line: row + 1,
      qualified_name: qualifiedName,
      end_line: lastCodeLine(end),
      signature,
      decorators: hooks.decorators?.(node) ?? [],
      async: !isValue && (hooks.isAsync ? hooks.isAsync(node, source) : /(^|\s)async\s/.test(signature)),
      // A value on its owner's first line (`class User(val name: String)`) has no comment of its own above it.
      doc: hooks.doc?.(node, source) ?? (isValue && enclosing?.row === row ? null : docAbove(sourceLines(), row, hooks.comments ?? C_LIKE_COMMENTS)),
      parent: parentName,
    };
    if (from !== null) symbol.from = from;
    if (enclosing?.trait && reportedKind === "method") symbol.trait = enclosing.trait;
    symbols.push(symbol);
  }
  return symbols;
}

// A decorator call is a decorator, a base class named in a call-like list is inherited.
const KIND_RANK: Record<ReferenceKind, number> = { type: 0, call: 1, import: 2, inherit: 3, decorator: 4 };
const REFERENCE_KINDS: ReadonlySet<string> = new Set(Object.keys(KIND_RANK));
// A receiver that is a path of names is kept (`self`, `os.path`); any other expression is `?`.
const NAME_PATH = /^[\p{L}\p{N}_$@]+([.:\\]+[\p{L}\p{N}_$@]+)*$/u;
const MAX_RECEIVER_CHARS = 120;

// PHP's namespace separators at a prefix's ends are no part of it: `\Foo\` of `\Foo\f()`, `\` of `\f()` (none).
const receiverOf = (text: string) => {
  const path = text.replace(/\s+/g, "").replace(/^\\+|\\+$/g, "").replace(/::|->|\\/g, ".");
  // Python's `super()` (and `super(Cls, self)`) is `super`, as it is written bare elsewhere.
  if (/^super\(.*\)$/.test(path)) return "super";
  if (path === "") return "";
  return NAME_PATH.test(path) && path.length <= MAX_RECEIVER_CHARS ? path : "?";
};

/** The text a capture covers; one captured several times (Kotlin's module `a`, `b` of `import a.b.C`) covers them all. */
const spanText = (source: string, nodes: readonly Node[]) => (nodes.length === 1 ? nodes[0]!.text : source.slice(nodes[0]!.startIndex, nodes.at(-1)!.endIndex));

/**
 * The uses a language's reference query finds, in source order, each named by the innermost
 * definition around it. Captures (src/extract/languages/spec.ts): `@reference.<kind>` on the name,
 * `@receiver`, and for imports `@module` (the same node as the name for a whole-module import) and `@alias`.
 */
function collectReferences(hooks: LanguageHooks, matches: readonly QueryMatch[], source: string, spans: readonly Span[]): ReferenceRecord[] {
  const found: { index: number; record: ReferenceRecord }[] = [];
  const seen = new Map<string, number>();
  // What a pattern says holds no use: a definition's name, a prefix a broad pattern also meets, a typespec.
  const notUses: { start: number; end: number }[] = [];
  for (const match of matches) {
    let nameNode: Node | undefined;
    let nameText: string | undefined;
    let kind = "";
    const receiverNodes: Node[] = [];
    const moduleNodes: Node[] = [];
    // A name captured on several nodes covers them all, as a module does (Scala's `a.b` of `import a.b._`: no node spans it).
    const nameNodes: Node[] = [];
    let alias: string | undefined;
    for (const capture of match.captures) {
      const [role, captured = ""] = capture.name.split(".", 2);
      if (role === "reference") {
        nameNode = capture.node;
        nameNodes.push(capture.node);
        kind = captured;
      } else if (role === "written") {
        const written = hooks.writtenName?.(capture.node);
        if (!written) continue;
        nameNode = written.name;
        nameText = written.text;
        kind = captured;
        if (written.receiver) receiverNodes.push(written.receiver);
      } else if (role === "receiver") receiverNodes.push(capture.node);
      else if (role === "module") moduleNodes.push(capture.node);
      else if (role === "alias") alias = capture.node.text;
      else if (role === "not_reference") notUses.push({ start: capture.node.startIndex, end: capture.node.endIndex });
    }
    if (!nameNode || !REFERENCE_KINDS.has(kind)) continue;
    // Several receiver captures are the levels of one path, outermost first (C++ `a::b::f` is `a`
    // then `b::f`; Kotlin's `a.b.C` has no node for `a.b`).
    let receiver = receiverNodes.length > 0 ? receiverNodes.map((n) => receiverOf(n.text)).join(".") : undefined;
    const moduleText = moduleNodes.length > 0 ? spanText(source, moduleNodes) : undefined;
    const nameStart = nameNodes.length > 1 ? nameNodes[0]! : nameNode;
    const index = nameStart.startIndex;
    const whole = moduleNodes.length > 0 && moduleNodes[0]!.startIndex === index && moduleNodes.at(-1)!.endIndex === nameNode.endIndex;
    let name = whole ? "*" : (nameText ?? (nameNodes.length > 1 ? spanText(source, nameNodes) : nameNode.text));
    // `a.b.f` and `A::B` name a path: the last part is the name, the rest its receiver.
    const parts = whole ? [name] : dotted(name.replace(/->/g, "."));
    if (parts.length > 1) {
      name = parts.at(-1)!;
      receiver = [receiver, parts.slice(0, -1).join(".")].filter(Boolean).join(".");
    }
    if (name === "") continue;
    // One use, one reading: a name captured twice keeps its more specific kind, and of one kind
    // the reading that knows more (a broad pattern and a narrow one meet on Dart's `p.Foo`, on
    // Elixir's `alias A.B, as: C`).
    const key = `${index}:${name}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const was = found[earlier]!.record;
      const rank = KIND_RANK[kind as ReferenceKind];
      const knows = (receiver ? 1 : 0) + (alias !== undefined ? 1 : 0);
      if (KIND_RANK[was.kind] > rank || (KIND_RANK[was.kind] === rank && (was.receiver ? 1 : 0) + (was.alias ? 1 : 0) >= knows)) continue;
    }
    const position = nameStart.startPosition;
    // A path written as one token (Elixir's `A.B`) is reported at its last part.
    const text = nameNode.text;
    const shift = parts.length > 1 && !text.includes("\n") && text.endsWith(name) ? text.length - name.length : 0;
    const record: ReferenceRecord = { kind: kind as ReferenceKind, name, line: position.row + 1, col: position.column + 1 + shift, from: null };
    if (receiver !== undefined && receiver !== "") record.receiver = receiver;
    if (moduleText !== undefined) record.module = moduleText.replace(/^["'`<]|["'`>]$/g, "");
    // A wildcard (`from m import *`: the `*` itself captured as the name) binds every name: alias `*`.
    if (kind === "import" && name === "*" && !whole) record.alias = "*";
    else if (alias !== undefined && alias !== name) record.alias = alias;
    if (earlier !== undefined) found[earlier] = { index, record };
    else {
      seen.set(key, found.length);
      found.push({ index, record });
    }
  }
  found.sort((a, b) => a.index - b.index);
  notUses.sort((a, b) => a.start - b.start);
  // Both in source order: a use is dropped when a range begun at or before it has not yet ended.
  let begun = 0;
  let reach = -1;
  const uses = found.filter(({ index }) => {
    while (begun < notUses.length && notUses[begun]!.start <= index) reach = Math.max(reach, notUses[begun++]!.end);
    return index >= reach;
  });
  // One sweep: spans come outermost first in source order, so the open ones form a stack.
  const open: Span[] = [];
  let next = 0;
  for (const { index, record } of uses) {
    while (next < spans.length && spans[next]!.startIndex <= index) {
      const span = spans[next++]!;
      while (open.length > 0 && open.at(-1)!.endIndex <= span.startIndex) open.pop();
      open.push(span);
    }
    while (open.length > 0 && open.at(-1)!.endIndex <= index) open.pop();
    record.from = open.at(-1)?.qualifiedName ?? null;
  }
  return uses.map((f) => f.record);
}
