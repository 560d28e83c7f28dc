import { statSync } from "node:fs";
import { locateFile } from "../resolve/segment.ts";
import { isLanguageId } from "../languages.ts";
import type { FileStamp, IndexedFile } from "./index-store.ts";
import { compareWithIndex, emptyChangeSet, readInto, startExtracting, writeChanges, type IndexTarget } from "./update.ts";
import { kindOfFile, walkSegment, type DirStamp, type WalkedFile, type WalkResult } from "./walk.ts";

export interface Freshness {
  /** Files re-indexed because they changed since the build. */
  refreshed: string[];
  /** Changed files left stale because there were more than the limit. */
  stale: string[];
}

/** Same size and modification time as when indexed: the file is taken as unchanged without reading it. */
export function unchangedOnDisk(root: string, stamp: FileStamp): boolean {
  const stat = statSync(`${root}/${stamp.file_rel}`, { throwIfNoEntry: false });
  return stat?.isFile() === true && stat.size === stamp.size && stat.mtimeMs === stamp.mtime_ms;
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

/** Files seen changed, as walked or stat'ed, with the index's row for each (undefined: a new file). */
type Looked = { file: WalkedFile; prior: IndexedFile | undefined }[];

/**
 * Before answering from the index: files changed on disk since they were indexed are re-indexed,
 * files created since are indexed (up to `limit` in all; beyond it they are reported stale), and
 * deleted ones leave the index.
 */
export async function refreshAll(target: IndexTarget, limit: number): Promise<Freshness> {
  // Every file's size and mtime; the whole row only of a file that changed.
  const stamps = target.index.stamps();
  const walk = walkIfDirectoriesChanged(target);
  if (!walk) return refresh(target, lookAgain(target, stamps), [], limit);
  // The walk has found, checked and stat'ed every file: compare it with the index as a build does.
  const { gone, candidates } = compareWithIndex(walk.files, new Map(stamps.map((s) => [s.file_rel, s])));
  const looked = candidates.map((file) => ({ file, prior: target.index.file(file.fileRel) ?? undefined }));
  return refresh(target, looked, gone, limit, walk.dirs);
}

/**
 * The same for a few named files (a `ctx get`, hits in stale files), whatever their number; with
 * `force`, read even when size and time look unchanged (a `ctx get` that read other content).
 */
export async function refreshFiles(target: IndexTarget, fileRels: readonly string[], options: { force?: boolean } = {}): Promise<Freshness> {
  const rows = fileRels.flatMap((fileRel) => target.index.file(fileRel) ?? []);
  return refresh(target, lookAgain(target, rows, options.force === true), [], Number.POSITIVE_INFINITY);
}

/** Indexed files whose size or time differ on disk (all of them with `force`), found again (links out of the segment refused). */
function lookAgain(target: IndexTarget, stamps: readonly FileStamp[], force = false): Looked {
  const looked: Looked = [];
  for (const stamp of stamps) {
    if (!force && unchangedOnDisk(target.root, stamp)) continue;
    const fileRel = stamp.file_rel;
    const prior = "content_hash" in stamp ? (stamp as IndexedFile) : target.index.file(fileRel);
    if (!prior) continue;
    const located = locateFile({ root: target.root }, fileRel.split("/"));
    const absPath = located.ok && located.value ? located.value.absPath : null;
    const stat = absPath ? statSync(absPath, { throwIfNoEntry: false }) : undefined;
    // A script without an extension is what its `#!` line says; gone, what the index had it as.
    const path = absPath ?? `${target.root}/${fileRel}`;
    const kind = kindOfFile(target.root, path, fileRel.split("/").at(-1)!) ?? (isLanguageId(prior.kind) ? ({ type: "source", language: prior.kind } as const) : null);
    if (!kind) continue;
    // Gone (or no longer a file): the read says so, and the change set drops it.
    looked.push({ file: { fileRel, absPath: path, size: stat?.size ?? -1, mtimeMs: stat?.mtimeMs ?? -1, kind, ...(stat ? { identity: { dev: stat.dev, ino: stat.ino } } : {}) }, prior });
  }
  return looked;
}

async function refresh(target: IndexTarget, looked: Looked, gone: readonly string[], limit: number, dirs?: readonly DirStamp[]): Promise<Freshness> {
  // An index that cannot be written (a read-only segment) answers as it is: every change is stale.
  if (target.cache.readOnly) return { refreshed: [], stale: [...looked.map((l) => l.file.fileRel), ...gone] };
  const changes = emptyChangeSet(target, [...gone]);
  const stale: string[] = [];
  for (const { file, prior } of looked) {
    if (changes.changed.length + stale.length >= limit) stale.push(file.fileRel);
    else readInto(changes, target.root, file, prior);
  }
  // The directory times are kept only when nothing was left stale, so the next answer looks again.
  const walked = dirs && stale.length === 0 ? { dirs } : undefined;
  if (changes.changed.length + changes.removals.length + changes.touched.length > 0 || walked) {
    await writeChanges(target, changes, startExtracting(target.cache, changes.changed, () => null, undefined, target.large), walked);
  }
  return { refreshed: [...changes.changed.map((c) => c.file.fileRel), ...changes.removals], stale };
}
