import type { Node } from "web-tree-sitter";
import { genericSignature, HASH_COMMENTS } from "../generic.ts";
import { children } from "../syntax.ts";
import type { LanguageHooks } from "./spec.ts";

/** Elixir: docs are module attributes, an implementation is the module Elixir makes of it, one-line bodies are no part of a header. */

/** An Elixir module attribute, `@name value`: its name and value. */
function moduleAttribute(node: Node): { name: string; value: Node | null } | null {
  if (node.type !== "unary_operator" || node.firstChild?.text !== "@") return null;
  const call = node.namedChild(0);
  if (call?.type !== "call") return null;
  return { name: call.childForFieldName("target")?.text ?? "", value: call.namedChild(1)?.namedChild(0) ?? null };
}

/** A doc string's first line that holds text (`"""` heredocs, `~S"""` sigils too); null for `@doc false`. */
function attributeDoc(value: Node | null): string | null {
  if (value?.type !== "string" && value?.type !== "sigil") return null;
  const content = value.text.replace(/^~[A-Za-z]?/, "").replace(/^("""|'''|["'([{<|/])/, "");
  const line = content.split("\n").map((l) => l.trim()).find((l) => l !== "" && !/^("""|'''|["')\]}>|/])$/.test(l));
  return line?.replace(/("""|'''|["')\]}>|/])$/, "") ?? null;
}

/** A header up to its `, do:` keyword outside brackets (`defmacro my_if(c, do: b), do: …` keeps its parameter). */
function withoutInlineBody(header: string): string {
  let depth = 0;
  for (let i = 0; i < header.length; i++) {
    const c = header[i]!;
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === "," && depth === 0 && /^,\s*do:\s/.test(header.slice(i))) return header.slice(0, i);
  }
  return header;
}

const ELIXIR_MODULES = new Set(["defmodule", "defprotocol", "defimpl"]);
const TYPESPECS = new Set(["type", "typep", "opaque"]);
const CALLBACKS = new Set(["callback", "macrocallback"]);

/**
 * `defimpl Sizer, for: Map` is the module `Sizer.Map`, as Elixir names it: named `Sizer`, it was a second protocol
 * (`Sizer.size` ambiguous between the protocol and each implementation). `for: [List, Tuple]` names several: the
 * protocol's name stays.
 */
function elixirName(captured: string, _kind: string, node: Node): string {
  if (node.childForFieldName("target")?.text !== "defimpl") return captured;
  const keywords = node.namedChild(1)?.namedChildren.find((c) => c?.type === "keywords");
  const target = keywords?.namedChildren.find((pair) => pair?.childForFieldName("key")?.text.trim() === "for:")?.childForFieldName("value");
  return target?.type === "alias" ? `${captured}.${target.text}` : captured;
}

/**
 * Elixir's docs are attributes, not comments: `@moduledoc` in a module's body, `@doc` before a function (over its
 * `@spec`, `@impl` and other attributes). On Elixir's own `enum.ex`, 10 of 491 definitions had a doc, taken from
 * `#` comments (`Enum.slice`'s was "TODO: Remove me on v2.0"). Without one, the comment above, as elsewhere.
 */
function elixirDoc(node: Node): string | null | undefined {
  if (ELIXIR_MODULES.has(node.childForFieldName("target")?.text ?? "")) {
    const body = children(node).find((c) => c.type === "do_block");
    for (const statement of body ? children(body) : []) {
      const attribute = moduleAttribute(statement);
      if (attribute?.name === "moduledoc") return attributeDoc(attribute.value);
    }
    return undefined;
  }
  // A typespec (`@type t :: …`) is documented by `@typedoc`, a function or a `@callback` by `@doc`; the walk up stops
  // at another definition (a typespec or callback is one), so a doc is never an earlier definition's.
  const docAttribute = TYPESPECS.has(moduleAttribute(node)?.name ?? "") ? "typedoc" : "doc";
  for (let at = node.previousNamedSibling; at; at = at.previousNamedSibling) {
    if (at.type === "comment") continue;
    const attribute = moduleAttribute(at);
    if (!attribute || attribute.name === "moduledoc" || TYPESPECS.has(attribute.name) || CALLBACKS.has(attribute.name)) return undefined;
    if (attribute.name === docAttribute) return attributeDoc(attribute.value);
  }
  return undefined;
}

export const elixir: LanguageHooks = {
  comments: HASH_COMMENTS,
  doc: elixirDoc,
  name: elixirName,
  // A one-line definition's header, without its body: `def add(a, b) when is_integer(a)` of `…, do: a + b`.
  signature: (node, source) => withoutInlineBody(genericSignature(node, source)),
};
