import type { Node } from "web-tree-sitter";
import type { LanguageId } from "../../languages.ts";
import { genericSignature, HASH_COMMENTS, type CommentSyntax } from "../generic.ts";
import { children } from "../syntax.ts";
import { python } from "./python.ts";
import type { LanguageHooks } from "./spec.ts";

/**
 * JS/TS: a method named `constructor` is the constructor; decorators sit on the class node; a
 * function held by a variable is read from its declarator, with the `const`/`let`/`var` before it.
 */
const ecmascript: LanguageHooks = {
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

/** The languages that read anything differently from the generic extractor; every other needs no entry. */
export const HOOKS: Partial<Record<LanguageId, LanguageHooks>> = {
  python,
  typescript: ecmascript,
  tsx: ecmascript,
  javascript: ecmascript,
  go: {
    // A type spec does not include its `type` keyword; it is put back when it stands right before the
    // spec, not for the specs of a `type ( … )` group (their line holds no `type`: the signature is real text).
    signature: (node, source) => `${(node.type === "type_spec" || node.type === "type_alias") && node.previousSibling?.type === "type" ? "type " : ""}${genericSignature(node, source)}`,
  },
  kotlin: {
    refineKind: (kind, _name, node) => (kind === "class" ? (kindByKeyword(node, { interface: "interface", enum: "enum" }) ?? kind) : kind),
  },
  ruby: { comments: HASH_COMMENTS },
  swift: {
    refineKind: (kind, _name, node) => (kind === "class" ? (node.childForFieldName("declaration_kind")?.text.replace("actor", "class") ?? kind) : kind),
  },
  lua: { comments: LUA_COMMENTS },
  bash: { comments: HASH_COMMENTS },
  dart: { extent: dartExtent },
  elixir: { comments: HASH_COMMENTS },
  ocaml: { comments: OCAML_COMMENTS },
};
