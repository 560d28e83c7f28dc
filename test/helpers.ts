import { expect } from "bun:test";
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { runCtxSoak, runSoak } from "../bench/soak.ts";

export const REPO = realpathSync(join(import.meta.dir, ".."));

/** Every segment and directory a test run makes lives here; test/preload.ts removes it after the run. */
const SCRATCH = process.env.TRIFECTA_TEST_SCRATCH ?? realpathSync(mkdtempSync(join(tmpdir(), "trifecta-test-")));
export const BINARY = join(REPO, "dist", "trifecta");
export const SOURCE_ENTRY = join(REPO, "src", "cli", "main.ts");

export type Entry = "binary" | "source";

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  json: any;
}

/** This process's environment without any TRIFECTA_ setting, plus the ones a test asks for. */
export function cliEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("TRIFECTA_")) env[k] = v;
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  entry?: Entry;
}

const cliCommand = (args: string[], entry?: Entry) => (entry === "source" ? [process.execPath, SOURCE_ENTRY, ...args] : [BINARY, ...args]);

function cliRun(exitCode: number, stdout: string, stderr: string): CliRun {
  let json: any = null;
  try {
    json = JSON.parse(stdout);
  } catch {}
  return { exitCode, stdout, stderr, json };
}

/** Spawns the real CLI (compiled binary or source entry) with a clean environment, and waits for it. */
export function runCli(args: string[], options: CliOptions = {}): CliRun {
  const run = Bun.spawnSync(cliCommand(args, options.entry), { cwd: options.cwd ?? tmpdir(), env: cliEnv(options.env), stdout: "pipe", stderr: "pipe" });
  return cliRun(run.exitCode ?? -1, run.stdout.toString(), run.stderr.toString());
}

/**
 * `runCli` without blocking this process: the tests of a `test.concurrent` group run their CLI processes side by
 * side on the machine's cores (a serial run of the suite kept one of two cores idle).
 */
export function cli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return finished(Bun.spawn(cliCommand(args, options.entry), { cwd: options.cwd ?? tmpdir(), env: cliEnv(options.env), stdout: "pipe", stderr: "pipe" }));
}

/** A fresh segment directory (symlink-free path) holding the given files. */
export function makeSegment(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(SCRATCH, "seg-"));
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return root;
}

export function freshDir(): string {
  return mkdtempSync(join(SCRATCH, "cwd-"));
}

export function expectedDbPath(segmentRoot: string): string {
  return join(segmentRoot, ".trifecta", "cache", `ast_cache_${segmentRoot.replace(/[/\\:]/g, "_")}.db`);
}

/** Spawns the compiled binary without waiting, for tests that run many processes at once. */
export function spawnCli(args: string[], env: Record<string, string> = {}) {
  return Bun.spawn([BINARY, ...args], { env: cliEnv(env), stdout: "pipe", stderr: "pipe" });
}

export async function finished(proc: { exited: Promise<number>; stdout: ReadableStream<Uint8Array>; stderr: ReadableStream<Uint8Array> }): Promise<CliRun> {
  const [exitCode, stdout, stderr] = await Promise.all([proc.exited, new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
  return cliRun(exitCode, stdout, stderr);
}

/** Python source with `count` top-level functions, each with a docstring, so values have a known size. */
export function pythonModule(tag: string, count = 3): string {
  return Array.from({ length: count }, (_, i) => `def ${tag}_f${i}(x, y=${i}):\n    """Doc ${tag} ${i}."""\n    return x + y\n`).join("\n");
}

/** Python source of at least `bytes` bytes: classes with one method each, repeated. */
export function largeModule(bytes: number): string {
  const block = Array.from({ length: 2000 }, (_, i) => `class C${i}:\n    def method_${i}(self, value: int = ${i}) -> int:\n        return value * ${i}\n`).join("\n");
  let source = "";
  while (source.length < bytes) source += block;
  return source;
}

/** How many `class`/`def` lines `largeModule` wrote. */
export function definitionLines(source: string): number {
  return source.split("\n").filter((l) => l.startsWith("class ") || l.startsWith("    def ")).length;
}

/** The two real packages both TypeScript oracle runs include. */
export const ORACLE_PACKAGES = [join(REPO, "node_modules/citty/dist/index.mjs"), join(REPO, "node_modules/consola/dist/core.mjs")];

/** Runs the TypeScript compiler oracle on `files`: every (name, kind, line) row it reports, and no other, is trifecta's. */
export async function expectCompilerAgreement(files: string[], minRows: number): Promise<void> {
  const { compare } = await import("../scripts/typescript-agreement.ts");
  const result = await compare(files);
  expect(result.oracleRows).toBeGreaterThan(minRows);
  expect(Object.fromEntries(result.onlyOracle)).toEqual({});
  expect(Object.fromEntries(result.onlyTrifecta)).toEqual({});
  expect(result.matched).toBe(result.oracleRows);
}

/** What every soak under a byte budget must show, whatever its size (the suite's and test/slow's). */
export function expectBudgetSoakSound(result: Awaited<ReturnType<typeof runSoak>>): void {
  expect(result.failures).toEqual([]);
  expect(result.wrongAnswers).toBe(0);
  expect(result.answersChecked).toBeGreaterThan(0);
  expect(result.verifyClean).toBe(true);
}

/** What every ctx soak must show, whatever its size: no failure, no wrong or falsely complete answer. */
export function expectCtxSoakSound(result: Awaited<ReturnType<typeof runCtxSoak>>): void {
  console.log(`ctx soak: ${result.processes} processes, ${result.kills} killed, ${result.damage.quiet + result.damage.live} damage events, ${result.piecesChecked} pieces, ${result.hitsChecked} hits and ${result.usesChecked} uses checked`);
  expect(result.failed).toEqual([]);
  expect(result.wrongAnswers).toEqual([]);
  expect(result.incompleteClaimedComplete).toEqual([]);
  expect(result.final.violations).toEqual([]);
  expect(result.piecesChecked + result.hitsChecked).toBeGreaterThan(20);
}
