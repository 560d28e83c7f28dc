import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hostTarget, TARGETS, writePlatformPackage } from "../build.ts";
import { BINARY, cliEnv, freshDir, REPO } from "./helpers.ts";

/** Runs a command to completion with a clean environment; its stdout, or a throw with its stderr. */
export function run(command: string[], cwd: string, env: Record<string, string> = {}): string {
  const done = Bun.spawnSync(command, { cwd, env: cliEnv(env), stdout: "pipe", stderr: "pipe" });
  if (done.exitCode !== 0) throw new Error(`${command.join(" ")} exited ${done.exitCode}:\n${done.stderr}`);
  return done.stdout.toString();
}

const tarballIn = (dir: string) => join(dir, readdirSync(dir).find((f) => f.endsWith(".tgz"))!);

/**
 * The packed launcher (npm pack of this checkout) and this machine's platform package (what `bun run
 * release` puts in dist/npm/, made here from dist/trifecta, packed by bun pm pack: ~8 s for 150 MB).
 */
export function packTarballs(): { launcher: string; platform: string } {
  const launcherDir = freshDir();
  run(["npm", "pack", "--pack-destination", launcherDir], REPO);
  const platformDir = join(freshDir(), "package");
  writePlatformPackage(TARGETS.find((t) => t.id === hostTarget())!, BINARY, platformDir);
  run([process.execPath, "pm", "pack", "--destination", join(platformDir, "..")], platformDir);
  return { launcher: tarballIn(launcherDir), platform: tarballIn(join(platformDir, "..")) };
}

export function emptyProject(): string {
  const dir = freshDir();
  writeFileSync(join(dir, "package.json"), '{ "name": "user-project", "private": true }\n');
  return dir;
}

/** A project with both tarballs installed by npm or Bun, as a user installs them until they are on the registry. */
export function installedProject(manager: "npm" | "bun", tarballs: { launcher: string; platform: string }): string {
  const project = emptyProject();
  const install = manager === "npm" ? ["npm", "install", "--no-audit", "--no-fund"] : [process.execPath, "add"];
  run([...install, tarballs.launcher, tarballs.platform], project);
  return project;
}
