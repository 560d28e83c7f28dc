import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractSymbols } from "../../../src/extract/extractor.ts";
import { REPO } from "../../helpers.ts";

// The tree-sitter-wasms 0.1.13 Lua build mallocs its scanner state without initialising it, and its
// deserialize ignores the empty state every parse starts from: the first parse in a process saw
// zeroed memory and was right, every later one (or any after a query was compiled) read leftovers and
// took `x = 1` for the start of a string. The grammar's own build initialises it.
test("Lua parses cleanly after other languages' queries and after earlier Lua parses, in one process", async () => {
  await extractSymbols("python", "x = 1\n");
  await extractSymbols("typescript", "export const a = 1;\n");
  const fixture = readFileSync(join(REPO, "test", "golden", "src", "lua.lua"), "utf8");
  const sources = [fixture, "x = 1\ny = 2\n", 'local M = {}\nM.version = "1.0"\nreturn M\n', "count = 0\nfunction bump() count = count + 1 end\n"];
  for (let round = 0; round < 3; round++) {
    for (const source of sources) {
      const extraction = await extractSymbols("lua", source);
      expect(extraction.parse_status).toBe("ok");
    }
  }
  const second = await extractSymbols("lua", "x = 1\ny = 2\n");
  expect(second.symbols.map((s) => [s.kind, s.name, s.line])).toEqual([
    ["variable", "x", 1],
    ["variable", "y", 2],
  ]);
});
