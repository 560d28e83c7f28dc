import { beforeAll, expect, test } from "bun:test";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { npmName, releaseFile, TARGETS } from "../../build.ts";
import { exampleAnswers } from "../example-run.ts";
import { REPO } from "../helpers.ts";

// `bun run release` cross-compiles every target (~3 s each, Bun fetching each runtime from npm once) into dist/.
beforeAll(() => {
  const release = Bun.spawnSync([process.execPath, "run", "release"], { cwd: REPO, stdout: "pipe", stderr: "pipe" });
  if (release.exitCode !== 0) throw new Error(`bun run release failed:\n${release.stderr}`);
});

const file = (id: string) => join(REPO, releaseFile(TARGETS.find((t) => t.id === id)!));

test("every target has its executable, its npm package, and a line in SHA256SUMS that sha256sum accepts", () => {
  const sums = readFileSync(join(REPO, "dist", "SHA256SUMS"), "utf8");
  for (const target of TARGETS) {
    expect(statSync(join(REPO, releaseFile(target))).size).toBeGreaterThan(50_000_000);
    expect(sums).toContain(`  ${releaseFile(target).slice("dist/".length)}\n`);
    const manifest = JSON.parse(readFileSync(join(REPO, "dist", "npm", target.id, "package.json"), "utf8"));
    expect(manifest).toMatchObject({ name: npmName(target), os: [target.os], cpu: [target.cpu] });
    expect(existsSync(join(REPO, "dist", "npm", target.id, manifest.files[0]))).toBe(true);
  }
  const check = Bun.spawnSync(["sha256sum", "-c", "SHA256SUMS"], { cwd: join(REPO, "dist"), stdout: "pipe", stderr: "pipe" });
  expect(check.stdout.toString().trim().split("\n")).toEqual(TARGETS.map((t) => `${releaseFile(t).slice("dist/".length)}: OK`));
});

// qemu-user runs the arm64 executable with the arm64 C library from Debian's libc6-arm64-cross.
const ARM64_SYSROOT = "/usr/aarch64-linux-gnu";
const qemu = Bun.which("qemu-aarch64");

test("the linux-arm64 executable, under qemu-user, answers byte for byte as the x64 one", () => {
  if (!qemu || !existsSync(ARM64_SYSROOT)) throw new Error("needs qemu-aarch64 (apt-get install qemu-user) and libc6-arm64-cross");
  const arm64 = [qemu, "-L", ARM64_SYSROOT, file("linux-arm64")];
  const version = Bun.spawnSync([...arm64, "--version"]).stdout.toString();
  const x64Version = Bun.spawnSync([file("linux-x64"), "--version"]).stdout.toString();
  expect(version).toContain(`target: linux-arm64, Bun ${Bun.version}`);
  expect(version.slice(version.indexOf("extractors:"))).toBe(x64Version.slice(x64Version.indexOf("extractors:")));
  expect(exampleAnswers(arm64)).toEqual(exampleAnswers([file("linux-x64")]));
}, 120_000);
