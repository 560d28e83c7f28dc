/**
 * Extraction with references against extraction without, in one process: two extractor instances,
 * one whose language row has its reference patterns emptied, timed pass by pass in turn over the
 * same files (CPU time, so the noise of a shared machine hits both alike); medians and their ratio.
 *
 *   bun bench/references-cost.ts <language> <file listing paths, one a line> [passes]
 */
import { LANGUAGES, isLanguageId } from "../src/languages.ts";

const [id = "", listing, passes = "8"] = process.argv.slice(2);
if (!isLanguageId(id) || !listing) {
  console.error("usage: bun bench/references-cost.ts <language> <file list> [passes]");
  process.exit(2);
}
const language = id;
const paths = (await Bun.file(listing).text()).split("\n").filter(Boolean);
const sources = await Promise.all(paths.map((path) => Bun.file(path).text()));
const row = LANGUAGES[language] as { references: string };
const references = row.references;

// The extractor reads the row when it first loads a language: each instance keeps what it read.
type Extractor = typeof import("../src/extract/extractor.ts");
const extractor = `${import.meta.dir}/../src/extract/extractor.ts`;
row.references = "";
const without = ((await import(`${extractor}?without`)) as Extractor).extractSymbols;
await without(language, "");
row.references = references;
const withReferences = ((await import(`${extractor}?with`)) as Extractor).extractSymbols;
await withReferences(language, "");

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
async function pass(extract: typeof without): Promise<{ ms: number; references: number; lines: number }> {
  const started = cpuMs();
  let found = 0;
  let lines = 0;
  for (const source of sources) {
    found += (await extract(language, source)).references.length;
    lines += source.split("\n").length;
  }
  return { ms: cpuMs() - started, references: found, lines };
}
await pass(without);
await pass(withReferences);
const plain: number[] = [];
const full: number[] = [];
let last = { ms: 0, references: 0, lines: 0 };
for (let round = 0; round < Number(passes); round++) {
  plain.push((await pass(without)).ms);
  last = await pass(withReferences);
  full.push(last.ms);
}
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(
  `${language}: ${sources.length} files, ${last.lines} lines, ${last.references} references; without ${median(plain).toFixed(0)} ms, with ${median(full).toFixed(0)} ms, ratio ${(median(full) / median(plain)).toFixed(2)}`,
);
