import { MemoryAstCache } from "./memory-cache.ts";
import { cacheDbPath } from "./paths.ts";
import { cacheSettings } from "./settings.ts";
import { SqliteAstCache } from "./sqlite-cache.ts";
import { ContextIndex } from "../ctx/index-store.ts";
import type { AstCache, BypassReason, CacheEventSink, CacheSettings, Lookup, StoreOutcome } from "./types.ts";

/** Whether to persist: the flag wins over TRIFECTA_AST_PERSIST (`setting`, see src/core/settings.ts). */
export function persistSetting(flag: boolean | undefined, setting: boolean): boolean {
  return flag ?? setting;
}

export interface OpenCacheOptions {
  readonly persist: boolean;
  readonly events?: CacheEventSink;
  readonly settings?: CacheSettings;
}

/** The one way to get an AST cache, for the CLI and every later consumer. */
export function openAstCache(segmentRoot: string, options: OpenCacheOptions): AstCache {
  const events = options.events ?? (() => {});
  if (!options.persist) return new MemoryAstCache(events);
  const dbPath = cacheDbPath(segmentRoot);
  const opened = SqliteAstCache.open(dbPath, options.settings ?? cacheSettings(), events);
  return opened instanceof SqliteAstCache ? opened : new UnavailableCache(dbPath, opened.failed);
}

/**
 * The AST cache and the ctx index of a segment, on one connection to the same file. The index
 * needs the file, so there is no in-memory variant: a failure is reported, not bypassed.
 */
export function openIndexedCache(
  segmentRoot: string,
  options: { events?: CacheEventSink; settings?: CacheSettings } = {},
): { ok: true; cache: SqliteAstCache; index: ContextIndex } | { ok: false; reason: BypassReason; dbPath: string } {
  const dbPath = cacheDbPath(segmentRoot);
  const opened = SqliteAstCache.open(dbPath, options.settings ?? cacheSettings(), options.events ?? (() => {}));
  if (!(opened instanceof SqliteAstCache)) return { ok: false, reason: opened.failed, dbPath };
  return { ok: true, cache: opened, index: new ContextIndex(() => opened.connection) };
}

/** Stands in when the database cannot be opened (read-only disk, lock timeout): every call is a bypass. */
class UnavailableCache implements AstCache {
  constructor(
    readonly dbPath: string,
    private readonly reason: BypassReason,
  ) {}
  lookup(): Lookup {
    return { status: "bypass", reason: this.reason };
  }
  store(): StoreOutcome {
    return { status: "bypass", reason: this.reason };
  }
  storeMany(entries: readonly unknown[]): StoreOutcome[] {
    return entries.map(() => this.store());
  }
  close(): void {}
}
