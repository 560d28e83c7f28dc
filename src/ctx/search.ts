import { memoized } from "../core/maps.ts";
import { LANGUAGE_IDS, SYMBOL_KINDS } from "../languages.ts";
import type { ContextIndex, IndexItem, SearchRow } from "./index-store.ts";
import { isCHeader, isExamplePath, isTestPath, isVendoredPath, moduleTwin, pathFilter } from "./paths.ts";
import { qualifiedTargets } from "./qualified.ts";
import { ftsQuery, identifierWords, inflectionless, type QueryTerms, queryTerms, stem } from "./terms.ts";
import { definitionQualifier, useKey } from "./uses.ts";

export interface SearchHit {
  id: string;
  kind: string;
  name: string;
  file_rel: string;
  /** The language the file was read in (a `sym://<lang>/file/<file_rel>#<name>` URI's), or `markdown`. */
  lang: string;
  line: number;
  end_line: number;
  signature: string;
  score: number;
  /** Definitions of this name in this file (overloads, redeclarations), when more than one: folded into this hit. */
  overloads?: number;
  /** Other files holding the same definition (the `.d.ts`/`.js`/`.cjs` builds of a TypeScript module, a C, C++ or Objective-C header's declaration, copies): folded into this hit. */
  copies?: string[];
  /** `uses`: how often the segment writes the definition by its qualified name (`os.ReadFile`), when it does. */
  why: { terms: string[]; fields: string[]; name: string | null; demoted: string[]; uses?: number };
}

/** How many hits a search returns, and which items it may return. */
export interface SearchFilters {
  limit: number;
  kind?: string;
  lang?: string;
  /** `--path` globs; `!GLOB` excludes (src/ctx/paths.ts). */
  paths?: readonly string[];
  /** False: test files left out (`--no-tests`). */
  tests?: boolean;
}

/** The most hits one search returns (`--limit` above it is a usage error). */
export const MAX_LIMIT = 100;
/** What a search can be narrowed to: every front end refuses anything else, never answers it with nothing. */
export const SEARCH_KINDS: readonly string[] = [...SYMBOL_KINDS, "section"];
export const SEARCH_LANGUAGES: readonly string[] = [...LANGUAGE_IDS, "markdown"].sort();
/** A path filter that names nothing (empty, a bare `!`, an unclosed bracket or brace). */
export const isUnusableGlob = (pattern: string): boolean => {
  const glob = pattern.replace(/^!/, "");
  // An unclosed `[` or `{` (`--path '['`) matches nothing: it is a mistake, not a filter that leaves every file out.
  const count = (c: string) => glob.split(c).length - 1;
  return glob === "" || count("[") !== count("]") || count("{") !== count("}");
};
/**
 * Full-text candidates ranked again. 200 found one more Go query (recall@5 0.711 vs 0.658) but cost
 * ~40% more per search (bm25 of more rows, name evidence of each): not worth it.
 */
const CANDIDATES = 100;
/**
 * After them, this many more by text, kept only when query words spell each word of their name: the
 * definition asked for often has a weak text match but its name (os.ReadFile at 117th by BM25 for
 * "read an entire file into memory", strings.TrimSpace 187th for "trim whitespace …").
 */
const NAMED_CANDIDATES = 200;
/**
 * Below this many matching items a word is rare and also searched as a prefix. Measured on the
 * relevance set: recall@5 0.850 and MRR 0.751 (every word a prefix: 0.850, 0.747), with the
 * stdlib query "parse command line arguments" ranking 2,789 matches instead of 3,566.
 */
const RARE_WORD_ITEMS = 30;

/**
 * The best text match's share of a score, against name evidence (up to 3). Measured while tuning (200
 * candidates), recall@5 python, go, typescript: 2 gave 0.875, 0.658, 0.706; 1 gave 0.850, 0.553, 0.647;
 * 3 gave 0.875, 0.632, 0.706. Descriptive questions are answered by docs more than by names.
 */
const TEXT_WEIGHT = 2;
/**
 * Score taken off hits a question is rarely after, each with the reason `why.demoted` gives. A test
 * file's helper that spells the question's words (Go's `encode_test.go#Val` for "encode a value as
 * JSON") outranked the library's answer at 1; measured (recall@5 / MRR python, go, typescript, java
 * held out): 1 gave 0.950/0.859, 0.789/0.684, 0.735/0.614, 0.750/0.649; 2 and 3 the same but go
 * 0.816/0.685. A question that asks for tests (`test`, `spec`) demotes none. Examples (src/ctx/paths.ts) lose
 * less: they are often what a "how do I" question is after, yet clap's `examples/…/03_04_subcommands_alt.rs#Add`
 * came second for "add a subcommand to a command", `Command.subcommand` seventh (with 1: fifth, the example
 * tenth); no relevance set has an examples folder (all four the same).
 */
const DEMOTIONS = { test: 2, example: 1, vendored: 0.3, private: 0.3, local: 0.4, value: 1 } as const;
/**
 * Constants, variables, fields and exports are rarely what a question is after unless asked for by
 * name (`StatusOK`): without this, `tix.py#ROW` and `pickle.py#FLOAT` outranked csv.DictReader and
 * decimal.Decimal (measured when values were first indexed: python MRR 0.722 -> 0.732).
 */
const VALUE_KINDS = new Set(["constant", "variable", "field", "enum_member", "export"]);
/** Name evidence when the name answers none of the question's other words: this share of it. */
const QUERY_SHARE_FLOOR = 0.4;
/** Verbs that start accessors' names (`getBundle`, `isEmpty`, `toList`): a name is about its other words. */
const ACCESSOR_WORDS = new Set(["get", "is", "has", "to"]);
/** Whether name word `at` of `nameWords` is an accessor's leading verb the question does not say (`get` of `getBundle`). */
const unsaidAccessor = (nameWords: readonly string[], at: number, words: readonly QueryWord[]) =>
  at === 0 && nameWords.length > 1 && ACCESSOR_WORDS.has(nameWords[0]!) && !words.some((q) => q.word === nameWords[0]);
/** Names counted per query word for its weight; at this many the weight is the least. */
const COMMON_NAME_WORD = 300;
/**
 * Name evidence of a name that answers no query word, from its module's words (code words out), at its
 * most. Measured (recall@5 / MRR python, go, typescript, java held out): 0 gave 0.950/0.857, 0.763/0.673,
 * 0.735/0.614, 0.750/0.649; 0.3 0.950/0.855, 0.763/0.674, the same, the same; 0.6 0.950/0.858,
 * 0.789/0.676, the same, the same; 1 0.950/0.859, 0.789/0.684, the same, the same; 1.5 0.950/0.861,
 * 0.816/0.671, the same, the same.
 */
const MODULE_ONLY = 1;
/** Name evidence from code words only counts this much. */
const CODE_WORDS_ONLY = 0.3;
/**
 * Added to a definition at its module's top level (a function, class or type; not a value, not a
 * section): the module's surface, where a question's answer usually is, over the methods and members
 * of helpers (`io.Copy` against `zip.Writer.Copy`, tarfile.TarFile against its methods). Measured
 * (recall@5 / MRR python, go, typescript, java): 0 gave 0.875/0.831, 0.711/0.582, 0.735/0.596,
 * 0.700/0.566; 0.2 0.900/0.834, 0.711/0.583, 0.735/0.600, 0.700/0.593; 0.4 0.900/0.852, 0.711/0.589,
 * 0.765/0.603, 0.700/0.582; 0.6 0.900/0.858, 0.711/0.591, 0.765/0.603, 0.675/0.552 (the held-out set loses;
 * 0.2 and 0.6 with top-level values given it too, 0.4 the same either way).
 */
const TOP_LEVEL = 0.4;
/**
 * Taken off each later hit with the name of a better one (Go's `Int32.Add`, `Int64.Add`, … on sibling types,
 * Java's `OptionalInt.ifPresent` next to `Optional.ifPresent`): one name fills one place in the top, not
 * five. Measured (recall@5 / MRR python, go, typescript, java): 0 gave 0.900/0.852, 0.711/0.589,
 * 0.765/0.603, 0.700/0.582; 0.2 0.900/0.853, 0.711/0.587, 0.765/0.605, 0.700/0.582; 0.3 0.900/0.853,
 * 0.737/0.589, 0.765/0.605, 0.700/0.582; 0.4 and 0.6 the held-out set loses a query (0.675).
 */
const REPEATED_NAME = 0.3;
/**
 * Added to functions, methods and constructors when the question's first word past filler and code words
 * ("how do I …", "how to …") is a verb (a word at least VERB_CALLABLES of the segment's callables start their
 * names with: `compile`, `read`, `encode`, `serialize`): it asks for an action, not the type that holds it (regexp.Compile under Regexp, exec.Command
 * under Cmd, Collectors.toList under Collectors). Measured (recall@5 / MRR python, go, typescript, java held
 * out): without 0.975/0.861, 0.816/0.685, 0.735/0.614, 0.825/0.688; 0.2 0.950/0.858, 0.842/0.714, the same,
 * 0.825/0.703; 0.3 0.950/0.858, 0.842/0.730, the same, 0.825/0.707; 0.5 0.950/0.857, 0.842/0.754, 0.735/0.619,
 * 0.825/0.692 (1, 3 or 5 callables the same; 20: go 0.816). Python loses "read and write tar archives"
 * (TarFile's methods over the class). The four sets asked again as "how do I …", "how to …" and "how can I …" give
 * the same figures.
 */
const VERB_LED = 0.3;
const VERB_CALLABLES = 3;
const CALLABLE_KINDS = new Set(["function", "method", "constructor"]);
/**
 * One type's members fill a few places, not the whole top: past the first SIBLINGS_SHOWN members of one
 * parent, each later one loses SIBLING more than the one before (tarfile's `TarFile.open`, `taropen`,
 * `bz2open`, `gzopen`, `xzopen` above `TarFile` itself for "read and write tar archives"). Measured
 * (recall@5 / MRR python, go, typescript, java held out): without 0.950/0.859, 0.816/0.685, 0.735/0.614,
 * 0.825/0.688; 0.05, 0.1 and 0.2 past 2 members 0.975/0.861 and the rest the same; past 1 member java
 * loses (0.775 at 0.1 and 0.2).
 */
const SIBLING = 0.1;
const SIBLINGS_SHOWN = 2;
/**
 * Added, at most, for a definition the segment's code writes by its qualified name a thousand times
 * (log-scaled from 1 use), times the square of the hit's share of the best score: the API surface
 * code leans on (`os.ReadFile` over `fs.ReadFile`, `Objects.hash`, `io.Copy`) comes first among close
 * hits, and never lifts a weak match over a strong one. Measured (recall@5 / MRR python, go, typescript,
 * java held out): without 0.900/0.853, 0.737/0.589, 0.765/0.605, 0.700/0.582; 0.75 0.950/0.857, 0.737/0.648,
 * 0.735/0.600, 0.750/0.632; 1 0.950/0.857, 0.763/0.673, 0.735/0.614, 0.750/0.649; 1.5 0.950/0.881, 0.763/0.686,
 * 0.706/0.583, 0.775/0.652. With uses on variables counted too, 1 without the share gave 0.950/0.857,
 * 0.763/0.689, 0.706/0.601, 0.775/0.652; full at 100 uses 0.950/0.881, 0.763/0.674, 0.706/0.583, 0.775/0.652;
 * at 10,000 0.950/0.857, 0.763/0.649, 0.735/0.600, 0.750/0.632. A count of uses by name alone (any receiver)
 * gained nothing (BENCHMARKS.md, issue 15).
 */
const USES_WEIGHT = 1;
const MOST_USES = 1000;

/** Added when the file is named after the definition (rxjs `map.ts#map`, `glob.py#glob`): a module's main export. */
const FILE_NAMED_AFTER = 0.3;

/**
 * The share of the question a definition's doc summary answers counts this much. Measured with the comment
 * block's beginning indexed, before TOP_LEVEL (recall@5 / MRR python, go, typescript, java): 0 gave 0.875/0.811, 0.711/0.567,
 * 0.735/0.611, 0.675/0.524; 0.3 0.875/0.816, 0.711/0.582, 0.735/0.598, 0.700/0.574; 0.5 0.875/0.831,
 * 0.711/0.582, 0.735/0.596, 0.700/0.566; 0.75 0.875/0.845, 0.711/0.582, 0.735/0.577, 0.700/0.556.
 */
const SUMMARY_WEIGHT = 0.5;

/**
 * How much of the question the first sentence of the item's doc answers (Go's "Marshal returns the
 * JSON encoding of v.", Javadoc's and docstrings' summaries): the query's words (not code words) it
 * holds, each weighted as in name evidence. 0 without a doc.
 */
function summaryEvidence(item: IndexItem, context: QueryContext): number {
  if (!item.doc || context.textWeight === 0) return 0;
  const summary = summaryOf(item.doc);
  // Go's and C#'s summaries start with the name itself ("Get issues a GET …"): that is not an answer.
  const words = summary.lead === item.name ? summary.rest : summary.all;
  let answered = 0;
  // A word equal to a query word has its bare form too: two lookups a word.
  for (const q of context.words) if (!q.code && (words.has(q.bare) || words.has(q.stem))) answered += q.weight;
  return answered / context.textWeight;
}

/** The words of a doc's first sentence as bare forms and stems, with and without its first word. */
interface Summary {
  lead: string;
  all: Set<string>;
  rest: Set<string>;
}

/** Kept by doc as names' words are: the same candidates come back search after search. */
const keptSummaries = new Map<string, Summary>();
function summaryOf(doc: string): Summary {
  let summary = keptSummaries.get(doc);
  if (summary === undefined) {
    if (keptSummaries.size >= MAX_KEPT_WORDS) keptSummaries.clear();
    const sentence = doc.split(/\.(\s|$)/)[0]!.trim();
    const lead = sentence.split(/\s/, 1)[0]!;
    const forms = (text: string) => new Set(identifierWords(text).flatMap((w) => [inflectionless(w), stem(w)]));
    summary = { lead, all: forms(sentence), rest: forms(sentence.slice(lead.length)) };
    keptSummaries.set(doc, summary);
  }
  return summary;
}

const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A top-level definition its file is named after (`copy_tree.py#copytree`, `map.ts#map`). */
function namesItsFile(row: IndexItem): boolean {
  return row.parent === null && compact(row.file_rel.slice(row.file_rel.lastIndexOf("/") + 1).split(".")[0] ?? "") === compact(row.name);
}

/**
 * How well the item's own name answers the query: exact, prefix, or the share of the name's letters
 * the query's words spell out (`copytree` and `copy_tree` both from "copy … tree", `TrimSpace` from
 * "trim whitespace"). Words (and stems) of three letters or more match inside a name word, shorter
 * ones at its start; code words only as whole words (`to` in `toString`, not in `atomic`); a name word inside a
 * query word counts whole (`space` in "whitespace").
 */
function nameEvidence(item: IndexItem, context: QueryContext): { label: string | null; score: number } {
  const asked = context.asked;
  if (item.name.toLowerCase() === asked || item.qualified_name.toLowerCase() === asked || context.named.has(item.item_id)) return { label: "exact", score: 3 };
  if (context.identifier && asked.length >= 3 && item.name.toLowerCase().startsWith(asked)) return { label: "prefix", score: 1.5 };
  const nameWords = wordsOf(item.name);
  let total = nameWords.reduce((n, w) => n + w.length, 0);
  if (total === 0) return { label: null, score: 0 };
  let covered = 0;
  const found = new Set<QueryWord>();
  for (const [at, w] of nameWords.entries()) {
    // An accessor's verb the question does not say (`getBundle` for "the resource bundle"): the name is its other words.
    if (unsaidAccessor(nameWords, at, context.words)) {
      total -= w.length;
      continue;
    }
    const marked = new Uint8Array(w.length);
    const bare = inflectionless(w);
    for (const q of context.words) {
      const span = spells(q, w, bare);
      if (!span) continue;
      marked.fill(1, span[0], Math.min(w.length, span[0] + span[1]));
      found.add(q);
    }
    // A name word the query's words spell end to end, code words and abbreviations included (`getenv`: "get … env").
    if (marked.includes(0)) {
      const pieces = segments(w, context.words, at === 0);
      if (pieces) {
        marked.fill(1);
        for (const q of pieces) found.add(q);
      }
    }
    covered += marked.reduce((n, b) => n + b, 0);
  }
  if (found.size === 0) {
    // A name that answers none of the question's words may be in a module that does: `gzip.NewWriter` for
    // "compress data with gzip", `sync.Once` (sync/once.go) for "run a function only once".
    const answered = moduleAnswers(item, context.words.filter((q) => !q.code)).reduce((n, q) => n + q.weight, 0);
    return { label: null, score: (MODULE_ONLY * answered) / context.totalWeight };
  }
  const share = covered / total;
  // How much of the question the name and its module (`json` of `encoding/json`, `base64` of
  // base64.py) answer, each word weighted by how rare it is among names: a name spelled by a word
  // every other name has ("value") is weak evidence.
  if (found.size < context.words.length) {
    for (const q of moduleAnswers(item, context.words.filter((q) => !found.has(q)))) found.add(q);
  }
  const answered = [...found].reduce((n, q) => n + q.weight, 0) / context.totalWeight;
  const evidence = (1.5 * share + (found.size >= 2 ? 0.3 : 0)) * (QUERY_SHARE_FLOOR + (1 - QUERY_SHARE_FLOOR) * answered);
  // Code words alone are weak evidence: "one of a set" is not asking for `of` or `set`.
  const weight = [...found].every((q) => q.code) ? CODE_WORDS_ONLY : 1;
  return { label: share >= 0.99 ? "all_subwords" : "subword", score: weight * evidence };
}

/** Those of `words` that spell a word of the item's module (`json` of encoding/json/encode.go, `once` of sync/once.go). */
function moduleAnswers(item: IndexItem, words: readonly QueryWord[]): QueryWord[] {
  const moduleWords = wordsOf(moduleOf(item.file_rel));
  return words.filter((q) => moduleWords.some((w) => spells(q, w, inflectionless(w))));
}

/**
 * The query words that spell `w` end to end, in order (`getenv` → get, env), or null; a name's first
 * word may start with an accessor's verb the question does not say (`getenv` → env).
 */
function segments(w: string, words: readonly QueryWord[], first: boolean): QueryWord[] | null {
  const whole = spelling(w, words);
  if (whole && whole.length >= 2) return whole;
  if (!first) return null;
  for (const verb of ACCESSOR_WORDS) {
    if (w.length > verb.length && w.startsWith(verb)) {
      const rest = spelling(w.slice(verb.length), words);
      if (rest) return rest;
    }
  }
  return null;
}

/** The query words that spell `w` end to end, in order, or null. */
function spelling(w: string, words: readonly QueryWord[]): QueryWord[] | null {
  // A spelling reaching each position of `w`, built left to right.
  const reach: (QueryWord[] | null)[] = [[], ...new Array<QueryWord[] | null>(w.length).fill(null)];
  for (let at = 0; at < w.length; at++) {
    const before = reach[at];
    if (!before) continue;
    for (const q of words) if (w.startsWith(q.word, at) && !reach[at + q.word.length]) reach[at + q.word.length] = [...before, q];
  }
  return reach[w.length] ?? null;
}

/**
 * The words of a name or module, kept: the same names come back search after search in one process
 * (splitting them was ~15% of a warm search). Forgotten all at once past MAX_KEPT_WORDS.
 */
const keptWords = new Map<string, string[]>();
const MAX_KEPT_WORDS = 50_000;
function wordsOf(name: string): string[] {
  let words = keptWords.get(name);
  if (words === undefined) {
    if (keptWords.size >= MAX_KEPT_WORDS) keptWords.clear();
    words = identifierWords(name);
    keptWords.set(name, words);
  }
  return words;
}

/** Whether every word of `name` is spelled, at least in part, by a query word (`ReadFile` by "read … file"). */
function namedByQuery(name: string, words: readonly QueryWord[]): boolean {
  // Most names hold no query word at all: that is told without splitting them (~1 ms of 200 names).
  const lower = name.toLowerCase();
  if (!words.some((q) => lower.includes(q.stem) || q.word.includes(lower))) return false;
  const nameWords = wordsOf(name);
  return nameWords.every((w, at) => {
    if (unsaidAccessor(nameWords, at, words)) return true;
    const bare = inflectionless(w);
    return words.some((q) => spells(q, w, bare) !== null);
  });
}

/** Where query word `q` spells part of name word `w` (`bare`: `w` without inflection): [start, length], or null. */
function spells(q: QueryWord, w: string, bare: string): [number, number] | null {
  if (w === q.word || bare === q.bare) return [0, w.length];
  if (q.wholeOnly) return null;
  const { word, stem: s } = q;
  // A compound query word holds the name word (`space` in "whitespace"; `code` in "encode" is too short a rest).
  if (w.length >= 4 && word.length - w.length >= 3 && (word.startsWith(w) || word.endsWith(w))) return [0, w.length];
  if (word.length >= 3 && w.includes(word)) return [w.indexOf(word), word.length];
  if (s.length >= 3 && w.includes(s)) return [w.indexOf(s), s.length];
  if (s.length >= 2 && w.startsWith(s)) return [0, s.length];
  return null;
}

/** The module a file is: its name, or its folder's for `__init__`, `index`, `mod`, `doc` files. */
function moduleOf(fileRel: string): string {
  const parts = fileRel.split("/");
  const stemName = parts.at(-1)!.split(".")[0]!;
  return /^(__init__|index|mod|lib|main|doc)$/.test(stemName) ? (parts.at(-2) ?? stemName) : `${parts.at(-2) ?? ""} ${stemName}`;
}

/** A query word with what name matching compares, worked out once per query. */
interface QueryWord {
  word: string;
  stem: string;
  bare: string;
  /** A code word: weak evidence on its own. */
  code: boolean;
  /** Code words and abbreviations spell only whole name words (`val` is not in `valid`). */
  wholeOnly: boolean;
  /** 1 for a word few names hold, down to 0.1 for one COMMON_NAME_WORD names hold. */
  weight: number;
}

interface QueryContext {
  asked: string;
  /** The definitions a qualified identifier names (qualifiedTargets): exact matches, as the name itself would be. */
  named: ReadonlySet<string>;
  /** One token, no spaces: an identifier, whose prefix a name may be. */
  identifier: boolean;
  words: QueryWord[];
  totalWeight: number;
  /** The weight of the words that are not code words. */
  textWeight: number;
}

function matchedFields(row: IndexItem, said: { stems: Set<string>; words: Set<string> }, context: QueryContext): { fields: string[]; terms: string[] } {
  const isSaid = (w: string) => said.words.has(w) || said.stems.has(stem(w));
  const fields: string[] = [];
  const terms = new Set<string>();
  const check = (field: string, text: string | null) => {
    const found = identifierWords(text ?? "").filter(isSaid);
    if (found.length > 0) fields.push(field);
    for (const w of found) terms.add(w);
  };
  // A name's words as its evidence reads them too: spelled by query words (`deepcopy` by "deep copy", `getresp` by "response").
  const nameWords = wordsOf(row.name);
  const spelled = nameWords.filter((w, at) => !isSaid(w) && (context.words.some((q) => spells(q, w, inflectionless(w))) || segments(w, context.words, at === 0)));
  check("name", row.qualified_name);
  if (spelled.length > 0 && !fields.includes("name")) fields.push("name");
  for (const w of spelled) terms.add(w);
  check("signature", row.signature);
  check("doc", row.doc);
  check("path", row.file_rel);
  if (namesItsFile(row)) fields.push("file_name");
  return { fields, terms: [...terms] };
}

/**
 * Not exported from its module: `_name` anywhere, `#name` in JavaScript; in Go a lowercase name, or any
 * name of a package under `internal/` (importable only by its parent's tree: recall@5 on the Go set 0.658 → 0.684).
 */
function isPrivate(row: IndexItem): boolean {
  return row.name.startsWith("_") || row.name.startsWith("#") || (row.lang === "go" && (/^[a-z]/.test(row.name) || /(^|\/)internal\//.test(row.file_rel)));
}

function demotions(row: IndexItem, askedFor: { tests: boolean; examples: boolean }, exact: boolean, local: boolean): string[] {
  const reasons: string[] = [];
  if (local) reasons.push("local");
  if (!exact && VALUE_KINDS.has(row.kind)) reasons.push("value");
  if (!askedFor.tests && isTestPath(row.file_rel)) reasons.push("test");
  if (!askedFor.examples && isExamplePath(row.file_rel)) reasons.push("example");
  if (isVendoredPath(row.file_rel)) reasons.push("vendored");
  if (!exact && isPrivate(row)) reasons.push("private");
  return reasons;
}

interface Scored {
  row: SearchRow;
  name: string | null;
  score: number;
  demoted: string[];
  uses: number;
}

/**
 * A C, C++ or Objective-C function or method, or an Objective-C class: declared in a header (an `@interface`), it
 * is defined in a source file (an `@implementation`) under the same qualified name.
 */
const declaredApart = (row: SearchRow) =>
  ((row.lang === "c" || row.lang === "cpp" || row.lang === "objc") && (row.kind === "function" || row.kind === "method")) || (row.lang === "objc" && row.kind === "class");

/**
 * The files of the candidates, each with the copy group it belongs to (`file`: the group's first file) and its
 * rank in it (lowest shown): files are copies when they are twins by path (moduleTwin) or of one name and
 * content, and copies of copies are copies (`a.py` and `b.py` of one content are two modules that code tells
 * apart). Rank: source before declarations before compiled code, then outside tests and vendored code before
 * inside, then the first by path. Files of one name and content are one library vendored twice, or one tree per
 * version: Penlight installed for Lua 5.1–5.4 filled the top 5 with one `stringx.split`.
 */
function copyGroups(files: readonly string[], contentOf: ReadonlyMap<string, string>): Map<string, { file: string; rank: number }> {
  const leader = new Map<string, string>();
  const find = (f: string): string => {
    const up = leader.get(f) ?? f;
    if (up === f) return f;
    const root = find(up);
    leader.set(f, root);
    return root;
  };
  const byKey = new Map<string, string>();
  const twins = new Map(files.map((file) => [file, moduleTwin(file)]));
  for (const file of [...files].sort()) {
    const twin = twins.get(file);
    const content = contentOf.get(file);
    for (const key of [twin && `twin\u0000${twin.key}`, content && `content\u0000${content}\u0000${file.slice(file.lastIndexOf("/") + 1)}`]) {
      if (!key) continue;
      const other = byKey.get(key);
      if (other === undefined) byKey.set(key, file);
      else {
        const [a, b] = [find(other), find(file)].sort();
        if (a !== b) leader.set(b!, a!);
      }
    }
  }
  const pathRank = (file: string) => (isTestPath(file) || isVendoredPath(file) ? 1 : 0);
  return new Map(files.map((file) => [file, { file: find(file), rank: 2 * (twins.get(file)?.rank ?? 0) + pathRank(file) }]));
}

/**
 * One hit per definition: the definitions of one name in one file (overloads) fold into the widest
 * (the implementation); copies of one module (copyGroups: its source, declarations and compiled builds,
 * files of one name and content) into the source; a C or C++ header's declaration into the one source file that defines the name (googletest's
 * `gtest.h#testing.Test.SetUp` and `gtest.cc#testing.Test.SetUp` took two of five places). The hit
 * keeps the best score of what it folds.
 */
function fold(scored: readonly Scored[], contentHashes: (files: readonly string[]) => ReadonlyMap<string, string>): { best: Scored; overloads: number; copies: string[] }[] {
  const files = [...new Set(scored.map((s) => s.row.file_rel))];
  const copies = copyGroups(files, contentHashes(files));
  const definedIn = new Map<string, Set<string>>();
  for (const { row } of scored) if (declaredApart(row) && !isCHeader(row.file_rel)) memoized(definedIn, row.qualified_name, () => new Set<string>()).add(row.file_rel);
  const home = (row: SearchRow): { file: string; rank: number } => {
    const sources = declaredApart(row) && isCHeader(row.file_rel) ? definedIn.get(row.qualified_name) : undefined;
    // Ranked as a declaration.
    if (sources?.size === 1) return { file: copies.get([...sources][0]!)!.file, rank: 2 + copies.get(row.file_rel)!.rank };
    return copies.get(row.file_rel)!;
  };
  const groups = new Map<string, { s: Scored; rank: number }[]>();
  for (const s of scored) {
    const { file, rank } = home(s.row);
    const key = `${s.row.qualified_name}\u0000${file}`;
    const member = { s, rank };
    const group = groups.get(key);
    if (group) group.push(member);
    else groups.set(key, [member]);
  }
  return [...groups.values()].map((group) => {
    if (group.length === 1) return { best: group[0]!.s, overloads: 1, copies: [] };
    const sourceRank = Math.min(...group.map((m) => m.rank));
    const sourceFile = group.filter((m) => m.rank === sourceRank).map((m) => m.s.row.file_rel).sort()[0]!;
    const here = group.filter((m) => m.s.row.file_rel === sourceFile).map((m) => m.s);
    const widest = here.reduce((a, b) => (b.row.end_line - b.row.line > a.row.end_line - a.row.line ? b : a));
    const score = Math.max(...group.map((m) => m.s.score));
    const copies = [...new Set(group.map((m) => m.s.row.file_rel))].filter((f) => f !== sourceFile).sort();
    return { best: { ...widest, score }, overloads: here.length, copies };
  });
}

/**
 * Ranked hits: BM25 from FTS5 (names, signature, doc, text, path; porter stemming; filler dropped,
 * code words in names only) combined with evidence from the item's name (exact, prefix, sub-words
 * of camelCase/snake_case), less for tests, vendored code and private names; overloads and
 * compiled copies folded into one hit.
 */
export function searchIndex(index: ContextIndex, query: string, options: SearchFilters): SearchHit[] {
  const terms: QueryTerms = queryTerms(query);
  const words = [...terms.text, ...terms.names];
  if (words.length === 0) return [];
  const stemList = [...new Set(words.map(stem))];
  // What `why` counts as a query word's occurrence: a word of the query, or a word with a text word's stem (a code
  // word only as itself: `for` is not in `fork`).
  const said = { stems: new Set(terms.text.map(stem)), words: new Set(words) };
  const inNames = new Map(words.map((w) => [w, index.matchCount(`names : "${w.replace(/"/g, '""')}"`, COMMON_NAME_WORD)]));
  const weights = new Map([...inNames].map(([w, n]) => [w, Math.max(0.1, 1 - Math.log10(1 + n) / Math.log10(COMMON_NAME_WORD))]));
  const wholeOnly = new Set([...terms.names, ...terms.abbreviations]);
  const queryWords = words.map((w) => ({ word: w, stem: stem(w), bare: inflectionless(w), code: terms.names.includes(w), wholeOnly: wholeOnly.has(w), weight: weights.get(w) ?? 1 }));
  const asked = query.trim().toLowerCase();
  const qualified = qualifiedTargets(index, query);
  const context: QueryContext = { asked, named: new Set(qualified.map((item) => item.item_id)), identifier: !/\s/.test(asked), words: queryWords, totalWeight: Math.max(1e-9, queryWords.reduce((n, q) => n + q.weight, 0)), textWeight: queryWords.reduce((n, q) => n + (q.code ? 0 : q.weight), 0) };
  const files = fileFilter(index, options);
  const keep = (item: IndexItem) => (!options.kind || item.kind === options.kind) && (!options.lang || item.lang === options.lang) && (!files || files.has(item.file_rel));
  const phrases = ftsQuery(
    terms,
    (quoted) => index.matchCount(quoted, RARE_WORD_ITEMS) < RARE_WORD_ITEMS,
    (w) => (inNames.get(w) ?? 0) < COMMON_NAME_WORD,
  );
  const take = { limit: CANDIDATES, more: NAMED_CANDIDATES, keep: (name: string) => namedByQuery(name, queryWords) };
  const rows: SearchRow[] = index.search(phrases, take, { kind: options.kind, lang: options.lang, files: files ? [...files] : undefined });
  const byId = new Map(rows.map((r) => [r.item_id, r]));
  // An identifier asked for by name is a candidate even when the text ranking would miss it.
  if (/^[\w.$]+$/.test(query.trim())) {
    for (const item of index.byName(query.trim(), 20)) {
      if (!byId.has(item.item_id) && keep(item)) byId.set(item.item_id, { ...item, bm25: rows[0]?.bm25 ?? -1 });
    }
  }
  for (const item of qualified) if (!byId.has(item.item_id) && keep(item)) byId.set(item.item_id, { ...item, bm25: rows[0]?.bm25 ?? -1 });
  // The best text match a value does not set: otherwise a constant named like a query word (`ROW`
  // for "rows") shrinks every other hit's text score.
  const best = Math.min(...[...byId.values()].filter((r) => !VALUE_KINDS.has(r.kind)).map((r) => r.bm25), -1e-9);
  const askedFor = { tests: stemList.some((s) => s.startsWith("test") || s === "spec"), examples: words.some((w) => /^(example|sample|demo|bench)/.test(w)) };
  // A function inside a function or method is a local helper: the parents' kinds, asked at once.
  const nested = (row: IndexItem) => row.parent !== null && row.kind === "function";
  const parentKinds = index.kindsOf([...byId.values()].filter(nested).map((row) => [row.file_rel, row.parent!] as const));
  const isLocal = (row: IndexItem) => {
    const kind = nested(row) ? parentKinds.get(`${row.file_rel}#${row.parent}`) : undefined;
    return kind === "function" || kind === "method";
  };
  const uses = qualifiedUses(index, [...byId.values()]);
  // The question's first word past filler and code words ("how do I compile …"), when the segment's callables start with it.
  const first = terms.text[0] ?? "";
  const verbLed = first.length >= 3 && index.callablesLedBy(first, VERB_CALLABLES) >= VERB_CALLABLES;
  const scored: Scored[] = [...byId.values()].map((row) => {
    const text = (TEXT_WEIGHT * row.bm25) / best; // TEXT_WEIGHT for the best text match, towards 0 for weaker ones
    const name = nameEvidence(row, context);
    const demoted = demotions(row, askedFor, name.label === "exact", isLocal(row));
    const penalty = demoted.reduce((n, reason) => n + DEMOTIONS[reason as keyof typeof DEMOTIONS], 0);
    const fileNamed = namesItsFile(row) ? FILE_NAMED_AFTER : 0;
    const summary = SUMMARY_WEIGHT * summaryEvidence(row, context);
    const top = row.parent === null && row.kind !== "section" && !VALUE_KINDS.has(row.kind) ? TOP_LEVEL : 0;
    const action = verbLed && CALLABLE_KINDS.has(row.kind) ? VERB_LED : 0;
    return { row, name: name.label, score: text + name.score + fileNamed + summary + top + action - penalty, demoted, uses: uses.get(row.item_id) ?? 0 };
  });
  const bestScore = Math.max(1e-9, ...scored.map((s) => s.score));
  for (const s of scored) {
    const prior = USES_WEIGHT * Math.min(1, Math.log10(1 + s.uses) / Math.log10(MOST_USES)) * (Math.max(0, s.score) / bestScore) ** 2;
    s.score = Math.round((s.score + prior) * 1000) / 1000;
  }
  const hits = fold(scored, (files) => index.contentHashes(files));
  const order = (a: (typeof hits)[number], b: (typeof hits)[number]) =>
    b.best.score - a.best.score || (a.best.row.item_id < b.best.row.item_id ? -1 : a.best.row.item_id > b.best.row.item_id ? 1 : 0);
  hits.sort(order);
  const named = new Set<string>();
  // Members already ranked, by file and parent.
  const parents = new Map<string, number>();
  const demote = (hit: (typeof hits)[number], by: number, reason: string) => {
    hit.best = { ...hit.best, score: Math.round((hit.best.score - by) * 1000) / 1000, demoted: [...hit.best.demoted, reason] };
  };
  for (const hit of hits) {
    if (named.has(hit.best.row.name)) demote(hit, REPEATED_NAME, "repeated_name");
    else named.add(hit.best.row.name);
    if (hit.best.row.parent !== null) {
      const parent = `${hit.best.row.file_rel}#${hit.best.row.parent}`;
      const before = parents.get(parent) ?? 0;
      if (before >= SIBLINGS_SHOWN) demote(hit, SIBLING * (before - SIBLINGS_SHOWN + 1), "sibling");
      parents.set(parent, before + 1);
    }
  }
  hits.sort(order);
  // Why a hit matched is worked out for the hits returned only.
  return hits.slice(0, options.limit).map(({ best: { row, name, score, demoted, uses }, overloads, copies }) => {
    const { fields, terms: matched } = matchedFields(row, said, context);
    return {
      id: row.item_id,
      kind: row.kind,
      name: row.name,
      file_rel: row.file_rel,
      lang: row.lang,
      line: row.line,
      end_line: row.end_line,
      signature: row.signature,
      score,
      ...(overloads > 1 ? { overloads } : {}),
      ...(copies.length > 0 ? { copies } : {}),
      why: { terms: matched, fields, name, demoted, ...(uses > 0 ? { uses } : {}) },
    };
  });
}

/** Each candidate's qualified uses in the segment (src/ctx/uses.ts), by item id; absent when none. */
function qualifiedUses(index: ContextIndex, rows: readonly IndexItem[]): Map<string, number> {
  const asked = rows.map((row) => [row.name, definitionQualifier(row)] as const);
  const counts = index.useCounts(asked);
  const uses = new Map<string, number>();
  rows.forEach((row, i) => {
    const n = counts.get(useKey(...asked[i]!));
    if (n !== undefined) uses.set(row.item_id, n);
  });
  return uses;
}

/** The files `--path` and `--no-tests` let through, or null when neither is given. */
function fileFilter(index: ContextIndex, options: SearchFilters): Set<string> | null {
  const paths = options.paths ?? [];
  if (paths.length === 0 && options.tests !== false) return null;
  const passes = pathFilter(paths);
  return new Set(index.fileList().filter((f) => passes(f) && (options.tests !== false || !isTestPath(f))));
}
