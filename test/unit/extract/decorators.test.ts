import { expect, test } from "bun:test";
import { extractSymbols } from "../../../src/extract/extractor.ts";
import type { LanguageId } from "../../../src/languages.ts";
import { outline } from "../../../src/format/outline.ts";

const decorators = async (language: LanguageId, source: string) => (await extractSymbols(language, source)).symbols.filter((s) => s.decorators.length > 0).map((s) => `${s.qualified_name}: ${s.decorators.join(" | ")}`);

// Annotations and attributes are a definition's decorators, as Python's and TypeScript's are: written in its
// modifiers (Java, Kotlin, Swift) or attribute lists (C#), or before it (Rust, Dart).
test("annotations and attributes as decorators, per language", async () => {
  expect(await decorators("java", 'class A {\n  @Override\n  @Deprecated(since = "9")\n  public String toString() { return ""; }\n}\n')).toEqual(['A.toString: Override | Deprecated(since = "9")']);
  expect(await decorators("kotlin", "class A {\n  @JvmStatic\n  @Throws(E::class) fun f() {}\n}\n")).toEqual(["A.f: JvmStatic | Throws(E::class)"]);
  expect(await decorators("c_sharp", 'class A {\n  [Obsolete("x"), Serializable]\n  [HttpGet]\n  public void F() {}\n}\n')).toEqual(['A.F: Obsolete("x") | Serializable | HttpGet']);
  expect(await decorators("rust", "#[derive(Debug, Clone)]\n/// A thing.\npub struct S;\n\nimpl S {\n    #[inline]\n    pub fn f(&self) {}\n}\n")).toEqual(["S: derive(Debug, Clone)", "S.f: inline"]);
  expect(await decorators("swift", "struct S {\n  @MainActor\n  func f() {}\n  @Option(name: .long) var p: String\n}\n")).toEqual(["S.f: MainActor", "S.p: Option(name: .long)"]);
  expect(await decorators("dart", 'class A {\n  @override\n  String toString() => "";\n  @Deprecated("x")\n  void f() {}\n}\n')).toEqual(["A.toString: override", 'A.f: Deprecated("x")']);
});

test("the text outline shows each decorator once: those a signature already starts with are not repeated", async () => {
  const java = (await extractSymbols("java", "class A {\n  @Override\n  public String toString() { return \"\"; }\n}\n")).symbols;
  expect(outline("A.java", java)).toBe("# A.java\n1-4 class A\n 2-3 @Override public String toString()\n");
  const rust = (await extractSymbols("rust", "#[derive(Debug)]\npub struct S;\n")).symbols;
  expect(outline("s.rs", rust)).toBe("# s.rs\n2 @derive(Debug) pub struct S\n");
});
