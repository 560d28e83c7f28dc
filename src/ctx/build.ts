import { isCorruption } from "../store/sqlite-errors.ts";
import { useNormalJit } from "../core/jit.ts";
import { BuildLock } from "./build-lock.ts";
import { PoolOnDemand } from "./pool.ts";
import { compareWithIndex, DatabaseReplaced, emptyChangeSet, notParsed, readInto, startExtracting, writeChanges, type FileFailure, type IndexTarget } from "./update.ts";
import { walkSegment, type DirStamp, type SkipReason, type WalkedFile } from "./walk.ts";

export interface BuildReport {
  files: { seen: number; indexed: number; unchanged: number; removed: number; skipped: Record<SkipReason | "binary", number> };
  /** Files that could not be indexed this time (each retried by the next build), with the reason. */
  failed: FileFailure[];
  symbols: number;
  sections: number;
  parse_errors: number;
  cache_hits: number;
  workers: number;
  seconds: number;
  /** Set when the database was found damaged and replaced during the build, which then started over. */
  recovered?: { database_replaced: number; restarted: true };
  /** Set when another build of the segment ran first and this one waited for it. */
  waited_for_build_s?: number;
}

const BATCH = 200;
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
export async function buildIndex(target: IndexTarget, options: { workers: number; waitMs: number; progress?: (done: number, total: number) => void }): Promise<BuildReport> {
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

async function buildPass(target: IndexTarget, options: { workers: number; progress?: (done: number, total: number) => void }): Promise<Omit<BuildReport, "recovered" | "waited_for_build_s">> {
  const started = performance.now();
  useNormalJit();
  const walk = walkSegment(target.root, target.maxFileBytes);
  const known = target.index.files();
  // Same size and mtime: unchanged without reading. The rest is read (and parsed) batch by batch,
  // so memory stays bounded however large the segment is.
  const { gone: deleted, candidates } = compareWithIndex(walk.files, known);
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
  const readBatch = (files: WalkedFile[], removals: string[]) => {
    const changes = emptyChangeSet(target, removals);
    for (const file of files) readInto(changes, target.root, file, known.get(file.fileRel));
    for (let i = changes.changed.length; i < files.length; i++) tick(); // read, nothing to extract
    binary += changes.binary;
    removed += changes.binaryDropped;
    unchanged += changes.sameContent.parsed;
    for (const reason of ["generated", "minified"] as const) skipped[reason] += changes.sameContent[reason] + changes.changed.filter((c) => c.generated === reason).length;
    return { changes, extracting: startExtracting(target.cache, changes.changed, pool.forBatch, tick, target.large) };
  };

  // A build stopped before its last batch leaves 'running' behind; search and get then say so.
  // One that found nothing to do still says so when the index was not marked complete before.
  const markedComplete = target.index.buildState() === "complete";
  try {
    // A pipeline: while the pool parses batch k+1, this thread writes batch k.
    let previous = readBatch(candidates.slice(0, BATCH), deleted);
    for (let i = BATCH; ; i += BATCH) {
      const next = i < candidates.length ? readBatch(candidates.slice(i, i + BATCH), []) : null;
      hits += previous.extracting.hits;
      // The last write also records the directories walked, when they differ from those recorded.
      const finished = candidates.length > 0 || deleted.length > 0 || !markedComplete;
      const meta = next ? { buildState: "running" as const } : { buildState: finished ? ("complete" as const) : undefined, dirs: sameDirs(target.index.dirStamps(), walk.dirs) ? undefined : walk.dirs };
      indexed += await writeChanges(target, previous.changes, previous.extracting, meta);
      failed.push(...previous.changes.failures);
      if (!next) break;
      previous = next;
    }
  } finally {
    pool.close();
  }
  const totals = target.index.totals();
  return {
    files: { seen: walk.seen, indexed, unchanged, removed, skipped: { ...skipped, binary } },
    failed: failed.sort((a, b) => (a.file_rel < b.file_rel ? -1 : a.file_rel > b.file_rel ? 1 : 0)),
    symbols: totals.symbols,
    sections: totals.sections,
    parse_errors: totals.partialFiles,
    cache_hits: hits,
    workers: pool.threads,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
