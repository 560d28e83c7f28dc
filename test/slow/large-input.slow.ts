import { expect, test } from "bun:test";
import { definitionLines, largeModule, makeSegment, runCli } from "../helpers.ts";

test("a 10 MB module is answered correctly", () => {
  const source = largeModule(10 * 1024 * 1024);
  const run = runCli(["ast", "symbols", "sym://python/mod/m", "--segment", makeSegment({ "m.py": source })]);
  expect(run.exitCode).toBe(0);
  expect(run.json.symbols).toHaveLength(definitionLines(source));
  expect(run.json.parse_status).toBe("ok");
}, 600_000);
