import { existsSync } from "node:fs";

// The compiled binary under test is always built from the current sources.
const root = `${import.meta.dir}/..`;
const build = Bun.spawnSync([process.execPath, "run", "build.ts", "dist/trifecta"], { cwd: root, stderr: "pipe", stdout: "pipe" });
if (build.exitCode !== 0 || !existsSync(`${root}/dist/trifecta`)) {
  throw new Error(`building dist/trifecta failed:\n${build.stderr.toString()}`);
}
