/**
 * The team cache (issue 17) on the Python standard library (no tests, no site-packages), over loopback
 * to Debian's nginx with WebDAV, interleaved round by round: `ctx build` with an empty local cache and
 * a warm remote, a local cold build (no index, no cache, no remote), a local warm build (nothing
 * changed), and the floor under the first: no index but every entry already in the local cache
 * (`ast cache-import` of an archive beforehand, not timed), where the build only writes the index. The remote is filled once first by a readwrite build of another copy, as CI would.
 * Prints medians, the ratio to the local cold build, the bytes moved and the requests nginx served.
 *
 *   bun run build && bun bench/remote.ts [rounds]
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startNginx } from "../test/nginx.ts";
import { stdlibSegment } from "./stdlib-segment.ts";

const rounds = Number(process.argv[2] ?? 5);
const binary = join(import.meta.dir, "..", "dist", "trifecta");
const { root, files } = stdlibSegment();
const ci = join(root, "..", `ci-${process.pid}`);
cpSync(root, ci, { recursive: true });
const emptyCwd = mkdtempSync(join(tmpdir(), "trifecta-cwd-"));
const nginx = await startNginx();

function build(segment: string, env: Record<string, string> = {}): { ms: number; report: any } {
  const started = Bun.nanoseconds();
  const run = Bun.spawnSync([binary, "ctx", "build", "--segment", segment], { cwd: emptyCwd, env: { PATH: process.env.PATH ?? "", HOME: emptyCwd, ...env }, stdout: "pipe", stderr: "pipe" });
  const ms = (Bun.nanoseconds() - started) / 1e6;
  if (run.exitCode !== 0) throw new Error(`ctx build exited ${run.exitCode}: ${run.stderr}`);
  return { ms, report: JSON.parse(run.stdout.toString()) };
}

const archive = join(emptyCwd, "ast-cache.jsonl.gz");
const filled = build(ci, { TRIFECTA_REMOTE_CACHE: nginx.url, TRIFECTA_REMOTE_CACHE_MODE: "readwrite" });
const uploadRequests = nginx.requests().length;
console.log(`remote filled by a readwrite build: ${filled.report.remote.uploads_queued} uploads queued, ${uploadRequests} requests, ${filled.ms.toFixed(0)} ms (answer + upload flush)`);

Bun.spawnSync([binary, "ast", "cache-export", archive, "--segment", ci], { cwd: emptyCwd });
const samples: Record<string, number[]> = {};
const record = (name: string, ms: number) => {
  samples[name] ??= [];
  samples[name].push(ms);
};
let remoteReport: any = null;
let requestsPerBuild = 0;
for (let round = 0; round < rounds; round++) {
  rmSync(join(root, ".trifecta"), { recursive: true, force: true });
  record("local cold (no index, no cache)", build(root).ms);
  record("local warm (nothing changed)", build(root).ms);
  rmSync(join(root, ".trifecta"), { recursive: true, force: true });
  const before = nginx.requests().length;
  const remote = build(root, { TRIFECTA_REMOTE_CACHE: nginx.url });
  requestsPerBuild = nginx.requests().length - before;
  remoteReport = remote.report;
  record("empty local cache + warm remote", remote.ms);
  rmSync(join(root, ".trifecta"), { recursive: true, force: true });
  Bun.spawnSync([binary, "ast", "cache-import", archive, "--segment", root], { cwd: emptyCwd });
  record("floor: no index, local cache full (imported)", build(root).ms);
}
await nginx.stop();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const coldMs = median(samples["local cold (no index, no cache)"]!);
console.log(`bun ${Bun.version}; ${files} files; rounds: ${rounds}; ${new Date().toISOString()}\n`);
console.log("| build | median ms | min ms | local cold ÷ this |\n|---|---:|---:|---:|");
for (const [name, ms] of Object.entries(samples)) console.log(`| ${name} | ${median(ms).toFixed(0)} | ${Math.min(...ms).toFixed(0)} | ${(coldMs / median(ms)).toFixed(2)}x |`);
const r = remoteReport.remote;
console.log(`\nwarm-remote build: ${r.hits} hits, ${r.misses} misses, ${r.rejected} rejected, ${r.errors} errors, ${(r.bytes_in / 1048576).toFixed(2)} MiB fetched in ${requestsPerBuild} requests; ${remoteReport.workers} parse workers started; cache_hits ${remoteReport.cache_hits} of ${remoteReport.files.indexed} indexed`);
rmSync(root, { recursive: true, force: true });
rmSync(ci, { recursive: true, force: true });
rmSync(emptyCwd, { recursive: true, force: true });
