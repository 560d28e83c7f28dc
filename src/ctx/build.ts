import { useNormalJit } from "../core/jit.ts";
import { ExtractionPool } from "./pool.ts";
import { compareWithIndex, finishExtracting, readChanged, startExtracting, type Changed, type IndexTarget } from "./update.ts";
import { walkSegment, type DirStamp, type SkipReason, type WalkedFile } from "./walk.ts";

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

function sameDirs(recorded: readonly DirStamp[], walked: readonly DirStamp[]): boolean {
  const times = new Map(recorded.map((d) => [d.dir_rel, d.mtime_ms]));
  return recorded.length === walked.length && walked.every((d) => times.get(d.dir_rel) === d.mtime_ms);
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
  // Same size and mtime: unchanged without reading. The rest is read (and parsed) batch by batch,
  // so memory stays bounded however large the segment is.
  const { gone: deleted, candidates } = compareWithIndex(walk.files, known);
  let removed = deleted.length;
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

  // A build stopped before its last batch leaves 'running' behind; search and get then say so.
  const resuming = target.index.buildState() === "running";
  try {
    // A pipeline: while the pool parses batch k+1, this thread writes batch k.
    let previous = readBatch(candidates.slice(0, BATCH), deleted);
    for (let i = BATCH; ; i += BATCH) {
      const next = i < candidates.length ? readBatch(candidates.slice(i, i + BATCH), []) : null;
      const updates = await finishExtracting(target.cache, previous.extracting);
      hits += previous.extracting.hits;
      if (next) target.index.write(updates, previous.removals, previous.touched, { buildState: "running" });
      else {
        // The last write also records the directories walked, when they differ from those recorded.
        const finished = candidates.length > 0 || deleted.length > 0 || resuming;
        const dirs = sameDirs(target.index.dirStamps(), walk.dirs) ? undefined : walk.dirs;
        target.index.write(updates, previous.removals, previous.touched, { buildState: finished ? "complete" : undefined, dirs });
      }
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
