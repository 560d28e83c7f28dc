import { expect, test } from "bun:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { SHARED_CODE } from "../../../src/extract/fingerprint.ts";

// Every file that shapes an answer is in every language's extractor fingerprint, so a change to it gives new cache
// keys and no old entry is served: the extraction code and every language's hooks.
test("the fingerprint covers every extraction module and hook file", () => {
  const extract = join(import.meta.dir, "../../../src/extract");
  const modules = readdirSync(extract).filter((n) => n.endsWith(".ts") && !["version.ts", "fingerprint.ts", "in-process.ts"].includes(n));
  const hooks = readdirSync(join(extract, "languages")).map((n) => `languages/${n}`);
  expect([...modules, ...hooks].filter((file) => !SHARED_CODE.includes(file))).toEqual([]);
});
