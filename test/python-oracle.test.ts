import { expect, test } from "bun:test";
import { compareWithOracle, sample, stdlibFiles } from "../scripts/python-agreement.ts";

// The full-stdlib run is `bun scripts/python-agreement.ts`; a 200-file sample is in the slow suite
// (`bun run test:slow`); a small spread sample runs here.
test("Python symbols equal what Python's own ast reports on a stdlib sample", async () => {
  const files = stdlibFiles();
  expect(files.length).toBeGreaterThan(500);
  const agreement = await compareWithOracle(sample(files, 24));
  expect(agreement.filesCompared).toBeGreaterThan(20);
  expect(agreement.oracleSymbols).toBeGreaterThan(300);
  expect(agreement.disagreements).toEqual([]);
}, 60_000);
