import { statSync } from "node:fs";
import { locateFile } from "../resolve/segment.ts";
import type { FileStamp, IndexedFile } from "./index-store.ts";
import { compareWithIndex, finishExtracting, isFailure, readChanged, startExtracting, type Changed, type IndexTarget } from "./update.ts";
import { kindOf, walkSegment, type WalkedFile, type WalkResult } from "./walk.ts";

export interface Freshness {
  /** Files re-indexed because they changed since the build. */
  refreshed: string[];
  /** Changed files left stale because there were more than the limit. */
  stale: string[];
}

/** Same size and modification time as when indexed: the file is taken as unchanged without reading it. */
export function unchangedOnDisk(root: string, stamp: FileStamp): boolean {
  const stat = statSync(`${root}/${stamp.file_rel}`, { throwIfNoEntry: false });
  return stat !== undefined && stat.isFile() && stat.size === stamp.size && stat.mtimeMs === stamp.mtime_ms;
}

/**
 * Files created or removed since the build change their directory's time. Only when a directory's
 * time differs (or none was recorded) is the segment walked again: a stat per directory instead of
 * a walk per answer.
 */
function walkIfDirectoriesChanged(target: IndexTarget): WalkResult | null {
  const dirs = target.index.dirStamps();
  const same = dirs.length > 0 && dirs.every((d) => statSync(`${target.root}/${d.dir_rel}`, { throwIfNoEntry: false })?.mtimeMs === d.mtime_ms);
  return same ? null : walkSegment(target.root, target.maxFileBytes);
}

/**
 * Before answering from the index: files changed on disk since they were indexed are re-indexed,
 * files created since are indexed (up to `limit` in all; beyond it they are reported stale), and
 * deleted ones leave the index.
 */
export async function refreshChanged(target: IndexTarget, limit: number, only?: readonly string[]): Promise<Freshness> {
  // For a few named files (ctx get, hits in stale files) their rows; otherwise every file's size
  // and mtime, and the whole row only of a file that changed.
  const stamps: FileStamp[] = only ? only.flatMap((fileRel) => target.index.file(fileRel) ?? []) : target.index.stamps();
  const walk = only ? null : walkIfDirectoriesChanged(target);
  const removals: string[] = [];
  const changed: Changed[] = [];
  const touched: { fileRel: string; mtimeMs: number }[] = [];
  const stale: string[] = [];
  // An index that cannot be written (a read-only segment) answers as it is: every change is stale.
  const writable = !target.cache.readOnly;
  const take = (file: WalkedFile, prior: IndexedFile | undefined) => {
    if (!writable || changed.length + stale.length >= limit) {
      stale.push(file.fileRel);
      return;
    }
    const read = readChanged(target.root, file, prior);
    // Binary now, or unreadable: it leaves the index (a build retries and reports the latter).
    if (read === "binary" || isFailure(read)) {
      if (prior) removals.push(file.fileRel);
    } else if (read === null) touched.push({ fileRel: file.fileRel, mtimeMs: file.mtimeMs });
    else changed.push(read);
  };
  if (walk) {
    // The walk has found, checked and stat'ed every file: compare it with the index as a build does.
    const { gone, candidates } = compareWithIndex(walk.files, new Map(stamps.map((s) => [s.file_rel, s])));
    removals.push(...gone);
    for (const file of candidates) take(file, target.index.file(file.fileRel) ?? undefined);
  } else {
    for (const stamp of stamps) {
      if (unchangedOnDisk(target.root, stamp)) continue;
      const fileRel = stamp.file_rel;
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
      take({ fileRel, absPath, size: stat.size, mtimeMs: stat.mtimeMs, kind, identity: { dev: stat.dev, ino: stat.ino } }, prior);
    }
  }
  if (!writable) return { refreshed: [], stale: [...stale, ...removals] };
  // The directory times are kept only when nothing was left stale, so the next answer looks again.
  const dirs = walk && stale.length === 0 ? walk.dirs : undefined;
  if (changed.length + removals.length + touched.length > 0 || dirs) {
    const extracting = startExtracting(target.cache, changed, null);
    const updates = await finishExtracting(target.cache, extracting);
    removals.push(...extracting.failures.map((f) => f.file_rel));
    target.index.write(updates, removals, touched, dirs ? { dirs } : undefined);
  }
  return { refreshed: [...changed.map((c) => c.file.fileRel), ...removals], stale };
}
