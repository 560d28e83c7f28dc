#!/usr/bin/env node
// The `trifecta` command of the npm package, under Node and Bun. As esbuild and Biome do, the compiled
// executable comes in a per-platform package (an optional dependency: the package manager installs the
// one whose os/cpu/libc match); this launcher finds it and runs it. Without one (a platform with no
// release, optional dependencies left out) Bun runs the TypeScript source instead.
//
// Speed: Node's own start (~40 ms) is 3-4x a whole warm `ast symbols` (~12 ms), so on first use the
// launcher puts the executable in its own place (a hard link, else a copy, renamed over this file:
// what esbuild's install script does, but done here because Bun and pnpm skip install scripts).
// From then on the package's bin is the executable itself and no JavaScript runs before it.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

/** The platform package for a target: @trifecta/<os>-<cpu>[-musl], as build.ts names them. */
function packageFor(platform, arch, musl) {
  const os = platform === "win32" ? "windows" : platform;
  return `@trifecta/${os}-${arch}${musl ? "-musl" : ""}`;
}

function isMusl() {
  if (process.platform !== "linux") return false;
  return !process.report?.getReport?.()?.header?.glibcVersionRuntime;
}

/** The installed executable for this machine, or undefined. Both Linux libcs are tried, this one's first. */
function findExecutable() {
  const exe = process.platform === "win32" ? "trifecta.exe" : "trifecta";
  const musl = isMusl();
  const names = [packageFor(process.platform, process.arch, musl)];
  if (process.platform === "linux") names.push(packageFor(process.platform, process.arch, !musl));
  for (const name of names) {
    try {
      const file = path.join(path.dirname(require.resolve(`${name}/package.json`)), "bin", exe);
      if (fs.existsSync(file)) return file;
    } catch {
      // Not installed: try the next one.
    }
  }
  return undefined;
}

/**
 * Replaces this launcher by the executable, atomically (link or copy to a temporary name, then rename),
 * only inside an installed package (never in a source checkout) and never on Windows, where the package
 * manager's shim runs this file with Node. Any failure (read-only install, another file system) leaves the
 * launcher as it is: it keeps working, at Node's start-up cost.
 */
function takePlace(executable) {
  if (process.platform === "win32" || !__dirname.split(path.sep).includes("node_modules")) return;
  const temporary = `${__filename}.${process.pid}.tmp`;
  try {
    try {
      fs.linkSync(executable, temporary);
    } catch {
      fs.copyFileSync(executable, temporary);
      fs.chmodSync(temporary, 0o755);
    }
    fs.renameSync(temporary, __filename);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

/** Runs a command with this process's arguments and standard streams and ends as it ended; returns only if it could not start. */
function runAndExit(command, args) {
  const child = spawnSync(command, args, { stdio: "inherit" });
  if (child.error) return child.error;
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}

function fail(message) {
  process.stderr.write(`trifecta: ${message}\n`);
  process.exit(1);
}

function main() {
  const args = process.argv.slice(2);
  const executable = findExecutable();
  if (executable) {
    takePlace(executable);
    const error = runAndExit(executable, args);
    return fail(`cannot run ${executable}: ${error.message}`);
  }
  const source = path.join(__dirname, "..", "src", "cli", "main.ts");
  // Bun runs the source in this process; Node hands it to a Bun on the PATH.
  if (process.versions.bun) return import(source);
  const error = runAndExit("bun", [source, ...args]);
  const wanted = packageFor(process.platform, process.arch, isMusl());
  fail(`no executable for ${process.platform}-${process.arch} (the optional dependency ${wanted} is not installed) and no Bun to run the source (${error.code || error.message}): install Bun (npm install -g bun), or reinstall without omitting optional dependencies`);
}

if (require.main === module) main();
module.exports = { packageFor };
