/**
 * Agreement with Debian's universal-ctags on real code, per language: of the definitions ctags
 * reports in the kinds trifecta also reports, how many trifecta reports with the same name on
 * the same line (recall), and of trifecta's symbols in those kinds, how many ctags reports
 * (precision). Needs `ctags` (Debian: universal-ctags) and the corpora below (Debian packages
 * golang-go, librust-*-dev, openjdk-17-source, ruby-rack, php-symfony-console, lua-penlight,
 * googletest, ocaml-nox); languages whose corpus is missing are skipped and say so.
 *
 *   bun scripts/ctags-agreement.ts [--list] [language…]
 *
 * --list prints every difference on names both report (ctags' tag or trifecta's symbol, path:line).
 *
 * Fetched on demand into the temp dir: Kotlin's corpus, React Native 0.76.0's Android sources
 * (`npm pack`, 386 .kt files); C#'s, the examples of swig4.0-examples 4.1.0-0.2 (`apt-get download`,
 * 117 .cs) with edge-js 26.1.0's and edge-cs 1.2.1's sources (`npm pack`, 13 .cs); Elixir's, the
 * Elixir sources of @snyk/snyk-hex-plugin 2.2.2 (`npm pack`, 19 .ex/.exs). No Debian package ships
 * Elixir sources (elixir ships .beam only).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractSymbols } from "../src/extract/extractor.ts";
import { decodeSource } from "../src/extract/source-text.ts";
import { HEAD_BYTES } from "../src/ctx/generated.ts";
import { readsAs, type LanguageId } from "../src/languages.ts";

export interface Corpus {
  language: LanguageId;
  ctagsLanguage: string;
  /** ctags kinds (full names) that correspond to kinds trifecta reports. */
  kinds: string[];
  /** trifecta kinds that correspond to those (for precision). */
  ours: string[];
  ctagsFlags?: string[];
  roots: string[];
  extensions: string[];
  skip?: RegExp;
  maxFiles?: number;
  /** C and C++: definitions in a later branch of a preprocessor conditional ctags skips are classified. */
  preprocessor?: boolean;
  /** Of the `.h` files, those Objective-C claims (src/languages.ts readsAs). */
  objcHeadersOnly?: boolean;
}

function pythonInclude(): string {
  const run = Bun.spawnSync(["python3", "-c", "import sysconfig;print(sysconfig.get_paths()['include'])"]);
  return run.stdout.toString().trim();
}

/**
 * The files of an npm package matching `pattern` (a tar wildcard under `package/`), unpacked once into
 * the temp dir by `npm pack` (the registry's ordinary client): the corpus of a language no Debian
 * package installs sources of.
 */
function npmPackage(spec: string, pattern: string): string {
  const out = join(tmpdir(), "trifecta-corpora", `${spec}_${pattern}`.replace(/[@/*]/g, "_"));
  if (!existsSync(join(out, ".unpacked"))) {
    mkdirSync(out, { recursive: true });
    const pack = Bun.spawnSync(["npm", "pack", spec, "--silent", "--pack-destination", out], { stdout: "pipe", stderr: "pipe" });
    if (pack.exitCode === 0 && Bun.spawnSync(["tar", "xzf", join(out, pack.stdout.toString().trim()), "-C", out, "--strip-components=1", "--wildcards", `package/${pattern}`]).exitCode === 0) Bun.write(join(out, ".unpacked"), "");
  }
  return out;
}

/**
 * A Debian package's files, unpacked (not installed) once into the temp dir by `apt-get download`,
 * with what Debian gzips under /usr/share/doc (files over 4 kB) decompressed.
 */
function debianPackage(name: string, version: string): string {
  const out = join(tmpdir(), "trifecta-corpora", `${name}_${version}`);
  if (!existsSync(join(out, ".unpacked"))) {
    mkdirSync(out, { recursive: true });
    const download = Bun.spawnSync(["apt-get", "download", `${name}=${version}`], { cwd: out, stdout: "pipe", stderr: "pipe" });
    const deb = readdirSync(out).find((f) => f.endsWith(".deb"));
    if (download.exitCode === 0 && deb && Bun.spawnSync(["dpkg-deb", "-x", join(out, deb), out]).exitCode === 0 && Bun.spawnSync(["gzip", "-dr", join(out, "usr")]).exitCode === 0) Bun.write(join(out, ".unpacked"), "");
  }
  return out;
}

function javaSources(): string {
  const zip = "/usr/lib/jvm/openjdk-17/lib/src.zip";
  const out = join(tmpdir(), "trifecta-jdk-src");
  if (existsSync(zip) && !existsSync(join(out, "java.base"))) Bun.spawnSync(["unzip", "-q", "-o", zip, "java.base/java/util/*", "java.base/java/io/*", "-d", out]);
  return join(out, "java.base");
}

const CALLABLE = ["function", "method", "constructor"];
// Corpora fetched on demand only when their language is asked for (or all are).
const LIST = "--list";
const asked = process.argv.slice(2).filter((a) => a !== LIST);
const wanted = (language: string) => !import.meta.main || asked.length === 0 || asked.includes(language);
export const CORPORA: Corpus[] = [
  {
    language: "go",
    ctagsLanguage: "Go",
    kinds: ["func", "struct", "interface", "type", "talias", "methodSpec", "const", "var", "member"],
    ours: [...CALLABLE, "struct", "interface", "type", "constant", "variable", "field"],
    roots: ["/usr/share/go-1.19/src"],
    extensions: [".go"],
    skip: /(_test\.go$|\/testdata\/|\/vendor\/)/,
    maxFiles: 1500,
  },
  {
    language: "rust",
    ctagsLanguage: "Rust",
    kinds: ["function", "method", "struct", "enum", "interface", "module", "typedef", "macro", "field", "enumerator", "variable"],
    ours: [...CALLABLE, "struct", "enum", "trait", "module", "type", "macro", "field", "enum_member", "constant"],
    roots: ["/usr/share/cargo/registry"],
    extensions: [".rs"],
  },
  {
    language: "c",
    ctagsLanguage: "C",
    // Functions declared without a body are prototypes to ctags (off by default: turned on).
    kinds: ["function", "struct", "union", "enum", "typedef", "macro", "variable", "member", "enumerator", "prototype"],
    ctagsFlags: ["--kinds-C=+p"],
    ours: [...CALLABLE, "struct", "union", "enum", "type", "macro", "constant", "variable", "field", "enum_member"],
    roots: [pythonInclude(), "/usr/share/go-1.19/src/runtime/cgo"],
    extensions: [".h", ".c"],
    preprocessor: true,
  },
  {
    language: "cpp",
    ctagsLanguage: "C++",
    // Functions declared without a body, in a class or not, are prototypes to ctags (off by default: turned on).
    kinds: ["function", "class", "struct", "union", "enum", "typedef", "namespace", "macro", "variable", "member", "enumerator", "prototype"],
    ctagsFlags: ["--kinds-C++=+p"],
    ours: [...CALLABLE, "class", "struct", "union", "enum", "type", "module", "macro", "constant", "variable", "field", "enum_member"],
    roots: ["/usr/src/googletest"],
    extensions: [".h", ".cc", ".cpp", ".hpp"],
    preprocessor: true,
  },
  {
    language: "java",
    ctagsLanguage: "Java",
    kinds: ["class", "interface", "enum", "method", "annotation", "field", "enumConstant"],
    ours: [...CALLABLE, "class", "interface", "enum", "record", "field", "enum_member"],
    roots: [javaSources()],
    extensions: [".java"],
  },
  {
    language: "kotlin",
    ctagsLanguage: "Kotlin",
    kinds: ["class", "interface", "object", "method", "typealias", "constant", "variable"],
    // ctags has no constructor kind (secondary constructors).
    ours: ["function", "method", "class", "interface", "enum", "object", "type", "constant", "variable", "field"],
    roots: wanted("kotlin") ? [join(npmPackage("react-native@0.76.0", "ReactAndroid/*.kt"), "ReactAndroid")] : [],
    extensions: [".kt"],
  },
  {
    language: "ocaml",
    ctagsLanguage: "OCaml",
    kinds: ["module", "class", "function", "method", "type", "var", "RecordField", "Constructor", "Exception"],
    ours: [...CALLABLE, "module", "interface", "class", "type", "variable", "field", "enum_member"],
    roots: ["/usr/lib/ocaml"],
    extensions: [".ml"],
  },
  {
    language: "ocaml_interface",
    ctagsLanguage: "OCaml",
    // ctags tags `val` and `external` as val, whether a function or not.
    kinds: ["module", "class", "method", "type", "val", "RecordField", "Constructor", "Exception"],
    ours: [...CALLABLE, "module", "interface", "class", "type", "variable", "field", "enum_member"],
    roots: ["/usr/lib/ocaml"],
    extensions: [".mli"],
  },
  {
    language: "c_sharp",
    ctagsLanguage: "C#",
    // ctags' method covers constructors, destructors and operators; its property and event are fields to trifecta.
    kinds: ["namespace", "class", "interface", "struct", "enum", "typedef", "method", "field", "property", "event", "enumerator"],
    ours: [...CALLABLE, "module", "class", "interface", "struct", "enum", "record", "type", "constant", "field", "enum_member"],
    roots: wanted("c_sharp")
      ? [join(debianPackage("swig4.0-examples", "4.1.0-0.2"), "usr/share/doc/swig4.0-examples/Examples"), join(npmPackage("edge-js@26.1.0", "src/*.cs"), "src"), join(npmPackage("edge-cs@1.2.1", "src/*.cs"), "src")]
      : [],
    extensions: [".cs"],
  },
  {
    language: "elixir",
    ctagsLanguage: "Elixir",
    kinds: ["module", "protocol", "implementation", "function", "macro", "delegate", "guard", "operator"],
    ours: [...CALLABLE, "module"],
    roots: wanted("elixir") ? [join(npmPackage("@snyk/snyk-hex-plugin@2.2.2", "elixirsrc/*"), "elixirsrc")] : [],
    extensions: [".ex", ".exs"],
  },
  {
    language: "objc",
    ctagsLanguage: "ObjectiveC",
    // ctags' class is a class method; its interface and implementation include categories and class
    // extensions (`@interface C ()`), which trifecta reads as scopes naming the methods they add.
    kinds: ["interface", "implementation", "protocol", "method", "class", "property", "field", "function", "typedef", "struct", "enum", "macro", "var"],
    ours: [...CALLABLE, "class", "interface", "struct", "union", "enum", "type", "macro", "constant", "variable", "field"],
    // React Native's iOS sources: the `.m` and `.mm` (Objective-C++) files and the `.h` headers that are Objective-C (src/languages.ts).
    roots: wanted("objc") ? [join(npmPackage("react-native@0.76.0", "React/*"), "React")] : [],
    extensions: [".m", ".mm", ".h"],
    objcHeadersOnly: true,
  },
  { language: "ruby", ctagsLanguage: "Ruby", kinds: ["module", "class", "method", "singletonMethod", "constant"], ours: [...CALLABLE, "module", "class", "constant"], roots: ["/usr/share/rubygems-integration/all/gems"], extensions: [".rb"] },
  { language: "php", ctagsLanguage: "PHP", kinds: ["class", "interface", "trait", "function", "define"], ours: [...CALLABLE, "class", "interface", "trait", "constant"], roots: ["/usr/share/php/Symfony"], extensions: [".php"] },
  { language: "lua", ctagsLanguage: "Lua", kinds: ["function"], ours: CALLABLE, roots: ["/usr/share/lua/5.1/pl", "/usr/share/lua/5.4/pl"], extensions: [".lua"] },
  { language: "bash", ctagsLanguage: "Sh", kinds: ["function"], ours: ["function"], roots: ["/usr/share/bash-completion/completions"], extensions: [""] },
];

function listFiles(corpus: Corpus): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile() && stat.size < 2_000_000 && corpus.extensions.some((e) => (e === "" ? !name.includes(".") : name.endsWith(e))) && !corpus.skip?.test(path) && !(corpus.objcHeadersOnly && name.endsWith(".h") && readsAs("c", name, () => readFileSync(path, "utf8").slice(0, HEAD_BYTES)) !== "objc")) files.push(path);
    }
  };
  for (const root of corpus.roots) if (existsSync(root)) walk(root);
  return corpus.maxFiles ? files.slice(0, corpus.maxFiles) : files;
}

const VALUE_TAGS = new Set(["variable", "constant", "var", "const"]);
const FUNCTION_SCOPES = new Set(["function", "method", "func"]);

/**
 * For each line (0-based), the preprocessor conditionals around it: `conditional:branch` of each,
 * branch 0 the `#if` part, 1… the `#elif`/`#else` parts.
 */
function preprocessorBranches(lines: string[]): string[][] {
  const open: { id: number; branch: number }[] = [];
  let next = 0;
  return lines.map((line) => {
    const directive = /^\s*#\s*(if|ifdef|ifndef|elif|elifdef|elifndef|else|endif)\b/.exec(line)?.[1];
    if (directive === "endif") open.pop();
    else if (directive?.startsWith("if")) open.push({ id: next++, branch: 0 });
    else if (directive && open.length > 0) open.at(-1)!.branch++;
    return open.map((c) => `${c.id}:${c.branch}`);
  });
}

/**
 * ctags' fault, verified by rule: after a brace a conditional leaves open (`#ifdef __cplusplus` /
 * `extern "C" {` / `#endif` at the top of a header), ctags' C parser follows one branch of each later
 * conditional, the first, so of alternative definitions (`#if A` / `#define X 1` / `#else` /
 * `#define X 2`) it tags the first only. A symbol is such an alternative when it lies in a later
 * branch of a conditional in an earlier branch of which ctags tags the same name.
 */
function inSkippedBranch(name: string, line: number, branches: string[][], tagLines: Map<string, number[]>): boolean {
  const here = branches[line - 1] ?? [];
  return (tagLines.get(name) ?? []).some((tagLine) => {
    const there = branches[tagLine - 1] ?? [];
    return here.some((branch) => {
      const [conditional, index] = branch.split(":");
      const earlier = there.find((b) => b.startsWith(`${conditional}:`));
      return earlier !== undefined && Number(earlier.split(":")[1]) < Number(index);
    });
  });
}

/**
 * A symbol's name as ctags writes it where the two name one definition differently: ctags names an Elixir
 * implementation (`defimpl Encoder, for: Tuple`) by its protocol, trifecta by the module it is, `Encoder.Tuple`.
 */
function asCtagsNames(language: LanguageId, symbol: { kind: string; name: string; parent: string | null; signature: string }): string {
  if (language === "elixir" && symbol.kind === "module" && /^defimpl\b.*\bfor:\s*[A-Z]/.test(symbol.signature) && symbol.parent) return symbol.parent.split(".").at(-1)!;
  return symbol.name;
}

export async function agreement(corpus: Corpus) {
  const files = listFiles(corpus);
  if (files.length === 0) return null;
  // One ctags process per file: its OCaml parser carries state from one file to the next (run over the
  // whole corpus at once, it tags 54 of the 125 definitions it tags in map.ml alone).
  const output = files.map((file) => Bun.spawnSync(["ctags", "--output-format=json", "--fields=+nKS", `--language-force=${corpus.ctagsLanguage}`, ...(corpus.ctagsFlags ?? []), "-f", "-", file], { stdout: "pipe", stderr: "pipe" }).stdout.toString()).join("\n");
  const expected = new Map<string, Map<string, number>>();
  let ctagsDefs = 0;
  let ctagsLocals = 0;
  for (const line of output.split("\n")) {
    if (!line.startsWith("{")) continue;
    const tag = JSON.parse(line) as { path: string; name: string; line: number; kind: string; signature?: string; scopeKind?: string };
    // Anonymous structs/classes get made-up names from ctags; they have none in the source.
    if (!corpus.kinds.includes(tag.kind) || /^(__anon|AnonymousClass)/.test(tag.name)) continue;
    // ctags' OCaml parser names each file a module (`Arg` at line 1 of arg.ml): no such definition.
    if (corpus.ctagsLanguage === "OCaml" && tag.kind === "module" && tag.line === 1 && tag.name.toLowerCase() === tag.path.split("/").at(-1)!.replace(/\.mli?$/, "").toLowerCase()) continue;
    // A variable ctags scopes in a function is a local (Kotlin's parser tags `val`s in function bodies).
    if (VALUE_TAGS.has(tag.kind) && tag.scopeKind !== undefined && FUNCTION_SCOPES.has(tag.scopeKind)) {
      ctagsLocals++;
      continue;
    }
    // ctags' shell parser reports `COMPREPLY=( … )` and the like as functions: not names at all.
    if (corpus.language === "bash" && /[=()]/.test(tag.name)) continue;
    // ctags writes Lua's `function a.b:c()` as one name; trifecta names `c`, owned by `a.b`. An Objective-C
    // selector (`initWithName:count:`) is one name to both.
    if (!tag.name.endsWith(":")) tag.name = tag.name.split(/[.:]/).at(-1)!;
    const perFile = expected.get(tag.path) ?? new Map<string, number>();
    const key = `${tag.name}:${tag.line}`;
    perFile.set(key, (perFile.get(key) ?? 0) + 1);
    expected.set(tag.path, perFile);
    ctagsDefs++;
  }
  let matched = 0;
  let matchedAtName = 0;
  // Definitions both tools report: ctags' tags whose name trifecta also reports in that file.
  let bothReport = 0;
  let bothMatched = 0;
  let trifectaDefs = 0;
  let oursDefs = 0;
  let nestedInFunctions = 0;
  let oursMatched = 0;
  let oursBoth = 0;
  let oursBothMatched = 0;
  // Of trifecta's symbols ctags does not report, those its own faults account for (see inSkippedBranch).
  let ctagsSkipsBranch = 0;
  const misses: string[] = [];
  const extras: string[] = [];
  // Every difference on names both report (`--list`): what the "on names both report" figures miss.
  const bothMisses: string[] = [];
  const bothExtras: string[] = [];
  for (const path of files) {
    const text = decodeSource(await Bun.file(path).bytes());
    const lines = text.split("\n");
    const extracted = await extractSymbols(corpus.language, text);
    const extraction = { ...extracted, symbols: extracted.symbols.map((symbol) => ({ ...symbol, name: asCtagsNames(corpus.language, symbol) })) };
    trifectaDefs += extraction.symbols.length;
    const atStart = new Set(extraction.symbols.map((s) => `${s.name}:${s.line}`));
    // ctags gives the line of the name; a definition may start earlier (return type, attributes,
    // `typedef struct {` … `} Name;`): the first and the last line of the range holding the name.
    const nameLines = extraction.symbols.map((s) => {
      const word = new RegExp(`(^|[^\\w$])${s.name.replace(/[^\w$]/g, "\\$&")}([^\\w$]|$)`);
      const range = lines.slice(s.line - 1, s.end_line);
      const first = range.findIndex((l) => word.test(l));
      const last = range.findLastIndex((l) => word.test(l));
      // ctags' Objective-C parser gives a method the line of its body's `{`, or its declaration's last line
      // (a selector is not written whole on any line).
      const objcMethod = corpus.language === "objc" && s.kind === "method";
      const brace = objcMethod ? range.findIndex((l) => l.includes("{")) : -1;
      const end = objcMethod ? s.end_line - s.line : -1;
      return [first, last, brace, end].filter((i) => i !== -1).map((i) => `${s.name}:${s.line + i}`);
    });
    const atName = new Set(nameLines.flat());
    const ourNames = new Set(extraction.symbols.map((s) => s.name));
    // Precision: trifecta's symbols in the kinds ctags reports, found among ctags' tags.
    const tags = expected.get(path) ?? new Map<string, number>();
    const tagNames = new Set([...tags.keys()].map((k) => k.slice(0, k.lastIndexOf(":"))));
    const tagLines = new Map<string, number[]>();
    for (const key of tags.keys()) {
      const name = key.slice(0, key.lastIndexOf(":"));
      tagLines.set(name, [...(tagLines.get(name) ?? []), Number(key.slice(key.lastIndexOf(":") + 1))]);
    }
    const branches = corpus.preprocessor ? preprocessorBranches(lines) : [];
    // ctags tags no definition nested in a function (closures, local types, methods of anonymous
    // classes): those are left out of precision and counted apart.
    const kindOf = new Map(extraction.symbols.map((s) => [s.qualified_name, s.kind]));
    extraction.symbols.forEach((symbol, i) => {
      if (!corpus.ours.includes(symbol.kind)) return;
      if (symbol.parent !== null && CALLABLE.includes(kindOf.get(symbol.parent) ?? "")) {
        nestedInFunctions++;
        return;
      }
      const found = tags.has(`${symbol.name}:${symbol.line}`) || nameLines[i]!.some((k) => tags.has(k));
      oursDefs++;
      if (found) oursMatched++;
      else if (extras.length < 12) extras.push(`${path.split("/").slice(-2).join("/")}:${symbol.kind} ${symbol.qualified_name}:${symbol.line}`);
      if (tagNames.has(symbol.name)) {
        oursBoth++;
        if (found) oursBothMatched++;
        else if (corpus.preprocessor && inSkippedBranch(symbol.name, symbol.line, branches, tagLines)) ctagsSkipsBranch++;
        else bothExtras.push(`${path}:${symbol.line}: ${symbol.kind} ${symbol.qualified_name}`);
      }
    });
    for (const [key, count] of expected.get(path) ?? []) {
      const both = ourNames.has(key.slice(0, key.lastIndexOf(":")));
      if (both) bothReport += count;
      if (both && (atStart.has(key) || atName.has(key))) bothMatched += count;
      else if (both) bothMisses.push(`${path}:${key.slice(key.lastIndexOf(":") + 1)}: ${key.slice(0, key.lastIndexOf(":"))}`);
      if (atStart.has(key)) matched += count;
      if (atStart.has(key) || atName.has(key)) matchedAtName += count;
      else if (misses.length < 12) misses.push(`${path.split("/").slice(-2).join("/")}:${key}`);
    }
  }
  return { language: corpus.language, files: files.length, ctagsDefs, trifectaDefs, matched, matchedAtName, bothReport, bothMatched, oursDefs, oursMatched, oursBoth, oursBothMatched, ctagsSkipsBranch, nestedInFunctions, ctagsLocals, misses, extras, bothMisses, bothExtras };
}

if (import.meta.main) {
  const list = process.argv.includes(LIST);
  console.log(
    "| language | files | ctags definitions | trifecta symbols | same name, same start line | same name, name on ctags' line | recall | recall on names both report | precision | precision on names both report | ctags' faults among them | precision on names both report, net of ctags' faults | nested in functions (not in precision) | ctags locals (left out) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  const notes: string[] = [];
  for (const corpus of CORPORA.filter((c) => wanted(c.language))) {
    const r = await agreement(corpus);
    if (!r) {
      notes.push(`${corpus.language}: no corpus installed (${corpus.roots.join(", ")})`);
      continue;
    }
    const rate = (100 * r.matchedAtName) / Math.max(1, r.ctagsDefs);
    const both = (100 * r.bothMatched) / Math.max(1, r.bothReport);
    const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(2)}%`;
    console.log(
      `| ${r.language} | ${r.files} | ${r.ctagsDefs} | ${r.trifectaDefs} | ${r.matched} | ${r.matchedAtName} | ${rate.toFixed(2)}% | ${both.toFixed(2)}% (${r.bothMatched}/${r.bothReport}) | ${pct(r.oursMatched, r.oursDefs)} | ${pct(r.oursBothMatched, r.oursBoth)} (${r.oursBothMatched}/${r.oursBoth}) | ${r.ctagsSkipsBranch} | ${pct(r.oursBothMatched, r.oursBoth - r.ctagsSkipsBranch)} (${r.oursBothMatched}/${r.oursBoth - r.ctagsSkipsBranch}) | ${r.nestedInFunctions} | ${r.ctagsLocals} |`,
    );
    if (list) for (const line of [...r.bothMisses.map((m) => `only ctags ${m}`), ...r.bothExtras.map((e) => `only trifecta ${e}`)]) notes.push(`${r.language} ${line}`);
    if (r.misses.length > 0) notes.push(`${r.language} misses, e.g.: ${r.misses.join("; ")}`);
    if (r.extras.length > 0) notes.push(`${r.language} only trifecta, e.g.: ${r.extras.join("; ")}`);
  }
  for (const note of notes) console.log(note);
}
