/**
 * `ctx build` of the Python standard library (no tests, no site-packages) side by side with
 * `ctags -R --output-format=json` on the same files, interleaved round by round: cold (no index,
 * no cache), warm with nothing changed, and the floor under a cold build (bench/parse-only.ts:
 * every file parsed once, nothing else). Then `ctx search` and `ctx get` process wall time against a
 * compiled hello world. Peak memory from the kernel's rusage of each process.
 *
 *   bun run build && bun bench/ctx.ts [rounds]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stdlibSegment } from "./stdlib-segment.ts";

const rounds = Number(process.argv[2] ?? 5);
const repo = join(import.meta.dir, "..");
const binary = join(repo, "dist", "trifecta");
const { root, files } = stdlibSegment();
const tags = join(root, "..", `tags-${process.pid}.json`);
const emptyCwd = mkdtempSync(join(tmpdir(), "trifecta-cwd-"));

mkdirSync(join(repo, "bench", ".hello"), { recursive: true });
writeFileSync(join(repo, "bench", ".hello", "hello.ts"), 'console.log("hello");\n');
const hello = join(root, "..", `hello-${process.pid}`);
Bun.spawnSync([process.execPath, "build", "--compile", "--minify", "--bytecode", join(repo, "bench", ".hello", "hello.ts"), "--outfile", hello]);
rmSync(join(repo, "bench", ".hello"), { recursive: true });

function measure(command: string[]): { ms: number; rssMb: number; stdout: string } {
  const started = Bun.nanoseconds();
  // From an empty folder: what Bun looks for in the working directory (bunfig.toml, .env) costs the
  // hello world time that trifecta, which ignores both, does not pay.
  const run = Bun.spawnSync(command, { cwd: emptyCwd, stdout: "pipe", stderr: "ignore" });
  const ms = (Bun.nanoseconds() - started) / 1e6;
  if (run.exitCode !== 0) throw new Error(`${command.join(" ")} exited ${run.exitCode}`);
  return { ms, rssMb: (run.resourceUsage?.maxRSS ?? 0) / 1048576, stdout: run.stdout.toString() };
}

const build = [binary, "ctx", "build", "--segment", root];
const parseOnly = [process.execPath, join(repo, "bench", "parse-only.ts"), root];
const ctags = ["ctags", "-R", "--output-format=json", "-f", tags, root];
const samples: Record<string, { ms: number[]; rss: number[] }> = {};
const record = (name: string, m: { ms: number; rssMb: number }) => {
  samples[name] ??= { ms: [], rss: [] };
  samples[name].ms.push(m.ms);
  samples[name].rss.push(m.rssMb);
};
let built: { files: { indexed: number }; symbols: number } | null = null;
for (let round = 0; round < rounds; round++) {
  rmSync(tags, { force: true }); // ctags refuses to overwrite a JSON file
  record("ctags -R (same files)", measure(ctags));
  record("parse only: web-tree-sitter python, one thread (the floor)", measure(parseOnly));
  rmSync(join(root, ".trifecta"), { recursive: true, force: true });
  const cold = measure(build);
  built = JSON.parse(cold.stdout);
  record("ctx build, cold", cold);
  record("ctx build, warm, nothing changed", measure(build));
}
const search = [binary, "ctx", "search", "parse command line arguments", "--segment", root];
const get = [binary, "ctx", "get", "argparse.py#ArgumentParser.parse_args", "--mode", "skeleton", "--segment", root];
for (let i = 0; i < 20 * rounds; i++) {
  record("hello-world start", measure([hello]));
  record("ctx search (NL query)", measure(search));
  record("ctx get (skeleton)", measure(get));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ctagsMs = median(samples["ctags -R (same files)"]!.ms);
const helloMs = median(samples["hello-world start"]!.ms);
console.log(`bun ${Bun.version}; ${files} files; index: ${built?.symbols} symbols; rounds: ${rounds}; ${new Date().toISOString()}\n`);
console.log("| command | median ms | min ms | peak RSS MB | vs ctags | vs hello-world |\n|---|---:|---:|---:|---:|---:|");
for (const [name, { ms, rss }] of Object.entries(samples)) {
  console.log(`| ${name} | ${median(ms).toFixed(1)} | ${Math.min(...ms).toFixed(1)} | ${Math.max(...rss).toFixed(0)} | ${(median(ms) / ctagsMs).toFixed(2)}x | ${(median(ms) / helloMs).toFixed(2)}x |`);
}
rmSync(root, { recursive: true, force: true });
rmSync(tags, { force: true });
rmSync(hello, { force: true });
rmSync(emptyCwd, { recursive: true, force: true });
