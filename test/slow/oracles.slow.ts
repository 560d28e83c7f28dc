import { expect, test } from "bun:test";
import { join } from "node:path";
import { compareWithOracle, sample, stdlibFiles } from "../../scripts/python-agreement.ts";
import { compare, typescriptLibFiles } from "../../scripts/typescript-agreement.ts";
import { REPO } from "../helpers.ts";

// The slow suite (`bun run test:slow`): the larger oracle runs. The full reports are the scripts.
test("Python symbols equal what Python's own ast reports on a 200-file stdlib sample", async () => {
  const agreement = await compareWithOracle(sample(stdlibFiles(), 200));
  expect(agreement.filesCompared).toBeGreaterThan(180);
  expect(agreement.disagreements).toEqual([]);
}, 600_000);

test("TypeScript/JavaScript symbols equal the compiler's on typescript's lib .d.ts and real packages", async () => {
  const files = [...typescriptLibFiles(), join(REPO, "node_modules/citty/dist/index.mjs"), join(REPO, "node_modules/consola/dist/core.mjs")];
  expect(files.length).toBeGreaterThan(100);
  const result = await compare(files);
  expect(result.oracleRows).toBeGreaterThan(10_000);
  expect(Object.fromEntries(result.onlyOracle)).toEqual({});
  expect(Object.fromEntries(result.onlyTrifecta)).toEqual({});
  expect(result.matched).toBe(result.oracleRows);
}, 600_000);
