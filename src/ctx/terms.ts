/** Words for the full-text index and for queries: identifiers split, filler dropped, code words kept. */
import { memoized } from "../core/maps.ts";

/** Filler: words of a question that no identifier is made of ("I need to …" included). Dropped from queries. */
const FILLER_WORDS = new Set(
  "a an the and or are be been was were i me my we our you your it its this that these those there their what when where which who how why like given than then so do does can could should would will please need want".split(" "),
);

/** A request's verb at a question's start ("find the function that …", "show me the method …"). */
const ASKING_WORDS = new Set("find show locate search list".split(" "));
/** What code is ("the function that …", "the code to …"): a question's grammar between filler. */
const CODE_NOUNS = new Set("function functions method methods class classes code".split(" "));

/**
 * Code words: short words a question fills its prose with but that names are made of (`getValue`,
 * `replace_all`, rxjs `from`, `forEach`, `toString`, `isEmpty`). Kept, but matched against names only:
 * in docs and bodies they are everywhere and rank nothing.
 */
const CODE_WORDS = new Set("get set all any each every from with without into to of is as in on at by for use using some has not no new one".split(" "));

/**
 * The code-aware vocabulary: a word of a question also searches for the abbreviations code spells it
 * with (`integer` → `int`, `directory` → `dir`). General English-to-code spelling, not synonyms of
 * concepts; README (ctx search) lists it.
 */
export const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  address: ["addr"],
  allocate: ["alloc"],
  application: ["app"],
  argument: ["arg"],
  arguments: ["args"],
  asynchronous: ["async"],
  attribute: ["attr"],
  authentication: ["auth"],
  boolean: ["bool"],
  buffer: ["buf"],
  certificate: ["cert"],
  character: ["char"],
  command: ["cmd"],
  configuration: ["config", "conf"],
  connection: ["conn"],
  context: ["ctx"],
  database: ["db"],
  decrement: ["dec"],
  destination: ["dst", "dest"],
  directory: ["dir"],
  document: ["doc"],
  environment: ["env"],
  error: ["err"],
  execute: ["exec"],
  expression: ["expr"],
  function: ["func", "fn"],
  increment: ["inc"],
  index: ["idx"],
  information: ["info"],
  initialize: ["init"],
  integer: ["int"],
  iterator: ["iter"],
  length: ["len"],
  library: ["lib"],
  maximum: ["max"],
  message: ["msg"],
  minimum: ["min"],
  number: ["num"],
  object: ["obj"],
  package: ["pkg"],
  parameter: ["param"],
  password: ["passwd"],
  pointer: ["ptr"],
  position: ["pos"],
  previous: ["prev"],
  random: ["rand"],
  reference: ["ref"],
  regular: ["regexp", "regex"],
  request: ["req"],
  response: ["resp"],
  sequence: ["seq"],
  source: ["src"],
  specification: ["spec"],
  statistics: ["stats"],
  string: ["str"],
  synchronous: ["sync"],
  temporary: ["temp", "tmp"],
  utility: ["util"],
  value: ["val"],
  variable: ["var"],
};

/** `parseArgs`, `parse_args`, `HTTPServer`, `get2D` → their words, lowercased. */
export function identifierWords(identifier: string): string[] {
  // One pass over the characters (three regular expressions took twice as long, and a build names
  // every definition: ~26,000 in the standard library). A word ends at a character that is not an
  // ASCII letter or digit, before a capital after a small letter or digit, and before the last
  // capital of a run that a small letter follows (`HTTPServer` → http, server).
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= identifier.length; i++) {
    const c = i < identifier.length ? identifier.charCodeAt(i) : 0;
    const upper = c >= 65 && c <= 90;
    const lowerOrDigit = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (!upper && !lowerOrDigit) {
      if (start >= 0) words.push(identifier.slice(start, i).toLowerCase());
      start = -1;
      continue;
    }
    if (start >= 0 && upper) {
      const before = identifier.charCodeAt(i - 1);
      const afterIsSmall = i + 1 < identifier.length && isSmall(identifier.charCodeAt(i + 1));
      if (isSmall(before) || (before >= 48 && before <= 57) || (before >= 65 && before <= 90 && afterIsSmall)) {
        words.push(identifier.slice(start, i).toLowerCase());
        start = i;
      }
    }
    if (start < 0) start = i;
  }
  return words;
}

const isSmall = (c: number) => c >= 97 && c <= 122;

/** A part of a qualified name as indexed: its words, joined, and itself as one word when it has several ("" otherwise). */
export interface PartTerms {
  readonly words: string;
  readonly whole: string;
}

function partTerms(part: string): PartTerms {
  const words = identifierWords(part);
  return { words: words.join(" "), whole: words.length > 1 ? part.toLowerCase().replace(/[^a-z0-9]/g, "") : "" };
}

/**
 * The text indexed for a name: its words, and the whole name when it has several. `known` holds the
 * parts already split: a file's members repeat their type's name (the standard library's build split
 * each part anew: 39 of fileRows' 85 ms).
 */
export function nameTerms(qualifiedName: string, known: Map<string, PartTerms> = new Map()): string {
  const parts = qualifiedName.split(".").map((part) => memoized(known, part, () => partTerms(part)));
  return [...parts.map((p) => p.words), ...parts.map((p) => p.whole)].filter((w) => w !== "").join(" ");
}

/**
 * A query's words: `text` searched everywhere, `names` (code words) searched in names only;
 * `abbreviations` (in `text` too) were added from the vocabulary.
 */
export interface QueryTerms {
  text: string[];
  names: string[];
  abbreviations: string[];
}

/**
 * The words a question asks with, its grammar out: filler; a code word right after filler ("how to …",
 * "where is …", "I need to …"), not a name's (`toArray`, `isEmpty`); what code is, after filler and before
 * filler or `to` ("the function that …", "the code to …"); and a request's verb before that ("find the
 * function that …", "show me the method …"). "find the first match" keeps its `find`, "load a class by name"
 * its `class`.
 */
function questionWords(words: readonly string[]): string[] {
  const grammar = words.map((w) => FILLER_WORDS.has(w));
  // After filler itself only: "how to get all items" keeps `get` and `all`.
  for (let i = 1; i < words.length; i++) if (CODE_WORDS.has(words[i]!) && FILLER_WORDS.has(words[i - 1]!)) grammar[i] = true;
  for (let i = 1; i < words.length; i++) {
    if (CODE_NOUNS.has(words[i]!) && grammar[i - 1] && (i + 1 === words.length || FILLER_WORDS.has(words[i + 1]!) || words[i + 1] === "to")) {
      grammar[i] = true;
      // The `to` after it is grammar too ("the code to …").
      if (words[i + 1] === "to") grammar[i + 1] = true;
      // So is a request's verb before it, past filler ("find the function …").
      let at = i - 1;
      while (at > 0 && FILLER_WORDS.has(words[at]!)) at--;
      if (at === 0 && ASKING_WORDS.has(words[0]!)) grammar[0] = true;
    }
  }
  return words.filter((_, i) => !grammar[i]);
}

/** Query words worth searching for (filler out, identifiers split, abbreviations added), in order, without repeats. */
export function queryTerms(query: string): QueryTerms {
  const words = query.split(/\s+/).flatMap((token) => {
    // A word of letters beyond ASCII's (`ünïcödé`, `日本語`) is one word, as the full-text index reads it (its accents
    // folded there): split at each such letter, it asked for single letters (`d`) and found junk.
    if (/[^\x00-\x7f]/.test(token)) {
      const word = token.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      return word === "" ? [] : [word];
    }
    const parts = identifierWords(token);
    return parts.length > 1 ? [...parts, token.toLowerCase().replace(/[^a-z0-9]/g, "")] : parts;
  });
  const kept = questionWords(words);
  // A question of filler only ("the a of") is asked as it is, rather than not at all.
  const asked = kept.length > 0 ? kept : words;
  const text = new Set<string>();
  const names = new Set<string>();
  const abbreviations = new Set<string>();
  for (const w of asked) {
    if (CODE_WORDS.has(w) && kept.length > 0) names.add(w);
    else text.add(w);
  }
  for (const w of [...text]) {
    for (const short of ABBREVIATIONS[w] ?? []) {
      if (!text.has(short)) abbreviations.add(short);
      text.add(short);
    }
  }
  // Only code words ("get all"): then they are the question, searched everywhere.
  if (text.size === 0) return { text: [...names], names: [], abbreviations: [] };
  return { text: [...text], names: [...names].filter((w) => !text.has(w)), abbreviations: [...abbreviations] };
}

/**
 * The phrases of an FTS5 MATCH expression (any of them matches): the words, each quoted so no word is read as syntax. Code words
 * are searched in the names column only, and only when `inNames` says so (the caller:
 * when fewer than 300 names hold them; more only add weak candidates, at ~2 µs each). Rare
 * words of three letters or more also match as prefixes (`tar` finds `tarfile`, `heap` finds
 * `heapq`); common words do not, where prefixes only add weak candidates to rank.
 */
export function ftsQuery(terms: QueryTerms, isRare: (quotedWord: string) => boolean, inNames: (word: string) => boolean = () => true): string[] {
  const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;
  return [
    ...terms.text.map((w) => {
      const quoted = quote(w);
      return w.length >= 3 && isRare(quoted) ? `${quoted}*` : quoted;
    }),
    ...terms.names.filter(inNames).map((w) => `names : ${quote(w)}`),
  ];
}

/** An English word without its inflection (`parsing`, `parses` → `pars`), to compare whole words. */
export function inflectionless(word: string): string {
  return word.length > 4 ? word.replace(/(ing|ed|es|s|er|e)$/, "") : word;
}

/** A crude English stem, for comparing query words with name words the way FTS5's porter does. */
export function stem(word: string): string {
  return word.replace(/(ing|ed|es|s|er|ly)$/, "").slice(0, Math.max(3, word.length - 3)) || word;
}
