/**
 * Grammar choice per language: the build in tree-sitter-wasms 0.1.13 against the `.wasm` the
 * grammar's own npm package ships, on the same real corpus: does trifecta's query compile on it,
 * how many files parse with errors, agreement with the language's oracle (Python `ast`, the
 * TypeScript compiler, universal-ctags) and parse time (interleaved rounds, medians).
 *
 *   bun bench/grammars.ts [language…]      (packages are fetched with `npm pack` into a cache)
 */
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Language, Parser, Query } from "web-tree-sitter";
import { extractSymbols } from "../src/extract/extractor.ts";
import { decodeSource } from "../src/extract/source-text.ts";
import { LANGUAGES, type LanguageId } from "../src/languages.ts";
import { agreement, CORPORA } from "../scripts/ctags-agreement.ts";
import { compareWithOracle, stdlibFiles } from "../scripts/python-agreement.ts";
import { compare, packageSources, typescriptLibFiles } from "../scripts/typescript-agreement.ts";

interface Candidate {
  language: LanguageId;
  pkg: string;
  wasm: string;
  /** The build in tree-sitter-wasms 0.1.13. */
  old: string;
}

const OLD = (name: string) => join(import.meta.dir, "..", "node_modules", "tree-sitter-wasms", "out", `tree-sitter-${name}.wasm`);
const CANDIDATES: Candidate[] = [
  { language: "python", pkg: "tree-sitter-python@0.25.0", wasm: "tree-sitter-python.wasm", old: OLD("python") },
  { language: "typescript", pkg: "tree-sitter-typescript@0.23.2", wasm: "tree-sitter-typescript.wasm", old: OLD("typescript") },
  { language: "c", pkg: "tree-sitter-c@0.24.1", wasm: "tree-sitter-c.wasm", old: OLD("c") },
  { language: "cpp", pkg: "tree-sitter-cpp@0.23.4", wasm: "tree-sitter-cpp.wasm", old: OLD("cpp") },
  { language: "bash", pkg: "tree-sitter-bash@0.25.1", wasm: "tree-sitter-bash.wasm", old: OLD("bash") },
  { language: "kotlin", pkg: "@tree-sitter-grammars/tree-sitter-kotlin@1.1.0", wasm: "tree-sitter-kotlin.wasm", old: OLD("kotlin") },
  { language: "ocaml", pkg: "tree-sitter-ocaml@0.24.2", wasm: "tree-sitter-ocaml.wasm", old: OLD("ocaml") },
  // 0.1.13 has no interface grammar: `.mli` files were read with the implementation's.
  { language: "ocaml_interface", pkg: "tree-sitter-ocaml@0.24.2", wasm: "tree-sitter-ocaml_interface.wasm", old: OLD("ocaml") },
  { language: "lua", pkg: "@tree-sitter-grammars/tree-sitter-lua@0.4.1", wasm: "tree-sitter-lua.wasm", old: OLD("lua") },
];

const cache = join(tmpdir(), "trifecta-grammars");

function fetchWasm(c: Candidate): string {
  const dir = join(cache, c.pkg.replace(/[@/]/g, "_"));
  const path = join(dir, c.wasm);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const pack = Bun.spawnSync(["npm", "pack", c.pkg, "--silent", "--pack-destination", dir], { stdout: "pipe", stderr: "pipe" });
    if (pack.exitCode !== 0) throw new Error(`npm pack ${c.pkg}: ${pack.stderr.toString()}`);
    Bun.spawnSync(["tar", "xzf", join(dir, pack.stdout.toString().trim().split("\n").at(-1)!), "-C", dir, "--strip-components=1", `package/${c.wasm}`]);
  }
  return path;
}

function corpusFiles(language: LanguageId): string[] {
  if (language === "python") return stdlibFiles();
  if (language === "typescript") return [...typescriptLibFiles(), ...packageSources().filter((p) => /\.d\.ts$|\.d\.mts$/.test(p))];
  const corpus = CORPORA.find((c) => c.language === language)!;
  const files: string[] = [];
  for (const root of corpus.roots) {
    if (!existsSync(root)) continue;
    for (const rel of new Bun.Glob("**/*").scanSync({ cwd: root })) if (corpus.extensions.some((e) => (e === "" ? !rel.split("/").at(-1)!.includes(".") : rel.endsWith(e)))) files.push(join(root, rel));
  }
  return files.sort();
}

/** Run in a child per grammar: extraction caches the grammar it loaded first. */
async function measureAgreement(language: LanguageId, wasm: string): Promise<string> {
  // The runtime first, with the C functions some old scanners import (bash's `isalpha`).
  await extractSymbols("python", "");
  (LANGUAGES[language] as { grammar: string }).grammar = wasm;
  try {
    new Query(await loadLanguage(wasm), LANGUAGES[language].query);
  } catch (error) {
    return `query does not compile (${(error as Error).message.split("\n")[0]})`;
  }
  if (language === "python") {
    const r = await compareWithOracle(stdlibFiles());
    return `ast: ${r.filesAgreeing}/${r.filesCompared} files identical, ${((100 * r.matchedSymbols) / r.oracleSymbols).toFixed(2)}% of symbols`;
  }
  if (language === "typescript") {
    const r = await compare(corpusFiles("typescript"));
    return `compiler: ${((100 * r.matched) / r.oracleRows).toFixed(2)}% of ${r.oracleRows} rows`;
  }
  const r = await agreement(CORPORA.find((c) => c.language === language)!);
  if (!r) return "no corpus";
  return `ctags: recall ${((100 * r.bothMatched) / r.bothReport).toFixed(2)}%, precision ${((100 * r.oursBothMatched) / r.oursBoth).toFixed(2)}% (names both report)`;
}

async function loadLanguage(wasm: string): Promise<Language> {
  await Parser.init();
  return Language.load(await Bun.file(wasm).bytes());
}

async function parseStats(wasms: string[], texts: string[], rounds = 5): Promise<{ errors: number; ms: number }[]> {
  const parsers = await Promise.all(
    wasms.map(async (w) => {
      const parser = new Parser();
      parser.setLanguage(await loadLanguage(w));
      return parser;
    }),
  );
  const times: number[][] = wasms.map(() => []);
  const errors = wasms.map(() => 0);
  for (let round = 0; round < rounds; round++) {
    parsers.forEach((parser, i) => {
      const started = performance.now();
      let withErrors = 0;
      for (const text of texts) {
        const tree = parser.parse(text)!;
        if (tree.rootNode.hasError) withErrors++;
        tree.delete();
      }
      times[i]!.push(performance.now() - started);
      errors[i] = withErrors;
    });
  }
  return times.map((t, i) => ({ errors: errors[i]!, ms: t.sort((a, b) => a - b)[Math.floor(t.length / 2)]! }));
}

if (process.argv[2] === "--child") {
  console.log(JSON.stringify(await measureAgreement(process.argv[3] as LanguageId, process.argv[4]!)));
  process.exit(0);
}

const asked = process.argv.slice(2);
console.log("| language | corpus files | build | query | files with errors | oracle agreement | parse ms (median of 5) | new / old |\n|---|---:|---|---|---:|---|---:|---:|");
for (const c of CANDIDATES.filter((c) => asked.length === 0 || asked.includes(c.language))) {
  const files = corpusFiles(c.language);
  if (files.length === 0) {
    console.log(`| ${c.language} | 0 | | | | no corpus | | |`);
    continue;
  }
  const fresh = fetchWasm(c);
  const texts = await Promise.all(files.map(async (f) => decodeSource(await Bun.file(f).bytes())));
  // Lua: the old build is only right on a process's first parse; one warm-up parse shows what every later one gets.
  await extractSymbols("python", "");
  const [old, now] = await parseStats([c.old, fresh], texts);
  const agreements = [c.old, fresh].map((wasm) => {
    const child = Bun.spawnSync([process.execPath, import.meta.path, "--child", c.language, wasm], { stdout: "pipe", stderr: "pipe" });
    return child.exitCode === 0 ? (JSON.parse(child.stdout.toString().trim().split("\n").at(-1)!) as string) : `failed: ${child.stderr.toString().split("\n").find((l) => l.includes("rror")) ?? ""}`;
  });
  const compiles = (a: string) => (a.startsWith("query does not compile") ? "no" : "yes");
  console.log(`| ${c.language} | ${files.length} | tree-sitter-wasms 0.1.13 | ${compiles(agreements[0]!)} | ${old!.errors} | ${agreements[0]} | ${old!.ms.toFixed(0)} | |`);
  console.log(`| | | ${c.pkg} | ${compiles(agreements[1]!)} | ${now!.errors} | ${agreements[1]} | ${now!.ms.toFixed(0)} | ${(now!.ms / old!.ms).toFixed(2)}x |`);
}
