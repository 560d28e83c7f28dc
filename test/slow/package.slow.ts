import { beforeAll, expect, test } from "bun:test";
import { join } from "node:path";
import { exampleAnswers } from "../example-run.ts";
import { BINARY, freshDir } from "../helpers.ts";
import { emptyProject, installedProject, packTarballs, run } from "../packaging.ts";

/**
 * The install section of the README, done as a user would: the packed launcher and this machine's platform
 * package installed by npm and by Bun into empty folders, run through npx and bunx on the bundled example.
 * Until the packages are on the registry the platform package is installed from its tarball next to the
 * launcher's (the registry answers 404 for it, which both package managers skip, as they skip an optional
 * dependency of another platform). Run by .ci/run after the suite: packing and installing take ~20 s and
 * the installs fetch the dependencies from npm.
 */
let tarballs = { launcher: "", platform: "" };
beforeAll(() => {
  tarballs = packTarballs();
}, 120_000);

const bare = () => exampleAnswers([BINARY]);

test("npm install of the tarball, then npx trifecta", () => {
  const project = installedProject("npm", tarballs);
  expect(exampleAnswers(["npx", "trifecta"], { cwd: project })).toEqual(bare());
}, 300_000);

test("bun add of the tarball, then bunx trifecta", () => {
  const project = installedProject("bun", tarballs);
  expect(exampleAnswers([process.execPath, "x", "trifecta"], { cwd: project })).toEqual(bare());
}, 300_000);

test("bun add -g of the tarball puts trifecta in Bun's bin folder", () => {
  const home = freshDir();
  run([process.execPath, "add", "-g", tarballs.launcher, tarballs.platform], home, { BUN_INSTALL: home });
  expect(exampleAnswers([join(home, "bin", "trifecta")])).toEqual(bare());
}, 300_000);

test("bunx --package <tgz> trifecta --help, with nothing installed: the source under Bun", () => {
  const help = run([process.execPath, "x", "--package", tarballs.launcher, "trifecta", "--help"], emptyProject());
  expect(help).toContain("USAGE trifecta ast|ctx|telemetry|mcp");
}, 300_000);
