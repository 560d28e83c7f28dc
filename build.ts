/**
 * `bun run build [OUTFILE]`: one executable for this machine, dist/trifecta, with every grammar embedded.
 * `bun run build --target <id> [OUTFILE]`: the same for another platform (Bun fetches that platform's
 * runtime from the npm registry), by default dist/trifecta-<id>.
 * `bun run release` (`build --all`): every release target as dist/trifecta-<id>[.exe], dist/SHA256SUMS, and
 * one npm package per target in dist/npm/<id>/ (the launcher's optional dependencies, see bin/trifecta.cjs).
 * The extractor versions (cache-key fingerprints), the version and the target are defined into the binary.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { allExtractorVersions } from "./src/extract/fingerprint.ts";

export type Target = { id: string; os: "linux" | "darwin" | "win32"; cpu: "x64" | "arm64"; libc?: "glibc" | "musl" };

/** What a release builds. The npm names follow bin/trifecta.cjs's rule (packageFor); a test checks both agree with package.json. */
export const TARGETS: readonly Target[] = [
  { id: "linux-x64", os: "linux", cpu: "x64", libc: "glibc" },
  { id: "linux-arm64", os: "linux", cpu: "arm64", libc: "glibc" },
  { id: "linux-x64-musl", os: "linux", cpu: "x64", libc: "musl" },
  { id: "darwin-arm64", os: "darwin", cpu: "arm64" },
  { id: "darwin-x64", os: "darwin", cpu: "x64" },
  { id: "windows-x64", os: "win32", cpu: "x64" },
];

export const PACKAGE = JSON.parse(readFileSync(join(import.meta.dir, "package.json"), "utf8")) as { name: string; version: string; description: string };
export const npmName = (target: Target) => `@${PACKAGE.name}/${target.id}`;
const exe = (target: Target) => (target.os === "win32" ? ".exe" : "");
export const executableName = (target: Target) => `trifecta${exe(target)}`;
/** Where a release puts a target's executable. */
export const releaseFile = (target: Target) => `dist/${PACKAGE.name}-${target.id}${exe(target)}`;

/** The release target of the machine running the build. */
export function hostTarget(): string {
  const os = process.platform === "win32" ? "windows" : process.platform;
  const musl = process.platform === "linux" && !(process.report?.getReport?.() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header?.glibcVersionRuntime;
  return `${os}-${process.arch}${musl ? "-musl" : ""}`;
}

/** Compiles one executable; `target` undefined means this machine's runtime (the running Bun itself). */
export function compile(outfile: string, target?: string): void {
  const versions = allExtractorVersions();
  const build = Bun.spawnSync(
    [
      process.execPath,
      "build",
      "--compile",
      ...(target ? [`--target=bun-${target}`] : []),
      "--minify",
      "--bytecode",
      "--sourcemap=none",
      // The binary answers the same wherever it runs: a .env or bunfig.toml in the caller's directory
      // (Bun loads both by default, and runs a bunfig `preload`) must not change or print anything.
      "--no-compile-autoload-dotenv",
      "--no-compile-autoload-bunfig",
      // Start reluctant to JIT-compile; long work restores the normal policy (src/core/jit.ts).
      "--compile-jit-policy=100",
      `--define=TRIFECTA_EXTRACTOR_VERSIONS=${JSON.stringify(versions)}`,
      `--define=TRIFECTA_TARGET=${JSON.stringify(target ?? hostTarget())}`,
      "src/cli/main.ts",
      // ctx build's worker threads: a second entry point, embedded the same way.
      "src/ctx/worker.ts",
      "--outfile",
      outfile,
    ],
    { cwd: import.meta.dir, stdout: "inherit", stderr: "inherit" },
  );
  if (build.exitCode !== 0) process.exit(build.exitCode ?? 1);
  console.error(`built ${outfile} (${target ?? "this machine"}; extractor versions ${JSON.stringify(versions)})`);
}

/**
 * One platform's npm package, as esbuild and Biome ship theirs: the executable and a package.json whose
 * os/cpu/libc let the package manager install only the one that runs here.
 */
export function writePlatformPackage(target: Target, binary: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "bin"), { recursive: true });
  copyFileSync(binary, join(dir, "bin", executableName(target)));
  const manifest = {
    name: npmName(target),
    version: PACKAGE.version,
    description: `The ${target.id} executable of ${PACKAGE.name} (installed by the ${PACKAGE.name} package)`,
    os: [target.os],
    cpu: [target.cpu],
    ...(target.libc ? { libc: [target.libc] } : {}),
    files: [`bin/${executableName(target)}`],
    preferUnplugged: true,
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, "README.md"), `# ${manifest.name}\n\n${manifest.description}. Install \`${PACKAGE.name}\` instead.\n`);
}

function release(): void {
  const outputs: string[] = [];
  for (const target of TARGETS) {
    const outfile = releaseFile(target);
    compile(outfile, target.id);
    writePlatformPackage(target, join(import.meta.dir, outfile), join(import.meta.dir, "dist/npm", target.id));
    outputs.push(outfile);
  }
  // The format `sha256sum -c SHA256SUMS` reads.
  const sums = outputs.map((file) => `${createHash("sha256").update(readFileSync(join(import.meta.dir, file))).digest("hex")}  ${basename(file)}\n`);
  writeFileSync(join(import.meta.dir, "dist/SHA256SUMS"), sums.join(""));
  console.error(`wrote dist/SHA256SUMS and dist/npm/<target>/ for ${TARGETS.map((t) => t.id).join(", ")}`);
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const targetAt = args.indexOf("--target");
  if (args.includes("--all")) release();
  else if (targetAt >= 0) {
    const target = TARGETS.find((t) => t.id === args[targetAt + 1]);
    if (!target) throw new Error(`--target takes one of ${TARGETS.map((t) => t.id).join(", ")}`);
    const outfile = args.filter((_, i) => i !== targetAt && i !== targetAt + 1)[0] ?? releaseFile(target);
    mkdirSync(dirname(join(import.meta.dir, outfile)), { recursive: true });
    compile(outfile, target.id);
  } else compile(args[0] ?? "dist/trifecta");
}
