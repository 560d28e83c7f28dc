import { expect, test } from "bun:test";
import { compareWithOracle, sample, stdlibFiles } from "../scripts/python-agreement.ts";

// The full-stdlib run is `bun scripts/python-agreement.ts`; a spread sample runs here.
test("Python symbols equal what Python's own ast reports on a stdlib sample", async () => {
  const files = stdlibFiles();
  expect(files.length).toBeGreaterThan(500);
  const agreement = await compareWithOracle(sample(files, 60));
  expect(agreement.filesCompared).toBeGreaterThan(50);
  expect(agreement.oracleSymbols).toBeGreaterThan(1000);
  expect(agreement.disagreements).toEqual([]);
}, 120_000);
