import type { CacheSettings } from "./types.ts";

export const DEFAULTS = {
  lockTimeoutMs: 2000,
  maxBytes: 256 * 1024 * 1024,
  maxEntries: 50_000,
  ttlDays: 30,
} as const;

function positive(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/** Cache settings from the environment; invalid values fall back to the documented defaults. */
export function cacheSettings(env: Record<string, string | undefined> = process.env): CacheSettings {
  const maxDb = positive(env.TRIFECTA_CACHE_MAX_DB_BYTES, 0);
  return {
    lockTimeoutMs: Math.floor(positive(env.TRIFECTA_CACHE_LOCK_TIMEOUT_MS, DEFAULTS.lockTimeoutMs)),
    limits: {
      maxBytes: Math.floor(positive(env.TRIFECTA_CACHE_MAX_BYTES, DEFAULTS.maxBytes)),
      maxEntries: Math.floor(positive(env.TRIFECTA_CACHE_MAX_ENTRIES, DEFAULTS.maxEntries)),
      ttlMs: positive(env.TRIFECTA_CACHE_TTL_DAYS, DEFAULTS.ttlDays) * 86_400_000,
    },
    maxDbBytes: maxDb > 0 ? Math.floor(maxDb) : null,
  };
}
