/**
 * What a call costs through the npm package (issue #16): `ast symbols` warm hits on the bundled example,
 * through each way the package runs, against the bare executable, interleaved round by round; medians.
 * The package is packed and installed by npm and by Bun (test/packaging.ts) into scratch projects. CPU time
 * (user + system of the process and what it waited for) is printed next to wall time: on a shared machine
 * it is the steadier of the two.
 *
 *   bun run build && bun bench/launcher.ts [rounds]
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const rounds = Number(process.argv[2] ?? 30);
process.env.TRIFECTA_TEST_SCRATCH = realpathSync(mkdtempSync(join(tmpdir(), "trifecta-bench-")));
const scratch = process.env.TRIFECTA_TEST_SCRATCH;
const { BINARY, REPO } = await import("../test/helpers.ts");
const { installedProject, packTarballs } = await import("../test/packaging.ts");

const tarballs = packTarballs();
const npmProject = installedProject("npm", tarballs);
const bunProject = installedProject("bun", tarballs);
const node = Bun.which("node")!;

// The launcher where it never takes the executable's place (outside node_modules, as in a read-only
// install), still finding the platform package in the npm project's node_modules.
const unplaced = join(npmProject, "launcher", "bin", "trifecta.cjs");
mkdirSync(join(npmProject, "launcher", "bin"), { recursive: true });
copyFileSync(join(REPO, "bin", "trifecta.cjs"), unplaced);
// And with no platform package at all: Bun runs the source.
const sourceOnly = join(scratch, "source-only", "bin", "trifecta.cjs");
mkdirSync(join(scratch, "source-only", "bin"), { recursive: true });
copyFileSync(join(REPO, "bin", "trifecta.cjs"), sourceOnly);
symlinkSync(join(REPO, "src"), join(scratch, "source-only", "src"));

const segment = join(scratch, "shop");
cpSync(join(REPO, "examples", "shop"), segment, { recursive: true });
const args = ["ast", "symbols", "sym://python/mod/shop.cart", "--segment", segment];
const cases: [string, string[], string][] = [
  ["bare executable (dist/trifecta)", [BINARY], scratch],
  ["npm install: node_modules/.bin/trifecta (launcher replaced by the executable)", [join(npmProject, "node_modules", ".bin", "trifecta")], npmProject],
  ["bun add: node_modules/.bin/trifecta (launcher replaced by the executable)", [join(bunProject, "node_modules", ".bin", "trifecta")], bunProject],
  ["Node running the launcher, which runs the executable", [node, unplaced], npmProject],
  ["Bun running the launcher, which runs the executable", [process.execPath, unplaced], npmProject],
  ["npx trifecta (npm project)", ["npx", "trifecta"], npmProject],
  ["bunx trifecta (bun project)", [process.execPath, "x", "trifecta"], bunProject],
  ["Bun running the source (no platform package)", [process.execPath, sourceOnly], scratch],
];

function timeOnce(command: string[], cwd: string): { wall: number; cpu: number } {
  const started = Bun.nanoseconds();
  const run = Bun.spawnSync([...command, ...args], { cwd, stdout: "ignore", stderr: "ignore" });
  const wall = (Bun.nanoseconds() - started) / 1e6;
  if (run.exitCode !== 0) throw new Error(`${command.join(" ")} exited ${run.exitCode}`);
  return { wall, cpu: Number(run.resourceUsage.cpuTime.total) / 1000 };
}

// The first call through each installed bin puts the executable in the launcher's place.
for (const [, command, cwd] of cases) timeOnce(command, cwd);
const samples = cases.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
for (let round = 0; round < rounds; round++) {
  for (const [i, [, command, cwd]] of cases.entries()) {
    const { wall, cpu } = timeOnce(command, cwd);
    samples[i]!.wall.push(wall);
    samples[i]!.cpu.push(cpu);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const [base, baseCpu] = [median(samples[0]!.wall), median(samples[0]!.cpu)];
console.log(`rounds: ${rounds}, bun ${Bun.version}, node ${Bun.spawnSync([node, "--version"]).stdout.toString().trim()}, ${new Date().toISOString()}`);
console.log("| how trifecta is run | wall ms, median | min | ratio | CPU ms, median | ratio |\n|---|---:|---:|---:|---:|---:|");
for (const [i, [name]] of cases.entries()) {
  const [wall, cpu] = [median(samples[i]!.wall), median(samples[i]!.cpu)];
  console.log(`| ${name} | ${wall.toFixed(1)} | ${Math.min(...samples[i]!.wall).toFixed(1)} | ${(wall / base).toFixed(2)}x | ${cpu.toFixed(1)} | ${(cpu / baseCpu).toFixed(2)}x |`);
}
rmSync(scratch, { recursive: true, force: true });
