import { expect, test } from "bun:test";
import { extractSymbols } from "../../../src/extract/extractor.ts";

// Swift newer than the grammar, as swift-argument-parser writes it: freestanding macros (`#expect`), an attribute
// with empty arguments (`@Option()`: the grammar made up a name in it, and the file read `partial` with 0 errors),
// typed throws. Each is written for the grammar at the same length; signatures quote the file.
const SOURCE = `import Testing

struct Options {
  @Option() var name: String
  @Flag var verbose = false

  mutating func parse(_ argv: [String]) throws(ParserError) -> Int {
    return 0
  }
}

@Test func defaults() throws {
  let options = try #require(Options())
  #expect(options.verbose == false)
  #if os(Linux)
  print(#file)
  #endif
}
`;

test("Swift: freestanding macros, empty attribute arguments, typed throws", async () => {
  const extraction = await extractSymbols("swift", SOURCE);
  expect([extraction.parse_status, extraction.parse_errors]).toEqual(["ok", 0]);
  expect(extraction.symbols.map((s) => `${s.line} ${s.kind} ${s.qualified_name} | ${s.signature}`)).toEqual([
    "3 struct Options | struct Options",
    "4 field Options.name | @Option() var name: String",
    "5 field Options.verbose | @Flag var verbose = false",
    "7 method Options.parse | mutating func parse(_ argv: [String]) throws(ParserError) -> Int",
    "12 function defaults | @Test func defaults() throws",
  ]);
});

test("a tree with an error has it counted: parse_status partial never comes with 0 parse_errors", async () => {
  // Before the rewrite, `@Option()` left a made-up name and no ERROR node: counted now wherever it appears.
  const extraction = await extractSymbols("swift", "struct S {\n  @Option(\n  ) var name: String\n}\n");
  expect(extraction.parse_status === "partial").toBe(extraction.parse_errors > 0);
});

test("Swift 5.9: package access, consuming and borrowing methods, ~Copyable, a raw string with a backslash", async () => {
  const source = 'package struct S: ~Copyable {\n  package func f() {}\n  consuming func g() {}\n  borrowing func h() {}\n  func esc() -> String {\n    let s = #"\\"#\n    return s\n  }\n  func after() {}\n}\n';
  expect((await extractSymbols("swift", source)).symbols.map((s) => `${s.line} ${s.kind} ${s.qualified_name} | ${s.signature}`)).toEqual([
    "1 struct S | package struct S: ~Copyable",
    "2 method S.f | package func f()",
    "3 method S.g | consuming func g()",
    "4 method S.h | borrowing func h()",
    "5 method S.esc | func esc() -> String",
    "9 method S.after | func after()",
  ]);
});
