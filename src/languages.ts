/**
 * The languages trifecta knows, with what is needed before any grammar is loaded: file
 * extensions, how `sym://<lang>/mod/…` finds files, and the kinds the extractor reports.
 * Extraction itself lives in src/extract/languages/.
 */
export type ModuleStyle = "python" | "typescript" | "tsx" | "javascript" | "go" | "rust" | "jvm" | "path";

export interface LanguageInfo {
  readonly id: string;
  readonly extensions: readonly string[];
  readonly modules: ModuleStyle;
  readonly kinds: readonly string[];
}

export const LANGUAGES: readonly LanguageInfo[] = [
  { id: "python", extensions: [".py", ".pyi"], modules: "python", kinds: ["class", "function", "method"] },
  { id: "typescript", extensions: [".ts", ".mts", ".cts", ".d.ts"], modules: "typescript", kinds: ["class", "interface", "enum", "type", "module", "function", "method", "constructor"] },
  { id: "tsx", extensions: [".tsx"], modules: "tsx", kinds: ["class", "interface", "enum", "type", "module", "function", "method", "constructor"] },
  { id: "javascript", extensions: [".js", ".jsx", ".mjs", ".cjs"], modules: "javascript", kinds: ["class", "function", "method", "constructor"] },
  { id: "go", extensions: [".go"], modules: "go", kinds: ["struct", "interface", "type", "function", "method"] },
  { id: "rust", extensions: [".rs"], modules: "rust", kinds: ["struct", "union", "enum", "trait", "type", "module", "macro", "function", "method"] },
  { id: "java", extensions: [".java"], modules: "jvm", kinds: ["class", "interface", "enum", "record", "method", "constructor"] },
  { id: "kotlin", extensions: [".kt", ".kts"], modules: "jvm", kinds: ["class", "interface", "enum", "object", "type", "function", "method", "constructor"] },
  { id: "scala", extensions: [".scala", ".sc"], modules: "jvm", kinds: ["class", "object", "trait", "type", "function", "method"] },
  { id: "c", extensions: [".c", ".h"], modules: "path", kinds: ["struct", "union", "enum", "type", "function"] },
  { id: "cpp", extensions: [".cpp", ".cc", ".cxx", ".c++", ".hpp", ".hh", ".hxx", ".h++", ".h"], modules: "path", kinds: ["module", "class", "struct", "union", "enum", "type", "function", "method"] },
  { id: "c_sharp", extensions: [".cs"], modules: "path", kinds: ["module", "class", "interface", "struct", "enum", "record", "type", "function", "method", "constructor"] },
  { id: "ruby", extensions: [".rb"], modules: "path", kinds: ["module", "class", "function", "method"] },
  { id: "php", extensions: [".php"], modules: "path", kinds: ["module", "class", "interface", "trait", "enum", "function", "method"] },
  { id: "swift", extensions: [".swift"], modules: "path", kinds: ["class", "struct", "enum", "interface", "type", "function", "method", "constructor"] },
  { id: "lua", extensions: [".lua"], modules: "path", kinds: ["function", "method"] },
  { id: "bash", extensions: [".sh", ".bash"], modules: "path", kinds: ["function"] },
  { id: "zig", extensions: [".zig"], modules: "path", kinds: ["struct", "enum", "union", "function", "method"] },
  { id: "dart", extensions: [".dart"], modules: "path", kinds: ["class", "enum", "extension", "type", "function", "method", "constructor"] },
  { id: "elixir", extensions: [".ex", ".exs"], modules: "path", kinds: ["module", "function"] },
  { id: "ocaml", extensions: [".ml", ".mli"], modules: "path", kinds: ["module", "interface", "type", "class", "function", "method"] },
];

export const LANGUAGE_IDS: readonly string[] = LANGUAGES.map((l) => l.id);

export function languageInfo(id: string): LanguageInfo | undefined {
  return LANGUAGES.find((l) => l.id === id);
}
