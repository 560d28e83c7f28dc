/**
 * Soak: W workers each make C calls against one segment through the compiled binary, mixing
 * `ast symbols` on several files, `cache-stats`, `clear-cache` and edits to the files, with random
 * SIGKILLs. Afterwards every answer must equal a fresh parse of the content it names, and
 * `cache-verify` must be clean. Used by the test suite at a modest size.
 *
 *   bun run build && bun bench/soak.ts [workers] [calls]
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const BINARY = join(import.meta.dir, "..", "dist", "trifecta");

export interface SoakResult {
  workers: number;
  calls: number;
  kills: number;
  failures: string[];
  answersChecked: number;
  wrongAnswers: number;
  hits: number;
  misses: number;
  edits: number;
  verifyClean: boolean;
  seconds: number;
}

function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("TRIFECTA_")) env[k] = v;
  return Bun.spawn([BINARY, ...args], { env: { ...env, ...extraEnv }, stdout: "pipe", stderr: "pipe" });
}

async function output(proc: ReturnType<typeof cli>): Promise<{ code: number; json: any }> {
  const [code, text] = await Promise.all([proc.exited, new Response(proc.stdout).text()]);
  try {
    return { code, json: JSON.parse(text) };
  } catch {
    return { code, json: null };
  }
}

function moduleSource(file: number, version: number): string {
  return Array.from({ length: 2 + version }, (_, i) => `class C${file}v${version}n${i}:\n    def m(self, x=${i}):\n        """v${version}"""\n        return x\n`).join("\n");
}

export async function runSoak(
  workers: number,
  calls: number,
  options: { files?: number; versions?: number; seed?: number; env?: Record<string, string> } = {},
): Promise<SoakResult> {
  const files = options.files ?? 5;
  const versions = options.versions ?? 3;
  const started = performance.now();
  const segment = realpathSync(mkdtempSync(join(tmpdir(), "trifecta-soak-")));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(segment, rel)), { recursive: true });
    writeFileSync(join(segment, rel), text);
  };
  for (let f = 0; f < files; f++) write(`m${f}.py`, moduleSource(f, 0));

  // The truth for every version of every file, parsed without any cache.
  const truth = new Map<string, unknown>();
  const probe = realpathSync(mkdtempSync(join(tmpdir(), "trifecta-soak-truth-")));
  for (let f = 0; f < files; f++) {
    for (let v = 0; v < versions; v++) {
      writeFileSync(join(probe, `m${f}.py`), moduleSource(f, v));
      const fresh = await output(cli(["ast", "symbols", `sym://python/mod/m${f}`, "--segment", probe, "--no-persist-cache"]));
      truth.set(fresh.json.cache_key, fresh.json.symbols);
    }
  }

  let seed = options.seed ?? 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const result: SoakResult = { workers, calls, kills: 0, failures: [], answersChecked: 0, wrongAnswers: 0, hits: 0, misses: 0, edits: 0, verifyClean: false, seconds: 0 };
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let call = 0; call < calls; call++) {
        const roll = random(10);
        if (roll === 0) {
          const f = random(files);
          write(`m${f}.py`, moduleSource(f, random(versions)));
          result.edits++;
          continue;
        }
        const args =
          roll === 1
            ? ["ast", "cache-stats", "--segment", segment]
            : roll === 2
              ? ["ast", "clear-cache", "--segment", segment]
              : ["ast", "symbols", `sym://python/mod/m${random(files)}`, "--segment", segment];
        const proc = cli(args, options.env);
        if (random(6) === 0) setTimeout(() => proc.kill("SIGKILL"), random(60));
        const { code, json } = await output(proc);
        if (proc.signalCode === "SIGKILL") {
          result.kills++;
          continue;
        }
        if (code !== 0 || json?.status !== "ok") {
          result.failures.push(`${args.slice(0, 3).join(" ")} → exit ${code}: ${JSON.stringify(json)}`);
          continue;
        }
        if (args[1] !== "symbols") continue;
        result.answersChecked++;
        if (json.cache_status === "hit") result.hits++;
        else result.misses++;
        if (JSON.stringify(json.symbols) !== JSON.stringify(truth.get(json.cache_key))) result.wrongAnswers++;
      }
    }),
  );
  const verify = await output(cli(["ast", "cache-verify", "--segment", segment]));
  result.verifyClean = verify.code === 0 && verify.json?.clean === true;
  result.seconds = Math.round((performance.now() - started) / 100) / 10;
  for (const dir of [segment, probe]) rmSync(dir, { recursive: true, force: true });
  return result;
}

if (import.meta.main) {
  const workers = Number(process.argv[2] ?? 8);
  const calls = Number(process.argv[3] ?? 100);
  const r = await runSoak(workers, calls);
  const hitRate = r.answersChecked === 0 ? 0 : r.hits / r.answersChecked;
  console.log(
    `| workers | calls each | kills | failures | answers checked | wrong answers | hit rate | cache-verify | seconds |\n|---:|---:|---:|---:|---:|---:|---:|---|---:|\n` +
      `| ${r.workers} | ${r.calls} | ${r.kills} | ${r.failures.length} | ${r.answersChecked} | ${r.wrongAnswers} | ${(100 * hitRate).toFixed(1)}% | ${r.verifyClean ? "clean" : "DAMAGED"} | ${r.seconds} |`,
  );
  for (const failure of r.failures.slice(0, 10)) console.log(`failure: ${failure}`);
  process.exit(r.failures.length === 0 && r.wrongAnswers === 0 && r.verifyClean ? 0 : 1);
}
