/**
 * Side-by-side start-up benchmark (issue #2): a compiled hello-world binary, `ast symbols` warm
 * hit, and `ast symbols` cold miss on the stdlib's argparse.py, all with the compiled binary,
 * interleaved round by round so machine noise hits every command alike. Prints medians and ratios.
 *
 *   bun run build && bun bench/startup.ts [rounds]
 */
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stdlibDir } from "../scripts/python-agreement.ts";

const rounds = Number(process.argv[2] ?? 30);
const repo = realpathSync(join(import.meta.dir, ".."));
const binary = join(repo, "dist", "trifecta");
const work = realpathSync(mkdtempSync(join(tmpdir(), "trifecta-bench-")));

// Hello world compiled the same way as trifecta (bytecode, minified).
mkdirSync(join(repo, "bench", ".hello"), { recursive: true });
writeFileSync(join(repo, "bench", ".hello", "hello.ts"), 'console.log("hello");\n');
const hello = join(work, "hello");
Bun.spawnSync([process.execPath, "build", "--compile", "--minify", "--bytecode", join(repo, "bench", ".hello", "hello.ts"), "--outfile", hello]);
rmSync(join(repo, "bench", ".hello"), { recursive: true });

const segment = join(work, "seg");
mkdirSync(segment);
copyFileSync(join(stdlibDir(), "argparse.py"), join(segment, "argparse.py"));
const symbols = [binary, "ast", "symbols", "sym://python/mod/argparse", "--segment", segment];

function timeOnce(command: string[], before?: () => void): number {
  before?.();
  const started = Bun.nanoseconds();
  // From a small folder of our own: what Bun looks for in the working directory (bunfig.toml, .env)
  // costs the hello world time that trifecta, which ignores both, does not pay.
  const run = Bun.spawnSync(command, { cwd: work, stdout: "ignore", stderr: "ignore" });
  const elapsed = (Bun.nanoseconds() - started) / 1e6;
  if (run.exitCode !== 0) throw new Error(`${command.join(" ")} exited ${run.exitCode}`);
  return elapsed;
}

const dropCache = () => rmSync(join(segment, ".trifecta"), { recursive: true, force: true });
const cases: [string, string[], (() => void) | undefined][] = [
  ["hello-world start", [hello], undefined],
  ["ast symbols warm hit", symbols, undefined],
  ["ast symbols cold miss (argparse.py)", symbols, dropCache],
];
const samples = new Map<string, number[]>(cases.map(([name]) => [name, []]));
timeOnce(symbols); // warm the file system and the cache entry once
for (let round = 0; round < rounds; round++) {
  for (const [name, command, before] of cases) {
    samples.get(name)!.push(timeOnce(command, before));
    if (before) timeOnce(symbols); // leave a warm cache for the next hit
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = median(samples.get("hello-world start")!);
console.log(`rounds: ${rounds}, bun ${Bun.version}, ${new Date().toISOString()}`);
console.log("| command | median ms | min ms | ratio to hello-world |\n|---|---:|---:|---:|");
for (const [name] of cases) {
  const xs = samples.get(name)!;
  console.log(`| ${name} | ${median(xs).toFixed(1)} | ${Math.min(...xs).toFixed(1)} | ${(median(xs) / base).toFixed(2)}x |`);
}
rmSync(work, { recursive: true, force: true });
