import { readFileSync } from "node:fs";
import { cacheKey, contentHash } from "../cache/key.ts";
import type { AstCache } from "../cache/types.ts";
import { extractInProcess } from "../extract/in-process.ts";
import { decodeSource } from "../extract/source-text.ts";
import type { Extraction } from "../extract/types.ts";
import { extractorVersion } from "../extract/version.ts";
import type { ContextIndex, FileStamp, FileUpdate, IndexedFile } from "./index-store.ts";
import { splitSections } from "./markdown.ts";
import type { ExtractionPool } from "./pool.ts";
import type { WalkedFile } from "./walk.ts";

/** Turning changed files into index updates, for a build and for the freshness check alike. */

export interface IndexTarget {
  readonly root: string;
  readonly cache: AstCache;
  readonly index: ContextIndex;
  readonly maxFileBytes: number;
}

const kindName = (file: WalkedFile) => (file.kind.type === "markdown" ? "markdown" : file.kind.language);

function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

/** A file whose content differs from what the index has. */
export interface Changed {
  readonly file: WalkedFile;
  readonly bytes: Uint8Array;
  readonly hash: string;
}

/** A batch of changed files whose extractions are under way. */
export interface Extracting {
  readonly changed: Changed[];
  readonly hits: number;
  /** Cache misses with their keys, to store once extracted. */
  readonly misses: { item: Changed; key: string }[];
  readonly extractions: Promise<Map<string, Extraction>>;
}

/** Takes what it can from the AST cache and starts extracting the rest (on the pool when there is one). */
export function startExtracting(cache: AstCache, changed: Changed[], pool: ExtractionPool | null, progress?: () => void): Extracting {
  const misses: { item: Changed; key: string }[] = [];
  const found = new Map<string, Extraction>();
  let hits = 0;
  for (const item of changed) {
    if (item.file.kind.type !== "source") {
      progress?.();
      continue;
    }
    const key = cacheKey(item.file.fileRel, item.hash, extractorVersion(item.file.kind.language));
    const lookup = cache.lookup(key);
    if (lookup.status === "hit") {
      found.set(item.file.fileRel, lookup.extraction);
      hits++;
      progress?.();
    } else misses.push({ item, key });
  }
  const extractions = Promise.all(
    misses.map(async ({ item }) => {
      const language = (item.file.kind as { language: string }).language;
      // A failed worker costs speed, not the answer: the file is parsed here instead.
      const extraction = pool ? await pool.extract(language, item.bytes).catch(() => extractInProcess(language, item.bytes)) : await extractInProcess(language, item.bytes);
      found.set(item.file.fileRel, extraction);
      progress?.();
    }),
  ).then(() => found);
  // Awaited only when the batch is written; a failure surfaces there, never as an unhandled rejection.
  extractions.catch(() => {});
  return { changed, hits, misses, extractions };
}

/** Stores a finished batch in the AST cache and turns it into index updates. */
export async function finishExtracting(cache: AstCache, batch: Extracting): Promise<FileUpdate[]> {
  const extractions = await batch.extractions;
  cache.storeMany(batch.misses.map(({ item, key }) => ({ key, fileRel: item.file.fileRel, extraction: extractions.get(item.file.fileRel)! })));
  return batch.changed.map(({ file, bytes, hash }) => {
    const base = { file_rel: file.fileRel, kind: kindName(file), content_hash: hash, size: file.size, mtime_ms: file.mtimeMs };
    if (file.kind.type === "markdown") return { file: { ...base, parse_status: "ok" }, sections: splitSections(decodeSource(bytes)) };
    const extraction = extractions.get(file.fileRel)!;
    return { file: { ...base, parse_status: extraction.parse_status }, symbols: extraction.symbols, source: decodeSource(bytes) };
  });
}

/**
 * A walk of the segment against the index: files the index has that the walk no longer finds
 * (deleted, or now ignored or too large), and files that are new or whose size, mtime or kind differ.
 */
export function compareWithIndex(walked: readonly WalkedFile[], indexed: ReadonlyMap<string, FileStamp>): { gone: string[]; candidates: WalkedFile[] } {
  const present = new Set(walked.map((f) => f.fileRel));
  const gone = [...indexed.keys()].filter((fileRel) => !present.has(fileRel));
  const candidates = walked.filter((file) => {
    const prior = indexed.get(file.fileRel);
    return !(prior && prior.size === file.size && prior.mtime_ms === file.mtimeMs && prior.kind === kindName(file));
  });
  return { gone, candidates };
}

/** Reads a file that may have changed: null when it is the same content the index has. */
export function readChanged(file: WalkedFile, prior: IndexedFile | undefined): Changed | "binary" | null {
  const bytes = readFileSync(file.absPath);
  if (isBinary(bytes)) return "binary";
  const hash = contentHash(bytes);
  if (prior && prior.content_hash === hash && prior.kind === kindName(file)) return null;
  return { file, bytes, hash };
}

