import type { Node } from "web-tree-sitter";
import { LANGUAGES, type Language, type LanguageId } from "../../languages.ts";
import { bodyOf, C_LIKE_COMMENTS, firstLine, genericSignature, HASH_COMMENTS, VALUE_SIGNATURE_CHARS, type CommentSyntax } from "../generic.ts";
import { children } from "../syntax.ts";
import { astroCode, scriptBlocks } from "./component.ts";
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

/**
 * Kotlin's `actual`, `expect` and `annotation` modifiers starting a declaration's line: after an annotation line
 * (`@OptIn(X::class)` / `actual class CRC32 {`) the grammar read the declaration as an annotated expression and lost
 * it, its members made top-level functions (okio's multiplatform sources). The grammar reads each as `public`, a
 * modifier it knows, of the same length (padded): it shapes no symbol, and signatures quote the file as written.
 */
const softModifiers = (text: string) =>
  text.replace(/^([ \t]*(?:(?:public|private|internal|protected|open|abstract|sealed|inline|value|data|inner|enum|override|suspend|operator|infix|external|tailrec|const|lateinit)[ \t]+)*)(actual|expect|annotation)(?=(?:[ \t]+[a-z]+)*?[ \t]+(?:class|interface|object|fun|val|var|constructor|typealias)\b)/gm, (_, before: string, modifier: string) => `${before}${"public".padEnd(modifier.length, " ")}`);

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

/**
 * Foundation's enum macros, `typedef NS_ENUM(NSInteger, RCTMode) { … };` (also NS_OPTIONS, NS_CLOSED_ENUM,
 * NS_ERROR_ENUM), which the grammar reads as a typedef of each enumerator (`RCTModeOne`, `RCTModeTwo` as types):
 * written as the enum they declare, `enum RCTMode { … };`, padded to the same length.
 */
const NS_ENUM = /\btypedef\s+NS_(?:ENUM|OPTIONS|CLOSED_ENUM|ERROR_ENUM)\s*\(\s*[^,()]+?\s*,\s*(\w+)\s*\)/g;
const nsEnums = (text: string) => text.replace(NS_ENUM, (macro, name: string) => `enum ${name}`.padEnd(macro.length, " ").split("").map((c, i) => (macro[i] === "\n" ? "\n" : c)).join(""));

/**
 * Objective-C++ (`.mm`) written so that the Objective-C grammar reads its declarations: each rewrite keeps
 * every offset. `a::b` is one name (`a__b`); `using namespace …;` and a `namespace … {` line are blanked;
 * a C++ reference `T &x` is read as the pointer `T *x`. None of these is Objective-C, so a `.m` is unchanged.
 */
const blankOut = (text: string) => text.replace(/[^\n]/g, " ");
const objcPlusPlus = (text: string) =>
  text
    .replace(/^[ \t]*using[ \t]+namespace[ \t]+[\w:]+[ \t]*;/gm, blankOut)
    .replace(/^[ \t]*namespace(?:[ \t]+[\w:]+)?[ \t]*\{/gm, blankOut)
    .replace(/(\w?)::(?=\w)/g, (_, before: string) => (before === "" ? "  " : `${before}__`))
    .replace(/(?<=[\w>*][ \t]*)(?<!&)&(?![&=])(?=[ \t]*[\w)])/g, "*");

/**
 * A method defined through a macro that takes its selector, at a line's start with its body after it:
 * `RCT_EXPORT_METHOD(addListener : (NSString *)eventName) { … }` (React Native's native modules) is written
 * `-(void)addListener : (NSString *)eventName  { … }`, padded, which the grammar reads as the method it
 * defines (it read the macro as a function call and lost the body's context: a method named "" and fields
 * from its statements). A macro of several arguments (a comma outside parentheses) is left alone.
 */
const MACRO_HEAD = /^([A-Z][A-Z0-9_]{6,})\(/gm;
const SELECTOR_START = /^\s*[A-Za-z_]\w*\s*(?::|$)/;
function macroMethods(text: string): string {
  let out = "";
  let copied = 0;
  for (const head of text.matchAll(MACRO_HEAD)) {
    const open = head.index + head[1]!.length;
    if (open < copied) continue;
    let depth = 0;
    let close = -1;
    let comma = false;
    for (let i = open; i < text.length && close < 0; i++) {
      const c = text[i];
      if (c === "(") depth++;
      else if (c === ")" && --depth === 0) close = i;
      else if (c === "," && depth === 1) comma = true;
      else if (c === ";" || c === "{") break;
    }
    if (close < 0 || comma || !SELECTOR_START.test(text.slice(open + 1, close)) || !/^\s*\{/.test(text.slice(close + 1))) continue;
    out += `${text.slice(copied, head.index)}${"-(void)".padEnd(head[0].length, " ")}${text.slice(open + 1, close)} `;
    copied = close + 1;
  }
  return out + text.slice(copied);
}

const OBJC: LanguageHooks = {
  ...C_FAMILY,
  code: (text) => nsEnums(macroMethods(objcPlusPlus(text))),
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

/**
 * Bash's extended globs, `@(a|b)`, `!(x)`, `+(…)`, `?(…)`, `*(…)` (bash-completion opens files with
 * `[[ $OSTYPE == *@(linux|freebsd)* ]]`, and writes them in `case` patterns and `ls` arguments): the grammar
 * cannot read them and loses every definition after one. Each group, its nested parentheses with it, is written
 * as a word of the same length; a glob defines nothing, and signatures are read from the file as written.
 */
function extendedGlobs(text: string): string {
  let out = "";
  let copied = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    if (text[i + 1] !== "(" || !"@!+?*".includes(text[i]!) || text[i - 1] === "$") continue;
    let depth = 0;
    let close = -1;
    for (let j = i + 1; j < text.length && text[j] !== "\n"; j++) {
      if (text[j] === "(") depth++;
      else if (text[j] === ")" && --depth === 0) {
        close = j;
        break;
      }
    }
    if (close < 0) continue;
    out += text.slice(copied, i) + "_".repeat(close + 1 - i);
    copied = close + 1;
    i = close;
  }
  return out + text.slice(copied);
}

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

/** What the Swift grammar reads after `#`: compiler directives and literals, which stay as written. */
const SWIFT_POUND_WORDS = new Set(["if", "else", "elseif", "endif", "available", "unavailable", "selector", "keyPath", "file", "fileID", "filePath", "line", "column", "function", "dsohandle", "sourceLocation", "warning", "error", "imageLiteral", "fileLiteral", "colorLiteral"]);

/**
 * Swift syntax newer than this grammar, written as what it reads, of the same length: freestanding macros
 * (`#expect(x == 1)`, `#require(v)`, Swift 5.9; swift-argument-parser's tests: most of their errors) as the calls
 * they look like (the `#` a space; a raw string `#"…"#` and the directives the grammar knows, `#if`, stay).
 */
const freestandingMacros = (text: string) =>
  text
    .replace(/#([A-Za-z_]\w*)/g, (whole, word: string) => (SWIFT_POUND_WORDS.has(word) ? whole : ` ${word}`))
    // An attribute with empty arguments (`@Option() var name`) is the attribute alone to the grammar, which made up a name in it.
    .replace(/(@[A-Za-z_][\w.]*)\([ \t]*\)/g, (whole, attribute: string) => attribute.padEnd(whole.length, " "))
    // Typed throws (`throws(ParserError)`, Swift 6): the error type is blanked; the signature quotes the file.
    .replace(/\b(re)?throws\s*\([^()\n]*\)/g, (whole) => whole.replace(/\(.*$/, (type) => " ".repeat(type.length)))
    // Swift 5.9's `package` access and `consuming`/`borrowing` methods as modifiers it knows; `~Copyable` as a protocol.
    .replace(/\bpackage(?=[ \t]+(?:(?:static|final|override|class|mutating|nonisolated|open)[ \t]+)*(?:struct|class|enum|protocol|func|var|let|init|extension|actor|typealias|subscript)\b)/g, "public ")
    .replace(/\b(?:consuming|borrowing)(?=[ \t]+func\b)/g, "mutating ")
    .replace(/(:|,)([ \t]*)~(?=[ \t]*[A-Z])/g, "$1$2 ")
    // A one-line raw string (`#"\"#`): its backslashes escape nothing, which the grammar does not know; its text is blanked.
    .replace(/(#+)"((?:[^"\n]|"(?!\1))*)"\1/g, (_, pounds: string, content: string) => `${pounds}"${"_".repeat(content.length)}"${pounds}`);

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
    code: freestandingMacros,
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
    // An unnamed `library;` directive (Dart 2.19) was an error that made 27 of package:http's 30 partial files.
    code: (text) => text.replace(/^([ \t]*)library[ \t]*;/gm, (whole) => " ".repeat(whole.length)),
    extent: dartExtent,
    decorators: annotationsBefore("annotation", annotationText),
    // `bool operator ==(Object other)` is `operator ==`.
    name: (captured, _kind, node) => (node.namedChild(0)?.type === "operator_signature" ? `operator ${/\boperator\s*([^\s(]+)/.exec(captured)?.[1] ?? ""}` : captured),
    // `async` and `async*` are written before the body, which the grammar keeps beside the signature.
    isAsync: (node) => /^async\b/.test(dartExtent(node).text),
  },
  // `//!` documents the file (a Zig file is a struct), not the declaration under it.
  zig: { comments: { line: /^(\/\/(?!!)|\/\*|\*)/, attribute: C_LIKE_COMMENTS.attribute } },
  elixir: {
    comments: HASH_COMMENTS,
    doc: elixirDoc,
    name: elixirName,
    // A one-line definition's header, without its body: `def add(a, b) when is_integer(a)` of `…, do: a + b`.
    signature: (node, source) => withoutInlineBody(genericSignature(node, source)),
  },
  ocaml: OCAML,
};

/** A language's hooks: its family's, its own, or none (read the generic way). */
export function hooksOf(language: LanguageId): LanguageHooks | undefined {
  return HOOK_SETS[LANGUAGES[language].hooks ?? language];
}
