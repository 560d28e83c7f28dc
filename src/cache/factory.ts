import { cacheDbPath } from "../store/paths.ts";
import { Store } from "../store/store.ts";
import type { StoreFeature } from "../store/types.ts";
import { MemoryAstCache } from "./memory-cache.ts";
import { AST_CACHE_FEATURE } from "./schema.ts";
import { SqliteAstCache } from "./sqlite-cache.ts";
import type { AstCache, BypassReason, CacheEventSink, CacheSettings, Lookup, StoreOutcome } from "./types.ts";

export interface OpenCacheOptions {
  readonly persist: boolean;
  readonly events?: CacheEventSink;
  readonly settings: CacheSettings;
}

/** Opens the segment's store with the features asked for (the AST cache's tables always among them). */
export function openStore(segmentRoot: string, features: readonly StoreFeature[], options: { events?: CacheEventSink; settings: CacheSettings }) {
  const { settings } = options;
  return Store.open(cacheDbPath(segmentRoot), {
    create: true,
    lockTimeoutMs: settings.lockTimeoutMs,
    maxDbBytes: settings.maxDbBytes,
    events: options.events,
    readOnlyFallback: true,
    features: [AST_CACHE_FEATURE, ...features],
  });
}

/** The one way to get an AST cache, for the CLI and every later consumer. */
export function openAstCache(segmentRoot: string, options: OpenCacheOptions): AstCache {
  const events = options.events ?? (() => {});
  if (!options.persist) return new MemoryAstCache(events);
  const { settings } = options;
  const store = openStore(segmentRoot, [], { events, settings });
  if (store instanceof Store) return SqliteAstCache.over(store, settings, events);
  const reason = store.failed === "absent" ? "cache_unavailable" : store.failed;
  events({ type: "bypass", reason, operation: "open" });
  return new UnavailableCache(cacheDbPath(segmentRoot), reason);
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
  adopt(entries: readonly unknown[]): StoreOutcome[] {
    return this.storeMany(entries);
  }
  close(): void {}
}
