/**
 * The ranking alone, in one process: this checkout's `searchIndex` against another checkout's (e.g.
 * `git archive <commit> | tar -x -C DIR`), on segments already indexed (`trifecta ctx build`), the sets'
 * queries interleaved query by query (old, new, old, new, …), the median of `--calls` calls per query.
 * `--warm`: this checkout's index keeps phrase scores (src/ctx/phrase-scores.ts), as the MCP server does;
 * `--warm-baseline`: the baseline's too. `SET=SEGMENT:BASELINE_SEGMENT`: the baseline searches an index its own
 * binary built (a change of what the index holds), this checkout SEGMENT's.
 *
 *   bun bench/search-inprocess.ts --baseline-src DIR [--warm] [--warm-baseline] [--calls 7] SET=SEGMENT[:BASELINE_SEGMENT] …   (SET: python, go, typescript, java)
 */
import { join } from "node:path";
import { readSettings } from "../src/core/settings.ts";
import { loadQueries } from "./relevance.ts";

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const baselineSrc = option("--baseline-src");
if (!baselineSrc) throw new Error("--baseline-src DIR: the checkout to compare with");
const calls = Number(option("--calls") ?? 7);
const warm = process.argv.includes("--warm");
const warmBaseline = process.argv.includes("--warm-baseline");
const segments = process.argv
  .slice(2)
  .filter((a) => /^\w+=/.test(a))
  .map((a) => {
    const [set, roots] = a.split("=") as [string, string];
    const [root, baselineRoot] = roots.split(":") as [string, string | undefined];
    return [set, root, baselineRoot ?? root] as const;
  });

interface Ranking {
  openIndex: (root: string, options: { settings: unknown }) => { ok: boolean; index: { keepScores?: () => void } };
  searchIndex: (index: unknown, query: string, options: { limit: number }) => unknown[];
}
async function ranking(root: string): Promise<Ranking> {
  return { ...(await import(join(root, "src/ctx/open.ts"))), ...(await import(join(root, "src/ctx/search.ts"))) } as Ranking;
}
const old = await ranking(baselineSrc);
const current = await ranking(join(import.meta.dir, ".."));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`baseline: ${baselineSrc}${warmBaseline ? " (kept phrase scores)" : ""}; ${calls} calls per query; ${warm ? "kept phrase scores" : "one index each"}; ${new Date().toISOString()}\n`);
console.log("| set | queries | baseline ms | current ms | current / baseline |\n|---|---:|---:|---:|---:|");
for (const [set, root, baselineRoot] of segments) {
  const queries = await loadQueries(set);
  const settings = readSettings().cache;
  const before = old.openIndex(baselineRoot, { settings });
  const after = current.openIndex(root, { settings });
  if (!before.ok || !after.ok) throw new Error(`${root}: no index`);
  if (warm) after.index.keepScores?.();
  if (warmBaseline) before.index.keepScores?.();
  let sumBefore = 0;
  let sumAfter = 0;
  for (const { query } of queries) {
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < calls; i++) {
      for (const [side, { searchIndex }, index] of [[0, old, before.index], [1, current, after.index]] as const) {
        const started = performance.now();
        searchIndex(index, query, { limit: 10 });
        times[side].push(performance.now() - started);
      }
    }
    sumBefore += median(times[0]);
    sumAfter += median(times[1]);
  }
  const [b, a] = [sumBefore / queries.length, sumAfter / queries.length];
  console.log(`| ${set} | ${queries.length} | ${b.toFixed(2)} | ${a.toFixed(2)} | ${(a / b).toFixed(2)}x |`);
}
