/**
 * Per language: extraction (parse + query + records) against parse alone, same grammar, same
 * process, on one large file each: real code where a corpus is installed, else the language's
 * golden fixture repeated to ~200 KB. Medians of 7 runs after 2 warm-ups; prints a table.
 *
 *   bun bench/languages.ts
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Language, Parser } from "web-tree-sitter";
import { extractSymbols } from "../src/extract/extractor.ts";
import { decodeSource } from "../src/extract/source-text.ts";
import { LANGUAGE_IDS, LANGUAGES, type LanguageId } from "../src/languages.ts";
import { stdlibDir } from "../scripts/python-agreement.ts";

const golden = join(import.meta.dir, "..", "test", "golden", "src");
const REAL: Partial<Record<LanguageId, string>> = {
  python: join(stdlibDir(), "argparse.py"),
  typescript: join(import.meta.dir, "..", "node_modules", "typescript", "lib", "lib.dom.d.ts"),
  javascript: join(import.meta.dir, "..", "node_modules", "web-tree-sitter", "tree-sitter.js"),
  go: "/usr/share/go-1.19/src/net/http/server.go",
  rust: "/usr/share/cargo/registry/regex-1.7.1/src/re_unicode.rs",
  c: "/usr/share/go-1.19/src/runtime/cgo/gcc_libinit.c",
  java: "/tmp/trifecta-jdk-src/java.base/java/util/HashMap.java",
  php: "/usr/share/php/Symfony/Component/Console/Application.php",
};

function sample(language: LanguageId): { text: string; origin: string } {
  const real = REAL[language];
  if (real && existsSync(real)) return { text: decodeSource(readFileSync(real)), origin: real.split("/").slice(-2).join("/") };
  // Golden fixtures are named <language>.<ext>.
  const fixture = readdirSync(golden).find((n) => n.slice(0, n.lastIndexOf(".")) === language)!;
  const unit = readFileSync(join(golden, fixture), "utf8");
  return { text: unit.repeat(Math.ceil(200_000 / unit.length)), origin: `golden fixture x${Math.ceil(200_000 / unit.length)}` };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(run: () => unknown, rounds = 7): number {
  const samples: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const started = performance.now();
    run();
    if (i >= 2) samples.push(performance.now() - started);
  }
  return median(samples);
}

await extractSymbols("python", "pass\n"); // initialises the runtime once
console.log(`bun ${Bun.version}, ${new Date().toISOString()}\n`);
console.log("| language | file | KB | symbols | parse ms | extract ms | extract / parse |\n|---|---|---:|---:|---:|---:|---:|");
for (const id of LANGUAGE_IDS) {
  const { text, origin } = sample(id);
  const parser = new Parser();
  parser.setLanguage(await Language.load(readFileSync(LANGUAGES[id].grammar)));
  const parseMs = time(() => parser.parse(text)?.delete());
  let symbols = 0;
  const samples: number[] = [];
  for (let i = 0; i < 9; i++) {
    const started = performance.now();
    symbols = (await extractSymbols(id, text)).symbols.length;
    if (i >= 2) samples.push(performance.now() - started);
  }
  const extractMs = median(samples);
  console.log(`| ${id} | ${origin} | ${(text.length / 1024).toFixed(0)} | ${symbols} | ${parseMs.toFixed(1)} | ${extractMs.toFixed(1)} | ${(extractMs / parseMs).toFixed(2)}x |`);
  parser.delete();
}
