import { join } from "node:path";

/** `safe_id`: the resolved absolute segment path with `/`, `\` and `:` replaced by `_`. */
export function safeId(segmentRoot: string): string {
  return segmentRoot.replace(/[/\\:]/g, "_");
}

export function trifectaDir(segmentRoot: string): string {
  return join(segmentRoot, ".trifecta");
}

export function cacheDbPath(segmentRoot: string): string {
  return join(trifectaDir(segmentRoot), "cache", `ast_cache_${safeId(segmentRoot)}.db`);
}
