import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export const KEEP_QUARANTINED = 3;
const SIDECARS = ["-wal", "-shm", "-journal"];

/**
 * Moves a damaged database (and its WAL/SHM sidecars, which must never be replayed into a
 * fresh file) to `<db>.corrupt-<timestamp>`, keeping the newest three. Returns the new file
 * name, or null when the file was already replaced by another process (same inode check).
 */
export function quarantine(dbPath: string, expectedInode: number | null, now = new Date()): string | null {
  try {
    if (expectedInode !== null && statSync(dbPath).ino !== expectedInode) return null;
  } catch {
    return null;
  }
  const stamp = now.toISOString().replace(/[-:.]/g, "");
  let target = `${dbPath}.corrupt-${stamp}`;
  if (existsSync(target)) target = `${target}-${process.pid}`;
  try {
    renameSync(dbPath, target);
  } catch {
    return null;
  }
  for (const suffix of SIDECARS) {
    try {
      renameSync(`${dbPath}${suffix}`, `${target}${suffix}`);
    } catch {
      // absent sidecar
    }
  }
  pruneQuarantined(dbPath);
  return basename(target);
}

function pruneQuarantined(dbPath: string): void {
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}.corrupt-`;
  const kept = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && !SIDECARS.some((s) => name.endsWith(s)))
    .sort()
    .reverse();
  for (const old of kept.slice(KEEP_QUARANTINED)) {
    for (const suffix of ["", ...SIDECARS]) rmSync(join(dir, `${old}${suffix}`), { force: true });
  }
}

export function listQuarantined(dbPath: string): string[] {
  try {
    const prefix = `${basename(dbPath)}.corrupt-`;
    return readdirSync(dirname(dbPath))
      .filter((name) => name.startsWith(prefix) && !SIDECARS.some((s) => name.endsWith(s)))
      .sort();
  } catch {
    return [];
  }
}
