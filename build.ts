/**
 * `bun run build`: one executable, dist/trifecta, with every grammar embedded. The extractor
 * versions (cache-key fingerprints) are computed here and defined into the binary.
 */
import { allExtractorVersions } from "./src/extract/fingerprint.ts";

const versions = allExtractorVersions();
const outfile = process.argv[2] ?? "dist/trifecta";
const build = Bun.spawnSync(
  [
    process.execPath,
    "build",
    "--compile",
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
    "src/cli/main.ts",
    // ctx build's worker threads: a second entry point, embedded the same way.
    "src/ctx/worker.ts",
    "--outfile",
    outfile,
  ],
  { cwd: import.meta.dir, stdout: "inherit", stderr: "inherit" },
);
if (build.exitCode !== 0) process.exit(build.exitCode ?? 1);
console.error(`built ${outfile} (extractor versions ${JSON.stringify(versions)})`);
