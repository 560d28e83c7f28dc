import { fail, ok, type Result } from "../core/result.ts";
import { freshnessNote, idsOfSymUri, isCurrent, readyIndex, type FreshnessNote } from "../ctx/answers.ts";
import type { DefinitionRow, ReferenceRow } from "../ctx/index-store.ts";
import { qualifiedTargets } from "../ctx/qualified.ts";
import type { BuildReport } from "../ctx/build.ts";
import { refreshFiles, type Freshness } from "../ctx/freshness.ts";
import type { IndexTarget } from "../ctx/update.ts";
import type { ReferenceKind } from "../extract/types.ts";
import { join } from "node:path";
import { memoized } from "../core/maps.ts";
import { sourceLines } from "../extract/source-text.ts";
import { readSegmentFile } from "../resolve/safe-read.ts";
import { Resolver, type AmbiguousWhy, type Resolution } from "./resolver.ts";

export const REFERENCE_KINDS: readonly ReferenceKind[] = ["call", "import", "type", "inherit", "decorator"];
/** Uses that run the definition: what callers and callees follow. */
const CALL_KINDS = new Set(["call", "decorator"]);
export const DEFAULT_REFS_LIMIT = 50;
export const MAX_REFS_LIMIT = 1000;
export const MAX_DEPTH = 5;
/** Candidates shown for an ambiguous use; the rest are counted. */
const SHOWN_CANDIDATES = 5;

/** A definition an answer is about, as `ctx search` shows one. */
export interface TargetRow {
  id: string;
  kind: string;
  qualified_name: string;
  file: string;
  line: number;
  end_line: number;
  signature: string;
}

export interface Use {
  file: string;
  line: number;
  col: number;
  kind: string;
  name: string;
  /** The definition the use is in (null: the module's top level). */
  from: string | null;
  from_id: string | null;
  resolution: "resolved" | "ambiguous";
  /** Resolved: the definition's id. */
  target?: string;
  /** Ambiguous: the definitions it may be (the asked one among them), how many more, and why it is not known which. */
  candidates?: string[];
  more_candidates?: number;
  why?: AmbiguousWhy;
}

export interface Coverage {
  resolved: number;
  ambiguous: number;
  /** Uses of the same name that resolve to other definitions, or to none in the segment (libraries, builtins). */
  other_uses: number;
  note: string;
}

export type RefsAnswer = {
  query: string;
  targets: TargetRow[];
  references: Use[];
  /** Uses per file, of all uses (also those past the limit). */
  files: { file: string; uses: number }[];
  total: number;
  truncated: boolean;
  coverage: Coverage;
} & FreshnessNote;

const NOTE =
  "uses are read from the syntax and resolved by scope, imports and name, without types. resolved: the file's scope or imports (or the one definition in its package or namespace) determine it. ambiguous: definitions that match by name; why = receiver (a member of a value of unknown type), several (nothing tells them apart), not_imported (not visible without an import: most likely a builtin's or a library's). Not seen: calls through variables and callbacks, reflection, macros, generated code.";

export type RefsOptions = { query: string; kinds?: readonly string[]; limit: number; workers: number; building?: boolean };

/** `ctx refs`: every use of the definitions a name, id or sym:// URI names, with its resolution. */
export async function refsAnswer(target: IndexTarget, options: RefsOptions): Promise<Result<RefsAnswer>> {
  const prepared = await prepare(target, options);
  if (!prepared.ok) return prepared;
  const { built, freshness } = prepared.value;
  const { targets, result, stale } = await current(target, prepared.value, (resolver, targets) => usesOf(resolver, targets, options.kinds, fileLines(target.root)), (r) => r.uses.map((u) => u.file));
  const uses = result.uses.filter((u) => !stale.has(u.file));
  const other = result.other;
  const rank = (u: Use) => (u.resolution === "resolved" ? 0 : 1);
  uses.sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  const perFile = new Map<string, number>();
  for (const u of uses) perFile.set(u.file, (perFile.get(u.file) ?? 0) + 1);
  const resolvedCount = uses.filter((u) => u.resolution === "resolved").length;
  return ok({
    query: options.query,
    targets,
    references: uses.slice(0, options.limit),
    files: [...perFile].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([file, n]) => ({ file, uses: n })),
    total: uses.length,
    truncated: uses.length > options.limit,
    coverage: { resolved: resolvedCount, ambiguous: uses.length - resolvedCount, other_uses: other, note: NOTE },
    ...freshnessNote(target, built, freshness, options.building),
  });
}

/** A segment's files as lines, each read once (safely, as any file of the segment), null when it cannot be. */
function fileLines(root: string): (fileRel: string) => string[] | null {
  const read = new Map<string, string[] | null>();
  return (fileRel) => memoized(read, fileRel, () => {
    const file = readSegmentFile(root, join(root, fileRel));
    return file.ok ? sourceLines(file.bytes) : null;
  });
}

/** The uses that may be of one of `targets`, and how many uses of their names are of something else. */
function usesOf(resolver: Resolver, targets: readonly DefinitionRow[], kinds?: readonly string[], linesOf?: (fileRel: string) => string[] | null): { uses: Use[]; other: number } {
  const wanted = new Set(targets.map((t) => t.item_id));
  const uses: Use[] = [];
  let other = 0;
  // The names used: the definitions', then the aliases imports of them bind in their files.
  const names: { name: string; file?: string }[] = [...new Set(targets.map((t) => t.name))].map((name) => ({ name }));
  for (let i = 0; i < names.length; i++) {
    const { name, file } = names[i]!;
    for (const ref of resolver.index.referencesNamed(name)) {
      if (file !== undefined && ref.file_rel !== file) continue;
      const resolution = resolver.resolve(ref);
      const use = useOf(ref, resolution, wanted);
      if (use && ref.kind === "import" && ref.alias !== null && use.resolution === "resolved") names.push({ name: ref.alias, file: ref.file_rel });
      if (kinds && !kinds.includes(ref.kind)) continue;
      if (use) uses.push(use);
      else other++;
    }
  }
  // A type is used where a member is reached through it (`Strings.trim(s)`, `HashMap::new()`, `Optional::stream`):
  // each such use names the type, at its name on the member's line (a receiver written on a line before is not
  // placed, so not listed), resolved as a type use of its name in that file would be.
  if (!linesOf || (kinds && !kinds.includes("type"))) return { uses, other };
  const seen = new Set(uses.map((u) => `${u.file}:${u.line}:${u.col}`));
  for (const name of new Set(targets.filter((t) => !MEMBER_KINDS.has(t.kind)).map((t) => t.name))) {
    for (const ref of resolver.index.referencesThrough(name)) {
      const col = receiverColumn(linesOf(ref.file_rel)?.[ref.line - 1], name, ref.col);
      if (col === null) continue;
      const written = { ...ref, kind: "type", name, receiver: null, module: null, alias: null, col };
      const key = `${written.file_rel}:${written.line}:${written.col}`;
      const use = seen.has(key) ? null : useOf(written, resolver.resolve(written), wanted);
      if (!use) continue;
      seen.add(key);
      uses.push(use);
    }
  }
  return { uses, other };
}

/** The 1-based column of `name` as a whole word last before column `before` of `line`, or null. */
function receiverColumn(line: string | undefined, name: string, before: number): number | null {
  if (line === undefined) return null;
  for (let at = line.lastIndexOf(name, before - 1 - name.length); at >= 0; at = line.lastIndexOf(name, at - 1)) {
    if (!/[\w$]/.test(line[at - 1] ?? "") && !/[\w$]/.test(line[at + name.length] ?? "")) return at + 1;
    if (at === 0) break;
  }
  return null;
}

/** Kinds nothing is reached through by a qualified name: their uses are their own names'. */
const MEMBER_KINDS = new Set(["function", "method", "constructor", "variable", "field", "constant", "enum_member", "macro", "section"]);

/** The use as an answer lists it, when its resolution may be one of `wanted`. */
function useOf(ref: ReferenceRow, resolution: Resolution, wanted: ReadonlySet<string>): Use | null {
  const base = { file: ref.file_rel, line: ref.line, col: ref.col, kind: ref.kind, name: ref.name, from: ref.from_name, from_id: ref.from_id };
  if (resolution.resolution === "resolved") return wanted.has(resolution.target.item_id) ? { ...base, resolution: "resolved", target: resolution.target.item_id } : null;
  if (resolution.resolution === "unresolved" || !resolution.candidates.some((c) => wanted.has(c.item_id))) return null;
  // The asked definitions first among the candidates shown.
  const ids = [...new Set(resolution.candidates.map((c) => c.item_id))].sort((a, b) => Number(wanted.has(b)) - Number(wanted.has(a)));
  const use: Use = { ...base, resolution: "ambiguous", candidates: ids.slice(0, SHOWN_CANDIDATES) };
  if (ids.length > SHOWN_CANDIDATES) use.more_candidates = ids.length - SHOWN_CANDIDATES;
  use.why = resolution.why;
  return use;
}

export interface Caller extends TargetRow {
  depth: number;
  /** Uses of the callee in it. */
  calls: number;
  /** `ambiguous` when a use on the way matched by name only. */
  resolution: "resolved" | "ambiguous";
  /** The definition it calls (at depth 1: one of the targets). */
  calls_id: string;
}

export type CallersAnswer = { query: string; targets: TargetRow[]; callers: Caller[]; total: number; truncated: boolean; coverage: Coverage } & FreshnessNote;

export type GraphOptions = { query: string; depth: number; limit: number; workers: number; building?: boolean };

/** `ctx callers`: the definitions that call the target, and theirs up to `depth` (module-level calls: the file). */
export async function callersAnswer(target: IndexTarget, options: GraphOptions): Promise<Result<CallersAnswer>> {
  const prepared = await prepare(target, options);
  if (!prepared.ok) return prepared;
  const { built, freshness } = prepared.value;
  const { targets, result, stale } = await current(target, prepared.value, (resolver, targets) => callersOf(target, resolver, targets, options.depth), (r) => r.callers.map((c) => c.file));
  const callers = result.callers.filter((c) => !stale.has(c.file));
  return ok({
    query: options.query,
    targets,
    callers: callers.slice(0, options.limit),
    total: callers.length,
    truncated: callers.length > options.limit,
    coverage: { ...result.coverage, note: NOTE },
    ...freshnessNote(target, built, freshness, options.building),
  });
}

/** The callers of `targets` breadth first to `maxDepth`, with the counts of the first level's uses. */
function callersOf(target: IndexTarget, resolver: Resolver, targets: DefinitionRow[], maxDepth: number): { callers: Caller[]; coverage: Omit<Coverage, "note"> } {
  const found = new Map<string, Caller>();
  const seen = new Set(targets.map((t) => t.item_id));
  let frontier: { defs: DefinitionRow[]; ambiguous: boolean }[] = [{ defs: targets, ambiguous: false }];
  let resolvedCount = 0;
  let ambiguousCount = 0;
  let other = 0;
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const { defs, ambiguous } of frontier) {
      const { uses, other: notThese } = usesOf(resolver, defs, [...CALL_KINDS]);
      if (depth === 1) other += notThese;
      for (const use of uses) {
        if (depth === 1) use.resolution === "resolved" ? resolvedCount++ : ambiguousCount++;
        const callerId = use.from_id ?? use.file;
        const resolution = ambiguous || use.resolution === "ambiguous" ? "ambiguous" : "resolved";
        const known = found.get(callerId);
        if (known) {
          if (known.depth === depth) known.calls++;
          continue;
        }
        if (seen.has(callerId)) continue;
        seen.add(callerId);
        const callee = use.target ?? use.candidates!.find((c) => defs.some((d) => d.item_id === c))!;
        const definition = use.from_id !== null ? target.index.item(use.from_id) : null;
        const row = definition ? targetRow(definition) : { id: use.file, kind: "file", qualified_name: "", file: use.file, line: 1, end_line: 1, signature: "" };
        found.set(callerId, { ...row, depth, calls: 1, resolution, calls_id: callee });
        if (definition) next.push({ defs: [definition], ambiguous: resolution === "ambiguous" });
      }
    }
    frontier = next;
  }
  const callers = [...found.values()].sort((a, b) => a.depth - b.depth || Number(a.resolution === "ambiguous") - Number(b.resolution === "ambiguous") || a.file.localeCompare(b.file) || a.line - b.line);
  return { callers, coverage: { resolved: resolvedCount, ambiguous: ambiguousCount, other_uses: other } };
}

export interface Callee {
  /** The definition called; absent when unresolved (a library or builtin: only its name is known). */
  id?: string;
  name: string;
  kind?: string;
  file?: string;
  line?: number;
  signature?: string;
  depth: number;
  calls: number;
  resolution: "resolved" | "ambiguous" | "unresolved";
  candidates?: string[];
  more_candidates?: number;
  why?: AmbiguousWhy;
  /** The definition that calls it (at depth 1: one of the targets). */
  called_by: string;
}

export type CalleesAnswer = { query: string; targets: TargetRow[]; callees: Callee[]; total: number; truncated: boolean; coverage: Omit<Coverage, "other_uses"> & { unresolved: number } } & FreshnessNote;

/** `ctx callees`: what the target calls (resolved, ambiguous, or by name only), and what those call up to `depth`. */
export async function calleesAnswer(target: IndexTarget, options: GraphOptions): Promise<Result<CalleesAnswer>> {
  const prepared = await prepare(target, options);
  if (!prepared.ok) return prepared;
  const { built, freshness } = prepared.value;
  // The calls are read from the callers' own files: those count as cited too.
  const cited = (r: { callees: Callee[]; callers: string[] }) => [...r.callers, ...r.callees.flatMap((c) => c.file ?? [])];
  const { targets, result, stale } = await current(target, prepared.value, (resolver, targets) => calleesOf(resolver, targets, options.depth), cited);
  const callees = result.callees.filter((c) => c.file === undefined || !stale.has(c.file));
  return ok({
    query: options.query,
    targets,
    callees: callees.slice(0, options.limit),
    total: callees.length,
    truncated: callees.length > options.limit,
    coverage: { ...result.counts, note: NOTE },
    ...freshnessNote(target, built, freshness, options.building),
  });
}

/** What `targets` call, breadth first to `maxDepth` (resolved callees are followed), with the first level's counts and the files read. */
function calleesOf(resolver: Resolver, targets: DefinitionRow[], maxDepth: number): { callees: Callee[]; counts: Record<Resolution["resolution"], number>; callers: string[] } {
  const found = new Map<string, Callee>();
  const seen = new Set(targets.map((t) => t.item_id));
  const counts = { resolved: 0, ambiguous: 0, unresolved: 0 };
  const callers = new Set<string>();
  let frontier: DefinitionRow[] = targets;
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: DefinitionRow[] = [];
    for (const caller of frontier) {
      callers.add(caller.file_rel);
      for (const ref of callsIn(resolver, caller)) {
        const resolution = resolver.resolve(ref);
        if (depth === 1) counts[resolution.resolution]++;
        const key = resolution.resolution === "resolved" ? resolution.target.item_id : `${resolution.resolution}:${ref.name}`;
        const known = found.get(key);
        if (known) {
          if (known.depth === depth) known.calls++;
          continue;
        }
        if (resolution.resolution === "resolved" && seen.has(key)) continue;
        seen.add(key);
        const base = { name: ref.name, depth, calls: 1, called_by: caller.item_id };
        if (resolution.resolution === "resolved") {
          const row = targetRow(resolution.target);
          found.set(key, { id: row.id, ...base, kind: row.kind, file: row.file, line: row.line, signature: row.signature, resolution: "resolved" });
          next.push(resolution.target);
        } else if (resolution.resolution === "ambiguous") {
          const ids = [...new Set(resolution.candidates.map((c) => c.item_id))];
          const callee: Callee = { ...base, resolution: "ambiguous", candidates: ids.slice(0, SHOWN_CANDIDATES) };
          if (ids.length > SHOWN_CANDIDATES) callee.more_candidates = ids.length - SHOWN_CANDIDATES;
          callee.why = resolution.why;
          found.set(key, callee);
        } else found.set(key, { ...base, resolution: "unresolved" });
      }
    }
    frontier = next;
  }
  const order = { resolved: 0, ambiguous: 1, unresolved: 2 };
  const callees = [...found.values()].sort((a, b) => a.depth - b.depth || order[a.resolution] - order[b.resolution] || (a.file ?? "").localeCompare(b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || a.name.localeCompare(b.name));
  return { callees, counts, callers: [...callers] };
}

type Prepared = { built: BuildReport | null; freshness: Freshness; targets: DefinitionRow[]; building: boolean };

/** What every answer here starts from: the index brought up to date and the definitions asked about. */
async function prepare(target: IndexTarget, options: { query: string; workers: number; building?: boolean }): Promise<Result<Prepared>> {
  const { built, freshness } = await readyIndex(target, options.workers, { asIs: options.building, references: true });
  const targets = await targetsOf(target, options.query);
  if (!targets.ok) return targets;
  return ok({ built, freshness, targets: targets.value, building: options.building === true });
}

/**
 * An answer computed from the index as it is, and again when it cites a file left stale (more files
 * changed than a refresh takes, or changed while this process builds the index): those files are re-indexed first (`freshness` says so), so no answer
 * points at lines a file no longer has. What is still stale after that is returned (`stale`) for the caller to
 * leave out; targets in it are left out here.
 */
async function current<T>(
  target: IndexTarget,
  prepared: Prepared,
  compute: (resolver: Resolver, targets: DefinitionRow[]) => T,
  cited: (result: T) => string[],
): Promise<{ targets: TargetRow[]; result: T; stale: ReadonlySet<string> }> {
  const { freshness } = prepared;
  let targets = prepared.targets;
  let result = compute(Resolver.over(target.index), targets);
  const answer = () => {
    const stale = new Set(freshness.stale);
    return { targets: targets.filter((t) => !stale.has(t.file_rel)).map(targetRow), result, stale };
  };
  const files = [...new Set([...cited(result), ...targets.map((t) => t.file_rel)])];
  // While this process builds the index (an MCP server) nothing was refreshed before: the files cited are checked now.
  if (prepared.building) freshness.stale = files.filter((f) => !isCurrent(target, f));
  const staleCited = files.filter((f) => freshness.stale.includes(f));
  if (staleCited.length === 0 || target.cache.readOnly) return answer();
  const again = await refreshFiles(target, staleCited);
  freshness.refreshed.push(...again.refreshed);
  freshness.stale = freshness.stale.filter((f) => !again.refreshed.includes(f));
  // Re-indexed targets keep their ids when their definitions are still there.
  targets = targets.flatMap((t) => target.index.item(t.item_id) ?? []);
  result = compute(Resolver.over(target.index), targets);
  return answer();
}

/** The calls made inside a definition (its nested definitions' too), in line order. */
function callsIn(resolver: Resolver, caller: DefinitionRow): ReferenceRow[] {
  const inside = (from: string | null) => from !== null && (from === caller.qualified_name || from.startsWith(`${caller.qualified_name}.`));
  return resolver.index
    .referencesOf(caller.file_rel)
    .filter((r) => CALL_KINDS.has(r.kind) && inside(r.from_name) && r.line >= caller.line && r.line <= caller.end_line);
}

/** The definitions a query names: an item id, a sym:// URI, or a name (or qualified name). */
async function targetsOf(target: IndexTarget, query: string): Promise<Result<DefinitionRow[]>> {
  const { index } = target;
  if (query.startsWith("sym://")) {
    const ids = await idsOfSymUri(target, query);
    if (!ids.ok) return ids;
    const items = ids.value.flatMap((id) => index.item(id) ?? []).filter((i) => i.kind !== "section");
    if (items.length === 0) return fail("SYMBOL_NOT_FOUND", `${query} names no definition in the index`, { hint: "a module URI names files: add #Name for a definition" });
    return ok(items);
  }
  const item = index.item(query);
  if (item) return item.kind === "section" ? fail("USAGE_ERROR", `${query} is a Markdown section, not a definition`) : ok([item]);
  // An id no item has may still be a qualified name as stack traces and docs write it (`java.lang.String#format`).
  if (query.includes("#")) {
    const qualified = qualifiedTargets(index, query);
    return qualified.length > 0 ? ok(qualified) : fail("ID_NOT_FOUND", `no definition has the id ${query}`, { hint: "ids come from `trifecta ctx search`; a bare name works too" });
  }
  const byName = index.byName(query, MAX_REFS_LIMIT).filter((i) => i.kind !== "section");
  // Else a qualified name as stack traces and docs write it (`java.util.HashMap.put`, `http.Get`).
  const named = byName.length > 0 ? byName : qualifiedTargets(index, query);
  if (named.length === 0) return fail("SYMBOL_NOT_FOUND", `no definition named '${query}' in the index`, { hint: "`trifecta ctx search <words>` finds definitions; refs takes a name, an id from it, or a sym:// URI" });
  return ok(named);
}

function targetRow(d: DefinitionRow): TargetRow {
  return { id: d.item_id, kind: d.kind, qualified_name: d.qualified_name, file: d.file_rel, line: d.line, end_line: d.end_line, signature: d.signature };
}
