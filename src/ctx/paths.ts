/** What a file's path says about it, for ranking and filters: tests, vendored copies, compiled twins, globs. */

/**
 * Test code by the conventions of the supported languages: `_test.go`, `test_*.py`/`*_test.py`,
 * `*.test.ts`/`*.spec.js`, `*Test.java`/`*Tests.cs`/`*_spec.rb`, and anything under a `test`,
 * `tests`, `__tests__`, `testdata`, `spec` or `testing`-free `test*` folder named so, or under a folder
 * whose name ends in `Test` or `Tests` (Swift packages' `Tests/ArgumentParserUnitTests/`, C#'s `Polly.Core.Tests/`).
 */
const TEST_FILE = /(^|\/)(test_[^/]*\.py|[^/]*_(test|spec)\.[a-z]+|[^/]*\.(test|spec)\.[a-z]+|[^/]*Tests?\.(java|kt|scala|cs|swift|php|dart))$/;
const TEST_DIR = /(^|\/)(tests?|__tests__|testdata|spec|specs|[^/]*Tests?)\//;

export function isTestPath(fileRel: string): boolean {
  return TEST_DIR.test(fileRel) || TEST_FILE.test(fileRel);
}

/**
 * Code that shows or measures the library rather than being it: `examples/`, `_examples/` (Go's tools skip
 * `_` folders), `samples/`, `demos/`, Rust's `benches/`.
 */
const EXAMPLE_DIR = /(^|\/)(_?examples?|samples?|demos?|benches)\//;

export function isExamplePath(fileRel: string): boolean {
  return EXAMPLE_DIR.test(fileRel);
}

/** Another project's code copied in (Go's `vendor/`, `third_party/`). */
const VENDORED = /(^|\/)(vendor|third_party|vendored)\//;

export function isVendoredPath(fileRel: string): boolean {
  return VENDORED.test(fileRel);
}

/**
 * Files that are copies of one module, ranked source first, then declarations, then compiled code:
 * - JavaScript's family: `src/v3/types.ts`, `v3/types.d.ts`, `v3/types.js`, `v3/types.cjs` (an npm package
 *   ships its TypeScript source, declarations and compiled builds side by side), Flow's `lib/x.js.flow`. They share their folder's
 *   name and their own name without the extension.
 * - A Python stub next to its module (`m.pyi`, `m.py`) and an OCaml interface next to its implementation
 *   (`list.mli`, `list.ml`: the stdlib's every function was two hits). The same folder only: Python and
 *   OCaml trees are not shipped twice, and `a/utils/io.py` and `b/utils/io.py` are two modules.
 */
const TWIN_FAMILIES: readonly { family: string; pattern: RegExp; sameFolder: boolean; rank: (ext: string) => number }[] = [
  { family: "js", pattern: /\.(d\.[cm]?ts|js\.flow|[cm]?tsx?|[cm]?jsx?)$/, sameFolder: false, rank: (ext) => (ext.startsWith("d.") || ext === "js.flow" ? 1 : /^[cm]?tsx?$/.test(ext) ? 0 : 2) },
  { family: "py", pattern: /\.(pyi?)$/, sameFolder: true, rank: (ext) => (ext === "pyi" ? 1 : 0) },
  { family: "ml", pattern: /\.(mli?)$/, sameFolder: true, rank: (ext) => (ext === "mli" ? 1 : 0) },
];

export function moduleTwin(fileRel: string): { key: string; rank: number } | null {
  for (const { family, pattern, sameFolder, rank } of TWIN_FAMILIES) {
    const ext = pattern.exec(fileRel)?.[1];
    if (ext === undefined) continue;
    const stem = fileRel.slice(0, -ext.length - 1);
    const key = sameFolder ? stem : stem.split("/").slice(-2).join("/");
    return { key: `${family}:${key}`, rank: rank(ext) };
  }
  return null;
}

/** A C or C++ header (where a function is often declared, and defined in a source file). */
const C_HEADER = /\.(h|hh|hpp|hxx|h\+\+)$/;

export function isCHeader(fileRel: string): boolean {
  return C_HEADER.test(fileRel);
}

/**
 * `--path` globs (Bun.Glob syntax): a pattern also matches everything under a folder it names, and
 * one without `/` matches in any folder (as in .gitignore); a leading `!` excludes. A file passes
 * when it matches an include (or there are none) and no exclude.
 */
export function pathFilter(patterns: readonly string[]): (fileRel: string) => boolean {
  const compile = (pattern: string) => {
    const p = pattern.replace(/^\.\//, "").replace(/\/+$/, "");
    const forms = p.includes("/") ? [p, `${p}/**`] : [p, `${p}/**`, `**/${p}`, `**/${p}/**`];
    const globs = forms.map((f) => new Bun.Glob(f));
    return (fileRel: string) => globs.some((g) => g.match(fileRel));
  };
  const includes = patterns.filter((p) => !p.startsWith("!")).map(compile);
  const excludes = patterns.filter((p) => p.startsWith("!")).map((p) => compile(p.slice(1)));
  return (fileRel) => (includes.length === 0 || includes.some((m) => m(fileRel))) && !excludes.some((m) => m(fileRel));
}
