/** Words for the full-text index and for queries: identifiers split, stop words dropped. */

const STOP_WORDS = new Set(
  "a an and are as at be by for from how i in into is it its of on or that the this to was what when where which with without like given all any some each using use get".split(" "),
);

/** `parseArgs`, `parse_args`, `HTTPServer`, `get2D` → their words, lowercased. */
export function identifierWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.toLowerCase());
}

/** The text indexed for a name: its words, and the whole name when it has several. */
export function nameTerms(qualifiedName: string): string {
  const parts = qualifiedName.split(".");
  const words = parts.flatMap(identifierWords);
  const wholes = parts.filter((p) => identifierWords(p).length > 1).map((p) => p.toLowerCase().replace(/[^a-z0-9]/g, ""));
  return [...words, ...wholes].join(" ");
}

/** Query words worth searching for (stop words out, identifiers split), in order, without repeats. */
export function queryWords(query: string): string[] {
  const words = query.split(/\s+/).flatMap((token) => [...identifierWords(token), ...(identifierWords(token).length > 1 ? [token.toLowerCase().replace(/[^a-z0-9]/g, "")] : [])]);
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  return [...new Set(kept.length > 0 ? kept : words)];
}

/**
 * An FTS5 MATCH expression: any of the words, each quoted so no word is read as syntax. Rare words
 * of three letters or more also match as prefixes (`tar` finds `tarfile`, `heap` finds `heapq`);
 * common words do not, where prefixes only add weak candidates to rank.
 */
export function ftsQuery(words: readonly string[], isRare: (quotedWord: string) => boolean): string {
  return words
    .map((w) => {
      const quoted = `"${w.replace(/"/g, '""')}"`;
      return w.length >= 3 && isRare(quoted) ? `${quoted}*` : quoted;
    })
    .join(" OR ");
}

/** A crude English stem, for comparing query words with name words the way FTS5's porter does. */
export function stem(word: string): string {
  return word.replace(/(ing|ed|es|s|er|ly)$/, "").slice(0, Math.max(3, word.length - 3)) || word;
}
