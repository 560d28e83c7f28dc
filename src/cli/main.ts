#!/usr/bin/env bun
import { renderUsage, type ArgsDef, type CommandDef } from "citty";
import { EXIT_ERROR, EXIT_READER_GONE, EXIT_USAGE, isBrokenPipe, printError, tellHuman, writeStderr, writeStdout } from "./output.ts";
import { EXTRACT_COMMAND } from "./internal.ts";
import { isUsageFailure, parseArgs, type UsageFailure } from "./strict-args.ts";
import { didYouMean } from "./suggest.ts";
import { VERSION, versionText } from "./version.ts";

const main = {
  meta: { name: "trifecta", version: VERSION, description: "Deterministic symbol outlines for AI coding agents" },
  // Loaded when named: a command pays only for the modules it uses.
  subCommands: {
    ast: () => import("./commands/ast.ts").then((m) => m.astCommand),
    ctx: () => import("./commands/ctx.ts").then((m) => m.ctxCommand),
    telemetry: () => import("./commands/telemetry.ts").then((m) => m.telemetryCommand),
    mcp: () => import("./commands/mcp.ts").then((m) => m.mcpCommand),
  },
} satisfies CommandDef;

type Lazy<T> = T | Promise<T> | (() => T | Promise<T>);
const resolveLazy = async <T,>(value: Lazy<T>): Promise<T> => (typeof value === "function" ? (value as () => T | Promise<T>)() : value);

/** Follows the subcommand path in argv to the command that will run, its path (`trifecta ctx search`) and its own arguments. */
async function leafCommand(argv: string[]): Promise<{ command: CommandDef; path: string; args: string[] }> {
  let command: CommandDef = main;
  let args = argv;
  const path = [main.meta.name];
  for (;;) {
    const subs = (await resolveLazy(command.subCommands)) as Record<string, Lazy<CommandDef>> | undefined;
    const next = args[0] === undefined ? undefined : subs?.[args[0]];
    if (!next) return { command, path: path.join(" "), args };
    command = await resolveLazy(next);
    path.push(args[0]!);
    args = args.slice(1);
  }
}

async function run(argv: string[]): Promise<number> {
  if (argv[0] === EXTRACT_COMMAND && argv[1]) return (await import("./fast-extract.ts")).runExtractCommand(argv[1]);
  const { command, path, args } = await leafCommand(argv);
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
    await writeStdout(await versionText());
    return 0;
  }
  if (args.includes("--help") || args.includes("-h") || command.subCommands) {
    const asked = args.includes("--help") || args.includes("-h");
    // Help that was asked for is the answer (stdout); help after a mistake is a note (stderr).
    // citty names a command by its parent's name and its own: the parent given is the path before it.
    const parent = command === main ? undefined : { meta: { name: path.slice(0, path.lastIndexOf(" ")), version: VERSION } };
    const usage = await renderUsage(command, parent);
    const terminal = asked ? process.stdout.isTTY : process.stderr.isTTY;
    // citty colours its usage text; a pipe or a file gets it plain.
    await (asked ? writeStdout : writeStderr)(`${terminal ? usage : Bun.stripANSI(usage)}\n`);
    if (!asked) {
      const names = Object.keys((await resolveLazy(command.subCommands)) ?? {});
      const unknown = args[0] ? `unknown command '${args[0]}'${didYouMean(args[0], names)}` : "a subcommand is required";
      return printError({ code: "USAGE_ERROR", message: unknown }, EXIT_USAGE);
    }
    return 0;
  }
  const usageError = async ({ error }: UsageFailure) => {
    await tellHuman("error", `${error.message} (see: ${path} --help)`);
    return printError(error, EXIT_USAGE);
  };
  try {
    const defs = ((await resolveLazy(command.args)) ?? {}) as ArgsDef;
    const parsed = parseArgs(args, defs);
    if (!parsed.ok) return usageError(parsed);
    const returned: unknown = await command.run?.({ rawArgs: args, args: parsed.value as never, cmd: command });
    if (isUsageFailure(returned)) return usageError(returned);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    return printError({ code: "INTERNAL_ERROR", message: (error as Error).message ?? String(error) }, EXIT_ERROR);
  }
}

// The last line of defence: whatever escapes is still one JSON error, never a trace (and a reader
// that went away ends the process quietly).
const lastResort = (error: unknown) => {
  if (isBrokenPipe(error)) process.exit(EXIT_READER_GONE);
  void printError({ code: "INTERNAL_ERROR", message: (error as Error)?.message ?? String(error) }, EXIT_ERROR).then((code) => process.exit(code));
};
process.on("uncaughtException", lastResort);
process.on("unhandledRejection", lastResort);

void run(process.argv.slice(2)).then((code) => {
  // Everything is written and closed by now; exiting at once skips the runtime's teardown, which
  // costs a compiled hello world 1.3 ms of its 6.
  process.exit(code);
});
