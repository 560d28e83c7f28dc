/**
 * What a grammar reads of a file when the file is written in syntax newer than the grammar knows: each rewrite
 * (a hook's `code`) keeps the file's length and lines, so every offset and line of the tree is the file's, and
 * signatures and docs are read from the file as written (src/extract/extractor.ts).
 */

/** Text written as spaces, its newlines kept: what the grammar skips, at the same offsets and lines. */
export const blank = (text: string) => text.replace(/[^\n]/g, " ");

/**
 * Kotlin's `actual`, `expect` and `annotation` modifiers starting a declaration's line: after an annotation line
 * (`@OptIn(X::class)` / `actual class CRC32 {`) the grammar read the declaration as an annotated expression and lost
 * it, its members made top-level functions (okio's multiplatform sources). The grammar reads each as `public`, a
 * modifier it knows, of the same length (padded): it shapes no symbol, and signatures quote the file as written.
 */
export const softModifiers = (text: string) =>
  text.replace(/^([ \t]*(?:(?:public|private|internal|protected|open|abstract|sealed|inline|value|data|inner|enum|override|suspend|operator|infix|external|tailrec|const|lateinit)[ \t]+)*)(actual|expect|annotation)(?=(?:[ \t]+[a-z]+)*?[ \t]+(?:class|interface|object|fun|val|var|constructor|typealias)\b)/gm, (_, before: string, modifier: string) => `${before}${"public".padEnd(modifier.length, " ")}`);

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
const objcPlusPlus = (text: string) =>
  text
    .replace(/^[ \t]*using[ \t]+namespace[ \t]+[\w:]+[ \t]*;/gm, blank)
    .replace(/^[ \t]*namespace(?:[ \t]+[\w:]+)?[ \t]*\{/gm, blank)
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

/** Objective-C and Objective-C++ as the Objective-C grammar reads them. */
export const objcCode = (text: string) => nsEnums(macroMethods(objcPlusPlus(text)));

/**
 * Bash's extended globs, `@(a|b)`, `!(x)`, `+(…)`, `?(…)`, `*(…)` (bash-completion opens files with
 * `[[ $OSTYPE == *@(linux|freebsd)* ]]`, and writes them in `case` patterns and `ls` arguments): the grammar
 * cannot read them and loses every definition after one. Each group, its nested parentheses with it, is written
 * as a word of the same length; a glob defines nothing, and signatures are read from the file as written.
 */
export function extendedGlobs(text: string): string {
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

/** What the Swift grammar reads after `#`: compiler directives and literals, which stay as written. */
const SWIFT_POUND_WORDS = new Set(["if", "else", "elseif", "endif", "available", "unavailable", "selector", "keyPath", "file", "fileID", "filePath", "line", "column", "function", "dsohandle", "sourceLocation", "warning", "error", "imageLiteral", "fileLiteral", "colorLiteral"]);

/**
 * Swift syntax newer than this grammar, written as what it reads, of the same length: freestanding macros
 * (`#expect(x == 1)`, `#require(v)`, Swift 5.9; swift-argument-parser's tests: most of their errors) as the calls
 * they look like (the `#` a space; a raw string `#"…"#` and the directives the grammar knows, `#if`, stay).
 */
export const swiftCode = (text: string) =>
  text
    .replace(/#([A-Za-z_]\w*)/g, (whole, word: string) => (SWIFT_POUND_WORDS.has(word) ? whole : ` ${word}`))
    // An attribute with empty arguments (`@Option() var name`) is the attribute alone to the grammar, which made up a name in it.
    .replace(/(@[A-Za-z_][\w.]*)\([ \t]*\)/g, (whole, attribute: string) => attribute.padEnd(whole.length, " "))
    // Typed throws (`throws(ParserError)`, Swift 6): the error type is blanked; the signature quotes the file.
    .replace(/\b(re)?throws\s*\([^()\n]*\)/g, (whole) => whole.replace(/\(.*$/, blank))
    // Swift 5.9's `package` access and `consuming`/`borrowing` methods as modifiers it knows; `~Copyable` as a protocol.
    .replace(/\bpackage(?=[ \t]+(?:(?:static|final|override|class|mutating|nonisolated|open)[ \t]+)*(?:struct|class|enum|protocol|func|var|let|init|extension|actor|typealias|subscript)\b)/g, "public ")
    .replace(/\b(?:consuming|borrowing)(?=[ \t]+func\b)/g, "mutating ")
    .replace(/(:|,)([ \t]*)~(?=[ \t]*[A-Z])/g, "$1$2 ")
    // A one-line raw string (`#"\"#`): its backslashes escape nothing, which the grammar does not know; its text is blanked.
    .replace(/(#+)"((?:[^"\n]|"(?!\1))*)"\1/g, (_, pounds: string, content: string) => `${pounds}"${"_".repeat(content.length)}"${pounds}`);

/** An unnamed `library;` directive (Dart 2.19) was an error that made 27 of package:http's 30 partial files. */
export const dartLibrary = (text: string) => text.replace(/^[ \t]*library[ \t]*;/gm, blank);
