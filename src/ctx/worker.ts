/// <reference lib="webworker" />
// A worker thread of `ctx build`: source bytes in, extraction out. Grammars stay loaded between files.
import { extractInProcess } from "../extract/in-process.ts";
import type { LanguageId } from "../languages.ts";

declare const self: Worker;

type Request = { id: number; language: LanguageId; bytes: Uint8Array };

async function answer({ id, language, bytes }: Request): Promise<void> {
  try {
    self.postMessage({ id, extraction: await extractInProcess(language, bytes) });
  } catch (error) {
    self.postMessage({ id, error: (error as Error).message });
  }
}

// One request at a time, in order: a batch's requests all arrive at once, and handling them as they
// arrived (each suspended at its first await) took the standard library's cold build from ~240 to ~320 MB.
let previous: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<Request>) => {
  previous = previous.then(() => answer(event.data));
};
