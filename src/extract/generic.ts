import type { Node } from "web-tree-sitter";
import { children, headerText } from "./syntax.ts";

/** Language-neutral readings of a definition, used where a language spec says nothing else. */

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
  let text = body ? headerText(node, body, source, ATOMIC) : firstLineOf(source.slice(node.startIndex, node.endIndex));
  // A declaration without a body whose parameters go on past its first line (a TypeScript overload
  // `pipe<A, B>(`…`): Observable<B>;`) is the whole declaration, folded.
  if (!body && unclosedParens(text)) text = headerText(node, null, source, ATOMIC);
  return text.replace(/\s*(\{|:|=>|=|;|\bdo|\bthen|\bwhere)?\s*$/, "").trim();
}

// A value's first line can be a whole minified bundle; its signature keeps the start.
export const VALUE_SIGNATURE_CHARS = 200;

/** A value's signature: the first line of its definition (up to 200 characters), as written. */
export function firstLine(node: Pick<Node, "startIndex" | "endIndex">, source: string): string {
  return firstLineOf(source.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 4 * VALUE_SIGNATURE_CHARS)))
    .slice(0, VALUE_SIGNATURE_CHARS)
    .trim()
    .replace(/[;,]$/, "");
}

/**
 * A line of annotations or attributes alone (`@Override`, `@objc`, `@Input()`, `@available(*, deprecated)`,
 * C#'s `[Obsolete]`), above the declaration they belong to.
 */
const ANNOTATION_LINE = /^\s*(?:(?:@[\w.]+(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?|\[[^\]]*\])\s*)+$/;

/**
 * A definition's first line, with the lines of annotations alone above it folded in: a Java field or abstract
 * method, a Swift property or typealias, an Angular input written under its annotation had the annotation for a
 * signature (`@Override`, `@Input()`) where a definition with a body had `@Override public void run()`.
 */
function firstLineOf(text: string): string {
  const lines = text.split("\n").map((l) => l.trim());
  const folded: string[] = [];
  let at = 0;
  while (at < lines.length - 1) {
    // An annotation whose arguments go on over several lines (Swift's `@Option(` / `name: .long,` / `)` over a
    // `var`: its signature was `@Option(`) is one annotation, its lines joined.
    let annotation = lines[at]!;
    let end = at;
    if (/^@[\w.]+\(/.test(annotation)) while (end < lines.length - 1 && unclosedParens(annotation)) annotation += ` ${lines[++end]}`;
    if (!ANNOTATION_LINE.test(annotation)) break;
    folded.push(end > at ? annotation.replace(/\(\s+/g, "(").replace(/,?\s+\)/g, ")") : annotation);
    at = end + 1;
  }
  return [...folded, lines[at]!].join(" ");
}

const unclosedParens = (text: string) => text.split("(").length > text.split(")").length;

/** How a language writes comments, for reading the doc comment above a definition. */
export interface CommentSyntax {
  /** Matches a line that is (part of) a comment, leading whitespace removed. */
  readonly line: RegExp;
  /** Matches a line to step over between a doc comment and its definition (attributes, annotations). */
  readonly attribute: RegExp;
}

export const C_LIKE_COMMENTS: CommentSyntax = { line: /^(\/\/|\/\*|\*)/, attribute: /^(@|#\[|\[)/ };
export const HASH_COMMENTS: CommentSyntax = { line: /^#(?!\[)/, attribute: /^@/ };

/**
 * The first meaningful line of the comment block right above a definition (or above its
 * attributes), read from the source lines: no tree walking, which is costly in the wasm binding.
 */
export function docAbove(lines: readonly string[], row: number, syntax: CommentSyntax): string | null {
  let at = row - 1;
  while (at >= 0 && syntax.attribute.test(lines[at]!.trim())) at--;
  let top = at;
  while (top >= 0 && lines[top]!.trim() !== "" && syntax.line.test(lines[top]!.trim())) top--;
  // A doc block (`/** … */`) wins over line comments above it: the nearest one starts the doc.
  for (let i = at; i > top; i--) {
    if (lines[i]!.trimStart().startsWith("/**")) {
      top = i - 1;
      break;
    }
  }
  for (let i = top + 1; i <= at; i++) {
    const raw = lines[i]!.trim();
    // Shebangs and magic comments (`# frozen_string_literal: true`, `-*- coding -*-`) are not documentation.
    if (/^#!|^#\s*(frozen_string_literal|encoding|coding|warn_indent|shareable_constant_value):|-\*-.*-\*-/.test(raw)) continue;
    const text = raw
      .replace(/^(\/\*\*?|\/\/\/?!?|\*\/|\*|#+!?|--+|;+|\(\*\*?|%+)\s?/, "")
      .replace(/\s*(\*\/|\*\))$/, "")
      // C# XML doc tags; a reference tag reads as what it names (`<see cref="T:Foo"/>` → Foo).
      .replace(/<(?:see|seealso|paramref|typeparamref)\s+(?:cref|name|langword|href)\s*=\s*"(?:[A-Z]:)?([^"]*)"\s*\/?>/g, "$1")
      .replace(/<\/?[A-Za-z][^>]*>/g, "")
      .trim();
    if (text !== "" && !text.startsWith("@")) return text;
  }
  return null;
}
