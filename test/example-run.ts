import { expect } from "bun:test";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { cliEnv, freshDir, REPO } from "./helpers.ts";

/** The commands a new user runs first, on the bundled example. */
const FIRST_COMMANDS = [["ast", "symbols", "sym://python/mod/shop.cart"], ["ctx", "build"], ["ctx", "search", "cart total"]];

/**
 * Runs the first commands through `command` (an executable, a launcher, `npx trifecta`) on a fresh copy of
 * examples/shop, and gives their stdout with the copy's path as `<segment>` (`<safe_id>` in the cache's name) and the build's time as 0: what
 * must be byte-identical whichever way trifecta was installed or whichever platform it was built for.
 */
export function exampleAnswers(command: string[], options: { cwd?: string; env?: Record<string, string> } = {}): string[] {
  const segment = join(freshDir(), "shop");
  cpSync(join(REPO, "examples", "shop"), segment, { recursive: true });
  return FIRST_COMMANDS.map((args) => {
    const run = Bun.spawnSync([...command, ...args, "--segment", segment], { cwd: options.cwd ?? segment, env: cliEnv(options.env), stdout: "pipe", stderr: "pipe" });
    expect({ args, exitCode: run.exitCode, stderr: run.stderr.toString() }).toEqual({ args, exitCode: 0, stderr: "" });
    return run.stdout.toString().replaceAll(segment, "<segment>").replaceAll(segment.replace(/[/\\:]/g, "_"), "<safe_id>").replace(/"seconds": [0-9.e-]+/, '"seconds": 0');
  });
}
