import { defineCommand } from "citty";
import { bypassReason, isCorruption, isStorageFailure } from "../../store/sqlite-errors.ts";
import type { CacheEvent } from "../../cache/types.ts";
import { fail, ok, type Result } from "../../core/result.ts";
import type { Settings } from "../../core/settings.ts";
import { getAnswer, searchAnswer } from "../../ctx/answers.ts";
import { openIndex } from "../../ctx/open.ts";
import { BuildBusy, buildIndex } from "../../ctx/build.ts";
import { DEFAULT_BUDGET, GET_MODES, type GetMode } from "../../ctx/get.ts";
import { DatabaseReplaced, type IndexTarget } from "../../ctx/update.ts";
import { isLanguageId, LANGUAGE_IDS } from "../../languages.ts";
import { resolveSegment } from "../../resolve/segment.ts";
import { extractIsolated, LARGE_INPUT_BYTES } from "../fast-extract.ts";
import { UsageError, variadic } from "../strict-args.ts";
import { printJson, writeStderr } from "../output.ts";
import { errorRecord, finish, oneOf, recorded, segmentArg, telemetryArg, type CommandRecord } from "./shared.ts";

/** A `ctx build` started while another runs waits for it this long, then finds its work done. */
const BUILD_WAIT_MS = 600_000;

const jsonArg = { json: { type: "boolean", description: "JSON output (the only format; accepted for scripts that pass it)" } } as const;

/** Opens the segment's index (creating the cache database if needed), or a typed error. */
function openTarget(segmentFlag: string | undefined, settings: Settings, events: (e: CacheEvent) => void): Result<IndexTarget & { close(): void }> {
  const segment = resolveSegment(segmentFlag);
  if (!segment.ok) return segment;
  const opened = openIndex(segment.value.root, { events, settings: settings.cache });
  if (!opened.ok) return fail("CACHE_UNAVAILABLE", `the index database cannot be opened (${opened.reason})`, { db_path: opened.dbPath, reason: opened.reason, hint: storageHint(opened.reason) });
  const large = { minBytes: LARGE_INPUT_BYTES, extract: extractIsolated };
  return ok({ root: segment.value.root, store: opened.store, cache: opened.cache, index: opened.index, maxFileBytes: settings.maxFileBytes, cacheSettings: settings.cache, large, close: () => opened.store.close() });
}

/** A progress line on stderr, only when a person is watching. */
function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    if (now - last < 100 && done < total) return;
    last = now;
    const width = 30;
    const filled = Math.round((width * done) / Math.max(1, total));
    void writeStderr(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} files${done === total ? "\n" : ""}`);
  };
}

/**
 * The index cannot degrade the way the AST cache does (it is the answer), so a database that fails
 * while in use (a full or read-only disk, a lock held too long, damage) is a typed error, not a crash.
 */
function indexFailure(error: unknown, dbPath: string | null): { answer: Result<never>; summary: Record<string, unknown> } {
  if (!isStorageFailure(error)) throw error;
  const reason = isCorruption(error) ? "damaged" : bypassReason(error, dbPath ?? undefined);
  return { answer: fail("CACHE_UNAVAILABLE", `the index database failed (${reason}): ${(error as Error).message}`, { db_path: dbPath, reason, hint: storageHint(reason) }), summary: { reason } };
}

function storageHint(reason: string): string {
  if (reason === "damaged") return "run `trifecta ast cache-verify --repair`, then `trifecta ctx build`";
  if (reason === "read_only") return "the index lives in <segment>/.trifecta/cache, which must be writable";
  if (reason === "disk_full") return "free some disk space, then ask again";
  if (reason === "lock_timeout") return "another process held the index past the lock timeout (TRIFECTA_CACHE_LOCK_TIMEOUT_MS); ask again";
  if (reason === "unsafe_cache_path") return "remove the symbolic link (.trifecta or .trifecta/cache) so the index lives inside the segment";
  return "`trifecta ast cache-verify` checks the file";
}

async function withTarget(name: string, args: { segment?: string; telemetry?: string }, work: (target: IndexTarget, settings: Settings) => Promise<{ answer: Result<object>; summary: Record<string, unknown> }>) {
  await recorded(name, args, async (settings): Promise<CommandRecord> => {
    const cacheEvents: CacheEvent[] = [];
    const target = openTarget(args.segment, settings, (e) => cacheEvents.push(e));
    if (!target.ok) {
      await finish(target);
      return { args: {}, result: errorRecord(target.error) };
    }
    try {
      const failed = (error: unknown) => indexFailure(error, target.value.cache.dbPath);
      // Damage found while answering: the file is moved aside and replaced (as the AST cache does),
      // and the command runs once more on the fresh database (a search then builds the index anew).
      const { answer, summary } = await work(target.value, settings).catch((error: unknown) =>
        error instanceof DatabaseReplaced || (isCorruption(error) && target.value.store.recover(String((error as Error).message))) ? work(target.value, settings).catch(failed) : failed(error),
      );
      await finish(answer, (value) => printJson({ status: "ok", segment_root: target.value.root, ...value }));
      return { args: {}, result: answer.ok ? { status: "ok", ...summary } : errorRecord(answer.error), cacheEvents };
    } finally {
      target.value.close();
    }
  });
}

const build = defineCommand({
  meta: { name: "build", description: "Index the segment: symbols of every source file, sections of Markdown files (incremental)" },
  args: { ...segmentArg, ...telemetryArg, ...jsonArg },
  async run({ args }) {
    await withTarget("ctx.build", args, async (target, settings) => {
      if (target.cache.readOnly) {
        return { answer: fail("CACHE_UNAVAILABLE", "the segment cannot be written, so its index cannot be built (search and get still answer from an existing one)", { db_path: target.cache.dbPath, reason: "read_only", hint: storageHint("read_only") }), summary: { reason: "read_only" } };
      }
      try {
        const report = await buildIndex(target, { workers: settings.ctxWorkers, waitMs: BUILD_WAIT_MS, progress: progressBar() });
        const summary = { indexed: report.files.indexed, unchanged: report.files.unchanged, failed: report.failed.length, restarted: report.recovered !== undefined, seconds: report.seconds };
        return { answer: ok(report), summary };
      } catch (error) {
        if (!(error instanceof BuildBusy)) throw error;
        const answer = fail("CACHE_BUSY", `${error.message} and did not finish within ${BUILD_WAIT_MS / 1000} s`, { hint: "wait for it to finish, then ask again" });
        return { answer, summary: {} };
      }
    });
  },
});

const search = defineCommand({
  meta: { name: "search", description: "Ranked symbols and sections for a query (natural language, identifiers, or a sym:// URI)" },
  args: {
    query: { type: "positional", required: true, description: "What to look for" },
    ...segmentArg,
    limit: { type: "string", description: "Most hits to return (default 10)" },
    kind: { type: "string", description: "Only this kind (function, class, method, section, …)" },
    lang: { type: "string", description: "Only this language (python, typescript, markdown, …)" },
    ...telemetryArg,
    ...jsonArg,
  },
  async run({ args }) {
    const limit = args.limit === undefined ? 10 : Number(args.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError("--limit takes a whole number from 1 to 1000");
    if (args.lang !== undefined && args.lang !== "markdown" && !isLanguageId(args.lang)) throw new UsageError(`--lang must be markdown or one of ${LANGUAGE_IDS.join(", ")}`);
    await withTarget("ctx.search", args, async (target, settings) => {
      const answer = await searchAnswer(target, args.query, { limit, kind: args.kind, lang: args.lang, workers: settings.ctxWorkers });
      return { answer, summary: answer.ok ? { hits: answer.value.hits.length, stale: answer.value.stale?.files ?? 0 } : {} };
    });
  },
});

const get = defineCommand({
  meta: { name: "get", description: "The lines of symbols, sections or files by id, within a token budget, with citations" },
  args: variadic({
    ids: { type: "positional", required: true, description: "Ids from ctx search: <file_rel>#<qualified_name>, <file_rel>#<section-slug>, or <file_rel>" },
    ...segmentArg,
    mode: { type: "string", description: "skeleton, excerpt (default) or raw" },
    budget: { type: "string", description: `Token budget, never exceeded (default ${DEFAULT_BUDGET}; tokens = characters / 4, rounded up)` },
    ...telemetryArg,
    ...jsonArg,
  }),
  async run({ args }) {
    const mode = oneOf<GetMode>("mode", args.mode, GET_MODES, "excerpt");
    const budget = args.budget === undefined ? DEFAULT_BUDGET : Number(args.budget);
    if (!Number.isInteger(budget) || budget < 1) throw new UsageError("--budget takes a whole number of tokens, at least 1");
    const ids = args._.length > 0 ? args._.map(String) : [args.ids];
    await withTarget("ctx.get", args, async (target) => {
      const answer = await getAnswer(target, ids, mode, budget);
      const summary = answer.ok
        ? { pieces: answer.value.pieces.length, omitted: answer.value.omitted.length, errors: answer.value.errors.length, used_tokens: answer.value.used_tokens }
        : { pieces: 0, omitted: 0 };
      return { answer, summary };
    });
  },
});

export const ctxCommand = defineCommand({
  meta: { name: "ctx", description: "Index the segment, search it, and get just the lines an agent needs" },
  subCommands: { build, search, get },
});
