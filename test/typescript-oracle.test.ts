import { expect, test } from "bun:test";
import { join } from "node:path";
import { compare } from "../scripts/typescript-agreement.ts";
import { REPO } from "./helpers.ts";

// The `typescript` compiler API is the oracle. Here two real packages and one lib file; typescript's
// whole lib/*.d.ts is in the slow suite (`bun run test:slow`), the full report is
// `bun scripts/typescript-agreement.ts`.
test("TypeScript/JavaScript symbols equal the compiler's on real packages and a lib .d.ts", async () => {
  const files = [join(REPO, "node_modules/typescript/lib/lib.es2015.collection.d.ts"), join(REPO, "node_modules/citty/dist/index.mjs"), join(REPO, "node_modules/consola/dist/core.mjs")];
  const result = await compare(files);
  expect(result.oracleRows).toBeGreaterThan(80);
  expect(Object.fromEntries(result.onlyOracle)).toEqual({});
  expect(Object.fromEntries(result.onlyTrifecta)).toEqual({});
  expect(result.matched).toBe(result.oracleRows);
}, 60_000);
