import { MemoryAstCache } from "./memory-cache.ts";
import { cacheDbPath } from "./paths.ts";
import { SqliteAstCache } from "./sqlite-cache.ts";
import type { AstCache, Lookup } from "./types.ts";

/**
 * Whether to persist: the flag wins over TRIFECTA_AST_PERSIST; persistence is on by default.
 * The variable accepts 1/true/on and 0/false/off.
 */
export function persistSetting(flag: boolean | undefined, env: string | undefined = process.env.TRIFECTA_AST_PERSIST): boolean {
  if (flag !== undefined) return flag;
  const value = env?.trim().toLowerCase();
  if (value === "0" || value === "false" || value === "off") return false;
  return true;
}

/** The one way to get an AST cache, for the CLI and every later consumer. */
export function openAstCache(segmentRoot: string, persist: boolean): AstCache {
  if (!persist) return new MemoryAstCache();
  const dbPath = cacheDbPath(segmentRoot);
  return SqliteAstCache.open(dbPath) ?? new UnavailableCache(dbPath);
}

/** Stands in when the database cannot be opened (read-only disk, permissions): answers bypass. */
class UnavailableCache implements AstCache {
  constructor(readonly dbPath: string) {}
  lookup(): Lookup {
    return { status: "bypass", reason: "cache_unavailable" };
  }
  store(): boolean {
    return false;
  }
  close(): void {}
}
