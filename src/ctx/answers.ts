import { fail, ok, type Result } from "../core/result.ts";
import { symbolsAnswer, type AnsweredSymbol } from "../symbols/answers.ts";
import { loadModuleSymbols } from "../symbols/service.ts";
import { BuildLock } from "./build-lock.ts";
import { BuildBusy, buildIndex, formatOutdated, type BuildReport } from "./build.ts";
import { refreshAll, refreshFiles, unchangedOnDisk, type Freshness } from "./freshness.ts";
import { getPieces, type GetMode, type GetResult } from "./get.ts";
import { ensureReferences } from "./references-kept.ts";
import { searchIndex, type SearchFilters, type SearchHit } from "./search.ts";
import type { IndexTarget } from "./update.ts";

/** Above this many changed files, search answers from the index as it is and says it is stale. */
const REFRESH_LIMIT = 50;
/**
 * How long a search or get on an empty index waits for a build another process is running, before
 * answering from what that build has written so far (with `index_incomplete`).
 */
const WAIT_FOR_BUILD_MS = 15_000;

type IncompleteNote = { index_incomplete?: { hint: string; building: boolean } };

/** Said in search and get answers while a build runs, and when the last build stopped before it finished. */
function incompleteNote(target: IndexTarget, buildingHere = false): IncompleteNote {
  if (buildingHere) return { index_incomplete: { hint: "the index is being built: files not reached yet are missing; ask again shortly", building: true } };
  const state = target.index.buildState();
  if (state === "complete") return {};
  if (state === null && target.index.isEmpty()) return {};
  if (BuildLock.held(target.cache.dbPath)) {
    return { index_incomplete: { hint: "a `trifecta ctx build` of this segment is running: files it has not reached yet are missing; ask again when it is done", building: true } };
  }
  if (state === null) return { index_incomplete: { hint: "no `trifecta ctx build` has finished on this index: files may be missing; run it", building: false } };
  return { index_incomplete: { hint: "the last `trifecta ctx build` did not finish: files it had not reached are missing; run it again", building: false } };
}

/**
 * The index built when there is none (or the build another process is running waited for), and when
 * `current` is asked, when it was written in another row format, or for `extraction` by another
 * extractor version (src/ctx/build.ts formatOutdated).
 */
async function ensureIndex(target: IndexTarget, workers: number, current?: "rows" | "extraction"): Promise<BuildReport | null> {
  // An index no build has finished on (a fresh file that a refresh wrote a few files into after
  // another process replaced a damaged one) is built like an empty one.
  const outdated = current !== undefined && !target.index.isEmpty() && formatOutdated(target.index.textFormat(), current);
  if (target.cache.readOnly || (!outdated && !target.index.isEmpty() && target.index.buildState() !== null)) return null;
  try {
    return await buildIndex(target, { workers, waitMs: WAIT_FOR_BUILD_MS });
  } catch (error) {
    if (error instanceof BuildBusy) return null; // answered from what is there, said to be incomplete
    throw error;
  }
}

export type SearchAnswer = {
  query: string;
  hits: SearchHit[];
  hint?: string;
} & Partial<FreshnessNote>;

/** The definitions a `sym://` URI names, each with its file, and the member a `type/` URI asks for. */
async function symbolsOfUri(uri: string, target: IndexTarget): Promise<Result<{ language: string; member: string | null; symbols: { fileRel: string; symbol: AnsweredSymbol }[] }>> {
  const loaded = await loadModuleSymbols(uri, { segment: target.root, maxFileBytes: target.maxFileBytes, cache: target.cache });
  if (!loaded.ok) return loaded;
  const answer = symbolsAnswer(loaded.value);
  if (!answer.ok) return answer;
  return ok({ language: loaded.value.uri.language, member: loaded.value.uri.member, symbols: answer.value.symbols.map((symbol) => ({ fileRel: symbol.file ?? answer.value.file_rel, symbol })) });
}

/** A `sym://` query names its symbols exactly: they are resolved, not searched. */
async function resolveSymUri(uri: string, target: IndexTarget, limit: number): Promise<Result<SearchHit[]>> {
  const resolved = await symbolsOfUri(uri, target);
  if (!resolved.ok) return resolved;
  return ok(
    resolved.value.symbols.slice(0, limit).map(({ fileRel, symbol: s }) => ({
      id: indexedId(target, fileRel, s),
      kind: s.kind,
      name: s.name,
      file_rel: fileRel,
      lang: resolved.value.language,
      line: s.line,
      end_line: s.end_line,
      signature: s.signature,
      score: 1,
      why: { terms: [], fields: ["sym_uri"], name: "exact", demoted: [] },
    })),
  );
}

/** The index's id of a definition (a later one of a name is `#Name@LINE`), or the plain one when not indexed yet. */
function indexedId(target: IndexTarget, fileRel: string, symbol: { qualified_name: string; line: number; end_line: number }): string {
  const row = target.index.outline(fileRel, symbol).find((r) => r.qualified_name === symbol.qualified_name && r.line === symbol.line);
  return row?.item_id ?? `${fileRel}#${symbol.qualified_name}`;
}

/**
 * The ids a `sym://` URI names for `ctx get`: a symbol's definitions (not its members, which its
 * lines hold), or a module's files.
 */
export async function idsOfSymUri(target: IndexTarget, uri: string): Promise<Result<string[]>> {
  const resolved = await symbolsOfUri(uri, target);
  if (!resolved.ok) return resolved;
  const { member, symbols } = resolved.value;
  if (member === null) return ok([...new Set(symbols.map((s) => s.fileRel))]);
  return ok(symbols.filter((s) => s.symbol.qualified_name === member).map((s) => indexedId(target, s.fileRel, s.symbol)));
}

/**
 * A search as `ctx search` answers it: the index built when there is none, changed files re-indexed
 * first (or reported stale above the limit), and no hit ever pointing at lines that changed.
 */
export async function searchAnswer(
  target: IndexTarget,
  query: string,
  options: SearchFilters & { workers: number; building?: boolean; unchangedSinceLastAnswer?: boolean },
): Promise<Result<SearchAnswer>> {
  if (query.startsWith("sym://")) {
    const resolved = await resolveSymUri(query, target, options.limit);
    return resolved.ok ? ok({ query, hits: resolved.value }) : resolved;
  }
  // While this process builds the index (an MCP server), the answer comes from what is written so
  // far: the build brings every file up to date, and a refresh would race it for the same files.
  // A server whose watcher saw no change since its last answer skips the walk too. Either way the
  // files hits point into are checked below, so no hit carries old lines.
  const hitsOnly = options.building === true || options.unchangedSinceLastAnswer === true;
  const { built, freshness } = await readyIndex(target, options.workers, { asIs: hitsOnly, current: true });
  const search = () => searchIndex(target.index, query, options);
  let hits = search();
  if (hitsOnly) freshness.stale = [...new Set(hits.map((h) => h.file_rel))].filter((f) => !isCurrent(target, f));
  // Too many changes to refresh them all: the files hits point into are refreshed and the search
  // repeated (a few rounds); a hit still in a stale file is dropped. No hit carries old lines.
  for (let round = 0; round < 3 && !target.cache.readOnly; round++) {
    const staleHitFiles = [...new Set(hits.map((h) => h.file_rel))].filter((f) => freshness.stale.includes(f));
    if (staleHitFiles.length === 0) break;
    const again = await refreshFiles(target, staleHitFiles);
    freshness.refreshed.push(...again.refreshed);
    freshness.stale = freshness.stale.filter((f) => !staleHitFiles.includes(f));
    hits = search();
  }
  hits = hits.filter((h) => !freshness.stale.includes(h.file_rel));
  return ok({
    query,
    hits,
    ...freshnessNote(target, built, freshness, options.building),
    ...(hits.length === 0 ? { hint: "no match: try other words, fewer words, an identifier, or drop --kind/--lang" } : {}),
  });
}

/**
 * The index as an answer needs it: built when there is none (or, for `current`, of another row format: a
 * search ranks by rows an older format lacks; for `references`, also of another extractor), files changed since re-indexed (up to a limit; the rest stale), and with `references`, the
 * uses of every file written when they are not yet (src/ctx/references-kept.ts). `asIs` (this process
 * builds it, an MCP server, whose build a refresh would race for the same files; or its watcher saw no
 * change): as it is, and the answer checks the files it cites itself.
 */
export async function readyIndex(target: IndexTarget, workers: number, how: { asIs?: boolean; current?: boolean; references?: boolean } = {}): Promise<{ built: BuildReport | null; freshness: Freshness }> {
  const built = how.asIs ? null : await ensureIndex(target, workers, how.references ? "extraction" : how.current ? "rows" : undefined);
  const freshness = how.asIs ? { refreshed: [], stale: [] } : await refreshAll(target, REFRESH_LIMIT);
  if (how.references) await ensureReferences(target, freshness, { canRefresh: !how.asIs });
  return { built, freshness };
}

export type FreshnessNote = {
  index_built?: { files: number; seconds: number };
  refreshed: string[];
  stale: { files: number; hint: string } | null;
} & IncompleteNote;

/** What an answer says of the index it came from: built for it, refreshed, stale, incomplete. */
export function freshnessNote(target: IndexTarget, built: BuildReport | null, freshness: Freshness, building?: boolean): FreshnessNote {
  return {
    ...(built && built.files.indexed > 0 ? { index_built: { files: built.files.indexed, seconds: built.seconds } } : {}),
    ...incompleteNote(target, building),
    refreshed: freshness.refreshed,
    stale: freshness.stale.length > 0 ? { files: freshness.stale.length, hint: staleHint(target) } : null,
  };
}

/** The file is on disk as the index has it (same size and time). */
export function isCurrent(target: IndexTarget, fileRel: string): boolean {
  const row = target.index.file(fileRel);
  return row !== null && unchangedOnDisk(target.root, row);
}

function staleHint(target: IndexTarget): string {
  return target.cache.readOnly ? "files changed since the index was built, and this segment cannot be written: the index answers as it was" : "many files changed since the build: run `trifecta ctx build`";
}

export type GetAnswer = { mode: GetMode } & GetResult & IncompleteNote;

/** `ctx get`: the pieces, or, when not one could be returned, the reason as an error. */
export async function getAnswer(target: IndexTarget, ids: readonly string[], mode: GetMode, budget: number, options: { building?: boolean } = {}): Promise<Result<GetAnswer>> {
  // A build another process is running on an empty index is waited for (within a bound), not
  // repeated; with no build running, the lock is had at once. One this process runs is not waited for.
  if (!options.building && target.index.isEmpty()) {
    const lock = BuildLock.acquire(target.cache.dbPath, WAIT_FOR_BUILD_MS);
    if (lock instanceof BuildLock) lock.release();
  }
  const expanded: string[] = [];
  const unresolved: GetResult["errors"] = [];
  for (const id of ids) {
    if (!id.startsWith("sym://")) {
      expanded.push(id);
      continue;
    }
    const named = await idsOfSymUri(target, id);
    if (named.ok) expanded.push(...named.value);
    else unresolved.push({ id, error_code: named.error.code, message: named.error.message });
  }
  const result = await getPieces(target, expanded, mode, budget);
  result.errors.unshift(...unresolved);
  if (result.pieces.length > 0 || result.omitted.length > 0) return ok({ mode, ...result, ...incompleteNote(target, options.building) });
  // Nothing found: an empty index is the reason worth telling (asked only now, off the common path).
  if (target.index.isEmpty()) return fail("INDEX_NOT_FOUND", "the segment has no index yet", { hint: "run `trifecta ctx build --segment <dir>` (or `ctx search`, which builds it)" });
  const first = result.errors[0]!;
  const hint = first.error_code === "ID_NOT_FOUND" ? { hint: "an id from `trifecta ctx search`: file, file#Name, file#L10-L40; or a definition's name" } : {};
  return fail(first.error_code as "ID_NOT_FOUND", first.message, { errors: result.errors, ...hint });
}

export type StatusAnswer = {
  /** `complete`: the last build finished; `incomplete`: one is running or stopped early; `empty`: none ran. */
  index: "complete" | "incomplete" | "empty";
  files: number;
  symbols: number;
  sections: number;
  partial_files: number;
  languages: Record<string, number>;
  refreshed: string[];
  stale: { files: number; sample: string[]; hint: string } | null;
} & IncompleteNote;

/** The index's state, brought up to date first as a search would (without building an absent index). */
export async function statusAnswer(target: IndexTarget, options: { building?: boolean } = {}): Promise<Result<StatusAnswer>> {
  const empty = target.index.isEmpty();
  const freshness: Freshness = options.building || empty ? { refreshed: [], stale: [] } : await refreshAll(target, REFRESH_LIMIT);
  const totals = target.index.totals();
  const note = incompleteNote(target, options.building);
  return ok({
    index: empty && !note.index_incomplete ? "empty" : note.index_incomplete ? "incomplete" : "complete",
    files: totals.files,
    symbols: totals.symbols,
    sections: totals.sections,
    partial_files: totals.partialFiles,
    languages: target.index.languages(),
    refreshed: freshness.refreshed,
    stale: freshness.stale.length > 0 ? { files: freshness.stale.length, sample: freshness.stale.slice(0, 10), hint: staleHint(target) } : null,
    ...note,
  });
}
