import { closeSync, constants, fstatSync, openSync, readFileSync, readlinkSync, readSync } from "node:fs";
import { isInside } from "./segment.ts";

/** Why a file of the segment was not read. */
export type ReadRefusal = "vanished" | "not_a_file" | "unreadable" | "outside_segment" | "changed";

export type SegmentRead =
  | { ok: true; bytes: Uint8Array; size: number; mtimeMs: number }
  | { ok: false; reason: ReadRefusal; detail: string };

/** The identity of a file as a walk saw it. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

// Linux names the file an open descriptor refers to; elsewhere the identity check stands in.
const PROC_FD = "/proc/self/fd";
let procFdWorks: boolean | undefined;

function openedPath(fd: number): string | null {
  if (procFdWorks === false) return null;
  try {
    const path = readlinkSync(`${PROC_FD}/${fd}`);
    procFdWorks = true;
    return path;
  } catch {
    procFdWorks = false;
    return null;
  }
}

function refusal(error: unknown): { ok: false; reason: ReadRefusal; detail: string } {
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  const detail = (error as Error).message ?? String(error);
  if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, reason: "vanished", detail };
  // O_NOFOLLOW met a link where the walk saw a file: swapped since it was checked.
  if (code === "ELOOP") return { ok: false, reason: "changed", detail: "the file was replaced by a symbolic link" };
  if (code === "ENXIO" || code === "EISDIR") return { ok: false, reason: "not_a_file", detail };
  return { ok: false, reason: "unreadable", detail };
}

/**
 * Reads a file of the segment so that what is read is what was checked (no time-of-check/time-of-use
 * gap): the last component is opened without following links (O_NOFOLLOW), without blocking (a
 * FIFO never hangs a read: O_NONBLOCK), the opened file must be a regular file, and the path the
 * kernel actually opened must lie inside the segment (a directory on the way swapped for a link
 * fails here). Where the kernel does not say which path it opened, the file must be the one the
 * walk saw (`expected`), when given. With `limit`, only the first `limit` bytes are read.
 */
export function readSegmentFile(root: string, absPath: string, expected?: FileIdentity, limit?: number): SegmentRead {
  let fd: number;
  try {
    fd = openSync(absPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return refusal(error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: "not_a_file", detail: "not a regular file" };
    const opened = openedPath(fd);
    if (opened !== null && !isInside(root, opened)) return { ok: false, reason: "outside_segment", detail: "the path leads outside the segment" };
    if (opened === null && expected && (stat.dev !== expected.dev || stat.ino !== expected.ino)) {
      return { ok: false, reason: "changed", detail: "the file was replaced after it was checked" };
    }
    if (limit === undefined) return { ok: true, bytes: readFileSync(fd), size: stat.size, mtimeMs: stat.mtimeMs };
    const head = Buffer.alloc(Math.min(limit, stat.size));
    const read = readSync(fd, head, 0, head.length, 0);
    return { ok: true, bytes: head.subarray(0, read), size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    return refusal(error);
  } finally {
    closeSync(fd);
  }
}
