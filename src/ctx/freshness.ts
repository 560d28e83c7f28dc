import { statSync } from "node:fs";
import { locateFile } from "../resolve/segment.ts";
import type { FileStamp, IndexedFile } from "./index-store.ts";
import { finishExtracting, readChanged, startExtracting, type Changed, type IndexTarget } from "./update.ts";
import { kindOf, type WalkedFile } from "./walk.ts";

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
    if (unchangedOnDisk(target.root, stamp)) continue;
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
