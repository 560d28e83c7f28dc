import { test } from "bun:test";
import { join } from "node:path";
import { expectCompilerAgreement, ORACLE_PACKAGES, REPO } from "./helpers.ts";

// The `typescript` compiler API is the oracle. Here two real packages and one lib file; typescript's
// whole lib/*.d.ts is in the slow suite (`bun run test:slow`), the full report is
// `bun scripts/typescript-agreement.ts`.
test("TypeScript/JavaScript symbols equal the compiler's on real packages and a lib .d.ts", async () => {
  await expectCompilerAgreement([join(REPO, "node_modules/typescript/lib/lib.es2015.collection.d.ts"), ...ORACLE_PACKAGES], 80);
}, 60_000);
