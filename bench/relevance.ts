/**
 * Search quality on the Python standard library: recall@5 and MRR of `ctx search` over the
 * queries in bench/relevance.json (written before ranking was tuned), through the compiled binary.
 *
 *   bun run build && bun bench/relevance.ts
 */
import { join } from "node:path";
import { stdlibSegment } from "./stdlib-segment.ts";

const binary = join(import.meta.dir, "..", "dist", "trifecta");
const { queries } = (await Bun.file(join(import.meta.dir, "relevance.json")).json()) as { queries: { query: string; expected: string[] }[] };
const { root } = stdlibSegment();
const run = (args: string[]) => JSON.parse(Bun.spawnSync([binary, ...args, "--segment", root]).stdout.toString());

export interface Relevance {
  recallAt5: number;
  mrr: number;
  misses: { query: string; expected: string[]; got: string[] }[];
}

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
const recall = found / queries.length;
console.log(`queries: ${queries.length}; recall@5: ${recall.toFixed(3)}; MRR@10: ${(reciprocal / queries.length).toFixed(3)}`);
for (const m of misses) console.log(`miss: "${m.query}" expected ${m.expected[0]}; top 5: ${m.got.join(", ")}`);
