import { describe, expect, test } from "bun:test";
import type { ArgsDef } from "citty";
import { parseArgs as parseResult, variadic, type ParsedArgs } from "../../../src/cli/strict-args.ts";

const defs = {
  file: { type: "positional", required: true },
  extra: { type: "positional", required: false },
  format: { type: "string", alias: "f" },
  limit: { type: "string" },
  verbose: { type: "boolean", alias: ["v"] },
  cache: { type: "boolean" },
} satisfies ArgsDef;

/** The parsed arguments of a valid command line (the test fails on a usage error). */
const parseArgs = (args: string[], d: ArgsDef = defs): ParsedArgs => {
  const parsed = parseResult(args, d);
  if (!parsed.ok) throw new Error(`unexpected usage error: ${parsed.error.message}`);
  return parsed.value;
};

/** The usage error's message, or "no error". */
const usage = (args: string[], d: ArgsDef = defs) => {
  const parsed = parseResult(args, d);
  if (parsed.ok) return "no error";
  expect(parsed.error.code).toBe("USAGE_ERROR");
  return parsed.error.message;
};

describe("values", () => {
  test("--name value and --name=value (the first = splits; the value may be empty)", () => {
    expect(parseArgs(["a", "--format", "json"], defs).format).toBe("json");
    expect(parseArgs(["a", "--format=a=b"], defs).format).toBe("a=b");
    expect(parseArgs(["a", "--format="], defs).format).toBe("");
  });

  test("aliases, one or several, with one dash", () => {
    const parsed = parseArgs(["a", "-f", "text", "-v"], defs);
    expect(parsed.format).toBe("text");
    expect(parsed.verbose).toBe(true);
  });

  test("a value may start with a single dash", () => {
    expect(parseArgs(["a", "--limit", "-5"], defs).limit).toBe("-5");
  });

  test("the last occurrence wins", () => {
    expect(parseArgs(["a", "--limit", "1", "--limit=2"], defs).limit).toBe("2");
  });

  test("a missing value, or a flag where the value should be", () => {
    expect(usage(["a", "--format"])).toBe("option '--format' needs a value");
    expect(usage(["a", "--format", "--verbose"])).toBe("option '--format' needs a value");
  });
});

describe("booleans", () => {
  test("--flag, --no-flag, --flag=false; any other value is true", () => {
    expect(parseArgs(["a", "--cache"], defs).cache).toBe(true);
    expect(parseArgs(["a", "--no-cache"], defs).cache).toBe(false);
    expect(parseArgs(["a", "--cache=false"], defs).cache).toBe(false);
    expect(parseArgs(["a", "--cache=0"], defs).cache).toBe(true);
  });

  test("a boolean does not take the next word", () => {
    const parsed = parseArgs(["--verbose", "a"], defs);
    expect(parsed.verbose).toBe(true);
    expect(parsed.file).toBe("a");
  });

  test("--no-flag takes no value; --no- of a non-boolean is unknown", () => {
    expect(usage(["a", "--no-cache=true"])).toBe("'--no-cache=true' takes no value");
    expect(usage(["a", "--no-format"])).toBe("unknown option '--no-format'");
  });

  test("an absent flag is absent", () => {
    expect("cache" in parseArgs(["a"], defs)).toBe(false);
  });
});

describe("positionals", () => {
  test("by name and in _; an optional one left out is undefined", () => {
    const parsed = parseArgs(["a"], defs);
    expect(parsed._).toEqual(["a"]);
    expect(parsed.file).toBe("a");
    expect(parsed.extra).toBeUndefined();
  });

  test("-- ends flags: what follows is positional, dashes and all", () => {
    const parsed = parseArgs(["--", "--verbose", "-"], defs);
    expect(parsed._).toEqual(["--verbose", "-"]);
    expect(parsed.verbose).toBeUndefined();
    expect(parsed.file).toBe("--verbose");
  });

  test("a lone - is positional", () => {
    expect(parseArgs(["-"], defs).file).toBe("-");
  });

  test("missing required, too many", () => {
    expect(usage([])).toBe("missing required argument <FILE>");
    expect(usage(["a", "b", "c"])).toBe("too many arguments: expected at most 2");
    expect(usage(["a", "--", "b", "c"])).toBe("too many arguments: expected at most 2");
  });

  test("positionals are required unless required: false", () => {
    expect(usage([], { id: { type: "positional" } })).toBe("missing required argument <ID>");
  });

  test("a variadic command takes any number", () => {
    const ids = variadic({ id: { type: "positional" } } satisfies ArgsDef);
    const parsed = parseArgs(["x", "y", "z"], ids);
    expect(parsed._).toEqual(["x", "y", "z"]);
    expect(parsed.id).toBe("x");
    expect(usage([], ids)).toBe("missing required argument <ID>");
  });

  test("variadic marks that object only, not an equal one", () => {
    expect(usage(["x", "y"], { id: { type: "positional" } })).toBe("too many arguments: expected at most 1");
  });
});

describe("unknown flags", () => {
  test("are usage errors, named as typed", () => {
    expect(usage(["a", "--nope"])).toBe("unknown option '--nope'");
    expect(usage(["a", "-x"])).toBe("unknown option '-x'");
    expect(usage(["a", "--nope=1"])).toBe("unknown option '--nope=1'");
    expect(usage(["a", "--=1"])).toBe("unknown option '--=1'");
  });

  test("a flag's type defaults to string", () => {
    expect(parseArgs(["--name", "v"], { name: {} } as ArgsDef).name).toBe("v");
  });
});
