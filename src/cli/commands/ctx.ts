import { defineCommand } from "citty";
import { DEFAULT_BUDGET, GET_MODES, type GetMode } from "../../ctx/get.ts";
import { isUnusableGlob, MAX_LIMIT, SEARCH_KINDS, SEARCH_LANGUAGES } from "../../ctx/search.ts";
import { DEFAULT_MAP_BUDGET, MAX_MAP_BUDGET } from "../../graph/map.ts";
import { DEFAULT_REFS_LIMIT, MAX_DEPTH, MAX_REFS_LIMIT, REFERENCE_KINDS } from "../../graph/references.ts";
import type { Answered } from "../../services/answered.ts";
import * as ctx from "../../services/ctx.ts";
import { extractIsolated, LARGE_INPUT_BYTES } from "../fast-extract.ts";
import { writeStderr } from "../output.ts";
import { repeatable, usage, variadic } from "../strict-args.ts";
import { calleesText, callersText, getText, mapText, refsText, searchText } from "../text.ts";
import { formatArgs, kindsOption, oneOf, printerFor, printOk, remoteCacheArg, runCommand, segmentArg, telemetryArg } from "./shared.ts";

// Large files are parsed each in a process of their own (src/cli/fast-extract.ts).
const large = { minBytes: LARGE_INPUT_BYTES, extract: extractIsolated };

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

const build = defineCommand({
  meta: { name: "build", description: "Index the segment: symbols of every source file, sections of Markdown files (incremental)" },
  args: { ...segmentArg, ...telemetryArg, ...remoteCacheArg, ...formatArgs },
  async run({ args }) {
    const print = printerFor(args, printOk);
    if (!print.ok) return print;
    return runCommand("ctx.build", args, (context) => ctx.build({ ...context, segment: args.segment, large, progress: progressBar() }), print.value);
  },
});

const search = defineCommand({
  meta: { name: "search", description: "Ranked symbols and sections for a query (natural language, identifiers, or a sym:// URI)" },
  args: repeatable(
    {
      query: { type: "positional", required: true, description: "What to look for" },
      ...segmentArg,
      limit: { type: "string", description: `Most hits to return (default 10, at most ${MAX_LIMIT})` },
      kind: { type: "string", description: "Only this kind (function, class, method, constant, field, section, …; an unknown kind is a usage error)" },
      lang: { type: "string", description: "Only this language (python, typescript, markdown, …)" },
      path: { type: "string", description: "Only files matching this glob; !GLOB leaves files out; may be repeated" },
      tests: { type: "boolean", description: "--no-tests leaves test files out" },
      ...telemetryArg,
      ...formatArgs,
    },
    ["path"],
  ),
  async run({ args }) {
    const print = printerFor(args, printOk, searchText);
    if (!print.ok) return print;
    // An empty question has no answer: every row would be ranked on nothing.
    if (args.query.trim() === "") return usage("the query is empty: say what to look for (words, an identifier, or a sym:// URI)");
    const limit = args.limit === undefined ? 10 : Number(args.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return usage(`--limit takes a whole number from 1 to ${MAX_LIMIT}`);
    const kind = kindsOption(args.kind, SEARCH_KINDS, 1);
    if (!kind.ok) return kind;
    if (args.lang !== undefined && !SEARCH_LANGUAGES.includes(args.lang)) return usage(`--lang must be one of ${SEARCH_LANGUAGES.join(", ")}; got '${args.lang}'`);
    const paths = ([] as string[]).concat(args.path ?? []);
    if (paths.some(isUnusableGlob)) return usage("--path takes a glob (or !GLOB to leave files out): not empty, its [ and { closed");
    const query = { query: args.query, limit, kind: kind.value?.[0], lang: args.lang, paths, tests: args.tests !== false };
    return runCommand("ctx.search", args, (context) => ctx.search({ ...context, segment: args.segment, large, ...query }), print.value);
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
    ...formatArgs,
  }),
  async run({ args }) {
    const print = printerFor(args, printOk, getText);
    if (!print.ok) return print;
    const mode = oneOf<GetMode>("mode", args.mode, GET_MODES, "excerpt");
    if (!mode.ok) return mode;
    const budget = args.budget === undefined ? DEFAULT_BUDGET : Number(args.budget);
    if (!Number.isInteger(budget) || budget < 1) return usage("--budget takes a whole number of tokens, at least 1");
    const ids = args._.length > 0 ? args._.map(String) : [args.ids];
    if (ids.some((id) => id.trim() === "")) return usage("an id is empty: give an id from ctx search, a file, file#L10-L40, or a name");
    return runCommand("ctx.get", args, (context) => ctx.get({ ...context, segment: args.segment, large, ids, mode: mode.value, budget }), print.value);
  },
});

const EMPTY_TARGET = "the target is empty: give a name (or Class.method), an id from ctx search, or a sym:// URI";
const targetArg = { target: { type: "positional", required: true, description: "A name (or Class.method), an id from ctx search, or a sym:// URI" } } as const;
const limitArg = { limit: { type: "string", description: `Most results to return (default ${DEFAULT_REFS_LIMIT}, at most ${MAX_REFS_LIMIT})` } } as const;

function limitOf(value: string | undefined): { ok: true; value: number } | ReturnType<typeof usage> {
  const limit = value === undefined ? DEFAULT_REFS_LIMIT : Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_REFS_LIMIT) return usage(`--limit takes a whole number from 1 to ${MAX_REFS_LIMIT}`);
  return { ok: true, value: limit };
}

const refs = defineCommand({
  meta: { name: "refs", description: "Every use of a definition (calls, imports, type uses, inheritance, decorators), resolved, grouped by file" },
  args: { ...targetArg, ...segmentArg, kind: { type: "string", description: `Only these kinds of use, comma-separated: ${REFERENCE_KINDS.join(", ")}` }, ...limitArg, ...telemetryArg, ...formatArgs },
  async run({ args }) {
    const print = printerFor(args, printOk, refsText);
    if (!print.ok) return print;
    const limit = limitOf(args.limit);
    if (!limit.ok) return limit;
    const kinds = kindsOption(args.kind, REFERENCE_KINDS);
    if (!kinds.ok) return kinds;
    if (args.target.trim() === "") return usage(EMPTY_TARGET);
    return runCommand("ctx.refs", args, (context) => ctx.refs({ ...context, segment: args.segment, large, query: args.target, kinds: kinds.value, limit: limit.value }), print.value);
  },
});

type GraphService<T extends object> = (options: Parameters<typeof ctx.callers>[0]) => Promise<Answered<T>>;

function graphCommand<T extends object>(direction: "callers" | "callees", description: string, service: GraphService<T>, text: (value: T) => string) {
  return defineCommand({
    meta: { name: direction, description },
    args: { ...targetArg, ...segmentArg, depth: { type: "string", description: `How many calls away to follow (default 1, at most ${MAX_DEPTH})` }, ...limitArg, ...telemetryArg, ...formatArgs },
    async run({ args }) {
      const print = printerFor(args, printOk, text);
      if (!print.ok) return print;
      const limit = limitOf(args.limit);
      if (!limit.ok) return limit;
      const depth = args.depth === undefined ? 1 : Number(args.depth);
      if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) return usage(`--depth takes a whole number from 1 to ${MAX_DEPTH}`);
      if (args.target.trim() === "") return usage(EMPTY_TARGET);
      return runCommand(`ctx.${direction}`, args, (context) => service({ ...context, segment: args.segment, large, query: args.target, depth, limit: limit.value }), print.value);
    },
  });
}

const map = defineCommand({
  meta: { name: "map", description: "The segment's most important definitions (PageRank over the uses), as an outline that fits a token budget" },
  args: repeatable(
    {
      ...segmentArg,
      budget: { type: "string", description: `Token budget of the map, never exceeded (default ${DEFAULT_MAP_BUDGET}, at most ${MAX_MAP_BUDGET}; tokens = characters / 4, rounded up)` },
      focus: { type: "string", description: "Rank around this file or definition id (may be repeated); the focus itself is left out of the map" },
      ...telemetryArg,
      ...formatArgs,
    },
    ["focus"],
  ),
  async run({ args }) {
    const print = printerFor(args, printOk, mapText);
    if (!print.ok) return print;
    const budget = args.budget === undefined ? DEFAULT_MAP_BUDGET : Number(args.budget);
    if (!Number.isInteger(budget) || budget < 1 || budget > MAX_MAP_BUDGET) return usage(`--budget takes a whole number of tokens from 1 to ${MAX_MAP_BUDGET}`);
    const focus = ([] as string[]).concat(args.focus ?? []);
    return runCommand("ctx.map", args, (context) => ctx.map({ ...context, segment: args.segment, large, budget, focus }), print.value);
  },
});

export const ctxCommand = defineCommand({
  meta: { name: "ctx", description: "Index the segment, search it, and get just the lines an agent needs" },
  subCommands: {
    build,
    search,
    get,
    refs,
    callers: graphCommand("callers", "The definitions that call a definition, and theirs up to --depth (what breaks if it changes)", ctx.callers, callersText),
    callees: graphCommand("callees", "What a definition calls, and what those call up to --depth", ctx.callees, calleesText),
    map,
  },
});
