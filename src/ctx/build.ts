import { readFileSync, statSync } from "node:fs";
import { cacheKey, contentHash } from "../cache/key.ts";
import type { AstCache } from "../cache/types.ts";
import { extractorVersion } from "../extract/fingerprint.ts";
import { decodeSource } from "../extract/source-text.ts";
import type { Extraction } from "../extract/types.ts";
import { locateFile } from "../resolve/segment.ts";
import { extractInProcess } from "../symbols/service.ts";
import type { ContextIndex, FileUpdate, IndexedFile } from "./index-store.ts";
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

/** Parses (or takes from the AST cache) what changed; the caller writes the updates to the index. */
async function indexChanged(target: IndexTarget, changed: Changed[], pool: ExtractionPool | null, progress?: () => void) {
  const { cache } = target;
  const misses: { item: Changed; key: string }[] = [];
  const extractions = new Map<string, Extraction>();
  let hits = 0;
  for (const item of changed) {
    if (item.file.kind.type !== "source") {
      progress?.();
      continue;
    }
    const key = cacheKey(item.file.fileRel, item.hash, extractorVersion(item.file.kind.language));
    const lookup = cache.lookup(key);
    if (lookup.status === "hit") {
      extractions.set(item.file.fileRel, lookup.extraction);
      hits++;
      progress?.();
    } else misses.push({ item, key });
  }
  await Promise.all(
    misses.map(async ({ item }) => {
      const language = (item.file.kind as { language: string }).language;
      // A failed worker costs speed, not the answer: the file is parsed here instead.
      const extraction = pool ? await pool.extract(language, item.bytes).catch(() => extractInProcess(language, item.bytes)) : await extractInProcess(language, item.bytes);
      extractions.set(item.file.fileRel, extraction);
      progress?.();
    }),
  );
  cache.storeMany(misses.map(({ item, key }) => ({ key, fileRel: item.file.fileRel, extraction: extractions.get(item.file.fileRel)! })));
  const updates: FileUpdate[] = changed.map(({ file, bytes, hash }) => {
    const base = { file_rel: file.fileRel, kind: kindName(file), content_hash: hash, size: file.size, mtime_ms: file.mtimeMs };
    if (file.kind.type === "markdown") return { file: { ...base, parse_status: "ok" }, sections: splitSections(decodeSource(bytes)) };
    const extraction = extractions.get(file.fileRel)!;
    return { file: { ...base, parse_status: extraction.parse_status }, symbols: extraction.symbols, source: decodeSource(bytes) };
  });
  return { updates, hits };
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
  const pool = threads > 1 ? new ExtractionPool(threads) : null;
  try {
    for (let i = 0; i === 0 || i < candidates.length; i += BATCH) {
      const touched: { fileRel: string; mtimeMs: number }[] = [];
      const changed: Changed[] = [];
      const removals = i === 0 ? deleted : [];
      for (const file of candidates.slice(i, i + BATCH)) {
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
      const result = await indexChanged(target, changed, pool, tick);
      indexed += changed.length;
      hits += result.hits;
      target.index.write(result.updates, removals, touched);
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
    workers: pool ? threads : 1,
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
  // For a few named files (ctx get, hits in stale files) their rows alone, not the whole table.
  const known = only
    ? new Map(only.flatMap((fileRel) => {
        const row = target.index.file(fileRel);
        return row ? [[fileRel, row] as const] : [];
      }))
    : target.index.files();
  const removals: string[] = [];
  const changed: Changed[] = [];
  const touched: { fileRel: string; mtimeMs: number }[] = [];
  const stale: string[] = [];
  for (const fileRel of only ?? [...known.keys()]) {
    const prior = known.get(fileRel);
    if (!prior) continue;
    const quick = statSync(`${target.root}/${fileRel}`, { throwIfNoEntry: false });
    if (quick?.isFile() && quick.size === prior.size && quick.mtimeMs === prior.mtime_ms) continue;
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
    const { updates } = await indexChanged(target, changed, null);
    target.index.write(updates, removals, touched);
  }
  return { refreshed: [...changed.map((c) => c.file.fileRel), ...removals], stale };
}
