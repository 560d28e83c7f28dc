import { Language, Parser, Query, type Node } from "web-tree-sitter";
import runtimeWasmPath from "web-tree-sitter/tree-sitter.wasm" with { type: "file" };
import { LANGUAGES, type LanguageId } from "../languages.ts";
import { C_LIKE_COMMENTS, docAbove, genericSignature } from "./generic.ts";
import { HOOKS } from "./languages/index.ts";
import type { LanguageHooks } from "./languages/spec.ts";
import { countSyntaxErrors, lastCodeLine } from "./syntax.ts";
import type { Extraction, SymbolRecord } from "./types.ts";

interface LoadedLanguage {
  readonly parser: Parser;
  readonly query: Query;
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
    const { grammar, query } = LANGUAGES[id];
    pending = (async () => {
      runtimeReady ??= initRuntime();
      await runtimeReady;
      const language = await Language.load(await Bun.file(grammar).bytes());
      const parser = new Parser();
      parser.setLanguage(language);
      return { parser, query: new Query(language, query) };
    })();
    loaded[id] = pending;
  }
  return pending;
}

/** Kinds whose functions are methods. */
const TYPE_KINDS = new Set(["class", "interface", "struct", "enum", "trait", "impl", "object", "record", "protocol", "extension", "union"]);

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
}

// A language without hooks is read the generic way throughout.
const GENERIC: LanguageHooks = {};

export async function extractSymbols(languageId: LanguageId, source: string): Promise<Extraction> {
  const hooks = HOOKS[languageId] ?? GENERIC;
  const { parser, query } = await loadLanguage(languageId);
  const tree = parser.parse(source);
  if (!tree) throw new Error("tree-sitter returned no tree");
  try {
    const definitions = collectDefinitions(hooks, query, tree.rootNode);
    return {
      parse_status: tree.rootNode.hasError ? "partial" : "ok",
      parse_errors: countSyntaxErrors(tree.rootNode),
      symbols: nest(hooks, definitions, source),
    };
  } finally {
    tree.delete();
  }
}

// `A::f` (C++, Rust paths), `A.f` and `A:f` (Lua) all name an owner and a member.
const dotted = (text: string) => (/[.:\s]/.test(text) ? text.replace(/\s+/g, "").split(/::|[.:]/).filter((p) => p !== "") : [text]);

function collectDefinitions(hooks: LanguageHooks, query: Query, root: Node): Definition[] {
  const seen = new Set<string>();
  const definitions: Definition[] = [];
  for (const match of query.matches(root)) {
    let node: Node | undefined;
    let kind = "";
    let name = "";
    let qualifier: string | null = null;
    let isScope = false;
    for (const capture of match.captures) {
      const [role, captured = ""] = capture.name.split(".", 2);
      if (role === "definition" || role === "scope") {
        node = capture.node;
        kind = captured;
        isScope = role === "scope";
      } else if (role === "name") {
        name = capture.node.text;
      } else if (role === "qualifier") {
        qualifier = dotted(capture.node.text).join(".");
      }
    }
    if (!node || name === "") continue;
    // `A::B::f` names its owner too.
    const parts = dotted(name);
    if (parts.length > 1) {
      qualifier = [qualifier, ...parts.slice(0, -1)].filter(Boolean).join(".");
      name = parts.at(-1)!;
    }
    const startIndex = node.startIndex;
    const end = hooks.extent?.(node) ?? node;
    const endIndex = end.endIndex;
    const id = `${startIndex}:${node.endIndex}`;
    if (seen.has(id)) continue;
    seen.add(id);
    definitions.push({ node, end, startIndex, endIndex, name, kind, qualifier, isScope });
  }
  // Source order; an enclosing definition before the ones it contains.
  return definitions.sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

function nest(hooks: LanguageHooks, definitions: Definition[], source: string): SymbolRecord[] {
  const open: { endIndex: number; kind: string; qualifiedName: string }[] = [];
  const symbols: SymbolRecord[] = [];
  // Split once, and only when a doc comment is looked for.
  let lines: string[] | undefined;
  const sourceLines = () => {
    lines ??= source.split("\n");
    return lines;
  };
  for (const { node, end, endIndex, name, kind, qualifier, isScope } of definitions) {
    while (open.length > 0 && open.at(-1)!.endIndex < endIndex) open.pop();
    const enclosing = open.at(-1);
    const parentName = [enclosing?.qualifiedName, qualifier].filter(Boolean).join(".") || null;
    const ownedByType = (qualifier !== null && !isScope) || (enclosing !== undefined && TYPE_KINDS.has(enclosing.kind));
    let reportedKind = kind === "function" && ownedByType ? "method" : kind;
    reportedKind = hooks.refineKind?.(reportedKind, name, node) ?? reportedKind;
    const qualifiedName = parentName ? `${parentName}.${name}` : name;
    open.push({ endIndex, kind: reportedKind, qualifiedName });
    if (isScope) continue;
    const signature = (hooks.signature ?? genericSignature)(node, source);
    symbols.push({
      kind: reportedKind,
      name,
      line: node.startPosition.row + 1,
      qualified_name: qualifiedName,
      end_line: lastCodeLine(end),
      signature,
      decorators: hooks.decorators?.(node) ?? [],
      async: hooks.isAsync ? hooks.isAsync(node, source) : /(^|\s)async\s/.test(signature),
      doc: hooks.doc ? hooks.doc(node, source) : docAbove(sourceLines(), node.startPosition.row, hooks.comments ?? C_LIKE_COMMENTS),
      parent: parentName,
    });
  }
  return symbols;
}
