/**
 * `ctx search` wall time of this build against another binary (the one before a ranking change),
 * side by side: each relevance set's tree copied once per binary (each builds its own index), then
 * the set's queries run by both, interleaved and alternating which goes first; medians per set.
 *
 *   bun run build && bun bench/search-latency.ts --baseline PATH [--rounds 5] [--set python,go,typescript] [--npm-cache DIR]
 */
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { loadQueries, SETS } from "./relevance.ts";

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const baseline = option("--baseline");
if (!baseline) throw new Error("--baseline PATH: the binary to compare with");
const current = option("--binary") ?? join(import.meta.dir, "..", "dist", "trifecta");
const rounds = Number(option("--rounds") ?? 5);
const sets = option("--set")?.split(",") ?? Object.keys(SETS);
const npmCache = option("--npm-cache") ?? join(process.env.HOME ?? "/root", ".cache", "trifecta-relevance", "npm");

function timed(command: string[]): number {
  const started = Bun.nanoseconds();
  const run = Bun.spawnSync(command, { stdout: "pipe", stderr: "ignore" });
  if (run.exitCode !== 0) throw new Error(`${command.join(" ")} exited ${run.exitCode}`);
  return (Bun.nanoseconds() - started) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`baseline: ${baseline}; current: ${current}; rounds: ${rounds}; ${new Date().toISOString()}\n`);
console.log("| set | queries × rounds | baseline median ms | current median ms | current / baseline |\n|---|---:|---:|---:|---:|");
for (const set of sets) {
  const queries = (await loadQueries(set)).map((q) => q.query);
  const first = SETS[set]!.segment(npmCache);
  const second = `${first}-current`;
  cpSync(first, second, { recursive: true, verbatimSymlinks: true });
  const roots = new Map([
    [baseline, first],
    [current, second],
  ]);
  for (const [binary, root] of roots) timed([binary, "ctx", "build", "--segment", root]);
  const samples = new Map<string, number[]>([
    [baseline, []],
    [current, []],
  ]);
  for (let round = 0; round < rounds; round++) {
    for (const [i, query] of queries.entries()) {
      const order = (round + i) % 2 === 0 ? [baseline, current] : [current, baseline];
      for (const binary of order) samples.get(binary)!.push(timed([binary, "ctx", "search", query, "--segment", roots.get(binary)!]));
    }
  }
  const before = median(samples.get(baseline)!);
  const after = median(samples.get(current)!);
  console.log(`| ${set} | ${queries.length} × ${rounds} | ${before.toFixed(1)} | ${after.toFixed(1)} | ${(after / before).toFixed(2)}x |`);
  rmSync(first, { recursive: true, force: true });
  rmSync(second, { recursive: true, force: true });
}
