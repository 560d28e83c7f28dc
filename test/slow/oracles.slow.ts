import { expect, test } from "bun:test";
import { compareWithOracle, sample, stdlibFiles } from "../../scripts/python-agreement.ts";
import { typescriptLibFiles } from "../../scripts/typescript-agreement.ts";
import { expectCompilerAgreement, ORACLE_PACKAGES } from "../helpers.ts";

// The slow suite (`bun run test:slow`): the larger oracle runs. The full reports are the scripts.
test("Python symbols equal what Python's own ast reports on a 200-file stdlib sample", async () => {
  const agreement = await compareWithOracle(sample(stdlibFiles(), 200));
  expect(agreement.filesCompared).toBeGreaterThan(180);
  expect(agreement.disagreements).toEqual([]);
}, 600_000);

test("TypeScript/JavaScript symbols equal the compiler's on typescript's lib .d.ts and real packages", async () => {
  const files = [...typescriptLibFiles(), ...ORACLE_PACKAGES];
  expect(files.length).toBeGreaterThan(100);
  await expectCompilerAgreement(files, 10_000);
}, 600_000);
