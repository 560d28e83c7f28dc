import { describe, expect, test } from "bun:test";
import { cpSync } from "node:fs";
import { join } from "node:path";
import { freshDir, REPO, runCli } from "./helpers.ts";

describe("help", () => {
  test("the usage line names the whole command path", () => {
    const usage = (args: string[]) => runCli([...args, "--help"]).stdout.split("\n").find((line) => line.startsWith("USAGE"));
    expect(usage([])).toBe("USAGE trifecta ast|ctx|telemetry|mcp");
    expect(usage(["ctx"])).toBe("USAGE trifecta ctx build|search|get|refs|callers|callees|map");
    expect(usage(["ctx", "search"])).toBe("USAGE trifecta ctx search [OPTIONS] <QUERY>");
    expect(usage(["ast", "symbols"])).toBe("USAGE trifecta ast symbols [OPTIONS] <URI>");
    expect(usage(["telemetry", "report"])).toBe("USAGE trifecta telemetry report [OPTIONS] ");
  });
});

describe("did you mean", () => {
  test("an unknown command or flag names the closest one; an unrelated word gets no guess", () => {
    const message = (args: string[]) => {
      const run = runCli(args);
      expect(run.exitCode).toBe(2);
      expect(run.json.error_code).toBe("USAGE_ERROR");
      return run.json.message;
    };
    expect(message(["ctx", "serch", "x"])).toBe("unknown command 'serch'; did you mean 'search'?");
    expect(message(["astt"])).toBe("unknown command 'astt'; did you mean 'ast'?");
    expect(message(["ast", "symbols", "sym://python/mod/x", "--segmnt", "."])).toBe("unknown option '--segmnt'; did you mean '--segment'?");
    expect(message(["ctx", "get", "x", "--budgett", "9"])).toBe("unknown option '--budgett'; did you mean '--budget'?");
    expect(message(["ast", "deploy"])).toBe("unknown command 'deploy'");
    expect(runCli(["ast", "symbols", "x", "--segmnt", "."]).stderr).toContain("(see: trifecta ast symbols --help)");
  });
});

describe("output flags: --format json|text on every ast and ctx command, --json its alias", () => {
  const segment = join(freshDir(), "shop");
  cpSync(join(REPO, "examples", "shop"), segment, { recursive: true });
  const at = ["--segment", segment];
  const commands = [
    ["ast", "symbols", "sym://python/mod/shop.cart", ...at],
    ["ast", "snippet", "sym://python/type/shop.cart#LineItem.total", ...at],
    ["ast", "languages"],
    ["ast", "cache-stats", ...at],
    ["ast", "cache-verify", ...at],
    ["ctx", "build", ...at],
    ["ctx", "search", "cart total", ...at],
    ["ctx", "get", "shop/cart.py#LineItem.total", ...at],
    ["ast", "clear-cache", ...at],
  ];

  test("--json and --format json print what no flag prints; --format text prints no JSON", () => {
    // Times and ages aside, and after a first run (a miss, a first build) so that the three runs compared answer alike.
    const json = (args: string[]) => runCli(args).stdout.replace(/"(seconds|\w+_age_s)": [0-9.]+/g, "");
    for (const args of commands) {
      json(args);
      const plain = json(args);
      expect({ args, json: json([...args, "--json"]) }).toEqual({ args, json: plain });
      expect({ args, json: json([...args, "--format", "json"]) }).toEqual({ args, json: plain });
      const text = runCli([...args, "--format", "text"]);
      expect({ args, exitCode: text.exitCode, json: text.json }).toEqual({ args, exitCode: 0, json: null });
      expect(text.stdout.length).toBeGreaterThan(0);
    }
  });

  test("the text of search, get and snippet is what an agent reads: ids with lines, cited lines, the source", () => {
    runCli(["ctx", "build", ...at]);
    expect(runCli(["ctx", "search", "cart total", "--limit", "1", ...at, "--format", "text"]).stdout).toBe("shop/cart.py#LineItem.total  17-18  method  def total(self) -> float\n");
    const get = runCli(["ctx", "get", "shop/cart.py#LineItem.total", "--mode", "raw", ...at, "--format", "text"]).stdout;
    // A definition is read with the decorators right above it (`@property`).
    expect(get).toBe("--- shop/cart.py:16-18 shop/cart.py#LineItem.total\n    @property\n    def total(self) -> float:\n        return self.quantity * self.unit_price\nbudget: 2000\nused_tokens: 23\nstop_reason: complete\n");
    expect(runCli(["ast", "snippet", "sym://python/type/shop.cart#LineItem.total", ...at, "--format", "text"]).stdout).toBe("    def total(self) -> float:\n        return self.quantity * self.unit_price\n");
  });

  test("errors stay JSON in text format; --json with --format text is a usage error", () => {
    const missing = runCli(["ast", "symbols", "sym://python/mod/ghost", ...at, "--format", "text"]);
    expect([missing.exitCode, missing.json.error_code]).toEqual([1, "FILE_NOT_FOUND"]);
    const both = runCli(["ctx", "search", "x", ...at, "--json", "--format", "text"]);
    expect([both.exitCode, both.json.error_code]).toEqual([2, "USAGE_ERROR"]);
  });
});
