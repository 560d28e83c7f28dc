/**
 * Extraction with references against extraction without, per language, over real trees: each round
 * runs one child process per side (interleaved), which extracts every file twice after a warm-up
 * and prints its CPU time; medians of the rounds. "Without" empties the language's reference query in
 * the child, so the joined definition + reference query is the definition query alone. Also prints
 * the references found per 1,000 lines, by kind.
 *
 *   bun bench/reference-cost.ts [ROUNDS] [language=DIR ...]      (defaults: the corpora below that exist)
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Glob } from "bun";
import { extractSymbols } from "../src/extract/extractor.ts";
import { decodeSource } from "../src/extract/source-text.ts";
import { isLanguageId, LANGUAGES, type LanguageId } from "../src/languages.ts";

const MAX_FILES = 400;
const modules = join(import.meta.dir, "..", "node_modules");
const CORPORA: [LanguageId, string][] = [
  ["python", "/usr/lib/python3/dist-packages/django"],
  ["typescript", join(modules, "zod", "src")],
  ["typescript", join(modules, "typescript", "lib")],
  ["javascript", join(modules, "@modelcontextprotocol", "sdk", "dist", "esm")],
  ["go", "/usr/lib/go/src/net/http"],
  ["rust", "/usr/share/cargo/registry"],
  ["java", "/tmp/trifecta-jdk-src/java.base/java/util"],
];

async function files(language: LanguageId, dir: string): Promise<string[]> {
  const found: string[] = [];
  const glob = new Glob(`**/*{${LANGUAGES[language].extensions.join(",")}}`);
  for await (const rel of glob.scan({ cwd: dir, onlyFiles: true })) if (!rel.includes("testdata")) found.push(join(dir, rel));
  return found.sort().slice(0, MAX_FILES);
}

if (process.argv[2] === "--child") {
  const [, , , language, side, ...paths] = process.argv as [string, string, string, LanguageId, string, ...string[]];
  if (side === "without") (LANGUAGES[language] as { references: string }).references = "";
  const texts = await Promise.all(paths.map(async (p) => decodeSource(new Uint8Array(await Bun.file(p).arrayBuffer()))));
  for (const text of texts.slice(0, 20)) await extractSymbols(language, text);
  const before = process.cpuUsage();
  for (let pass = 0; pass < 2; pass++) for (const text of texts) await extractSymbols(language, text);
  const spent = process.cpuUsage(before);
  console.log((spent.user + spent.system) / 1000);
  process.exit(0);
}

const rounds = Number(process.argv[2] ?? 5);
const pairs = process.argv.slice(3).map((arg): [LanguageId, string] => {
  const [language = "", dir = ""] = arg.split("=");
  if (!isLanguageId(language)) throw new Error(`unknown language ${language}`);
  return [language, dir];
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const child = (language: LanguageId, side: string, paths: string[]) =>
  Number(Bun.spawnSync([process.execPath, import.meta.path, "--child", language, side, ...paths], { stdout: "pipe", stderr: "inherit" }).stdout.toString());

console.log(`rounds: ${rounds}, bun ${Bun.version}, ${new Date().toISOString()}`);
console.log("| language | tree | files | lines | with ms | without ms | ratio | call | import | type | inherit | decorator (per 1,000 lines) |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const [language, dir] of pairs.length > 0 ? pairs : CORPORA.filter(([, dir]) => existsSync(dir))) {
  const paths = await files(language, dir);
  let lines = 0;
  const kinds: Record<string, number> = { call: 0, import: 0, type: 0, inherit: 0, decorator: 0 };
  for (const path of paths) {
    const text = decodeSource(new Uint8Array(await Bun.file(path).arrayBuffer()));
    lines += text.split("\n").length;
    for (const reference of (await extractSymbols(language, text)).references) kinds[reference.kind]!++;
  }
  const withRefs: number[] = [];
  const without: number[] = [];
  for (let round = 0; round < rounds; round++) {
    withRefs.push(child(language, "with", paths));
    without.push(child(language, "without", paths));
  }
  const perKloc = Object.values(kinds).map((n) => ((n * 1000) / lines).toFixed(1));
  const [a, b] = [median(withRefs), median(without)];
  console.log(`| ${language} | ${dir.replace(modules, "node_modules")} | ${paths.length} | ${lines} | ${a.toFixed(0)} | ${b.toFixed(0)} | ${(a / b).toFixed(2)}x | ${perKloc.join(" | ")} |`);
}
