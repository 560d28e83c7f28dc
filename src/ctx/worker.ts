/// <reference lib="webworker" />
// A worker thread of `ctx build`: source bytes in, extraction out. Grammars stay loaded between files.
import { extractInProcess } from "../extract/in-process.ts";
import type { LanguageId } from "../languages.ts";

declare const self: Worker;

self.onmessage = async (event: MessageEvent<{ id: number; language: LanguageId; bytes: Uint8Array }>) => {
  const { id, language, bytes } = event.data;
  try {
    self.postMessage({ id, extraction: await extractInProcess(language, bytes) });
  } catch (error) {
    self.postMessage({ id, error: (error as Error).message });
  }
};
