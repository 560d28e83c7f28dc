/// <reference lib="webworker" />
// A worker thread of `ctx build`: source bytes in, extraction out. Grammars stay loaded between files.
import { extractSymbols } from "../extract/extractor.ts";
import { decodeSource } from "../extract/source-text.ts";

declare const self: Worker;

self.onmessage = async (event: MessageEvent<{ id: number; language: string; bytes: Uint8Array }>) => {
  const { id, language, bytes } = event.data;
  try {
    self.postMessage({ id, extraction: await extractSymbols(language, decodeSource(bytes)) });
  } catch (error) {
    self.postMessage({ id, error: (error as Error).message });
  }
};
