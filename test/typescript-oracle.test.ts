import { expect, test } from "bun:test";
import { join } from "node:path";
import { compare, typescriptLibFiles } from "../scripts/typescript-agreement.ts";
import { REPO } from "./helpers.ts";

// The `typescript` compiler API is the oracle; the full report (with typescript.js) is
// `bun scripts/typescript-agreement.ts`.
test("TypeScript/JavaScript symbols equal the compiler's on typescript's lib .d.ts and real packages", async () => {
  const files = [...typescriptLibFiles(), join(REPO, "node_modules/citty/dist/index.mjs"), join(REPO, "node_modules/consola/dist/core.mjs")];
  expect(files.length).toBeGreaterThan(100);
  const result = await compare(files);
  expect(result.oracleRows).toBeGreaterThan(10_000);
  expect(Object.fromEntries(result.onlyOracle)).toEqual({});
  expect(Object.fromEntries(result.onlyTrifecta)).toEqual({});
  expect(result.matched).toBe(result.oracleRows);
}, 120_000);
