import { basename } from "node:path";
import { openStore } from "../cache/factory.ts";
import { SqliteAstCache } from "../cache/sqlite-cache.ts";
import type { CacheEventSink, CacheSettings } from "../cache/types.ts";
import { cacheDbPath } from "../store/paths.ts";
import { Store } from "../store/store.ts";
import type { StorageReason } from "../store/types.ts";
import { ContextIndex } from "./index-store.ts";
import { CTX_INDEX_FEATURE } from "./schema.ts";

/**
 * The AST cache and the ctx index of a segment, both features of one store (one connection to one
 * file). The index needs the file, so there is no in-memory variant: a failure is reported, not bypassed.
 */
export function openIndex(
  segmentRoot: string,
  options: { events?: CacheEventSink; settings: CacheSettings },
): { ok: true; store: Store; cache: SqliteAstCache; index: ContextIndex } | { ok: false; reason: StorageReason; dbPath: string } {
  const events = options.events ?? (() => {});
  const { settings } = options;
  const store = openStore(segmentRoot, [CTX_INDEX_FEATURE], { events, settings });
  if (!(store instanceof Store)) {
    const reason = store.failed === "absent" ? "cache_unavailable" : store.failed;
    events({ type: "bypass", reason, operation: "open" });
    return { ok: false, reason, dbPath: cacheDbPath(segmentRoot) };
  }
  return { ok: true, store, cache: SqliteAstCache.over(store, settings, events), index: new ContextIndex(store, basename(segmentRoot)) };
}
