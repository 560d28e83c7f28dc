import { lstatSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { fail, ok, type Result } from "../core/result.ts";

/** The project root an agent works in; every path trifecta reads must stay inside it. */
export interface Segment {
  /** Absolute, symlink-free path of the segment directory. */
  readonly root: string;
}

/**
 * The segment: `--segment` when given, else the project the working directory is in, found the
 * way git and ripgrep find their roots (discoverRoot).
 */
export function resolveSegment(segmentArg: string | undefined, cwd: string = process.cwd()): Result<Segment> {
  const requested = resolve(cwd, segmentArg ?? ".");
  let root: string;
  try {
    root = realpathSync(requested);
  } catch {
    return fail("SEGMENT_NOT_FOUND", `segment directory does not exist: ${segmentArg ?? "."}`);
  }
  if (!statSync(root).isDirectory()) return fail("SEGMENT_NOT_FOUND", `segment is not a directory: ${segmentArg ?? "."}`);
  return ok({ root: segmentArg === undefined ? discoverRoot(root) : root });
}

/** Whether `dir` holds an entry `name` that is a directory (`dir` true) or anything (`dir` false), links not followed. */
function holds(dir: string, name: string, directory: boolean): boolean {
  try {
    const stat = lstatSync(`${dir}${sep}${name}`);
    return !directory || stat.isDirectory();
  } catch {
    return false;
  }
}

/**
 * The nearest directory at or above `start` holding `.trifecta/` (an index exists there), else the
 * nearest holding `.git` (a directory, or a worktree's file), else `start` itself: an agent
 * working in a subfolder uses the project's one index instead of silently building a second.
 */
export function discoverRoot(start: string): string {
  for (const [marker, directory] of [[".trifecta", true], [".git", false]] as const) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (holds(dir, marker, directory)) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  return start;
}

/** A file inside the segment: its absolute path and its POSIX segment-relative path. */
export interface SegmentFile {
  readonly absPath: string;
  readonly fileRel: string;
}

/**
 * Finds `parts` under the segment without reading it. Returns null when nothing is there,
 * PATH_OUTSIDE_SEGMENT when the path (or a symlink on the way) leads out of the segment.
 */
export function locateFile(segment: Segment, parts: readonly string[]): Result<SegmentFile | null> {
  const candidate = resolve(segment.root, ...parts);
  const fileRel = parts.join("/");
  if (!isInside(segment.root, candidate)) return fail("PATH_OUTSIDE_SEGMENT", `'${fileRel}' is outside the segment`);
  try {
    lstatSync(candidate);
  } catch {
    return ok(null);
  }
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return ok(null); // a dangling symlink: nothing to read
  }
  if (!isInside(segment.root, real)) {
    return fail("PATH_OUTSIDE_SEGMENT", `'${fileRel}' is a link that leads outside the segment`, { file_rel: fileRel });
  }
  if (!statSync(real).isFile()) return ok(null);
  return ok({ absPath: real, fileRel });
}

/** Like locateFile, for a directory: its real path, or null when there is none. */
export function locateDir(segment: Segment, parts: readonly string[]): Result<string | null> {
  const candidate = resolve(segment.root, ...parts);
  if (!isInside(segment.root, candidate)) return fail("PATH_OUTSIDE_SEGMENT", `'${parts.join("/")}' is outside the segment`);
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return ok(null);
  }
  if (!isInside(segment.root, real)) return fail("PATH_OUTSIDE_SEGMENT", `'${parts.join("/")}' is a link that leads outside the segment`);
  return ok(statSync(real).isDirectory() ? real : null);
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}
