import { useNormalJit } from "../core/jit.ts";
import type { LanguageId } from "../languages.ts";
import type { Extraction } from "./types.ts";

/**
 * Every this many extractions in one thread, a garbage collection: parse trees and queries leave
 * garbage the collector is slow to take back. Extracting the standard library's 734 files in one
 * thread peaked at 193 MB RSS without it, 133 MB with it (every 200: 160 MB), no slower.
 */
const COLLECT_EVERY = 50;
let extractions = 0;

/** Extraction in this thread. The extractor and its grammars are loaded on the first call only. */
export async function extractInProcess(language: LanguageId, bytes: Uint8Array): Promise<Extraction> {
  useNormalJit();
  const [{ extractSymbols }, { decodeSource }] = await Promise.all([import("./extractor.ts"), import("./source-text.ts")]);
  const extraction = extractSymbols(language, decodeSource(bytes));
  if (++extractions % COLLECT_EVERY === 0) Bun.gc(false);
  return extraction;
}
