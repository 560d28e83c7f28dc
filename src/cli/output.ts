import type { TrifectaError } from "../core/result.ts";

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** Machine output: one JSON document on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printError(error: TrifectaError, exitCode = EXIT_ERROR): number {
  printJson({ status: "error", error_code: error.code, message: error.message, ...error.details });
  return exitCode;
}

/** Human-facing notes go to stderr, so stdout stays pure JSON. */
export async function tellHuman(level: "warn" | "error" | "info", message: string): Promise<void> {
  const { createConsola } = await import("consola");
  createConsola({ stdout: process.stderr, stderr: process.stderr })[level](message);
}
