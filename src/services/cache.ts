import { cacheStats, clearCache, verifyCache, type CacheReport, type ClearReport, type VerifyReport } from "../cache/maintenance.ts";
import { resolve } from "node:path";
import { exportCache, importCache, type ExportReport, type ImportReport } from "../cache/archive.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { CTX_INDEX_FEATURE } from "../ctx/schema.ts";
import { resolveSegment } from "../resolve/segment.ts";
import type { Answered, ServiceContext } from "./answered.ts";

/**
 * The maintenance services (`ast cache-stats`, `clear-cache`, `cache-verify`, `cache-export`: none
 * creates a database; `cache-import`, which is meant to fill one, does).
 */

export interface MaintenanceOptions extends ServiceContext {
  readonly segment?: string;
}

function onSegment<T extends object>(options: MaintenanceOptions, work: (root: string) => Result<T>, summary: (value: T) => Record<string, unknown>): Answered<T & { segment_root: string }> {
  const segment = resolveSegment(options.segment);
  if (!segment.ok) return { answer: segment, summary: {} };
  const done = work(segment.value.root);
  if (!done.ok) return { answer: done, summary: {} };
  return { answer: ok({ segment_root: segment.value.root, ...done.value }), summary: summary(done.value) };
}

export function stats(options: MaintenanceOptions): Answered<{ stats: CacheReport; segment_root: string }> {
  return onSegment(
    options,
    (root) => {
      const found = cacheStats(root, options.settings.cache, options.events);
      return found.ok ? ok({ stats: found.value }) : found;
    },
    ({ stats }) => ({ entries: stats.entries, hit_rate: stats.hit_rate, warnings: stats.warnings.length }),
  );
}

export function clear(options: MaintenanceOptions): Answered<ClearReport & { segment_root: string }> {
  return onSegment(options, (root) => clearCache(root, options.settings.cache, options.events), (r) => ({ removed_entries: r.removed_entries }));
}

/** Every feature's own check runs too (the ctx index's full-text table); damage not repaired is `CACHE_DAMAGED`. */
export function verify(options: MaintenanceOptions & { repair: boolean }): Answered<VerifyReport & { segment_root: string }> {
  return onSegment(
    options,
    (root) => {
      const report = verifyCache(root, options.repair, [CTX_INDEX_FEATURE], options.settings.cache, options.events);
      if (!report.ok || report.value.clean) return report;
      return fail("CACHE_DAMAGED", "the cache has damage that was not repaired (run with --repair)", { ...report.value });
    },
    (r) => ({ clean: r.clean, bad_rows: r.bad_rows.length, repaired: r.repaired }),
  );
}

/** `ast cache-export FILE`: every valid entry into one portable archive (FILE relative to the working directory). */
export function exportArchive(options: MaintenanceOptions & { file: string }): Answered<ExportReport & { segment_root: string }> {
  return onSegment(options, (root) => exportCache(root, resolve(options.file), options.settings.cache), (r) => ({ entries: r.entries }));
}

/** `ast cache-import FILE`: the archive's entries into the segment's cache, each verified first. */
export function importArchive(options: MaintenanceOptions & { file: string }): Answered<ImportReport & { segment_root: string }> {
  return onSegment(options, (root) => importCache(root, resolve(options.file), options.settings.cache), (r) => ({ entries: r.entries, imported: r.imported, rejected: r.rejected }));
}
