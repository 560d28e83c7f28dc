import { memoized } from "../core/maps.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { freshnessNote, isCurrent, readyIndex, type FreshnessNote } from "../ctx/answers.ts";
import { estimateTokens } from "../ctx/get.ts";
import type { DefinitionRow } from "../ctx/index-store.ts";
import type { IndexTarget } from "../ctx/update.ts";
import { pageRank } from "./rank.ts";
import { Resolver } from "./resolver.ts";

/**
 * `ctx map`: the segment's most important definitions, as Aider's repository map ranks them: PageRank
 * over the graph of uses (an edge from the definition a use is in to the definition it names; an
 * ambiguous use spreads its weight over its candidates), restarted at the focus when there is one.
 * Rendered as an outline per file, best file first, filled in rank order up to the token budget and
 * never past it.
 */

export const DEFAULT_MAP_BUDGET = 1024;
export const MAX_MAP_BUDGET = 100_000;
/** A use with more candidates than this says little about any of them (`get`, `run`, `close`). */
const MAX_CANDIDATES = 10;
/**
 * What an ambiguous use weighs against a resolved one, spread over its candidates: most are method
 * calls on values of unknown type, often of a library's type (`s.lower()` on a str). At full weight
 * such calls put every class with a `lower` or `split` method at the top of the stdlib's map.
 */
const AMBIGUOUS_WEIGHT = 0.1;
/** A signature longer than this is cut in the map: the map points, `ctx get` shows. */
const MAP_SIGNATURE_CHARS = 160;
/**
 * A use from another file says more about a definition's importance than one from its own file,
 * and a private name (`_helper`) is an implementation detail (Aider weighs it 0.1 too).
 */
const SAME_FILE_WEIGHT = 0.25;
const PRIVATE_WEIGHT = 0.1;
const edgeWeight = (fromFile: string, to: DefinitionRow, weight: number) =>
  weight * (to.file_rel === fromFile ? SAME_FILE_WEIGHT : 1) * (to.name.startsWith("_") && !to.name.startsWith("__") ? PRIVATE_WEIGHT : 1);

const GRAPH_KINDS = ["call", "type", "inherit", "decorator", "import"];

export type MapAnswer = {
  budget: number;
  used_tokens: number;
  /** Definitions in the map, and how many were ranked. */
  shown: number;
  ranked: number;
  focus: string[];
  graph: { references: number; resolved: number; ambiguous: number; unresolved: number };
  map: string;
} & FreshnessNote;

export type MapOptions = { budget: number; focus: readonly string[]; workers: number; building?: boolean };

type Counts = MapAnswer["graph"];

export async function mapAnswer(target: IndexTarget, options: MapOptions): Promise<Result<MapAnswer>> {
  const { built, freshness } = await readyIndex(target, options.workers, { asIs: options.building, references: true });
  const { index } = target;
  const resolver = Resolver.over(index);
  // The unfocused map's ranks are kept with the index and good until its rows change: a warm map
  // of an unchanged segment renders without resolving anything (stdlib: ~1 s → a tenth of it).
  const generation = index.generation();
  const kept = options.focus.length === 0 ? index.ranks(generation) : null;
  let ranked: { d: DefinitionRow; rank: number }[];
  let counts: Counts;
  if (kept) {
    ranked = index.allDefinitions().map((d) => ({ d, rank: kept.ranks.get(d.item_id) ?? 0 }));
    counts = JSON.parse(kept.counts) as Counts;
  } else {
    const definitions = resolver.preload();
    const graph = useGraph(index, resolver, definitions);
    const focus = focusNodes(target, options.focus, definitions, graph.node, graph.fileNode);
    if (!focus.ok) return focus;
    const rank = pageRank({ nodes: graph.nodes(), ...graph.edges }, focus.value.restart);
    ranked = definitions.map((d, i) => ({ d, rank: rank[i]! })).filter(({ d }) => !focus.value.excluded(d));
    counts = graph.counts;
    if (options.focus.length === 0 && !target.cache.readOnly) keepRanks(target, generation, ranked, counts);
  }
  // A file left stale (more changed than a refresh takes, or changed while this process builds the
  // index: a stat each, then) has lines the index no longer knows: left out.
  const stale = new Set(options.building ? [...index.fileKinds().keys()].filter((f) => !isCurrent(target, f)) : freshness.stale);
  if (stale.size > 0) ranked = ranked.filter(({ d }) => !stale.has(d.file_rel));
  ranked.sort((a, b) => b.rank - a.rank || a.d.item_id.localeCompare(b.d.item_id));
  const { text, shown } = render(ranked, resolver, options.budget);
  return ok({
    budget: options.budget,
    used_tokens: estimateTokens(text),
    shown,
    ranked: ranked.length,
    focus: [...options.focus],
    graph: counts,
    map: text,
    ...freshnessNote(target, built, freshness, options.building),
  });
}

/** Ranks are derived: a database that will not take them costs the next map its speed, not an answer. */
function keepRanks(target: IndexTarget, generation: string, ranked: readonly { d: DefinitionRow; rank: number }[], counts: Counts): void {
  try {
    target.index.storeRanks(generation, new Map(ranked.map(({ d, rank }) => [d.item_id, rank])), JSON.stringify(counts));
  } catch {}
}

/** The graph of uses: a node per definition (and per file, for uses at module level), an edge per resolved or weakly ambiguous use. */
function useGraph(index: IndexTarget["index"], resolver: Resolver, definitions: readonly DefinitionRow[]) {
  const node = new Map(definitions.map((d, i) => [d.item_id, i]));
  const fileNodes = new Map<string, number>();
  // Files get the nodes after the definitions', numbered as they are first met.
  const fileNode = (fileRel: string) => memoized(fileNodes, fileRel, () => definitions.length + fileNodes.size);
  const edges = { from: [] as number[], to: [] as number[], weight: [] as number[] };
  const counts: Counts = { references: 0, resolved: 0, ambiguous: 0, unresolved: 0 };
  for (const ref of index.allReferences(GRAPH_KINDS)) {
    if (ref.kind === "import" && ref.name === "*") continue;
    counts.references++;
    const resolution = resolver.resolve(ref);
    counts[resolution.resolution]++;
    const source = ref.from_id !== null ? node.get(ref.from_id)! : fileNode(ref.file_rel);
    const targets =
      resolution.resolution === "resolved"
        ? [resolution.target]
        : resolution.resolution === "ambiguous" && resolution.why !== "not_imported" && resolution.candidates.length <= MAX_CANDIDATES
          ? resolution.candidates
          : [];
    for (const t of targets) {
      const to = node.get(t.item_id)!;
      if (to === source) continue;
      edges.from.push(source);
      edges.to.push(to);
      edges.weight.push(edgeWeight(ref.file_rel, t, resolution.resolution === "resolved" ? 1 : AMBIGUOUS_WEIGHT / targets.length));
    }
  }
  return { node, fileNode, edges, counts, nodes: () => definitions.length + fileNodes.size };
}

/** Where the walk restarts (the focus: files, whole, or definitions by id), and what the map then leaves out (the focus itself). */
function focusNodes(
  target: IndexTarget,
  focus: readonly string[],
  definitions: readonly DefinitionRow[],
  node: ReadonlyMap<string, number>,
  fileNode: (fileRel: string) => number,
): Result<{ restart: number[]; excluded: (d: DefinitionRow) => boolean }> {
  const files = new Set<string>();
  const ids = new Set<string>();
  for (const wanted of focus) {
    if (node.has(wanted)) ids.add(wanted);
    else if (target.index.file(wanted)) files.add(wanted);
    else return fail("ID_NOT_FOUND", `--focus ${wanted} is neither an indexed file nor a definition's id`, { hint: "give a path relative to the segment, or an id from `trifecta ctx search`" });
  }
  const restart = [...ids].map((id) => node.get(id)!);
  definitions.forEach((d, i) => {
    if (files.has(d.file_rel)) restart.push(i);
  });
  for (const file of files) restart.push(fileNode(file));
  return ok({ restart, excluded: (d) => files.has(d.file_rel) || ids.has(d.item_id) });
}

/**
 * The map's text: files in the order of their best definition, definitions in line order under
 * them, members under their owner (which is shown with them). Filled greedily in rank order: a
 * definition whose lines (with its file's and owners' when not there yet) would pass the budget is
 * left out and the next one tried, so the map is as full as the budget allows and never over.
 */
function render(ranked: readonly { d: DefinitionRow }[], resolver: Resolver, budget: number): { text: string; shown: number } {
  const maxChars = budget * 4;
  let chars = 0;
  // Per file, in the order files are first chosen: each chosen definition with its line, made once.
  const chosen = new Map<string, Map<string, { d: DefinitionRow; line: string }>>();
  for (const { d } of ranked) {
    // No line is shorter than its line number and a few characters.
    if (maxChars - chars < 8) break;
    const inFile = chosen.get(d.file_rel);
    if (inFile?.has(d.item_id)) continue;
    // The definition and its owners, innermost first: the i-th of n is nested n - 1 - i deep.
    const chain = [d, ...ownersOf(d, resolver)];
    const lines = chain.map((x, i) => ({ d: x, line: lineOf(x, chain.length - 1 - i) })).filter(({ d: x }) => !inFile?.has(x.item_id));
    // Each line and its newline; a new file adds its header.
    const cost = (inFile ? 0 : d.file_rel.length + 2) + lines.reduce((n, { line }) => n + line.length + 1, 0);
    if (chars + cost > maxChars) continue;
    chars += cost;
    const map = inFile ?? new Map();
    if (!inFile) chosen.set(d.file_rel, map);
    for (const row of lines) map.set(row.d.item_id, row);
  }
  let text = "";
  let shown = 0;
  for (const [file, rows] of chosen) {
    text += `${file}:\n`;
    const sorted = [...rows.values()].sort((a, b) => a.d.line - b.d.line || b.d.end_line - a.d.end_line);
    for (const { line } of sorted) text += `${line}\n`;
    shown += sorted.length;
  }
  return { text, shown };
}

/** A definition's line in the map: its line number and signature (cut), indented by its nesting. */
function lineOf(d: DefinitionRow, depth: number): string {
  const { signature } = d;
  const shown = signature.length > MAP_SIGNATURE_CHARS ? `${signature.slice(0, MAP_SIGNATURE_CHARS)}…` : signature;
  return `  ${d.line}: ${"  ".repeat(depth)}${shown}`;
}

/** The definitions that own `d` in its file (a method's class, a nested class's outer one), innermost first. */
function ownersOf(d: DefinitionRow, resolver: Resolver): DefinitionRow[] {
  const owners: DefinitionRow[] = [];
  let parent = d.parent;
  const defs = resolver.definitionsOf(d.file_rel);
  while (parent !== null) {
    const owner = defs.find((x) => x.qualified_name === parent && x.line <= d.line && x.end_line >= d.end_line);
    if (!owner) break;
    owners.push(owner);
    parent = owner.parent;
  }
  return owners;
}
