/**
 * `ctx refs`, `ctx callers` and `ctx map` against `ctx search` on a warm index, process wall time through
 * the compiled binary, interleaved round by round, medians: the Python standard library (734 files
 * without tests) by default, or any segment given. The names asked are every 40th top-level function
 * or class of the index in id order, so the set is the same on every run and spans common and rare names.
 *
 *   bun run build && bun bench/graph.ts [rounds] [segment]
 */
import { Database } from "bun:sqlite";
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { cacheDbPath } from "../src/store/paths.ts";
import { stdlibSegment } from "./stdlib-segment.ts";

const rounds = Number(process.argv[2] ?? 5);
const root = realpathSync(process.argv[3] ?? stdlibSegment().root);
const binary = join(import.meta.dir, "..", "dist", "trifecta");

function run(args: string[]): number {
  const started = Bun.nanoseconds();
  const done = Bun.spawnSync([binary, ...args, "--segment", root], { stdout: "pipe", stderr: "ignore" });
  if (done.exitCode !== 0) throw new Error(`${args.join(" ")} exited ${done.exitCode}: ${done.stdout.toString().slice(0, 300)}`);
  return (Bun.nanoseconds() - started) / 1e6;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const built = Bun.spawnSync([binary, "ctx", "build", "--segment", root], { stdout: "pipe" });
const report = JSON.parse(built.stdout.toString());
const db = new Database(cacheDbPath(root), { readonly: true });
const names = (db.query("SELECT name FROM ctx_items WHERE parent IS NULL AND kind IN ('function', 'class') ORDER BY item_id").all() as { name: string }[])
  .map((r) => r.name)
  .filter((_, i) => i % 40 === 0);
const refsRows = (db.query("SELECT COUNT(*) AS n FROM ctx_refs").get() as { n: number }).n;
db.close();

const times = { search: [] as number[], refs: [] as number[], callers: [] as number[], map: [] as number[] };
for (let round = 0; round < rounds; round++) {
  for (const name of names) {
    times.search.push(run(["ctx", "search", name]));
    times.refs.push(run(["ctx", "refs", name]));
    times.callers.push(run(["ctx", "callers", name]));
  }
  times.map.push(run(["ctx", "map", "--budget", "1024"]));
}
const search = median(times.search);
const line = (label: string, ms: number) => `| ${label} | ${ms.toFixed(1)} | ${(ms / search).toFixed(2)}× |`;
console.log(`segment: ${root} (${report.files.seen} files, ${report.symbols} symbols, ${refsRows} references); ${names.length} names × ${rounds} rounds\n`);
console.log("| command (warm index) | median ms | vs ctx search |\n|---|---:|---:|");
console.log(line("ctx search NAME", search));
console.log(line("ctx refs NAME", median(times.refs)));
console.log(line("ctx callers NAME", median(times.callers)));
console.log(line("ctx map --budget 1024", median(times.map)));
