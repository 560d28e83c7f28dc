import type { Node } from "web-tree-sitter";

/** Language-neutral helpers over tree-sitter nodes. */

export function children(node: Node): Node[] {
  return node.children.filter((c): c is Node => c !== null);
}

/**
 * 1-based last line of a definition, ignoring trailing comments that the grammar folds into
 * the body (tree-sitter keeps them; compilers' own ASTs do not).
 */
export function lastCodeLine(node: Node): number {
  let current = node;
  // Walk down the last children, stepping back over comments and empty (MISSING) nodes.
  for (let child = current.lastChild; child; ) {
    if (child.type.includes("comment") || child.endIndex === child.startIndex) {
      child = child.previousSibling;
      continue;
    }
    current = child;
    child = current.lastChild;
  }
  const end = current.endPosition;
  // A token that ends right after a newline belongs to the line before.
  const row = end.column === 0 && end.row > current.startPosition.row ? end.row - 1 : end.row;
  return row + 1;
}

/**
 * The header of a definition as one line of real source text: every token from the node's
 * start up to `stopAt` (the body), comments and preprocessor directives in it dropped (C#'s
 * `#pragma warning restore X` between a class and its body, an attribute under `#if`), line
 * breaks folded into single spaces.
 */
export function headerText(node: Node, stopAt: Node | null, source: string, atomicTypes: ReadonlySet<string>): string {
  const limit = stopAt ? stopAt.startIndex : node.endIndex;
  // One line: the text itself (no line comment can sit before the body on the same line).
  if (stopAt && stopAt.startPosition.row === node.startPosition.row) return source.slice(node.startIndex, limit).trim();
  const tokens: Node[] = [];
  const collect = (n: Node): void => {
    if (n.startIndex >= limit || n.type.includes("comment") || (n !== node && n.type.startsWith("preproc_"))) return;
    const kids = children(n);
    if (kids.length === 0 || atomicTypes.has(n.type)) {
      if (n.endIndex > n.startIndex) tokens.push(n);
      return;
    }
    for (const kid of kids) collect(kid);
  };
  collect(node);
  let text = "";
  let prev: Node | undefined;
  for (const token of tokens) {
    const piece = source.slice(token.startIndex, token.endIndex);
    if (prev) {
      if (prev.endPosition.row === token.startPosition.row) {
        text += source.slice(prev.endIndex, token.startIndex);
      } else if (!/[([{]$/.test(text) && !/^[)\]}]/.test(piece)) {
        text += " ";
      }
    }
    text += piece;
    prev = token;
  }
  return text.trim();
}

/** Number of ERROR and MISSING nodes; only subtrees that contain errors are visited. */
export function countSyntaxErrors(root: Node): number {
  if (!root.hasError) return 0;
  let count = 0;
  const visit = (n: Node): void => {
    // A node the parser made up without a MISSING mark (a zero-width name in Swift's `@Option()`) is one too:
    // the tree says it has an error, and the count must say where (parse_status `partial` with 0 errors before).
    if (n.isError || n.isMissing || (n.childCount === 0 && n.startIndex === n.endIndex)) count++;
    for (const kid of children(n)) if (kid.hasError || kid.isMissing) visit(kid);
  };
  visit(root);
  return count;
}
