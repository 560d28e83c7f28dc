import { describe, expect, test } from "bun:test";
import { copyFileSync, mkdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { hostTarget, npmName, TARGETS, writePlatformPackage } from "../build.ts";
import { exampleAnswers } from "./example-run.ts";
import { BINARY, freshDir, REPO, runCli } from "./helpers.ts";

const manifest = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
const { packageFor } = require(join(REPO, "bin", "trifecta.cjs")) as { packageFor: (platform: string, arch: string, musl: boolean) => string };
const NODE = Bun.which("node");

/**
 * What a package manager leaves after installing the tarball: the launcher as node_modules/trifecta (its
 * source a link to this checkout's, whose dependencies are installed), .bin/trifecta pointing at it, and,
 * when asked, this machine's platform package made by the release code from dist/trifecta.
 */
function installedLayout(withPlatformPackage: boolean): { project: string; bin: string; launcher: string; executable: string } {
  const project = freshDir();
  const dir = join(project, "node_modules", "trifecta");
  mkdirSync(join(dir, "bin"), { recursive: true });
  copyFileSync(join(REPO, "package.json"), join(dir, "package.json"));
  const launcher = join(dir, "bin", "trifecta.cjs");
  copyFileSync(join(REPO, "bin", "trifecta.cjs"), launcher);
  symlinkSync(join(REPO, "src"), join(dir, "src"));
  mkdirSync(join(project, "node_modules", ".bin"));
  const bin = join(project, "node_modules", ".bin", "trifecta");
  symlinkSync("../trifecta/bin/trifecta.cjs", bin);
  const target = TARGETS.find((t) => t.id === hostTarget())!;
  const platformDir = join(project, "node_modules", npmName(target));
  if (withPlatformPackage) writePlatformPackage(target, BINARY, platformDir);
  return { project, bin, launcher, executable: join(platformDir, "bin", "trifecta") };
}

/** What the compiled binary answers on the example: the reference both launcher tests compare with, run once. */
let bareAnswers: string[] | undefined;
const bare = () => (bareAnswers ??= exampleAnswers([BINARY]));

describe("the npm package", () => {
  test("holds only what runs: the launcher, the source (no tests, benches, scripts), package.json and README", () => {
    const packed = Bun.spawnSync(["npm", "pack", "--dry-run", "--json"], { cwd: REPO, stdout: "pipe", stderr: "pipe" });
    const files = (JSON.parse(packed.stdout.toString())[0].files as { path: string }[]).map((f) => f.path).sort();
    const source = [...new Bun.Glob("src/**/*.{ts,scm}").scanSync({ cwd: REPO })].filter((f) => !f.endsWith(".d.ts"));
    expect(files).toEqual(["README.md", "bin/trifecta.cjs", "package.json", ...source].sort());
    // bun pm pack reads the same `files`.
    const bunPacked = Bun.spawnSync([process.execPath, "pm", "pack", "--dry-run"], { cwd: REPO, stdout: "pipe", stderr: "pipe" });
    const bunFiles = [...`${bunPacked.stdout}${bunPacked.stderr}`.matchAll(/^packed \S+ (.+)$/gm)].map((m) => m[1]!).sort();
    expect(bunFiles).toEqual(files);
  });

  test("names one optional dependency per release target, at its own version, as the launcher looks them up", () => {
    const expected = Object.fromEntries(TARGETS.map((t) => [npmName(t), manifest.version]));
    expect(manifest.optionalDependencies).toEqual(expected);
    for (const t of TARGETS) expect(packageFor(t.os, t.cpu, t.libc === "musl")).toBe(npmName(t));
    expect(manifest.bin).toEqual({ trifecta: "bin/trifecta.cjs" });
  });

  test("the launcher under Node runs this platform's executable, then puts it in its own place", () => {
    const layout = installedLayout(true);
    // First call: Node runs the launcher, which runs the executable; exit codes pass through.
    const usage = Bun.spawnSync([NODE!, layout.bin, "ast", "nope"], { stdout: "pipe", stderr: "pipe" });
    expect(usage.exitCode).toBe(2);
    expect(JSON.parse(usage.stdout.toString()).error_code).toBe("USAGE_ERROR");
    // The launcher file is now the executable itself (the same file), so no JavaScript runs any more.
    expect(statSync(layout.launcher).ino).toBe(statSync(layout.executable).ino);
    expect(exampleAnswers([layout.bin])).toEqual(bare());
  });

  test("without a platform package, Bun runs the source, and Node hands the source to Bun", () => {
    const layout = installedLayout(false);
    expect(exampleAnswers([process.execPath, layout.bin])).toEqual(bare());
    expect(exampleAnswers([NODE!, layout.bin])).toEqual(bare());
    expect(readFileSync(layout.launcher, "utf8")).toStartWith("#!/usr/bin/env node");
  });

  test("Node without a platform package or a Bun says what to install, exit 1", () => {
    const layout = installedLayout(false);
    const run = Bun.spawnSync([NODE!, layout.bin, "--version"], { env: { PATH: "/nonexistent" }, stdout: "pipe", stderr: "pipe" });
    expect(run.exitCode).toBe(1);
    expect(run.stderr.toString()).toContain(`the optional dependency ${npmName(TARGETS.find((t) => t.id === hostTarget())!)} is not installed`);
    expect(run.stderr.toString()).toContain("npm install -g bun");
  });
});

describe("--version", () => {
  test("prints the version, the target and every extractor's fingerprint, the same from source and binary", () => {
    const binary = runCli(["--version"]).stdout;
    const source = runCli(["--version"], { entry: "source" }).stdout;
    expect(binary.split("\n")[0]).toBe(manifest.version);
    expect(binary).toContain(`target: ${hostTarget()}, Bun ${Bun.version}\n`);
    expect(source).toContain(`target: source (${process.platform}-${process.arch}), Bun ${Bun.version}\n`);
    const extractors = (text: string) => text.slice(text.indexOf("extractors:"));
    expect(extractors(binary)).toEqual(extractors(source));
    expect(extractors(binary).match(/^ {2}\w+ [0-9a-f]{12}$/gm)?.length).toBe(JSON.parse(runCli(["ast", "languages"]).stdout).languages.length);
  });
});
