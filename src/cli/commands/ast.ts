import { defineCommand, type ArgsDef } from "citty";
import { persistSetting } from "../../cache/factory.ts";
import { cacheStats, clearCache } from "../../cache/maintenance.ts";
import type { Result } from "../../core/result.ts";
import { outline } from "../../format/outline.ts";
import { snippetAnswer, symbolsAnswer } from "../../symbols/answers.ts";
import { loadFileSymbols } from "../../symbols/service.ts";
import { EXIT_OK, printError, printJson, writeStdout } from "../output.ts";
import { resolveSegment } from "../../resolve/segment.ts";
import { UsageError } from "../strict-args.ts";
import { extractForCli } from "../fast-extract.ts";

const segmentArg = {
  segment: { type: "string", description: "Project root (default: current directory)" },
} satisfies ArgsDef;

const cacheArgs = {
  ...segmentArg,
  "persist-cache": {
    type: "boolean",
    description: "Persist the AST cache in SQLite (default on; --no-persist-cache keeps it in memory). Wins over TRIFECTA_AST_PERSIST.",
  },
  telemetry: { type: "string", description: "Telemetry level: off, lite or full (default: TRIFECTA_TELEMETRY_LEVEL, else off)" },
} satisfies ArgsDef;

const uriArg = {
  uri: { type: "positional", required: true, description: "sym://python/mod/<module> | sym://python/type/<module>#<Name> | sym://python/file/<path>" },
} satisfies ArgsDef;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(", ")}; got '${value}'`);
  return value as T;
}

async function finish<T>(result: Result<T>, print: (value: T) => Promise<void> = printJson): Promise<void> {
  if (result.ok) {
    await print(result.value);
    process.exitCode = EXIT_OK;
  } else {
    process.exitCode = await printError(result.error);
  }
}

const symbols = defineCommand({
  meta: { name: "symbols", description: "Every class, function and method of a module, as JSON" },
  args: { ...uriArg, ...cacheArgs, format: { type: "string", description: "json (default) or text: a compact outline" } },
  async run({ args }) {
    const format = oneOf("format", args.format, ["json", "text"], "json");
    oneOf("telemetry", args.telemetry, ["off", "lite", "full"], "off");
    const loaded = await loadFileSymbols(args.uri, { segment: args.segment, persist: persistSetting(args["persist-cache"]), extract: extractForCli });
    const answer = loaded.ok ? symbolsAnswer(loaded.value) : loaded;
    await finish(answer, format === "json" ? printJson : (a) => writeStdout(outline(a.file_rel, a.symbols)));
  },
});

const snippet = defineCommand({
  meta: { name: "snippet", description: "The source lines of one symbol" },
  args: { ...uriArg, ...cacheArgs },
  async run({ args }) {
    oneOf("telemetry", args.telemetry, ["off", "lite", "full"], "off");
    const loaded = await loadFileSymbols(args.uri, { segment: args.segment, persist: persistSetting(args["persist-cache"]), extract: extractForCli });
    await finish(loaded.ok ? snippetAnswer(loaded.value) : loaded);
  },
});

const cacheStatsCommand = defineCommand({
  meta: { name: "cache-stats", description: "Entries, bytes and real hit/miss counters of the segment's cache" },
  args: segmentArg,
  async run({ args }) {
    const segment = resolveSegment(args.segment);
    if (!segment.ok) return finish(segment);
    await finish(cacheStats(segment.value.root), async (stats) => printJson({ status: "ok", segment_root: segment.value.root, stats }));
  },
});

const clearCacheCommand = defineCommand({
  meta: { name: "clear-cache", description: "Empty the segment's cache (safe while other processes use it)" },
  args: segmentArg,
  async run({ args }) {
    const segment = resolveSegment(args.segment);
    if (!segment.ok) return finish(segment);
    await finish(clearCache(segment.value.root), async (report) => printJson({ status: "ok", segment_root: segment.value.root, ...report }));
  },
});

export const astCommand = defineCommand({
  meta: { name: "ast", description: "Symbols from source code, cached per segment" },
  subCommands: { symbols, snippet, "cache-stats": cacheStatsCommand, "clear-cache": clearCacheCommand },
});
