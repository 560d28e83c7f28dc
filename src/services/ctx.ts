import { fail, ok, type Result } from "../core/result.ts";
import { getAnswer, searchAnswer, type GetAnswer, type SearchAnswer } from "../ctx/answers.ts";
import { BuildBusy, buildIndex, type BuildReport } from "../ctx/build.ts";
import type { GetMode } from "../ctx/get.ts";
import { openIndex } from "../ctx/open.ts";
import { DatabaseReplaced, type IndexTarget } from "../ctx/update.ts";
import { resolveSegment } from "../resolve/segment.ts";
import type { Answered, ServiceContext } from "./answered.ts";
import { recoveredFromDamage, storageFailure, storageHint } from "./storage-errors.ts";

/**
 * The ctx services, as the CLI and (later) the MCP server call them: typed options in, a `Result` and a
 * telemetry summary out; nothing of argv, stdout or exit codes.
 */

/** A `ctx build` started while another runs waits for it this long, then finds its work done. */
export const BUILD_WAIT_MS = 600_000;

export interface IndexOptions extends ServiceContext {
  /** `--segment`, or undefined for root discovery. */
  readonly segment?: string;
  /** How large files are extracted (the CLI: a process of their own); in-process when absent. */
  readonly large?: IndexTarget["large"];
}

/**
 * Opens the segment's index, runs `work` on it and closes it. The index cannot degrade the way the AST
 * cache does (it is the answer), so a database that fails in use is a typed error; damage found while
 * answering moves the file aside and runs `work` once more on the fresh database (a search then builds
 * the index anew).
 */
async function onIndex<T extends object>(options: IndexOptions, work: (target: IndexTarget) => Promise<{ answer: Result<T>; summary: Record<string, unknown> }>): Promise<Answered<T & { segment_root: string }>> {
  const segment = resolveSegment(options.segment);
  if (!segment.ok) return { answer: segment, summary: {} };
  const { settings } = options;
  const opened = openIndex(segment.value.root, { events: options.events, settings: settings.cache });
  if (!opened.ok) {
    const answer = fail("CACHE_UNAVAILABLE", `the index database cannot be opened (${opened.reason})`, { db_path: opened.dbPath, reason: opened.reason, hint: storageHint(opened.reason) });
    return { answer, summary: {} };
  }
  const target: IndexTarget = { root: segment.value.root, store: opened.store, cache: opened.cache, index: opened.index, maxFileBytes: settings.maxFileBytes, large: options.large };
  try {
    const failed = (error: unknown) => storageFailure(error, opened.store.dbPath);
    const replaced = (error: unknown) => error instanceof DatabaseReplaced || recoveredFromDamage(error, opened.store);
    const { answer, summary } = await work(target).catch((error: unknown) => (replaced(error) ? work(target).catch(failed) : failed(error)));
    return { answer: answer.ok ? ok({ segment_root: target.root, ...answer.value }) : answer, summary };
  } finally {
    opened.store.close();
  }
}

export function build(options: IndexOptions & { progress?: (done: number, total: number) => void }): Promise<Answered<BuildReport & { segment_root: string }>> {
  return onIndex(options, async (target) => {
    if (target.cache.readOnly) {
      const answer = fail("CACHE_UNAVAILABLE", "the segment cannot be written, so its index cannot be built (search and get still answer from an existing one)", { db_path: target.cache.dbPath, reason: "read_only", hint: storageHint("read_only") });
      return { answer, summary: { reason: "read_only" } };
    }
    try {
      const report = await buildIndex(target, { workers: options.settings.ctxWorkers, waitMs: BUILD_WAIT_MS, progress: options.progress });
      const summary = { indexed: report.files.indexed, unchanged: report.files.unchanged, failed: report.failed.length, restarted: report.recovered !== undefined, seconds: report.seconds };
      return { answer: ok(report), summary };
    } catch (error) {
      if (!(error instanceof BuildBusy)) throw error;
      return { answer: fail("CACHE_BUSY", `${error.message} and did not finish within ${BUILD_WAIT_MS / 1000} s`, { hint: "wait for it to finish, then ask again" }), summary: {} };
    }
  });
}

export function search(options: IndexOptions & { query: string; limit: number; kind?: string; lang?: string }): Promise<Answered<SearchAnswer & { segment_root: string }>> {
  return onIndex(options, async (target) => {
    const answer = await searchAnswer(target, options.query, { limit: options.limit, kind: options.kind, lang: options.lang, workers: options.settings.ctxWorkers });
    return { answer, summary: answer.ok ? { hits: answer.value.hits.length, stale: answer.value.stale?.files ?? 0 } : {} };
  });
}

export function get(options: IndexOptions & { ids: readonly string[]; mode: GetMode; budget: number }): Promise<Answered<GetAnswer & { segment_root: string }>> {
  return onIndex(options, async (target) => {
    const answer = await getAnswer(target, options.ids, options.mode, options.budget);
    const summary = answer.ok
      ? { pieces: answer.value.pieces.length, omitted: answer.value.omitted.length, errors: answer.value.errors.length, used_tokens: answer.value.used_tokens }
      : { pieces: 0, omitted: 0 };
    return { answer, summary };
  });
}
