/**
 * Search quality on the Python standard library: recall@5 and MRR of `ctx search` over the
 * queries in bench/relevance.json (written before ranking was tuned), through the compiled binary.
 * The test suite runs the same evaluation.
 *
 *   bun run build && bun bench/relevance.ts
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { stdlibSegment } from "./stdlib-segment.ts";

export interface Relevance {
  queries: number;
  recallAt5: number;
  mrr: number;
  misses: { query: string; expected: string[]; got: string[] }[];
}

export async function evaluateRelevance(binary = join(import.meta.dir, "..", "dist", "trifecta")): Promise<Relevance> {
  const { queries } = (await Bun.file(join(import.meta.dir, "relevance.json")).json()) as { queries: { query: string; expected: string[] }[] };
  const { root } = stdlibSegment();
  const run = (args: string[]) => JSON.parse(Bun.spawnSync([binary, ...args, "--segment", root]).stdout.toString());
  run(["ctx", "build"]);
  let found = 0;
  let reciprocal = 0;
  const misses: Relevance["misses"] = [];
  for (const { query, expected } of queries) {
    const hits = (run(["ctx", "search", query, "--limit", "10"]).hits as { id: string }[]).map((h) => h.id);
    const rank = hits.findIndex((id) => expected.includes(id));
    if (rank !== -1 && rank < 5) found++;
    if (rank !== -1) reciprocal += 1 / (rank + 1);
    if (rank === -1 || rank >= 5) misses.push({ query, expected, got: hits.slice(0, 5) });
  }
  rmSync(root, { recursive: true, force: true });
  return { queries: queries.length, recallAt5: found / queries.length, mrr: reciprocal / queries.length, misses };
}

if (import.meta.main) {
  const r = await evaluateRelevance();
  console.log(`queries: ${r.queries}; recall@5: ${r.recallAt5.toFixed(3)}; MRR@10: ${r.mrr.toFixed(3)}`);
  for (const m of r.misses) console.log(`miss: "${m.query}" expected ${m.expected[0]}; top 5: ${m.got.join(", ")}`);
}
