import { readFileSync, statSync } from "node:fs";
import { cacheKey, contentHash } from "../cache/key.ts";
import { useNormalJit } from "../core/jit.ts";
import type { AstCache } from "../cache/types.ts";
import { extractorVersion } from "../extract/version.ts";
import { decodeSource } from "../extract/source-text.ts";
import type { Extraction } from "../extract/types.ts";
import { locateFile } from "../resolve/segment.ts";
import { extractInProcess } from "../symbols/service.ts";
import type { ContextIndex, FileStamp, FileUpdate, IndexedFile } from "./index-store.ts";
import { splitSections } from "./markdown.ts";
import { ExtractionPool } from "./pool.ts";
import { kindOf, walkSegment, type SkipReason, type WalkedFile } from "./walk.ts";

export interface IndexTarget {
  readonly root: string;
  readonly cache: AstCache;
  readonly index: ContextIndex;
  readonly maxFileBytes: number;
}

export interface BuildReport {
  files: { seen: number; indexed: number; unchanged: number; removed: number; skipped: Record<SkipReason | "binary", number> };
  symbols: number;
  sections: number;
  parse_errors: number;
  cache_hits: number;
  workers: number;
  seconds: number;
}

const BATCH = 200;
/** Below this many files to parse, threads cost more than they save. */
const MIN_FILES_PER_WORKER = 8;

const kindName = (file: WalkedFile) => (file.kind.type === "markdown" ? "markdown" : file.kind.language);

function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

interface Changed {
  readonly file: WalkedFile;
  readonly bytes: Uint8Array;
  readonly hash: string;
}

/** A batch of changed files whose extractions are under way. */
interface Extracting {
  readonly changed: Changed[];
  readonly hits: number;
  /** Cache misses with their keys, to store once extracted. */
  readonly misses: { item: Changed; key: string }[];
  readonly extractions: Promise<Map<string, Extraction>>;
}

/** Takes what it can from the AST cache and starts extracting the rest (on the pool when there is one). */
function startExtracting(cache: AstCache, changed: Changed[], pool: ExtractionPool | null, progress?: () => void): Extracting {
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
async function finishExtracting(cache: AstCache, batch: Extracting): Promise<FileUpdate[]> {
  const extractions = await batch.extractions;
  cache.storeMany(batch.misses.map(({ item, key }) => ({ key, fileRel: item.file.fileRel, extraction: extractions.get(item.file.fileRel)! })));
  return batch.changed.map(({ file, bytes, hash }) => {
    const base = { file_rel: file.fileRel, kind: kindName(file), content_hash: hash, size: file.size, mtime_ms: file.mtimeMs };
    if (file.kind.type === "markdown") return { file: { ...base, parse_status: "ok" }, sections: splitSections(decodeSource(bytes)) };
    const extraction = extractions.get(file.fileRel)!;
    return { file: { ...base, parse_status: extraction.parse_status }, symbols: extraction.symbols, source: decodeSource(bytes) };
  });
}

/** Reads a file that may have changed: null when it is the same content the index has. */
function readChanged(file: WalkedFile, prior: IndexedFile | undefined): Changed | "binary" | null {
  const bytes = readFileSync(file.absPath);
  if (isBinary(bytes)) return "binary";
  const hash = contentHash(bytes);
  if (prior && prior.content_hash === hash && prior.kind === kindName(file)) return null;
  return { file, bytes, hash };
}

/**
 * Brings the index up to date with the segment: unchanged files (same size and mtime, or same
 * content hash) cost no parse; deleted and renamed files leave the index.
 */
export async function buildIndex(target: IndexTarget, options: { workers: number; progress?: (done: number, total: number) => void }): Promise<BuildReport> {
  const started = performance.now();
  useNormalJit();
  const walk = walkSegment(target.root, target.maxFileBytes);
  const known = target.index.files();
  const present = new Set(walk.files.map((f) => f.fileRel));
  const deleted = [...known.keys()].filter((fileRel) => !present.has(fileRel));
  let removed = deleted.length;
  // Same size and mtime: unchanged without reading. The rest is read (and parsed) batch by batch,
  // so memory stays bounded however large the segment is.
  const candidates = walk.files.filter((file) => {
    const prior = known.get(file.fileRel);
    return !(prior && prior.size === file.size && prior.mtime_ms === file.mtimeMs && prior.kind === kindName(file));
  });
  let unchanged = walk.files.length - candidates.length;
  let binary = 0;
  let indexed = 0;
  let hits = 0;
  let done = 0;
  const tick = () => options.progress?.(++done, candidates.length);
  const threads = Math.min(options.workers, Math.floor(candidates.length / MIN_FILES_PER_WORKER));
  const pool = threads > 0 ? new ExtractionPool(threads) : null;

  /** Reads one batch and starts its extraction; the write happens later, after the next batch has started. */
  const readBatch = (files: WalkedFile[], removals: string[]) => {
    const touched: { fileRel: string; mtimeMs: number }[] = [];
    const changed: Changed[] = [];
    for (const file of files) {
      const prior = known.get(file.fileRel);
      const read = readChanged(file, prior);
      if (read === "binary") {
        binary++;
        if (prior) {
          removals.push(file.fileRel);
          removed++;
        }
        tick();
      } else if (read === null) {
        unchanged++;
        touched.push({ fileRel: file.fileRel, mtimeMs: file.mtimeMs });
        tick();
      } else changed.push(read);
    }
    indexed += changed.length;
    return { removals, touched, extracting: startExtracting(target.cache, changed, pool, tick) };
  };

  try {
    // A pipeline: while the pool parses batch k+1, this thread writes batch k.
    let previous = readBatch(candidates.slice(0, BATCH), deleted);
    for (let i = BATCH; ; i += BATCH) {
      const next = i < candidates.length ? readBatch(candidates.slice(i, i + BATCH), []) : null;
      const updates = await finishExtracting(target.cache, previous.extracting);
      hits += previous.extracting.hits;
      target.index.write(updates, previous.removals, previous.touched);
      if (!next) break;
      previous = next;
    }
  } finally {
    pool?.close();
  }
  const totals = target.index.totals();
  return {
    files: { seen: walk.seen, indexed, unchanged, removed, skipped: { ...walk.skipped, binary } },
    symbols: totals.symbols,
    sections: totals.sections,
    parse_errors: totals.partialFiles,
    cache_hits: hits,
    workers: pool ? threads : 0,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}

export interface Freshness {
  /** Files re-indexed because they changed since the build. */
  refreshed: string[];
  /** Changed files left stale because there were more than the limit. */
  stale: string[];
}

/**
 * Before answering from the index: files changed on disk since they were indexed are re-indexed
 * (up to `limit`; beyond it they are reported stale), deleted ones leave the index.
 */
export async function refreshChanged(target: IndexTarget, limit: number, only?: readonly string[]): Promise<Freshness> {
  // For a few named files (ctx get, hits in stale files) their rows; otherwise every file's size
  // and mtime, and the whole row only of a file that changed.
  const stamps: FileStamp[] = only ? only.flatMap((fileRel) => target.index.file(fileRel) ?? []) : target.index.stamps();
  const removals: string[] = [];
  const changed: Changed[] = [];
  const touched: { fileRel: string; mtimeMs: number }[] = [];
  const stale: string[] = [];
  for (const stamp of stamps) {
    const fileRel = stamp.file_rel;
    const quick = statSync(`${target.root}/${fileRel}`, { throwIfNoEntry: false });
    if (quick?.isFile() && quick.size === stamp.size && quick.mtimeMs === stamp.mtime_ms) continue;
    const prior = "content_hash" in stamp ? (stamp as IndexedFile) : target.index.file(fileRel);
    if (!prior) continue;
    // Changed or gone: look again, this time refusing links that lead out of the segment.
    const located = locateFile({ root: target.root }, fileRel.split("/"));
    const absPath = located.ok && located.value ? located.value.absPath : null;
    const stat = absPath ? statSync(absPath, { throwIfNoEntry: false }) : undefined;
    if (!absPath || !stat?.isFile()) {
      removals.push(fileRel);
      continue;
    }
    const kind = kindOf(fileRel.split("/").at(-1)!);
    if (!kind) continue;
    const file: WalkedFile = { fileRel, absPath, size: stat.size, mtimeMs: stat.mtimeMs, kind };
    if (changed.length + stale.length >= limit) {
      stale.push(fileRel);
      continue;
    }
    const read = readChanged(file, prior);
    if (read === "binary") removals.push(fileRel);
    else if (read === null) touched.push({ fileRel, mtimeMs: stat.mtimeMs });
    else changed.push(read);
  }
  if (changed.length + removals.length + touched.length > 0) {
    const updates = await finishExtracting(target.cache, startExtracting(target.cache, changed, null));
    target.index.write(updates, removals, touched);
  }
  return { refreshed: [...changed.map((c) => c.file.fileRel), ...removals], stale };
}
