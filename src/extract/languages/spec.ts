import type { Node } from "web-tree-sitter";

/** What the generic extractor needs to know about one language. */
export interface LanguageSpec {
  readonly id: string;
  /** Path of the grammar `.wasm` (embedded in the compiled binary). */
  readonly grammarPath: string;
  /** Tags-style query: `@definition.<kind>` on the definition node, `@name` on its name. */
  readonly query: string;
  readonly commentType: string;
  /** Maps a captured kind to the reported kind, given the kind of the nearest enclosing definition. */
  kindIn(kind: string, parentKind: string | null): string;
  signature(node: Node, source: string): string;
  decorators(node: Node): string[];
  isAsync(node: Node): boolean;
  doc(node: Node, source: string): string | null;
}
