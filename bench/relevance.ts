/**
 * Search quality: recall@5 and MRR@10 of `ctx search` over natural-language query sets written before
 * ranking was tuned, each on a real tree a fresh machine gets by package name, through the compiled
 * binary. The test suite runs the same evaluation (test/slow/relevance.slow.ts).
 *
 *   bun run build && bun bench/relevance.ts [--set python,go,typescript] [--binary PATH] [--npm-cache DIR] [--misses]
 *
 * Sets (bench/relevance*.json):
 * - python: the Python standard library without tests or site-packages (python3's own stdlib).
 * - go: Go's standard library, /usr/lib/go/src whole (tests and cmd/ included; `apt-get install golang-go`
 *   when missing).
 * - typescript: npm's rxjs@7.8.2 and zod@3.25.76 as published (TypeScript source and the compiled
 *   `.d.ts`/`.js`/`.cjs` copies), installed with npm into `--npm-cache` when missing.
 * - java (held out: never tuned on): Java's java.base module from openjdk-17-source's src.zip
 *   (`apt-get install openjdk-17-source unzip` when missing).
 *
 * A hit counts when its id is an expected id, or an overload of one (`name@LINE` in the same file).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { stdlibSegment } from "./stdlib-segment.ts";

export interface Relevance {
  set: string;
  queries: number;
  recallAt5: number;
  mrr: number;
  misses: { query: string; expected: string[]; got: string[] }[];
}

interface Query {
  query: string;
  expected: string[];
}

const NPM_PACKAGES = ["rxjs@7.8.2", "zod@3.25.76"];

function scratch(name: string): string {
  return realpathSync(mkdtempSync(join(tmpdir(), `trifecta-relevance-${name}-`)));
}

function run(command: string[]): void {
  const r = Bun.spawnSync(command, { stdout: "pipe", stderr: "pipe" });
  if (r.exitCode !== 0) throw new Error(`${command.join(" ")} failed: ${r.stderr.toString().trim().split("\n").slice(-2).join(" ")}`);
}

function goSegment(): string {
  const source = "/usr/lib/go/src";
  if (!existsSync(join(source, "fmt"))) {
    run(["apt-get", "update"]);
    run(["apt-get", "install", "-y", "golang-go"]);
  }
  const root = scratch("go");
  cpSync(realpathSync(source), root, { recursive: true, verbatimSymlinks: true });
  return root;
}

function javaSegment(): string {
  const zip = "/usr/lib/jvm/openjdk-17/lib/src.zip";
  if (!existsSync(zip) || !Bun.which("unzip")) {
    run(["apt-get", "update"]);
    run(["apt-get", "install", "-y", "openjdk-17-source", "unzip"]);
  }
  const root = scratch("java");
  run(["unzip", "-q", "-o", zip, "java.base/*", "-d", root]);
  // The module's folders at the segment's top: ids read java/util/..., not java.base/java/util/...
  for (const entry of readdirSync(join(root, "java.base"))) renameSync(join(root, "java.base", entry), join(root, entry));
  rmSync(join(root, "java.base"), { recursive: true });
  return root;
}

function typescriptSegment(npmCache: string): string {
  const modules = join(npmCache, "node_modules");
  const names = NPM_PACKAGES.map((p) => p.slice(0, p.lastIndexOf("@")));
  const installed = NPM_PACKAGES.every((p, i) => {
    const manifest = join(modules, names[i]!, "package.json");
    return existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version === p.slice(p.lastIndexOf("@") + 1);
  });
  if (!installed) {
    mkdirSync(npmCache, { recursive: true });
    run(["npm", "install", "--no-audit", "--no-fund", "--prefix", npmCache, ...NPM_PACKAGES]);
  }
  // At the segment's top: a folder named node_modules would be skipped by the walk.
  const root = scratch("ts");
  for (const name of names) cpSync(realpathSync(join(modules, name)), join(root, name), { recursive: true, verbatimSymlinks: true });
  return root;
}

export const SETS: Record<string, { file: string; segment: (npmCache: string) => string }> = {
  python: { file: "relevance.json", segment: () => stdlibSegment().root },
  go: { file: "relevance-go.json", segment: goSegment },
  typescript: { file: "relevance-typescript.json", segment: typescriptSegment },
  java: { file: "relevance-java.json", segment: javaSegment },
};

const DEFAULT_BINARY = join(import.meta.dir, "..", "dist", "trifecta");
const DEFAULT_NPM_CACHE = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "trifecta-relevance", "npm");

/** The set's queries against an already materialised segment (built first when it has no index). */
export function evaluateOn(binary: string, set: string, queries: readonly Query[], root: string): Relevance {
  const ask = (args: string[]) => JSON.parse(Bun.spawnSync([binary, ...args, "--segment", root]).stdout.toString());
  ask(["ctx", "build"]);
  const sameDefinition = (id: string) => id.replace(/@\d+(:\d+)?$/, "");
  let found = 0;
  let reciprocal = 0;
  const misses: Relevance["misses"] = [];
  for (const { query, expected } of queries) {
    const hits = (ask(["ctx", "search", query, "--limit", "10"]).hits as { id: string }[]).map((h) => h.id);
    const rank = hits.findIndex((id) => expected.includes(sameDefinition(id)));
    if (rank !== -1 && rank < 5) found++;
    if (rank !== -1) reciprocal += 1 / (rank + 1);
    if (rank === -1 || rank >= 5) misses.push({ query, expected, got: hits.slice(0, 5) });
  }
  return { set, queries: queries.length, recallAt5: found / queries.length, mrr: reciprocal / queries.length, misses };
}

export async function loadQueries(set: string): Promise<Query[]> {
  const spec = SETS[set];
  if (!spec) throw new Error(`unknown set '${set}': one of ${Object.keys(SETS).join(", ")}`);
  return ((await Bun.file(join(import.meta.dir, spec.file)).json()) as { queries: Query[] }).queries;
}

/** One set, on a fresh copy of its tree (removed afterwards). */
export async function evaluateRelevance(binary = DEFAULT_BINARY, set = "python", npmCache = DEFAULT_NPM_CACHE): Promise<Relevance> {
  const queries = await loadQueries(set);
  const root = SETS[set]!.segment(npmCache);
  try {
    return evaluateOn(binary, set, queries, root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const option = (name: string) => {
    const at = process.argv.indexOf(name);
    return at === -1 ? undefined : process.argv[at + 1];
  };
  const binary = option("--binary") ?? DEFAULT_BINARY;
  const sets = option("--set")?.split(",") ?? Object.keys(SETS);
  console.log(`binary: ${binary}; ${new Date().toISOString()}\n`);
  console.log("| set | queries | recall@5 | MRR@10 |\n|---|---:|---:|---:|");
  const results: Relevance[] = [];
  for (const set of sets) {
    const r = await evaluateRelevance(binary, set, option("--npm-cache") ?? DEFAULT_NPM_CACHE);
    results.push(r);
    console.log(`| ${set} | ${r.queries} | ${r.recallAt5.toFixed(3)} | ${r.mrr.toFixed(3)} |`);
  }
  if (process.argv.includes("--misses")) {
    for (const r of results) for (const m of r.misses) console.log(`miss (${r.set}): "${m.query}" expected ${m.expected[0]}; top 5: ${m.got.join(", ")}`);
  }
}
