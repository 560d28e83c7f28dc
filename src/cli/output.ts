import type { TrifectaError } from "../core/result.ts";

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

// Bun.stdout/Bun.stderr, not process.stdout: touching the Node stream shims costs ~10 ms of start-up.
export async function writeStdout(text: string): Promise<void> {
  await Bun.write(Bun.stdout, text);
}

export async function writeStderr(text: string): Promise<void> {
  await Bun.write(Bun.stderr, text);
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
