/**
 * Compares trifecta's Python symbols with Python's own `ast` (scripts/python_oracle.py) on
 * real files: the set of (qualified_name, kind, line, end_line) must be equal per file.
 *
 *   bun scripts/python-agreement.ts            # the whole standard library
 *   bun scripts/python-agreement.ts --sample 40
 */
import { extractSymbols } from "../src/extract/extractor.ts";
import { decodeSource } from "../src/extract/source-text.ts";
import { compareMultisets } from "./multiset.ts";

export interface FileDisagreement {
  path: string;
  onlyOracle: string[];
  onlyTrifecta: string[];
}

export interface Agreement {
  filesCompared: number;
  filesSkipped: number;
  filesAgreeing: number;
  oracleSymbols: number;
  matchedSymbols: number;
  disagreements: FileDisagreement[];
}

const ORACLE = `${import.meta.dir}/python_oracle.py`;

export function stdlibDir(): string {
  const run = Bun.spawnSync(["python3", "-c", 'import sysconfig;print(sysconfig.get_paths()["stdlib"])']);
  return run.stdout.toString().trim();
}

/** Every `.py` file under the standard library, sorted, site-packages excluded. */
export function stdlibFiles(): string[] {
  const root = stdlibDir();
  const files = [...new Bun.Glob("**/*.py").scanSync({ cwd: root, followSymlinks: false })]
    .filter((rel) => !rel.startsWith("site-packages/"))
    .sort()
    .map((rel) => `${root}/${rel}`);
  return files;
}

/** A deterministic spread of `count` files across the sorted list. */
export function sample<T>(items: T[], count: number): T[] {
  if (count >= items.length) return items;
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]!);
}

export async function compareWithOracle(paths: string[]): Promise<Agreement> {
  const oracle = Bun.spawnSync(["python3", ORACLE], { stdin: new TextEncoder().encode(`${paths.join("\n")}\n`) });
  if (oracle.exitCode !== 0) throw new Error(`oracle failed: ${oracle.stderr.toString()}`);
  const result: Agreement = { filesCompared: 0, filesSkipped: 0, filesAgreeing: 0, oracleSymbols: 0, matchedSymbols: 0, disagreements: [] };
  for (const line of oracle.stdout.toString().split("\n")) {
    if (line === "") continue;
    const entry = JSON.parse(line) as { path: string; ok: boolean; symbols?: [string, string, number, number][] };
    if (!entry.ok) {
      result.filesSkipped++;
      continue;
    }
    const extraction = await extractSymbols("python", decodeSource(await Bun.file(entry.path).bytes()));
    const expected = entry.symbols!.map((s) => s.join("|"));
    const actual = extraction.symbols.map((s) => [s.qualified_name, s.kind, s.line, s.end_line].join("|"));
    const { matched, onlyExpected: onlyOracle, onlyActual: onlyTrifecta } = compareMultisets(expected, actual);
    result.matchedSymbols += matched;
    result.filesCompared++;
    result.oracleSymbols += expected.length;
    if (onlyOracle.length === 0 && onlyTrifecta.length === 0) result.filesAgreeing++;
    else result.disagreements.push({ path: entry.path, onlyOracle, onlyTrifecta });
  }
  return result;
}

if (import.meta.main) {
  const sampleAt = process.argv.indexOf("--sample");
  const files = stdlibFiles();
  const chosen = sampleAt === -1 ? files : sample(files, Number(process.argv[sampleAt + 1]));
  const started = performance.now();
  const agreement = await compareWithOracle(chosen);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const d of agreement.disagreements.slice(0, 20)) {
    console.log(`${d.path}\n  only ast:      ${d.onlyOracle.slice(0, 5).join(", ")}\n  only trifecta: ${d.onlyTrifecta.slice(0, 5).join(", ")}`);
  }
  const pct = (100 * agreement.matchedSymbols) / Math.max(1, agreement.oracleSymbols);
  console.log(
    `files: ${agreement.filesCompared} compared, ${agreement.filesAgreeing} identical, ${agreement.filesSkipped} skipped (Python cannot parse them)\n` +
      `symbols: ${agreement.matchedSymbols}/${agreement.oracleSymbols} matched (${pct.toFixed(3)}%), ` +
      `${agreement.disagreements.reduce((n, d) => n + d.onlyTrifecta.length, 0)} extra\n` +
      `time: ${seconds} s`,
  );
  process.exit(agreement.disagreements.length === 0 ? 0 : 1);
}
