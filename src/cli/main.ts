#!/usr/bin/env bun
import { renderUsage, runCommand, type CommandDef } from "citty";
import { astCommand } from "./commands/ast.ts";
import { EXIT_ERROR, EXIT_USAGE, printError, tellHuman } from "./output.ts";
import { checkArgs, UsageError } from "./strict-args.ts";

const VERSION = "0.1.0";

const main = {
  meta: { name: "trifecta", version: VERSION, description: "Deterministic symbol outlines for AI coding agents" },
  subCommands: { ast: astCommand },
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
  const { command, args } = await leafCommand(argv);
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (args.includes("--help") || args.includes("-h") || command.subCommands) {
    const asked = args.includes("--help") || args.includes("-h");
    // Help that was asked for is the answer (stdout); help after a mistake is a note (stderr).
    (asked ? process.stdout : process.stderr).write(`${await renderUsage(command)}\n`);
    if (!asked) {
      const unknown = args[0] ? `unknown command '${args[0]}'` : "a subcommand is required";
      return printError({ code: "USAGE_ERROR", message: unknown }, EXIT_USAGE);
    }
    return 0;
  }
  try {
    checkArgs(args, (await command.args) ?? {});
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

process.exitCode = await run(process.argv.slice(2));
