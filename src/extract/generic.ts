import type { Node } from "web-tree-sitter";
import { children, headerText } from "./syntax.ts";

/** Language-neutral readings of a definition, used where a language spec says nothing else. */

const isComment = (node: Node) => node.type.includes("comment");
// Nodes that wrap a definition without being part of its name: the comment sits before them.
const WRAPPERS = new Set(["export_statement", "decorated_definition", "template_declaration", "type_declaration", "lexical_declaration", "variable_declaration"]);
// Siblings that stand between a doc comment and its definition.
const ATTRIBUTES = new Set(["attribute_item", "attribute", "decorator", "annotation", "marker_annotation", "attribute_list"]);
const ATOMIC = new Set(["string", "template_string", "string_literal", "raw_string_literal", "interpreted_string_literal", "char_literal"]);
const BODY_FIELDS = ["body", "block"];

// Body node types of grammars that do not name the field (Kotlin, Dart, Zig, Ruby).
const BODY_TYPES = /(^|_)(body|block)$|^(compound_statement|declaration_list|field_declaration_list|statement_block|body_statement)$/;

/** The node that holds a definition's body, if it has one. */
export function bodyOf(node: Node): Node | null {
  for (const field of BODY_FIELDS) {
    const body = node.childForFieldName(field);
    if (body) return body;
  }
  const unnamedField = children(node).find((c, i) => i > 0 && c.isNamed && BODY_TYPES.test(c.type));
  if (unnamedField) return unnamedField;
  // `const f = (x) => …`, `let f = function () {…}`: the body is the value's.
  for (const declarator of [node, ...children(node).filter((c) => c.type === "variable_declarator")]) {
    const value = declarator.childForFieldName("value");
    const body = value?.childForFieldName("body");
    if (body) return body;
  }
  return null;
}

/** Real text from the start of the definition to its body, comments dropped, on one line. */
export function genericSignature(node: Node, source: string): string {
  const body = bodyOf(node);
  const text = body ? headerText(node, body, source, ATOMIC) : source.slice(node.startIndex, node.endIndex).split("\n")[0]!;
  return text.replace(/\s*(\{|:|=>|=|;|\bdo|\bthen|\bwhere)?\s*$/, "").trim();
}

/** The first line of the comment block right above the definition (or above its export/attributes). */
export function precedingComment(node: Node): string | null {
  let anchor = node;
  while (anchor.parent && WRAPPERS.has(anchor.parent.type) && anchor.parent.startIndex < anchor.startIndex) anchor = anchor.parent;
  let before = anchor.previousSibling;
  while (before && ATTRIBUTES.has(before.type)) {
    anchor = before;
    before = before.previousSibling;
  }
  const block: Node[] = [];
  let expectedEndRow = anchor.startPosition.row;
  for (let prev = before; prev && isComment(prev); prev = prev.previousSibling) {
    if (prev.endPosition.row < expectedEndRow - 1) break;
    block.unshift(prev);
    expectedEndRow = prev.startPosition.row;
  }
  for (const comment of block) {
    for (const raw of comment.text.split("\n")) {
      // Shebangs and magic comments (`# frozen_string_literal: true`, `-*- coding -*-`) are not documentation.
      if (/^#!|^#\s*(frozen_string_literal|encoding|coding|warn_indent|shareable_constant_value):|-\*-.*-\*-/.test(raw.trim())) continue;
      const line = raw
        .trim()
        .replace(/^(\/\*\*?|\/\/\/?!?|\*\/|\*|#+!?|--+|;+|\(\*\*?|%+)\s?/, "")
        .replace(/\s*(\*\/|\*\))$/, "")
        .replace(/<\/?[A-Za-z][^>]*>/g, "") // C# XML doc tags
        .trim();
      if (line !== "" && !line.startsWith("@")) return line;
    }
  }
  return null;
}

export function headerHasAsync(node: Node, source: string): boolean {
  return /(^|\s)async\s/.test(genericSignature(node, source));
}
