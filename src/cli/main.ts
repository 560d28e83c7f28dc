#!/usr/bin/env bun
import { renderUsage, runCommand, type ArgsDef, type CommandDef } from "citty";
import { astCommand } from "./commands/ast.ts";
import { telemetryCommand } from "./commands/telemetry.ts";
import { ctxCommand } from "./commands/ctx.ts";
import { EXIT_ERROR, EXIT_USAGE, printError, tellHuman, writeStderr, writeStdout } from "./output.ts";
import { checkArgs, UsageError } from "./strict-args.ts";
import { EXTRACT_COMMAND, runExtractCommand } from "./fast-extract.ts";

const VERSION = "0.1.0";

const main = {
  meta: { name: "trifecta", version: VERSION, description: "Deterministic symbol outlines for AI coding agents" },
  subCommands: { ast: astCommand, ctx: ctxCommand, telemetry: telemetryCommand },
} satisfies CommandDef;

/** Follows the subcommand path in argv to the command that will run and its own arguments. */
async function leafCommand(argv: string[]): Promise<{ command: CommandDef; args: string[] }> {
  let command: CommandDef = main;
  let args = argv;
  for (;;) {
    const subs = (await command.subCommands) as Record<string, CommandDef> | undefined;
    const next = args[0] === undefined ? undefined : subs?.[args[0]];
    if (!next) return { command, args };
    command = next;
    args = args.slice(1);
  }
}

async function run(argv: string[]): Promise<number> {
  if (argv[0] === EXTRACT_COMMAND && argv[1]) return runExtractCommand(argv[1]);
  const { command, args } = await leafCommand(argv);
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
    await writeStdout(`${VERSION}\n`);
    return 0;
  }
  if (args.includes("--help") || args.includes("-h") || command.subCommands) {
    const asked = args.includes("--help") || args.includes("-h");
    // Help that was asked for is the answer (stdout); help after a mistake is a note (stderr).
    await (asked ? writeStdout : writeStderr)(`${await renderUsage(command)}\n`);
    if (!asked) {
      const unknown = args[0] ? `unknown command '${args[0]}'` : "a subcommand is required";
      return printError({ code: "USAGE_ERROR", message: unknown }, EXIT_USAGE);
    }
    return 0;
  }
  try {
    const defs = typeof command.args === "function" ? await command.args() : await command.args;
    checkArgs(args, (defs ?? {}) as ArgsDef);
    await runCommand(command, { rawArgs: args });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { name?: string }).name === "CLIError") {
      await tellHuman("error", `${(error as Error).message} (see: trifecta ${argv.slice(0, 2).join(" ")} --help)`);
      return printError({ code: "USAGE_ERROR", message: (error as Error).message }, EXIT_USAGE);
    }
    return printError({ code: "INTERNAL_ERROR", message: (error as Error).message ?? String(error) }, EXIT_ERROR);
  }
}

void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
