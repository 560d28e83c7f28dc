import { readSettings } from "../core/settings.ts";
import type { CacheSettings } from "./types.ts";

/**
 * The cache's part of the settings (src/core/settings.ts), for an opener in factory.ts given none.
 * Every caller passes its own now; this goes when factory.ts makes `settings` required.
 */
export function cacheSettings(): CacheSettings {
  return readSettings().cache;
}
