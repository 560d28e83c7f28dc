import type { Extraction } from "../extract/types.ts";
import { extractInProcess } from "../extract/in-process.ts";
import { isLanguageId, type LanguageId } from "../languages.ts";
import { EXTRACT_COMMAND } from "./internal.ts";

/**
 * JavaScriptCore's optimising wasm tier (OMG) costs a one-shot parse more than it saves: on the
 * stdlib's argparse.py a cold `ast symbols` takes ~200 ms with it and ~75 ms without. JSC options
 * can only be set when a process starts, so a one-shot CLI miss runs the extraction in a child
 * started with the tier off. A long-running caller extracts in-process and keeps the tier.
 */
const TIER_SWITCH = "BUN_JSC_useOMGJIT";

function selfCommand(): string[] {
  // A compiled binary is its own entry point; a source run needs the script path.
  return Bun.main.startsWith("/$bunfs/") ? [process.execPath] : [process.execPath, Bun.main];
}

/**
 * From this size on the optimising tier pays for itself: a 10 MB one-line Python module takes 28 s
 * in-process with it and 57 s in the child without it. The child's ~10 ms start is noise there.
 */
export const LARGE_INPUT_BYTES = 1024 * 1024;

export async function extractForCli(language: LanguageId, bytes: Uint8Array): Promise<Extraction> {
  if (process.env[TIER_SWITCH] === undefined && bytes.length < LARGE_INPUT_BYTES) {
    const child = Bun.spawnSync([...selfCommand(), EXTRACT_COMMAND, language], {
      stdin: bytes,
      env: { ...process.env, [TIER_SWITCH]: "0" },
    });
    if (child.exitCode === 0) return JSON.parse(child.stdout.toString()) as Extraction;
  }
  return extractInProcess(language, bytes);
}

/** The child side: source bytes on stdin, the extraction as JSON on stdout. */
export async function runExtractCommand(language: string): Promise<number> {
  // Input is read whole before anything can fail, so the parent never writes into a closed pipe.
  const bytes = await Bun.stdin.bytes();
  if (!isLanguageId(language)) throw new Error(`no extractor for language '${language}'`);
  const extraction = await extractInProcess(language, bytes);
  await Bun.write(Bun.stdout, JSON.stringify(extraction));
  return 0;
}

/**
 * A large file for `ctx build`, parsed in a child process of its own with every tier on: a parse's
 * memory (tree-sitter's wasm heap grows to ~55 bytes per byte of source and never shrinks) goes back
 * to the system when the child exits, instead of staying with a worker for the rest of the build.
 */
export async function extractIsolated(language: LanguageId, bytes: Uint8Array): Promise<Extraction> {
  const child = Bun.spawn([...selfCommand(), EXTRACT_COMMAND, language], { stdin: bytes, stdout: "pipe", stderr: "ignore" });
  const [output, exitCode] = await Promise.all([new Response(child.stdout).text(), child.exited]);
  if (exitCode !== 0) throw new Error(`the extraction process exited with ${exitCode}`);
  return JSON.parse(output) as Extraction;
}
