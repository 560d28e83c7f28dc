import { useNormalJit } from "../core/jit.ts";
import type { LanguageId } from "../languages.ts";
import type { Extraction } from "./types.ts";

/** Extraction in this thread. The extractor and its grammars are loaded on the first call only. */
export async function extractInProcess(language: LanguageId, bytes: Uint8Array): Promise<Extraction> {
  useNormalJit();
  const [{ extractSymbols }, { decodeSource }] = await Promise.all([import("./extractor.ts"), import("./source-text.ts")]);
  return extractSymbols(language, decodeSource(bytes));
}
