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

export const cacheExportCommand = defineCommand({
  meta: { name: "cache-export", description: "Write every entry of the segment's AST cache to one portable archive (for CI artifact caches)" },
  args: { ...fileArg, ...segmentArg, ...telemetryArg },
  async run({ args }) {
    return runCommand("ast.cache-export", args, (context) => maintenance.exportArchive({ ...context, segment: args.segment, file: args.file }), printOk);
  },
});

export const cacheImportCommand = defineCommand({
  meta: { name: "cache-import", description: "Add the entries of an archive to the segment's AST cache, each verified first" },
  args: { ...fileArg, ...segmentArg, ...telemetryArg },
  async run({ args }) {
    return runCommand("ast.cache-import", args, (context) => maintenance.importArchive({ ...context, segment: args.segment, file: args.file }), printOk);
  },
});
