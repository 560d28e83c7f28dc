import type { ArgsDef } from "citty";

/** A flag or argument the command does not define; citty itself lets these pass silently. */
export class UsageError extends Error {}

const variadicCommands = new WeakSet<ArgsDef>();

/** Marks a command's arguments as taking any number of positionals (e.g. `ctx get <id>...`). */
export function variadic<T extends ArgsDef>(defs: T): T {
  variadicCommands.add(defs);
  return defs;
}

/** Rejects unknown flags, missing flag values and extra positionals before a command runs. */
export function checkArgs(rawArgs: readonly string[], defs: ArgsDef): void {
  const flags = new Map<string, { type: string }>();
  let positionals = 0;
  for (const [name, def] of Object.entries(defs)) {
    if (def.type === "positional") {
      positionals++;
      continue;
    }
    flags.set(name, { type: def.type ?? "string" });
    const aliases = "alias" in def && def.alias ? [def.alias].flat() : [];
    for (const alias of aliases) flags.set(alias, { type: def.type ?? "string" });
  }
  let seenPositionals = 0;
  for (let i = 0; i < rawArgs.length; i++) {
    const token = rawArgs[i]!;
    if (token === "--") {
      seenPositionals += rawArgs.length - i - 1;
      break;
    }
    if (!token.startsWith("-") || token === "-") {
      seenPositionals++;
      continue;
    }
    const [rawName = "", inlineValue] = token.replace(/^--?/, "").split(/=(.*)/s, 2);
    const negated = rawName.startsWith("no-") && flags.get(rawName.slice(3))?.type === "boolean";
    const flag = flags.get(negated ? rawName.slice(3) : rawName);
    if (!flag) throw new UsageError(`unknown option '${token}'`);
    if (flag.type === "boolean") {
      if (negated && inlineValue !== undefined) throw new UsageError(`'${token}' takes no value`);
      continue;
    }
    if (inlineValue === undefined) {
      const next = rawArgs[i + 1];
      if (next === undefined || next.startsWith("--")) throw new UsageError(`option '${token}' needs a value`);
      i++;
    }
  }
  if (seenPositionals > positionals && !variadicCommands.has(defs)) throw new UsageError(`too many arguments: expected at most ${positionals}`);
}
