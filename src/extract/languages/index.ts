import type { Node } from "web-tree-sitter";
import { LANGUAGES, type Language, type LanguageId } from "../../languages.ts";
import { bodyOf, C_LIKE_COMMENTS, firstLine, genericSignature, HASH_COMMENTS, VALUE_SIGNATURE_CHARS, type CommentSyntax } from "../generic.ts";
import { children } from "../syntax.ts";
import { dartLibrary, extendedGlobs, swiftCode, objcCode, softModifiers } from "./code.ts";
import { astroCode, scriptBlocks } from "./component.ts";
import { elixir } from "./elixir.ts";
import { python } from "./python.ts";
import type { LanguageHooks, WrittenName } from "./spec.ts";

/**
 * JS/TS: a method named `constructor` is the constructor; decorators sit on the class node; a
 * function held by a variable is read from its declarator, with the `const`/`let`/`var` before it.
 */
// The `const`/`let`/`var` of a declarator (`const a = 1, b = 2` gives `const b = 2`).
const declarationKeyword = (node: Node) => (node.type === "variable_declarator" && node.parent?.firstChild !== node ? `${node.parent?.firstChild?.text} ` : "");

const ecmascript: LanguageHooks = {
  signature: (node: Node, source: string) => `${declarationKeyword(node)}${genericSignature(node, source)}`,
  // An exported name reads as its export statement (`export { a as b } from "./x"`) when that is one
  // line; in a clause over several lines its own line holds only its specifier, which it reads as, with
  // the module it comes from (`a as b from "./x"`): a signature is text of the symbol's lines.
  valueSignature: (node: Node, source: string) => {
    if (node.type !== "export_specifier") return `${declarationKeyword(node)}${firstLine(node, source)}`;
    const statement = node.parent?.parent ?? node;
    const from = statement.childForFieldName("source");
    const text = statement.startPosition.row === statement.endPosition.row ? source.slice(statement.startIndex, statement.endIndex) : `${node.text}${from ? ` from ${from.text}` : ""}`;
    return text.slice(0, VALUE_SIGNATURE_CHARS).replace(/;$/, "");
  },
  // `export = x` exports the name TypeScript gives it.
  name: (captured: string, kind: string) => (kind === "export" && captured === "=" ? "export=" : captured),
  refineKind: (kind: string, name: string) => (kind === "method" && name === "constructor" ? "constructor" : kind),
  decorators: (node: Node) => children(node).filter((c) => c.type === "decorator").map((d) => d.text.replace(/^@\s*/, "")),
};

/** Kotlin's class_declaration is also an interface (its keyword) and an enum class (its body). */
function kotlinClassKind(node: Node): string {
  for (const child of children(node)) {
    if (child.type === "interface") return "interface";
    if (child.type === "enum_class_body") return "enum";
  }
  return "class";
}

// Dart keeps a method's body next to its signature, not inside it.
const dartExtent = (node: Node): Node => (node.nextSibling?.type === "function_body" ? node.nextSibling : node);

/**
 * C and C++: a macro alone on the line before a field (`PyObject_HEAD` / `Py_complex cval;`) reads as
 * the field's type, with the field's own type as its name and its name as an error (`Py_complex cval;`,
 * `comprehension_ty typed_elements[1];`), or its type as an error (`void *p;`): 7 fields of CPython's headers. Of such a field, the node on the line
 * after the macro, where the field starts; otherwise null.
 */
function afterMacro(node: Node): Node | null {
  if (node.type !== "field_declaration" || !node.hasError) return null;
  const macro = node.childForFieldName("type");
  const next = macro?.type === "type_identifier" ? macro.nextSibling : null;
  return next && next.startPosition.row > macro!.endPosition.row ? next : null;
}

const C_FAMILY: LanguageHooks = {
  // `#define` inside a namespace or a function still defines a file-level name.
  unscoped: (node) => node.type === "preproc_def" || node.type === "preproc_function_def",
  // A function-like macro is its name and parameters: its replacement may run on over `\` lines.
  signature: (node, source) => {
    const parameters = node.type === "preproc_function_def" ? node.childForFieldName("parameters") : null;
    // The directive as written (`#  define` too).
    return parameters ? `${node.firstChild?.text ?? "#define"} ${node.childForFieldName("name")?.text ?? ""}${parameters.text}` : genericSignature(node, source);
  },
  name: (captured, kind, node) => {
    // `Py_complex cval`, `comprehension_ty typed_elements[1]`: an error after the type read as the name holds the name.
    const declarator = kind === "field" && afterMacro(node) ? node.childForFieldName("declarator") : null;
    const error = declarator ? node.descendantsOfType("ERROR").find((e) => e !== null && e.startIndex > declarator.startIndex) : undefined;
    return error?.firstNamedChild?.type === "identifier" ? error.firstNamedChild.text : captured;
  },
  valueSignature: (node, source) => firstLine({ startIndex: afterMacro(node)?.startIndex ?? node.startIndex, endIndex: node.endIndex }, source),
};

/**
 * An Objective-C method's selector: its keywords, each with a `:` when a parameter follows
 * (`initWithName:count:`), or its one keyword (`shared`), as ctags and Apple's docs name methods.
 */
function selector(method: Node): string {
  let name = "";
  let keyword = "";
  let parameters = 0;
  for (const child of children(method)) {
    if (child.type === "identifier") keyword = child.text;
    else if (child.type === "method_parameter") {
      name += `${keyword}:`;
      keyword = "";
      parameters++;
    }
  }
  return parameters === 0 ? keyword : name;
}

/** A message's selector as its keywords spell it (`[x initWithName:a count:b]`: `initWithName:count:`), at its first keyword. */
function messageSelector(message: Node): WrittenName | null {
  const keywords: Node[] = [];
  let arguments_ = 0;
  for (let i = 0; i < message.childCount; i++) {
    const child = message.child(i)!;
    const field = message.fieldNameForChild(i);
    if (field === "method") keywords.push(child);
    else if (child.isNamed && field !== "receiver") arguments_++;
  }
  if (keywords.length === 0) return null;
  const text = arguments_ === 0 ? keywords[0]!.text : keywords.map((k) => `${k.text}:`).join("");
  return { name: keywords[0]!, receiver: message.childForFieldName("receiver"), text };
}

const OBJC: LanguageHooks = {
  ...C_FAMILY,
  code: objcCode,
  // A line starting with `@` is a directive (`@interface`, `@property`), no attribute to step over to a doc above it.
  comments: { line: C_LIKE_COMMENTS.line, attribute: /^$a/ },
  name: (captured, kind, node) => (kind === "method" ? selector(node) : C_FAMILY.name!(captured, kind, node)),
  // A method declared over several lines (its keywords aligned on their colons) is the whole declaration, folded.
  // A method written through a macro (macroMethods) is its macro call as written, up to its body.
  signature: (node, source) =>
    node.type === "method_declaration"
      ? node.text.replace(/\s+/g, " ").replace(/\s*;$/, "")
      : node.type === "method_definition" && !/^[-+]/.test(source.slice(node.startIndex, node.startIndex + 1))
        ? source.slice(node.startIndex, bodyOf(node)?.startIndex ?? node.endIndex).replace(/\s+/g, " ").trim()
        : C_FAMILY.signature!(node, source),
  writtenName: (node) => (node.type === "message_expression" ? messageSelector(node) : null),
};

const LUA_COMMENTS: CommentSyntax = { line: /^--/, attribute: /^$a/ };
const OCAML_COMMENTS: CommentSyntax = { line: /^(\(\*|\*)/, attribute: /^\[@/ };
/** The class, module, singleton class or method a Ruby definition is written in (through `if`s, `private def`…). */
function rubyContainer(node: Node): Node | null {
  for (let at = node.parent; at; at = at.parent) if (RUBY_CONTAINERS.has(at.type)) return at;
  return null;
}
const RUBY_CONTAINERS = new Set(["class", "module", "singleton_class", "method", "singleton_method"]);

const OCAML_VALUE_DECLARATIONS = new Set(["value_specification", "external"]);
const OCAML: LanguageHooks = {
  comments: OCAML_COMMENTS,
  // `( ++ )` is the operator `(++)`; the constructor `[]` is two names to the grammar, `[` and `]`.
  name: (captured) => (captured.startsWith("(") ? captured.replace(/\s+/g, "") : captured === "[" ? "[]" : captured),
  // A `val` of a module type (an interface) is a function or a value of the module, no method or field.
  refineKind: (kind, _name, node) => (OCAML_VALUE_DECLARATIONS.has(node.type) ? ({ method: "function", field: "variable" }[kind] ?? kind) : kind),
};

/**
 * The annotations and attributes written on a definition, reported as `decorators` the way Python's and
 * TypeScript's are (their text without `@`, spaces folded): Java's `Override` and `Deprecated(since = "9")`, C#'s
 * `Obsolete("x")` (each of `[A, B]`), Rust's `derive(Debug, Clone)`. Within the definition: in its modifier list
 * (Java, Kotlin, Swift) or attribute lists (C#); before it, as siblings over comments: Rust's `#[…]`, Dart's `@x`.
 */
const annotationText = (node: Node) => node.text.replace(/^@\s*/, "").replace(/\s+/g, " ");

function annotationsWithin(holders: ReadonlySet<string>, annotations: ReadonlySet<string>): (node: Node) => string[] {
  return (node) => children(node).filter((c) => holders.has(c.type)).flatMap((holder) => children(holder).filter((a) => annotations.has(a.type)).map(annotationText));
}

function annotationsBefore(annotation: string, text: (node: Node) => string): (node: Node) => string[] {
  return (node) => {
    const found: string[] = [];
    for (let at = node.previousNamedSibling; at; at = at.previousNamedSibling) {
      if (at.type.includes("comment")) continue;
      if (at.type !== annotation) break;
      found.unshift(text(at));
    }
    return found;
  };
}

const MODIFIERS = new Set(["modifiers"]);

/** The languages that read anything differently from the generic extractor; every other needs no entry. */
// A C# type written `X`, `X<T>`, `N.X`, `N.X<T>` or `global::X` is a use of X (through N); a predefined,
// array, tuple or pointer type names none of its own (the types inside it are captured where they are written).
function cSharpWrittenName(type: Node): WrittenName | null {
  if (type.type === "identifier") return { name: type, receiver: null };
  if (type.type === "generic_name") {
    const name = type.namedChild(0);
    return name?.type === "identifier" ? { name, receiver: null } : null;
  }
  if (type.type !== "qualified_name" && type.type !== "alias_qualified_name") return null;
  const count = type.namedChildCount;
  const last = count >= 2 ? type.namedChild(count - 1) : null;
  const name = last && (last.type === "identifier" || last.type === "generic_name") ? cSharpWrittenName(last)?.name : undefined;
  return name ? { name, receiver: type.namedChild(count - 2) } : null;
}

/** Hooks by language, or by the family a language row names as its `hooks` (src/languages.ts). */
const HOOK_SETS: Partial<Record<LanguageId | NonNullable<Language["hooks"]>, LanguageHooks>> = {
  python,
  ecmascript,
  component: { ...ecmascript, code: scriptBlocks },
  astro: { ...ecmascript, code: astroCode },
  go: {
    // A type spec does not include its `type` keyword; it is put back when it stands right before the
    // spec, not for the specs of a `type ( … )` group (their line holds no `type`: the signature is real text).
    signature: (node, source) => `${(node.type === "type_spec" || node.type === "type_alias") && node.previousSibling?.type === "type" ? "type " : ""}${genericSignature(node, source)}`,
    // Likewise `const`/`var` before a spec that is not in a group.
    valueSignature: (node, source) => {
      const keyword = node.type === "const_spec" || node.type === "var_spec" ? node.previousSibling?.type : undefined;
      return `${keyword === "const" || keyword === "var" ? `${keyword} ` : ""}${firstLine(node, source)}`;
    },
  },
  c_sharp: {
    // Between a doc comment and its definition: attributes, and preprocessor lines (`#pragma warning disable X`, `#if`).
    comments: { line: C_LIKE_COMMENTS.line, attribute: /^(\[|#\s*(?:pragma|if|elif|else|endif|region|endregion|nullable)\b)/ },
    writtenName: cSharpWrittenName,
    decorators: annotationsWithin(new Set(["attribute_list"]), new Set(["attribute"])),
    // A file-scoped namespace (`namespace Acme.Core;`) holds the rest of its file, as a block one holds its block.
    extent: (node) => (node.type === "file_scoped_namespace_declaration" ? (node.parent ?? node) : node),
    // `operator ==` (the token after the keyword), `operator int`, `~C`.
    name: (captured, _kind, node) => {
      if (node.type === "operator_declaration") return `operator ${children(node).find((_c, i, all) => all[i - 1]?.type === "operator")?.text ?? ""}`;
      // `operator Func<A, B>`: the type as written between the keyword and the parameters (the capture can be a part of it).
      if (node.type === "conversion_operator_declaration") {
        const keyword = children(node).find((c) => c.type === "operator");
        const parameters = node.childForFieldName("parameters");
        return `operator ${keyword && parameters ? node.text.slice(keyword.endIndex - node.startIndex, parameters.startIndex - node.startIndex).trim() : captured}`;
      }
      return node.type === "destructor_declaration" ? `~${captured}` : captured;
    },
    refineKind: (kind, _name, node) => (kind === "field" && node.type === "field_declaration" && children(node).some((c) => c.type === "modifier" && c.text === "const") ? "constant" : kind),
  },
  java: { decorators: annotationsWithin(MODIFIERS, new Set(["marker_annotation", "annotation"])) },
  rust: { decorators: annotationsBefore("attribute_item", (item) => annotationText(item.namedChild(0) ?? item)) },
  kotlin: {
    code: softModifiers,
    decorators: annotationsWithin(MODIFIERS, new Set(["annotation"])),
    // A `suspend fun` is Kotlin's coroutine, as `async` elsewhere.
    isAsync: (node) => node.type === "function_declaration" && node.firstChild?.type === "modifiers" && /\bsuspend\b/.test(node.firstChild.text),
    name: (captured, _kind, node) => (node.type === "companion_object" ? (node.childForFieldName("name")?.text ?? "Companion") : captured),
    refineKind: (kind, _name, node) => {
      if (kind === "class") return kotlinClassKind(node);
      const isConst = node.type === "property_declaration" && node.firstChild?.type === "modifiers" && /\bconst\b/.test(node.firstChild.text);
      return isConst ? "constant" : kind;
    },
  },
  c: C_FAMILY,
  objc: OBJC,
  ruby: {
    comments: HASH_COMMENTS,
    // A `def` in `class << self` is a singleton method, as `def self.x` is, in a module too (bundler.rb's `Bundler.configure`).
    refineKind: (kind, _name, node) => (kind === "function" && node.type === "method" && rubyContainer(node)?.type === "singleton_class" ? "method" : kind),
  },
  swift: {
    code: swiftCode,
    decorators: annotationsWithin(MODIFIERS, new Set(["attribute"])),
    refineKind: (kind, _name, node) => {
      if (kind === "class") return node.childForFieldName("declaration_kind")?.text.replace("actor", "class") ?? kind;
      // A top-level `let` declares a constant.
      return kind === "variable" && children(node).find((c) => c.type === "value_binding_pattern")?.text === "let" ? "constant" : kind;
    },
  },
  lua: { comments: LUA_COMMENTS },
  bash: { comments: HASH_COMMENTS, code: extendedGlobs },
  dart: {
    code: dartLibrary,
    extent: dartExtent,
    decorators: annotationsBefore("annotation", annotationText),
    // `bool operator ==(Object other)` is `operator ==`.
    name: (captured, _kind, node) => (node.namedChild(0)?.type === "operator_signature" ? `operator ${/\boperator\s*([^\s(]+)/.exec(captured)?.[1] ?? ""}` : captured),
    // `async` and `async*` are written before the body, which the grammar keeps beside the signature.
    isAsync: (node) => /^async\b/.test(dartExtent(node).text),
  },
  // `//!` documents the file (a Zig file is a struct), not the declaration under it.
  zig: { comments: { line: /^(\/\/(?!!)|\/\*|\*)/, attribute: C_LIKE_COMMENTS.attribute } },
  elixir,
  ocaml: OCAML,
};

/** A language's hooks: its family's, its own, or none (read the generic way). */
export function hooksOf(language: LanguageId): LanguageHooks | undefined {
  return HOOK_SETS[LANGUAGES[language].hooks ?? language];
}
