/**
 * Rewrites test/golden/expected/*.json from the current extractor. Run it only after checking, by
 * reading the diff, that every change in the expected symbols is intended.
 *   bun scripts/update-golden.ts
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { extractSymbols } from "../src/extract/extractor.ts";
import { decodeSource } from "../src/extract/source-text.ts";
import { isLanguageId } from "../src/languages.ts";

const golden = join(import.meta.dir, "..", "test", "golden");
for (const name of readdirSync(join(golden, "src")).sort()) {
  const language = name.slice(0, name.lastIndexOf("."));
  if (!isLanguageId(language)) throw new Error(`${name}: a golden source is named <language>.<ext>`);
  const extraction = await extractSymbols(language, decodeSource(await Bun.file(join(golden, "src", name)).bytes()));
  writeFileSync(join(golden, "expected", `${name}.json`), `${JSON.stringify(extraction.symbols, null, 2)}\n`);
  console.log(`${name}: ${extraction.symbols.length} symbols, parse ${extraction.parse_status}`);
}
