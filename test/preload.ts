import { afterAll } from "bun:test";
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The compiled binary under test is always built from the current sources.
const root = `${import.meta.dir}/..`;
const build = Bun.spawnSync([process.execPath, "run", "build.ts", "dist/trifecta"], { cwd: root, stderr: "pipe", stdout: "pipe" });
if (build.exitCode !== 0 || !existsSync(`${root}/dist/trifecta`)) {
  throw new Error(`building dist/trifecta failed:\n${build.stderr.toString()}`);
}

// One scratch folder for the whole run (test/helpers.ts makes segments in it), removed at the end.
const scratch = realpathSync(mkdtempSync(join(tmpdir(), "trifecta-test-")));
process.env.TRIFECTA_TEST_SCRATCH = scratch;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
