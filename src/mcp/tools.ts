import { createHash } from "node:crypto";
import { fail, ok, type Result, type TrifectaError } from "../core/result.ts";
import { isUnusableGlob, SEARCH_KINDS, SEARCH_LANGUAGES } from "../ctx/search.ts";
import { SYMBOL_KINDS } from "../languages.ts";
import type { SymbolRecord } from "../extract/types.ts";
import { outlineOn } from "../services/ast.ts";
import { MAX_DEPTH, MAX_REFS_LIMIT, REFERENCE_KINDS, type CalleesAnswer, type CallersAnswer, type RefsAnswer } from "../graph/references.ts";
import type { IndexWork } from "../services/index-session.ts";
import { getWork, graphWork, mapWork, refsWork, searchWork, statusWork } from "../services/ctx.ts";
import { budgetOf, DEFAULT_BUDGET, decodeCursor, encodeCursor, fitPage, fits, MAX_BUDGET, MIN_BUDGET, tokens, type Rendered } from "./budget.ts";
import type { InputSchema } from "./validate.ts";
import type { Workspace } from "./workspace.ts";

/**
 * The server's tools: few, each with a small schema (the whole `tools/list` is measured in
 * test/mcp.test.ts against its 2,000-token limit), each answer within its token budget.
 */

export interface Tool {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly inputSchema: InputSchema;
  readonly outputSchema: { type: "object"; properties: Record<string, unknown>; required: readonly string[] };
  run(args: Record<string, unknown>, workspace: Workspace): Promise<Result<Rendered>>;
}

const budgetArg = { type: "integer", description: `Max answer tokens (chars/4); default ${DEFAULT_BUDGET}`, minimum: MIN_BUDGET, maximum: MAX_BUDGET } as const;
const cursorArg = { type: "string", description: "next_cursor of the previous page" } as const;
const list = { type: "array" } as const;
const text = { type: "string" } as const;
const num = { type: "integer" } as const;
// Absent when nothing is stale (answers drop empty notes), so never null.
const stale = { type: "object" } as const;

/** How long a search or get waits for the server's own build before answering from what it has written. */
const BUILD_GRACE_MS = 2000;

/** What a cursor is good for: the tool and the arguments that shape its list. */
const requestKey = (tool: string, shape: unknown[]) => createHash("sha256").update(JSON.stringify([tool, ...shape])).digest("base64url").slice(0, 16);

function startOf(args: Record<string, unknown>, request: string, version: string | null): Result<number> {
  return typeof args.cursor === "string" ? decodeCursor(args.cursor, request, version) : ok(0);
}

const json = (value: unknown) => JSON.stringify(value).length;
/** Keys present only when they say something, so a quiet answer stays small. */
const present = (entries: Record<string, unknown>) => Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)));

const search: Tool = {
  name: "search",
  title: "Search code",
  description: "Ranked definitions and Markdown sections for words, an identifier or a sym:// URI. Use hit ids with get.",
  inputSchema: {
    type: "object",
    properties: {
      query: { type: "string", description: "What to find", minLength: 1 },
      kind: { type: "string", description: "Only this kind (function, class, method, section…)" },
      lang: { type: "string", description: "Only this language" },
      limit: { type: "integer", description: "Max hits (default 10)", minimum: 1, maximum: 100 },
      paths: { type: "array", description: "Path globs; !GLOB excludes", items: { type: "string" }, minItems: 1, maxItems: 20 },
      tests: { type: "boolean", description: "false: no test files" },
      budget: budgetArg,
      cursor: cursorArg,
    },
    required: ["query"],
    additionalProperties: false,
  },
  outputSchema: { type: "object", properties: { hits: list, next_cursor: text, stale }, required: ["hits"] },
  async run(args, workspace) {
    const query = args.query as string;
    const kind = args.kind as string | undefined;
    const lang = args.lang as string | undefined;
    const limit = (args.limit as number | undefined) ?? 10;
    const paths = args.paths as string[] | undefined;
    const tests = args.tests !== false;
    const filters = checkFilters(kind, lang, paths);
    if (!filters.ok) return filters;
    const request = requestKey("search", [query, kind, lang, limit, paths, tests]);
    const start = startOf(args, request, null);
    if (!start.ok) return start;
    await workspace.settle(BUILD_GRACE_MS);
    const unchangedSinceLastAnswer = await workspace.unchangedSinceLastAnswer();
    const { answer } = await workspace.run((building) => searchWork({ query, limit, kind, lang, paths, tests, workers: workspace.workers, building, unchangedSinceLastAnswer }));
    if (!answer.ok) return answer;
    // Too many changes to refresh before answering: the rest is brought up to date in the background.
    if (answer.value.stale) workspace.startBuild();
    const { hits, segment_root: _root, query: _query, ...notes } = answer.value;
    const rendered = fitPage(
      hits,
      start.value,
      budgetOf(args),
      (page, next) => {
        const structured = present({ hits: page, total_hits: hits.length, next_cursor: next === null ? undefined : encodeCursor({ request, offset: next, version: "" }), ...notes });
        const lines = page.map((h) => `${h.id}  ${h.kind} L${h.line}-${h.end_line}  ${h.signature.split("\n")[0]}`);
        return { structured: { hits: page, ...structured }, text: [...lines, ...footer(structured)].join("\n") };
      },
      (h) => ({ json: json(h), text: h.id.length + h.signature.length + 24 }),
    );
    return ok(rendered);
  },
};

/** As `ctx search` checks them: an unknown kind or language is an error naming the valid ones, never an empty answer. */
function checkFilters(kind: string | undefined, lang: string | undefined, paths: readonly string[] | undefined): Result<null> {
  if (kind !== undefined && !SEARCH_KINDS.includes(kind)) return fail("USAGE_ERROR", `'kind' must be one of ${SEARCH_KINDS.join(", ")}; got '${kind}'`);
  if (lang !== undefined && !SEARCH_LANGUAGES.includes(lang)) return fail("USAGE_ERROR", `'lang' must be one of ${SEARCH_LANGUAGES.join(", ")}; got '${lang}'`);
  if (paths?.some(isUnusableGlob)) return fail("USAGE_ERROR", "'paths' takes globs (or !GLOB to leave files out)");
  return ok(null);
}

/** Notes a host that shows only text must see too: the cursor, staleness, an unfinished index. */
function footer(structured: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const key of ["index_incomplete", "stale", "refreshed", "hint", "total_hits", "total_symbols", "errors"] as const) {
    if (structured[key] !== undefined) lines.push(`${key}: ${JSON.stringify(structured[key])}`);
  }
  if (structured.next_cursor !== undefined) lines.push(`next_cursor: ${String(structured.next_cursor)}`);
  return lines;
}

/** Each symbol's nesting below the outline's outermost one (1 = outermost). */
function depthsOf(symbols: readonly SymbolRecord[]): Map<SymbolRecord, number> {
  const parts = symbols.map((s) => s.qualified_name.split(".").length);
  const top = Math.min(...parts);
  return new Map(symbols.map((s, i) => [s, parts[i]! - top + 1]));
}

/** A symbol cut to fit a small budget: its doc and signature shortened, and said to be. */
function shortened(symbol: SymbolRecord): SymbolRecord {
  const cut = (value: string, n: number) => (value.length > n ? `${value.slice(0, n)}…` : value);
  return { ...symbol, signature: cut(symbol.signature, 300), doc: symbol.doc === null ? null : cut(symbol.doc, 200), truncated: true } as SymbolRecord;
}

/** A symbol's share of an outline page; symbols of a warm extraction are the same objects call after call. */
const symbolSizes = new WeakMap<SymbolRecord, { json: number; text: number }>();
function symbolSize(symbol: SymbolRecord): { json: number; text: number } {
  let size = symbolSizes.get(symbol);
  if (!size) {
    size = { json: json(symbol), text: symbol.signature.length + 24 };
    symbolSizes.set(symbol, size);
  }
  return size;
}

const outline: Tool = {
  name: "outline",
  title: "Outline",
  description: "Definitions with signatures and lines of a file path, or of sym://<lang>/mod|file|type/… (a module or one symbol).",
  inputSchema: {
    type: "object",
    properties: {
      target: { type: "string", description: "File path (path#Name for one symbol) or sym:// URI", minLength: 1 },
      kinds: { type: "array", description: "Only these kinds", items: { type: "string" }, minItems: 1, maxItems: 20 },
      depth: { type: "integer", description: "Nesting levels (1 = top level)", minimum: 1, maximum: 100 },
      budget: budgetArg,
      cursor: cursorArg,
    },
    required: ["target"],
    additionalProperties: false,
  },
  outputSchema: { type: "object", properties: { file_rel: text, symbols: list, total_symbols: num, next_cursor: text }, required: ["symbols"] },
  async run(args, workspace) {
    const target = args.target as string;
    const kinds = args.kinds as string[] | undefined;
    const depth = args.depth as number | undefined;
    const unknownKind = kinds?.find((k) => !SYMBOL_KINDS.includes(k));
    if (unknownKind !== undefined) return fail("USAGE_ERROR", `'kinds' items must be among ${SYMBOL_KINDS.join(", ")}; got '${unknownKind}'`);
    const { answer } = await workspace.run(() => async (index) => ({ answer: await outlineOn(workspace.extractions.over(index.cache), { root: index.root, maxFileBytes: index.maxFileBytes, target, remote: workspace.remote }), summary: {} }));
    if (!answer.ok) return answer;
    const all = answer.value.symbols;
    const depthOf = depthsOf(all);
    const symbols = all.filter((s) => (kinds === undefined || kinds.includes(s.kind)) && (depth === undefined || depthOf.get(s)! <= depth));
    const request = requestKey("outline", [target, kinds, depth]);
    // The content hash in the cache key: a page of a file that changed since the first is refused.
    const start = startOf(args, request, answer.value.cache_key);
    if (!start.ok) return start;
    const head = { file_rel: answer.value.file_rel, language: answer.value.language, parse_status: answer.value.parse_status };
    const rendered = fitPage(
      symbols,
      start.value,
      budgetOf(args),
      (page, next) => {
        const cursor = next === null ? undefined : encodeCursor({ request, offset: next, version: answer.value.cache_key });
        const structured = present({ ...head, symbols: page, total_symbols: symbols.length, next_cursor: cursor });
        const lines = page.map((s) => `${"  ".repeat((depthOf.get(s) ?? 1) - 1)}${s.line}-${s.end_line} ${s.signature.split("\n")[0]}`);
        return { structured: { symbols: page, ...structured }, text: [`${head.file_rel} (${head.language}, ${head.parse_status})`, ...lines, ...footer(structured)].join("\n") };
      },
      symbolSize,
      shortened,
    );
    return ok(rendered);
  },
};

const MODES = ["skeleton", "excerpt", "raw"] as const;

const get: Tool = {
  name: "get",
  title: "Get source",
  description: "Source lines with citations for ids from search (file#Name, file#section, a file, file#L10-L40), a definition's name (Cart.total) or sym:// URIs.",
  inputSchema: {
    type: "object",
    properties: {
      ids: { type: "array", description: "Ids, definition names or sym:// URIs", items: { type: "string" }, minItems: 1, maxItems: 50 },
      mode: { type: "string", description: "skeleton (signatures), excerpt (default) or raw", enum: MODES },
      budget: budgetArg,
      cursor: cursorArg,
    },
    required: ["ids"],
    additionalProperties: false,
  },
  outputSchema: { type: "object", properties: { pieces: list, errors: list, next_cursor: text }, required: ["pieces"] },
  async run(args, workspace) {
    const ids = args.ids as string[];
    const mode = (args.mode as (typeof MODES)[number] | undefined) ?? "excerpt";
    const budget = budgetOf(args);
    const request = requestKey("get", [ids, mode]);
    const start = startOf(args, request, null);
    if (!start.ok) return start;
    await workspace.settle(BUILD_GRACE_MS);
    // One id at a time, in order, so a page is a run of ids and the cursor says where the next starts.
    const pieces: unknown[] = [];
    const errors: unknown[] = [];
    let notes: Record<string, unknown> = {};
    const render = (next: number | null): Rendered => {
      // Copies: a rendering is measured once (budget.ts), and the lists grow after it.
      const structured = present({ pieces: [...pieces], errors: [...errors], next_cursor: next === null ? undefined : encodeCursor({ request, offset: next, version: "" }), ...notes });
      const blocks = (pieces as { citation: string; content: string }[]).map((p) => `${p.citation}\n${p.content}`);
      return { structured: { pieces: [], ...structured }, text: [...blocks, ...footer(structured)].join("\n\n") };
    };
    let next: number | null = null;
    for (let i = start.value; i < ids.length && next === null; i++) {
      const after = i + 1 < ids.length ? i + 1 : null;
      // The service counts content tokens; the answer's JSON escapes and wraps them. What overflows
      // is taken off the room and the piece asked for again (twice at most).
      let room = budget - tokens(JSON.stringify(render(after).structured)) - 40;
      for (let attempt = 0; attempt < 3; attempt++) {
        const { answer } = await workspace.run((building) => getWork({ ids: [ids[i]!], mode, budget: Math.max(1, room), building }));
        if (!answer.ok) {
          errors.push({ id: ids[i], error_code: answer.error.code, message: answer.error.message });
          break;
        }
        const { pieces: got, errors: failed, omitted, index_incomplete } = answer.value;
        if (index_incomplete) notes = { index_incomplete };
        // A piece the rest of this page would cut starts the next page whole (a page's first piece is
        // cut only when the whole budget cannot hold it).
        if (pieces.length > 0 && got.some((p) => p.truncated)) {
          next = i;
          break;
        }
        if (got.length > 0) {
          pieces.push(...got);
          const over = tokens(JSON.stringify(render(after).structured)) - budget;
          if (over <= 0 && fits(render(after), budget)) {
            errors.push(...failed);
            break;
          }
          pieces.splice(pieces.length - got.length, got.length);
          room -= Math.max(over, 10);
        }
        // What does not fit after other pieces starts the next page; alone, it never fits.
        if (pieces.length > 0 && (omitted.length > 0 || got.length > 0)) {
          next = i;
          break;
        }
        if (got.length === 0 || attempt === 2) {
          errors.push(...failed, ...omitted.map((o) => ({ id: o.id, error_code: "USAGE_ERROR", message: `its ${o.tokens} tokens do not fit the budget: raise it, or ask in skeleton mode` })));
          if (got.length > 0) errors.push({ id: ids[i], error_code: "USAGE_ERROR", message: "it does not fit the budget: raise it" });
          break;
        }
      }
    }
    return ok(render(next));
  },
};

const DIRECTIONS = ["uses", "callers", "callees"] as const;

const refs: Tool = {
  name: "refs",
  title: "References",
  description: "Uses of a definition (name, id or sym:// URI), each resolved or ambiguous; callers/callees follow calls to a depth.",
  inputSchema: {
    type: "object",
    properties: {
      target: { type: "string", description: "Name, Class.method, id or sym:// URI", minLength: 1 },
      direction: { type: "string", description: "uses (default), callers or callees", enum: DIRECTIONS },
      kind: { type: "string", description: "uses of this kind only", enum: REFERENCE_KINDS },
      depth: { type: "integer", description: "callers/callees: calls away (default 1)", minimum: 1, maximum: MAX_DEPTH },
      budget: budgetArg,
      cursor: cursorArg,
    },
    required: ["target"],
    additionalProperties: false,
  },
  outputSchema: { type: "object", properties: { targets: list, items: list, total: num, coverage: { type: "object" }, next_cursor: text }, required: ["items"] },
  async run(args, workspace) {
    const query = args.target as string;
    const direction = (args.direction as (typeof DIRECTIONS)[number] | undefined) ?? "uses";
    const kind = args.kind as string | undefined;
    const depth = (args.depth as number | undefined) ?? 1;
    const request = requestKey("refs", [query, direction, kind, depth]);
    const start = startOf(args, request, null);
    if (!start.ok) return start;
    await workspace.settle(BUILD_GRACE_MS);
    const options = { query, limit: MAX_REFS_LIMIT, workers: workspace.workers };
    const work = (building: boolean): IndexWork<RefsAnswer | CallersAnswer | CalleesAnswer> =>
      direction === "uses"
        ? refsWork({ ...options, kinds: kind === undefined ? undefined : [kind], building })
        : direction === "callers"
          ? graphWork("callers", { ...options, depth, building })
          : graphWork("callees", { ...options, depth, building });
    const { answer } = await workspace.run(work);
    if (!answer.ok) return answer;
    const value = answer.value as Record<string, unknown> & { targets: { id: string; kind: string; line: number; signature: string }[]; total: number };
    const items = (value.references ?? value.callers ?? value.callees) as Record<string, unknown>[];
    const { targets, total, coverage, index_incomplete, stale } = value;
    const lineOf = (item: Record<string, unknown>) =>
      [item.depth === undefined ? "" : "  ".repeat((item.depth as number) - 1), item.file ?? "", item.line === undefined ? "" : `:${item.line}`, `  ${item.kind ?? ""}`, `  ${item.id ?? item.from ?? item.name ?? ""}`, item.resolution === "resolved" ? "" : `  ${item.resolution}${item.why ? ` (${item.why})` : ""}`].join("");
    const rendered = fitPage(
      items,
      start.value,
      budgetOf(args),
      (page, next) => {
        const cursor = next === null ? undefined : encodeCursor({ request, offset: next, version: "" });
        // The targets and the coverage note once, on the first page.
        const first = start.value === 0 ? { targets, coverage } : {};
        const structured = present({ ...first, items: page, total, next_cursor: cursor, index_incomplete, stale });
        const head = start.value === 0 ? targets.map((t) => `${t.id}  ${t.kind} L${t.line}  ${t.signature.split("\n")[0]}`) : [];
        return { structured: { items: page, ...structured }, text: [...head, ...page.map(lineOf), ...footer({ ...structured, total_hits: total })].join("\n") };
      },
      (item) => ({ json: json(item), text: lineOf(item).length }),
    );
    return ok(rendered);
  },
};

const map: Tool = {
  name: "map",
  title: "Repository map",
  description: "The segment's most important definitions (ranked by their uses across files) as an outline filling the budget; focus ranks around files or ids.",
  inputSchema: {
    type: "object",
    properties: {
      focus: { type: "array", description: "Files or ids to rank around (left out of the map)", items: { type: "string" }, minItems: 1, maxItems: 20 },
      budget: budgetArg,
    },
    additionalProperties: false,
  },
  outputSchema: { type: "object", properties: { map: text, shown: num, ranked: num }, required: ["map"] },
  async run(args, workspace) {
    const budget = budgetOf(args);
    const focus = (args.focus as string[] | undefined) ?? [];
    await workspace.settle(BUILD_GRACE_MS);
    // The map's own budget is the answer's less its other fields (~40 tokens) and the escape JSON
    // adds to each newline (a line is ~40 characters: 3%); what still overflows is taken off and the
    // map made again (twice at most).
    let room = Math.floor((budget - 40) * 0.97);
    let rendered: Rendered | null = null;
    for (let attempt = 0; attempt < 3 && room > 0; attempt++) {
      const { answer } = await workspace.run((building) => mapWork({ budget: room, focus, workers: workspace.workers, building }));
      if (!answer.ok) return answer;
      const { map: text, shown, ranked, index_incomplete, stale } = answer.value;
      const structured = present({ map: text, shown, ranked, focus, index_incomplete, stale });
      rendered = { structured, text: [text, ...footer(structured)].join("\n") };
      if (fits(rendered, budget)) return ok(rendered);
      room -= Math.max(tokens(JSON.stringify(structured)) - budget, 10);
    }
    return fail("USAGE_ERROR", `the map does not fit ${budget} tokens`, { hint: "raise budget" });
  },
};

const status: Tool = {
  name: "status",
  title: "Index status",
  description: "The index: complete or building, stale files, languages, counts. build=true brings it up to date in the background.",
  inputSchema: {
    type: "object",
    properties: { build: { type: "boolean", description: "Start a background build" } },
    additionalProperties: false,
  },
  outputSchema: { type: "object", properties: { index: text, files: num, languages: { type: "object" }, stale }, required: ["index"] },
  async run(args, workspace) {
    if (args.build === true) workspace.startBuild();
    const { answer } = await workspace.run((building) => statusWork({ building }));
    if (!answer.ok) return answer;
    const structured = present({ ...answer.value, server_build: workspace.buildOutcome ?? undefined });
    const lines = Object.entries(structured).map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
    return ok({ structured, text: lines.join("\n") });
  },
};

export const TOOLS: readonly Tool[] = [search, outline, get, refs, map, status];

export const unknownTool = (name: string): TrifectaError => ({ code: "USAGE_ERROR", message: `unknown tool '${name}'; tools: ${TOOLS.map((t) => t.name).join(", ")}` });
