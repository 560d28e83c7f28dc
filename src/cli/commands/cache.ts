import { defineCommand } from "citty";
import * as maintenance from "../../services/cache.ts";
import { formatArgs, printerFor, printOk, runCommand, segmentArg, telemetryArg } from "./shared.ts";

export const cacheStatsCommand = defineCommand({
  meta: { name: "cache-stats", description: "Entries, bytes, real hit/miss counters, ages and limit usage of the segment's cache" },
  args: { ...segmentArg, ...telemetryArg, ...formatArgs },
  async run({ args }) {
    const print = printerFor(args, printOk);
    if (!print.ok) return print;
    return runCommand("ast.cache-stats", args, (context) => maintenance.stats({ ...context, segment: args.segment }), print.value);
  },
});

export const clearCacheCommand = defineCommand({
  meta: { name: "clear-cache", description: "Empty the segment's cache (safe while other processes use it)" },
  args: { ...segmentArg, ...telemetryArg, ...formatArgs },
  async run({ args }) {
    const print = printerFor(args, printOk);
    if (!print.ok) return print;
    return runCommand("ast.clear-cache", args, (context) => maintenance.clear({ ...context, segment: args.segment }), print.value);
  },
});

export const cacheVerifyCommand = defineCommand({
  meta: { name: "cache-verify", description: "Integrity check plus every row's checksum; exit 1 when something is wrong and not repaired" },
  args: { ...segmentArg, ...telemetryArg, repair: { type: "boolean", description: "Delete bad rows; move a damaged file aside" }, ...formatArgs },
  async run({ args }) {
    const print = printerFor(args, printOk);
    if (!print.ok) return print;
    return runCommand("ast.cache-verify", args, (context) => maintenance.verify({ ...context, segment: args.segment, repair: args.repair === true }), print.value);
  },
});

const fileArg = { file: { type: "positional", required: true, description: "The archive (gzip-compressed JSON lines)" } } as const;

/** `cache-export` and `cache-import`: an archive FILE and the segment's cache. */
function archiveCommand(name: "cache-export" | "cache-import", description: string, service: typeof maintenance.exportArchive | typeof maintenance.importArchive) {
  return defineCommand({
    meta: { name, description },
    args: { ...fileArg, ...segmentArg, ...telemetryArg, ...formatArgs },
    async run({ args }) {
      const print = printerFor(args, printOk);
      if (!print.ok) return print;
      return runCommand(`ast.${name}`, args, (context) => service({ ...context, segment: args.segment, file: args.file }), print.value);
    },
  });
}

export const cacheExportCommand = archiveCommand("cache-export", "Write every entry of the segment's AST cache to one portable archive (for CI artifact caches)", maintenance.exportArchive);

export const cacheImportCommand = archiveCommand("cache-import", "Add the entries of an archive to the segment's AST cache, each verified first", maintenance.importArchive);
