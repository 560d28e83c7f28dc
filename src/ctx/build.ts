import { fetchInto, type RemoteCache } from "../cache/remote.ts";
import { portableKey } from "../cache/remote-entry.ts";
import { cacheKey } from "../cache/key.ts";
import type { RemoteStats } from "../cache/types.ts";
import type { Extraction } from "../extract/types.ts";
import { extractorVersion } from "../extract/version.ts";
import { isCorruption } from "../store/sqlite-errors.ts";
import { useNormalJit } from "../core/jit.ts";
import { BuildLock } from "./build-lock.ts";
import { LANGUAGE_IDS } from "../languages.ts";
import { TEXT_FORMAT } from "./rows.ts";
import { PoolOnDemand } from "./pool.ts";
import { compareWithIndex, DatabaseReplaced, emptyChangeSet, notParsed, readInto, startExtracting, writeChanges, type Changed, type Extracting, type FileFailure, type IndexTarget } from "./update.ts";
import { walkSegment, type DirStamp, type SkipReason, type WalkedFile } from "./walk.ts";

export interface BuildReport {
  /**
   * `unsupported_extensions`: the extensions of the most `unsupported` files (at most UNSUPPORTED_SHOWN, most first),
   * what a tree holds that trifecta does not read (`.xml`, `.png`).
   */
  files: { seen: number; indexed: number; unchanged: number; removed: number; skipped: Record<SkipReason | "binary", number>; unsupported_extensions?: Record<string, number> };
  /** Files that could not be indexed this time (each retried by the next build), with the reason. */
  failed: FileFailure[];
  symbols: number;
  sections: number;
  parse_errors: number;
  /** Some of the files parsed partially (PARTIAL_SHOWN, in path order), when there are any: what `ast symbols` reads `partial`. */
  partial_files?: string[];
  cache_hits: number;
  workers: number;
  seconds: number;
  /** Set when the database was found damaged and replaced during the build, which then started over. */
  recovered?: { database_replaced: number; restarted: true };
  /** Set when another build of the segment ran first and this one waited for it. */
  waited_for_build_s?: number;
  /** With a team cache: what it gave and was given so far (uploads go on after the answer, up to a deadline). */
  remote?: Omit<RemoteStats, "dropped"> & { uploads_queued: number };
}

/** How many extensions a build report lists under `unsupported_extensions`. */
const UNSUPPORTED_SHOWN = 10;

const mostFirst = (counts: ReadonlyMap<string, number>): Record<string, number> =>
  Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, UNSUPPORTED_SHOWN));

interface BuildOptions {
  workers: number;
  waitMs: number;
  progress?: (done: number, total: number) => void;
  remote?: RemoteCache | null;
}

/**
 * A batch (read, extracted, written in one transaction) ends at this many files or source bytes.
 * What a batch holds stays in memory until it is written, on both threads: the standard library's
 * cold build peaked at 235 MB with batches of 200 files (~7 MB), 186 MB with 50 (3% slower, within
 * the runs' spread); the index write alone 165 MB against 120–129 MB.
 */
/** How many of the files parsed partially a build names. */
const PARTIAL_SHOWN = 10;
const BATCH_FILES = 50;
const BATCH_BYTES = 2 * 1024 * 1024;

/** The candidates in batches (at least one, empty when there is nothing to read, for the build's last write). */
function batchesOf(candidates: readonly WalkedFile[]): WalkedFile[][] {
  const batches: WalkedFile[][] = [[]];
  let bytes = 0;
  for (const file of candidates) {
    let batch = batches.at(-1)!;
    if (batch.length >= BATCH_FILES || (batch.length > 0 && bytes + file.size > BATCH_BYTES)) {
      batch = [];
      batches.push(batch);
      bytes = 0;
    }
    batch.push(file);
    bytes += file.size;
  }
  return batches;
}
/** Below this many files to parse, threads cost more than they save. */
const MIN_FILES_PER_WORKER = 8;
/** A database replaced this many times during one build is not worth another try. */
const MAX_RESTARTS = 3;

function sameDirs(recorded: readonly DirStamp[], walked: readonly DirStamp[]): boolean {
  const times = new Map(recorded.map((d) => [d.dir_rel, d.mtime_ms]));
  return recorded.length === walked.length && walked.every((d) => times.get(d.dir_rel) === d.mtime_ms);
}

/**
 * Brings the index up to date with the segment: unchanged files (same size and mtime, or same
 * content hash) cost no parse; deleted and renamed files leave the index. One build at a time per
 * segment: a build started while another runs waits for it (`waitMs`), then finds its work done.
 * Damage found while building replaces the database (src/cache/sqlite-cache.ts), and the build
 * starts over from the walk, so an index never claims to be complete when it is not.
 */
export async function buildIndex(target: IndexTarget, options: BuildOptions): Promise<BuildReport> {
  const waitStarted = performance.now();
  const lock = BuildLock.acquire(target.cache.dbPath, options.waitMs);
  if (lock === "busy") throw new BuildBusy();
  const waitedMs = performance.now() - waitStarted;
  const startGeneration = target.store.generation;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        const report = await buildPass(target, options);
        const replaced = target.store.generation - startGeneration;
        return {
          ...report,
          ...(replaced > 0 ? { recovered: { database_replaced: replaced, restarted: true as const } } : {}),
          ...(waitedMs >= 100 ? { waited_for_build_s: Math.round(waitedMs) / 1000 } : {}),
        };
      } catch (error) {
        if (attempt >= MAX_RESTARTS) throw error;
        if (error instanceof DatabaseReplaced) continue;
        if (!isCorruption(error) || !target.store.recover(String((error as Error).message))) throw error;
      }
    }
  } finally {
    if (lock !== "unavailable") lock.release();
  }
}

/** Another build held the segment's lock for longer than this command would wait. */
export class BuildBusy extends Error {
  constructor() {
    super("another ctx build of this segment is running");
  }
}

/**
 * The team cache's part of a batch: what the local cache lacks of the batch's source files is fetched
 * (bounded concurrency) and stored locally, so the lookups that follow are hits and only the rest is
 * parsed. The build asks for batch k+1 while batch k parses and is written.
 */
async function fetchBatch(target: IndexTarget, remote: RemoteCache, changed: readonly Changed[]): Promise<Map<string, Extraction> | undefined> {
  const wanted = changed.flatMap((item) => {
    if (item.file.kind.type !== "source" || item.generated) return [];
    const version = extractorVersion(item.file.kind.language);
    return [{ key: cacheKey(item.file.fileRel, item.hash, version), fileRel: item.file.fileRel, portable: portableKey(item.file.kind.language, version, item.sha256) }];
  });
  return wanted.length > 0 ? fetchInto(target.cache, remote, wanted) : undefined;
}

/** Gives the team cache what this batch parsed (write-behind: queued, never waited for). */
async function uploadParsed(remote: RemoteCache, batch: Extracting): Promise<void> {
  const extractions = await batch.extractions;
  for (const { item } of batch.misses) {
    const extraction = extractions.get(item.file.fileRel);
    if (!extraction || item.file.kind.type !== "source") continue;
    remote.upload(portableKey(item.file.kind.language, extractorVersion(item.file.kind.language), item.sha256), extraction);
  }
}

/** The rows' format and every extractor's version, as the index records the build that wrote it. */
export function indexFormat(): string {
  return `${TEXT_FORMAT}:${LANGUAGE_IDS.map(extractorVersion).join(",")}`;
}

/**
 * Whether an index recorded under `recorded` (indexFormat of the build that wrote it) lacks what an answer
 * reads: `rows`, this binary's row format (a search ranks by the counted uses of format 5); `extraction`,
 * also every extractor's version (references an older extractor did not find would be missing, not stale).
 */
export function formatOutdated(recorded: string | null, of: "rows" | "extraction"): boolean {
  return of === "extraction" ? recorded !== indexFormat() : recorded?.split(":", 1)[0] !== TEXT_FORMAT;
}

async function buildPass(target: IndexTarget, options: Omit<BuildOptions, "waitMs">): Promise<Omit<BuildReport, "recovered" | "waited_for_build_s">> {
  const started = performance.now();
  useNormalJit();
  const walk = walkSegment(target.root, target.maxFileBytes);
  // The rows' format and every extractor's version: a binary that extracts differently (new kinds, a
  // fixed query) re-indexes files whose size and time did not change, instead of keeping old symbols.
  target.index.requireTextFormat(indexFormat());
  const known = target.index.files();
  // Same size and mtime: unchanged without reading. The rest is read (and parsed) batch by batch,
  // so memory stays bounded however large the segment is.
  const { gone: deleted, candidates } = compareWithIndex(walk.files, known);
  if (known.size === 0 && candidates.length > 0) target.index.loadInBulk();
  let removed = deleted.length;
  let unchanged = walk.files.length - candidates.length;
  // Generated and minified files are in the index without symbols, so an unchanged one costs no read.
  const skipped = { ...walk.skipped };
  const candidateSet = new Set(candidates.map((c) => c.fileRel));
  for (const file of walk.files) {
    const reason = candidateSet.has(file.fileRel) ? null : notParsed(known.get(file.fileRel));
    if (reason) {
      skipped[reason]++;
      unchanged--;
    }
  }
  let binary = 0;
  let indexed = 0;
  let hits = 0;
  let done = 0;
  const failed: FileFailure[] = [];
  const tick = () => options.progress?.(++done, candidates.length);
  const pool = new PoolOnDemand(options.workers, MIN_FILES_PER_WORKER);

  /** Reads one batch and starts its extraction; the write happens later, after the next batch has started. */
  const readBatch = async (files: WalkedFile[], removals: string[]) => {
    const changes = emptyChangeSet(target, removals);
    for (const file of files) readInto(changes, target.root, file, known.get(file.fileRel));
    for (let i = changes.changed.length; i < files.length; i++) tick(); // read, nothing to extract
    binary += changes.binary;
    removed += changes.binaryDropped;
    unchanged += changes.sameContent.parsed;
    for (const reason of ["generated", "minified"] as const) skipped[reason] += changes.sameContent[reason] + changes.changed.filter((c) => c.generated === reason).length;
    // Entries from the team cache are used as fetched: looking each up again costs a read and a
    // hit-counter write per file (the standard library's warm-remote build: 1,307 → 1,208 ms of CPU).
    const fetched = remote ? await fetchBatch(target, remote, changes.changed) : undefined;
    return { changes, extracting: startExtracting(target.cache, changes.changed, pool.forBatch, tick, target.large, fetched) };
  };
  const { remote } = options;

  // A build stopped before its last batch leaves 'running' behind; search and get then say so.
  // One that found nothing to do still says so when the index was not marked complete before.
  const markedComplete = target.index.buildState() === "complete";
  try {
    // A pipeline: while the pool parses batch k+1, this thread writes batch k. With a team cache the
    // fetches of batches k+1 and k+2 are under way meanwhile: their requests wait on the network while
    // this thread writes (the standard library's 734 files from a warm remote, three runs each: one
    // batch ahead 1.08–1.21 s, two 0.91–1.09 s).
    const batches = batchesOf(candidates);
    const ahead = remote ? 2 : 1;
    const reads: (ReturnType<typeof readBatch> | undefined)[] = [];
    const readAhead = (upTo: number) => {
      while (reads.length <= upTo && reads.length < batches.length) {
        const read = readBatch(batches[reads.length]!, reads.length === 0 ? deleted : []);
        read.catch(() => {}); // awaited below; a failure surfaces there, never as an unhandled rejection
        reads.push(read);
      }
    };
    for (let k = 0; k < batches.length; k++) {
      readAhead(k);
      const current = (await reads[k])!;
      reads[k] = undefined; // its bytes go once written
      readAhead(k + ahead);
      hits += current.extracting.hits;
      // The last write also records the directories walked, when they differ from those recorded.
      const finished = candidates.length > 0 || deleted.length > 0 || !markedComplete;
      const last = k === batches.length - 1;
      const meta = !last ? { buildState: "running" as const } : { buildState: finished ? ("complete" as const) : undefined, dirs: sameDirs(target.index.dirStamps(), walk.dirs) ? undefined : walk.dirs };
      indexed += await writeChanges(target, current.changes, current.extracting, meta);
      if (remote?.writes) await uploadParsed(remote, current.extracting);
      failed.push(...current.changes.failures);
    }
  } finally {
    pool.close();
  }
  const totals = target.index.totals();
  return {
    files: { seen: walk.seen, indexed, unchanged, removed, skipped: { ...skipped, binary }, ...(walk.unsupportedExtensions.size > 0 ? { unsupported_extensions: mostFirst(walk.unsupportedExtensions) } : {}) },
    failed: failed.sort((a, b) => (a.file_rel < b.file_rel ? -1 : a.file_rel > b.file_rel ? 1 : 0)),
    symbols: totals.symbols,
    sections: totals.sections,
    parse_errors: totals.partialFiles,
    ...(totals.partialFiles > 0 ? { partial_files: target.index.partialFiles(PARTIAL_SHOWN) } : {}),
    cache_hits: hits,
    workers: pool.threads,
    seconds: Math.round(performance.now() - started) / 1000,
    ...(remote ? { remote: remoteSoFar(remote) } : {}),
  };
}

function remoteSoFar(remote: RemoteCache): NonNullable<BuildReport["remote"]> {
  const { dropped: _dropped, ...stats } = remote.stats;
  return { ...stats, uploads_queued: remote.queuedUploads };
}
