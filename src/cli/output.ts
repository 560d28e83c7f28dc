import type { TrifectaError } from "../core/result.ts";

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/**
 * Exit status when the reader of stdout went away (`trifecta … | head -1`): the answer was not
 * wanted whole, which is not an error of ours; as ripgrep does, exit at once, quietly, with 0.
 */
export const EXIT_READER_GONE = 0;

export function isBrokenPipe(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "EPIPE";
}

// Bun.stdout/Bun.stderr, not process.stdout: touching the Node stream shims costs ~10 ms of start-up.
export async function writeStdout(text: string): Promise<void> {
  try {
    await Bun.write(Bun.stdout, text);
  } catch (error) {
    // Everything is written to the database before the answer is printed: nothing is lost by leaving now.
    if (isBrokenPipe(error)) process.exit(EXIT_READER_GONE);
    throw error;
  }
}

export async function writeStderr(text: string): Promise<void> {
  try {
    await Bun.write(Bun.stderr, text);
  } catch {
    // A note nobody can read any more is not worth failing for.
  }
}

/** Machine output: one JSON document on stdout. */
export async function printJson(value: unknown): Promise<void> {
  await writeStdout(`${JSON.stringify(value, null, 2)}\n`);
}

export async function printError(error: TrifectaError, exitCode = EXIT_ERROR): Promise<number> {
  await printJson({ status: "error", error_code: error.code, message: error.message, ...error.details });
  return exitCode;
}

/**
 * Human-facing notes go to stderr, so stdout stays pure JSON. `consola/core` (no fancy
 * reporters) keeps the compiled binary's start-up fast.
 */
export async function tellHuman(level: "warn" | "error" | "info", message: string): Promise<void> {
  const { createConsola } = await import("consola/core");
  const logger = createConsola({
    reporters: [{ log: (entry) => lines.push(`trifecta ${entry.type}: ${entry.args.join(" ")}\n`) }],
  });
  const lines: string[] = [];
  logger[level](message);
  await writeStderr(lines.join(""));
}
