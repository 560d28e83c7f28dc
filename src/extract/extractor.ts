import { Language, Parser, Query, type Node } from "web-tree-sitter";
import runtimeWasmPath from "web-tree-sitter/tree-sitter.wasm" with { type: "file" };
import { SPECS } from "./languages/index.ts";
import type { LanguageSpec } from "./languages/spec.ts";
import { countSyntaxErrors, lastCodeLine } from "./syntax.ts";
import type { Extraction, SymbolRecord } from "./types.ts";

interface LoadedLanguage {
  readonly spec: LanguageSpec;
  readonly parser: Parser;
  readonly query: Query;
}

let runtimeReady: Promise<void> | undefined;
const loaded = new Map<string, Promise<LoadedLanguage>>();

// Grammars are loaded on first use only, so a cache hit never pays for tree-sitter.
function loadLanguage(spec: LanguageSpec): Promise<LoadedLanguage> {
  let pending = loaded.get(spec.id);
  if (!pending) {
    pending = (async () => {
      runtimeReady ??= Bun.file(runtimeWasmPath)
        .bytes()
        .then((wasmBinary) => Parser.init({ wasmBinary }));
      await runtimeReady;
      const language = await Language.load(await Bun.file(spec.grammarPath).bytes());
      const parser = new Parser();
      parser.setLanguage(language);
      return { spec, parser, query: new Query(language, spec.query) };
    })();
    loaded.set(spec.id, pending);
  }
  return pending;
}

interface Definition {
  readonly node: Node;
  readonly name: string;
  readonly kind: string;
}

export async function extractSymbols(languageId: string, source: string): Promise<Extraction> {
  const spec = SPECS.get(languageId);
  if (!spec) throw new Error(`no extractor for language '${languageId}'`);
  const { parser, query } = await loadLanguage(spec);
  const tree = parser.parse(source);
  if (!tree) throw new Error("tree-sitter returned no tree");
  try {
    const definitions = collectDefinitions(query, tree.rootNode);
    return {
      parse_status: tree.rootNode.hasError ? "partial" : "ok",
      parse_errors: countSyntaxErrors(tree.rootNode),
      symbols: nest(spec, definitions, source),
    };
  } finally {
    tree.delete();
  }
}

function collectDefinitions(query: Query, root: Node): Definition[] {
  const seen = new Set<string>();
  const definitions: Definition[] = [];
  for (const match of query.matches(root)) {
    let node: Node | undefined;
    let kind = "";
    let name = "";
    for (const capture of match.captures) {
      if (capture.name.startsWith("definition.")) {
        node = capture.node;
        kind = capture.name.slice("definition.".length);
      } else if (capture.name === "name") {
        name = capture.node.text;
      }
    }
    if (!node || name === "") continue;
    const id = `${node.startIndex}:${node.endIndex}:${kind}`;
    if (seen.has(id)) continue;
    seen.add(id);
    definitions.push({ node, name, kind });
  }
  // Source order; an enclosing definition before the ones it contains.
  return definitions.sort((a, b) => a.node.startIndex - b.node.startIndex || b.node.endIndex - a.node.endIndex);
}

function nest(spec: LanguageSpec, definitions: Definition[], source: string): SymbolRecord[] {
  const open: { endIndex: number; kind: string; qualifiedName: string }[] = [];
  const symbols: SymbolRecord[] = [];
  for (const { node, name, kind } of definitions) {
    while (open.length > 0 && open.at(-1)!.endIndex < node.endIndex) open.pop();
    const parent = open.at(-1);
    const reportedKind = spec.kindIn(kind, parent?.kind ?? null);
    const qualifiedName = parent ? `${parent.qualifiedName}.${name}` : name;
    symbols.push({
      kind: reportedKind,
      name,
      line: node.startPosition.row + 1,
      qualified_name: qualifiedName,
      end_line: lastCodeLine(node, spec.commentType),
      signature: spec.signature(node, source),
      decorators: spec.decorators(node),
      async: spec.isAsync(node),
      doc: spec.doc(node, source),
      parent: parent?.qualifiedName ?? null,
    });
    open.push({ endIndex: node.endIndex, kind: reportedKind, qualifiedName });
  }
  return symbols;
}
