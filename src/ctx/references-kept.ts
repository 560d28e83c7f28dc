import { cacheKey } from "../cache/key.ts";
import { extractorVersion } from "../extract/version.ts";
import { isLanguageId } from "../languages.ts";
import { refreshFiles, type Freshness } from "./freshness.ts";
import type { IndexedFile } from "./index-store.ts";
import type { IndexTarget } from "./update.ts";

/**
 * The index's references, written on first use (src/ctx/index-store.ts keepReferences) from the AST
 * cache's entries of the files as indexed: no file is parsed again unless its entry is gone (evicted,
 * damaged), and then it is indexed again (`freshness.refreshed`), or, where that cannot happen now
 * (a read-only segment, a build under way in this process), left out and counted stale.
 */
export async function ensureReferences(target: IndexTarget, freshness: Freshness, options: { canRefresh: boolean }): Promise<void> {
  const missing = target.index.keepReferences((file) => cachedReferences(target, file));
  if (missing.length === 0) return;
  if (!options.canRefresh || target.cache.readOnly) {
    freshness.stale.push(...missing.filter((f) => !freshness.stale.includes(f)));
    return;
  }
  const again = await refreshFiles(target, missing);
  freshness.refreshed.push(...again.refreshed);
  freshness.stale.push(...again.stale);
}

function cachedReferences(target: IndexTarget, file: IndexedFile) {
  if (!isLanguageId(file.kind)) return null;
  return target.cache.peek(cacheKey(file.file_rel, file.content_hash, extractorVersion(file.kind)))?.references ?? null;
}
