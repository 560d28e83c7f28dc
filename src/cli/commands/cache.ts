import { defineCommand } from "citty";
import { cacheStats, clearCache, verifyCache } from "../../cache/maintenance.ts";
import type { CacheEvent, CacheSettings } from "../../cache/types.ts";
import { fail, type Result } from "../../core/result.ts";
import { CTX_INDEX_FEATURE } from "../../ctx/schema.ts";
import { resolveSegment } from "../../resolve/segment.ts";
import { printJson } from "../output.ts";
import { errorRecord, finish, recorded, segmentArg, telemetryArg, type CommandRecord } from "./shared.ts";

/** Runs a maintenance step on the segment's cache and records its outcome. */
async function maintain<T extends object>(
  name: string,
  args: { segment?: string; telemetry?: string },
  work: (root: string, settings: CacheSettings, events: (e: CacheEvent) => void) => Result<T>,
  summary: (value: T) => Record<string, unknown>,
  verdict: (value: T) => Result<T> = (value) => ({ ok: true, value }),
): Promise<void> {
  await recorded(name, args, async (settings): Promise<CommandRecord> => {
    const segment = resolveSegment(args.segment);
    if (!segment.ok) {
      await finish(segment);
      return { args: {}, result: errorRecord(segment.error) };
    }
    const cacheEvents: CacheEvent[] = [];
    const done = work(segment.value.root, settings.cache, (e) => cacheEvents.push(e));
    const judged = done.ok ? verdict(done.value) : done;
    await finish(judged, async (value) => printJson({ status: "ok", segment_root: segment.value.root, ...value }));
    return { args: {}, result: judged.ok ? { status: "ok", ...summary(judged.value) } : errorRecord(judged.error), cacheEvents };
  });
}

export const cacheStatsCommand = defineCommand({
  meta: { name: "cache-stats", description: "Entries, bytes, real hit/miss counters, ages and limit usage of the segment's cache" },
  args: { ...segmentArg, ...telemetryArg },
  async run({ args }) {
    await maintain("ast.cache-stats", args, (root, settings, events) => {
      const stats = cacheStats(root, settings, events);
      return stats.ok ? { ok: true, value: { stats: stats.value } } : stats;
    }, ({ stats }) => ({ entries: stats.entries, hit_rate: stats.hit_rate, warnings: stats.warnings.length }));
  },
});

export const clearCacheCommand = defineCommand({
  meta: { name: "clear-cache", description: "Empty the segment's cache (safe while other processes use it)" },
  args: { ...segmentArg, ...telemetryArg },
  async run({ args }) {
    await maintain("ast.clear-cache", args, (root, settings, events) => clearCache(root, settings, events), (r) => ({ removed_entries: r.removed_entries }));
  },
});

export const cacheVerifyCommand = defineCommand({
  meta: { name: "cache-verify", description: "Integrity check plus every row's checksum; exit 1 when something is wrong and not repaired" },
  args: { ...segmentArg, ...telemetryArg, repair: { type: "boolean", description: "Delete bad rows; move a damaged file aside" } },
  async run({ args }) {
    await maintain(
      "ast.cache-verify",
      args,
      (root, settings, events) => verifyCache(root, args.repair === true, [CTX_INDEX_FEATURE], settings, events),
      (r) => ({ clean: r.clean, bad_rows: r.bad_rows.length, repaired: r.repaired }),
      (report) =>
        report.clean
          ? { ok: true, value: report }
          : fail("CACHE_DAMAGED", "the cache has damage that was not repaired (run with --repair)", { ...report }),
    );
  },
});
