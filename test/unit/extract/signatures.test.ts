import { expect, test } from "bun:test";
import { extractSymbols } from "../../../src/extract/extractor.ts";
import type { LanguageId } from "../../../src/languages.ts";

const signatures = async (language: LanguageId, source: string) => (await extractSymbols(language, source)).symbols.map((s) => `${s.qualified_name}: ${s.signature}`);

// A declaration without a body, or a value, under lines of annotations alone: the annotation was the
// whole signature (`@Override`, `@Input()`) of 1,015 java.base fields, methods, constructors and enum members.
test("a bodiless declaration or a value under lines of annotations alone has them folded into its signature, as one with a body has", async () => {
  expect(await signatures("java", "abstract class C {\n    @Deprecated\n    @SuppressWarnings({\"unchecked\", \"rawtypes\"})\n    public static final int LIMIT = 3;\n\n    @Override\n    public abstract String name();\n\n    @Override\n    public void run() {}\n}\n")).toEqual([
    "C: abstract class C",
    'C.LIMIT: @Deprecated @SuppressWarnings({"unchecked", "rawtypes"}) public static final int LIMIT = 3',
    "C.name: @Override public abstract String name()",
    "C.run: @Override public void run()",
  ]);
  expect(await signatures("swift", '@available(*, deprecated, renamed: "B")\npublic typealias A = B\n\npublic class K {\n    @objc\n    public var name: String = ""\n}\n')).toEqual([
    'A: @available(*, deprecated, renamed: "B") public typealias A = B',
    "K: public class K",
    'K.name: @objc public var name: String = ""',
  ]);
  expect(await signatures("typescript", "class K {\n  @Input()\n  name: string;\n  @Output() changed = new EventEmitter();\n}\n")).toEqual(["K: class K", "K.name: @Input() name: string", "K.changed: @Output() changed = new EventEmitter()"]);
  // A first line that is more than annotations stays the first line.
  expect(await signatures("kotlin", "class K {\n    @JvmField val x: Int =\n        1\n}\n")).toEqual(["K: class K", "K.x: @JvmField val x: Int ="]);
});
