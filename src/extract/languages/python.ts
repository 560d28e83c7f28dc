import { children, headerText } from "../syntax.ts";
import type { LanguageHooks } from "./spec.ts";

// String literals are single tokens in a signature: their inner pieces keep their own spacing.
const ATOMIC = new Set(["string", "concatenated_string"]);

export const python: LanguageHooks = {
  // Python reads identifiers in NFKC (PEP 3131): `µ` (micro sign) defines `μ` (mu), as `ast` reports.
  name: (captured) => (/^[\x00-\x7f]*$/.test(captured) ? captured : captured.normalize("NFKC")),

  signature(node, source) {
    const body = node.childForFieldName("body");
    // The header ends at the ':' that opens the body.
    const colon = body ? children(node).findLast((c) => c.type === ":" && c.endIndex <= body.startIndex) : undefined;
    return headerText(node, colon ?? body, source, ATOMIC);
  },

  decorators(node) {
    const wrapper = node.parent;
    if (wrapper?.type !== "decorated_definition") return [];
    return children(wrapper)
      .filter((c) => c.type === "decorator")
      .map((d) => d.text.replace(/^@\s*/, "").replace(/\s+/g, " ").trim());
  },

  isAsync: (node) => node.child(0)?.type === "async",

  doc(node, source) {
    let first = node.childForFieldName("body")?.firstNamedChild ?? null;
    while (first?.type === "comment") first = first.nextNamedSibling;
    if (first?.type !== "expression_statement" || first.namedChildCount !== 1) return null;
    const literal = first.namedChild(0);
    if (literal?.type !== "string") return null;
    const pieces = children(literal);
    const start = pieces[0];
    const end = pieces.at(-1);
    if (start?.type !== "string_start" || end?.type !== "string_end" || pieces.length < 2) return null;
    // f-strings and bytes are not docstrings.
    if (/[fFbB]/.test(start.text)) return null;
    if (pieces.some((p) => p.type === "interpolation")) return null;
    const content = source.slice(start.endIndex, end.startIndex);
    const firstLine = content.split("\n").map((l) => l.trim()).find((l) => l !== "");
    return firstLine ?? null;
  },
};
