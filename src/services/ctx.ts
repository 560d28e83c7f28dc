import type { RemoteCache } from "../cache/remote.ts";
import { fail, ok } from "../core/result.ts";
import { getAnswer, searchAnswer, statusAnswer, type GetAnswer, type SearchAnswer, type StatusAnswer } from "../ctx/answers.ts";
import { BuildBusy, buildIndex, type BuildReport } from "../ctx/build.ts";
import type { GetMode } from "../ctx/get.ts";
import type { SearchFilters } from "../ctx/search.ts";
import { mapAnswer, type MapAnswer, type MapOptions } from "../graph/map.ts";
import { calleesAnswer, callersAnswer, refsAnswer, type CalleesAnswer, type CallersAnswer, type GraphOptions, type RefsAnswer, type RefsOptions } from "../graph/references.ts";
import type { Answered } from "./answered.ts";
import { onIndex, type IndexOptions, type IndexWork } from "./index-session.ts";
import { storageHint } from "./storage-errors.ts";

/**
 * The ctx services, as the CLI and the MCP server call them: typed options in, a `Result` and a
 * telemetry summary out; nothing of argv, stdout or exit codes. Each is a unit of work on an open index
 * (`…Work`, which the MCP server runs on the index it keeps open) and a one-shot service that opens the
 * segment's index for it.
 */

/** A `ctx build` started while another runs waits for it this long, then finds its work done. */
export const BUILD_WAIT_MS = 600_000;

export type BuildOptions = { workers: number; waitMs?: number; progress?: (done: number, total: number) => void; remote?: RemoteCache | null };
export type SearchOptions = SearchFilters & { query: string; workers: number; building?: boolean; unchangedSinceLastAnswer?: boolean };
export type GetOptions = { ids: readonly string[]; mode: GetMode; budget: number; building?: boolean };

export function buildWork(options: BuildOptions): IndexWork<BuildReport> {
  return async (target) => {
    if (target.cache.readOnly) {
      const answer = fail("CACHE_UNAVAILABLE", "the segment cannot be written, so its index cannot be built (search and get still answer from an existing one)", { db_path: target.cache.dbPath, reason: "read_only", hint: storageHint("read_only") });
      return { answer, summary: { reason: "read_only" } };
    }
    const waitMs = options.waitMs ?? BUILD_WAIT_MS;
    try {
      const report = await buildIndex(target, { workers: options.workers, waitMs, progress: options.progress, remote: options.remote });
      const summary = { indexed: report.files.indexed, unchanged: report.files.unchanged, failed: report.failed.length, restarted: report.recovered !== undefined, seconds: report.seconds };
      return { answer: ok(report), summary };
    } catch (error) {
      if (!(error instanceof BuildBusy)) throw error;
      return { answer: fail("CACHE_BUSY", `${error.message} and did not finish within ${waitMs / 1000} s`, { hint: "wait for it to finish, then ask again" }), summary: {} };
    }
  };
}

export function searchWork(options: SearchOptions): IndexWork<SearchAnswer> {
  return async (target) => {
    const answer = await searchAnswer(target, options.query, options);
    return { answer, summary: answer.ok ? { hits: answer.value.hits.length, stale: answer.value.stale?.files ?? 0 } : {} };
  };
}

export function getWork(options: GetOptions): IndexWork<GetAnswer> {
  return async (target) => {
    const answer = await getAnswer(target, options.ids, options.mode, options.budget, { building: options.building });
    const summary = answer.ok
      ? { pieces: answer.value.pieces.length, omitted: answer.value.omitted.length, errors: answer.value.errors.length, used_tokens: answer.value.used_tokens }
      : { pieces: 0, omitted: 0 };
    return { answer, summary };
  };
}

export function statusWork(options: { building?: boolean }): IndexWork<StatusAnswer> {
  return async (target) => {
    const answer = await statusAnswer(target, options);
    return { answer, summary: answer.ok ? { index: answer.value.index, stale: answer.value.stale?.files ?? 0 } : {} };
  };
}

export function refsWork(options: RefsOptions): IndexWork<RefsAnswer> {
  return async (target) => {
    const answer = await refsAnswer(target, options);
    return { answer, summary: answer.ok ? { uses: answer.value.total, resolved: answer.value.coverage.resolved } : {} };
  };
}

export function mapWork(options: MapOptions): IndexWork<MapAnswer> {
  return async (target) => {
    const answer = await mapAnswer(target, options);
    return { answer, summary: answer.ok ? { shown: answer.value.shown, used_tokens: answer.value.used_tokens, focus: options.focus.length } : {} };
  };
}

/** Callers or callees of a definition, up to a depth. */
export function graphWork(direction: "callers", options: GraphOptions): IndexWork<CallersAnswer>;
export function graphWork(direction: "callees", options: GraphOptions): IndexWork<CalleesAnswer>;
export function graphWork(direction: "callers" | "callees", options: GraphOptions): IndexWork<CallersAnswer | CalleesAnswer> {
  return async (target) => {
    const answer = direction === "callers" ? await callersAnswer(target, options) : await calleesAnswer(target, options);
    return { answer, summary: answer.ok ? { found: answer.value.total, depth: options.depth } : {} };
  };
}

export function build(options: IndexOptions & { progress?: (done: number, total: number) => void }): Promise<Answered<BuildReport & { segment_root: string }>> {
  return onIndex(options, buildWork({ workers: options.settings.ctxWorkers, progress: options.progress, remote: options.remote }));
}

export function search(options: IndexOptions & Omit<SearchOptions, "workers">): Promise<Answered<SearchAnswer & { segment_root: string }>> {
  return onIndex(options, searchWork({ ...options, workers: options.settings.ctxWorkers }));
}

export function get(options: IndexOptions & GetOptions): Promise<Answered<GetAnswer & { segment_root: string }>> {
  return onIndex(options, getWork(options));
}

export function refs(options: IndexOptions & Omit<RefsOptions, "workers">): Promise<Answered<RefsAnswer & { segment_root: string }>> {
  return onIndex(options, refsWork({ ...options, workers: options.settings.ctxWorkers }));
}

export function callers(options: IndexOptions & Omit<GraphOptions, "workers">): Promise<Answered<CallersAnswer & { segment_root: string }>> {
  return onIndex(options, graphWork("callers", { ...options, workers: options.settings.ctxWorkers }));
}

export function callees(options: IndexOptions & Omit<GraphOptions, "workers">): Promise<Answered<CalleesAnswer & { segment_root: string }>> {
  return onIndex(options, graphWork("callees", { ...options, workers: options.settings.ctxWorkers }));
}

export function map(options: IndexOptions & Omit<MapOptions, "workers">): Promise<Answered<MapAnswer & { segment_root: string }>> {
  return onIndex(options, mapWork({ ...options, workers: options.settings.ctxWorkers }));
}
