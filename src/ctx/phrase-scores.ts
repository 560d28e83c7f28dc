/**
 * What a long-lived process (the MCP server) keeps of one index generation to rank searches without
 * FTS5 scoring every matching row on every call: each phrase's bm25 by row, match counts, uses of names
 * and the item rows searches returned.
 *
 * FTS5's bm25 of `p1 OR p2 OR …` is, for each row, `-(0 + s1 + s2 + …)` where `si` is phrase i's
 * share: its IDF (rows holding it, against all rows) times its weighted frequency in the row over the
 * row's length. A share depends on the phrase and the row only, so it is what a query of that phrase
 * alone scores the row (negated): the sum of the phrases' cached scores, in the query's order, is the
 * OR query's bm25 to the bit. On the standard library "parse command line arguments" scores 3,810 rows:
 * 2.5 ms in FTS5 per search, ~0.2 ms from the cache once its six phrases are in it.
 */

/** The scores kept at most (rows × phrases, 16 bytes each): ~16 MB; the least recently used phrases go first. */
const MAX_SCORED_ROWS = 1_000_000;
/** Rows summed in an array by rowid below this (8 bytes each: 32 MB at most), in a map above it. */
const DENSE_ROWIDS = 1 << 22;
/** Item rows kept at most. */
const MAX_ROWS = 20_000;
/** Match counts kept at most (a few words per search). */
const MAX_COUNTS = 20_000;
/** Uses of names kept at most (a search asks for ~300). */
const MAX_USES = 100_000;

/** One phrase's bm25 for each row it matches. */
interface PhraseRows {
  rowids: Float64Array;
  scores: Float64Array;
}

export interface RankedRow {
  rowid: number;
  bm25: number;
}

export class PhraseScores<Row = unknown> {
  private connection: object | null = null;
  private generation = "";
  private readonly phrases = new Map<string, PhraseRows>();
  private scoredRows = 0;
  private readonly counts = new Map<string, number>();
  private readonly uses = new Map<string, number>();
  /** The rows ranked searches returned, by rowid: a search's 100 candidates cost 0.25 ms to read again. */
  private readonly rows = new Map<number, Row>();
  /** Each row's sum while a search is ranked, by rowid (zero again after it): 4x faster than merging the phrases' lists. */
  private sums = new Float64Array(1024);

  /** Forgets everything unless the connection and its index's generation (its count of writes) are the ones kept. */
  at(connection: object, generation: string): this {
    if (connection !== this.connection || generation !== this.generation) {
      this.connection = connection;
      this.generation = generation;
      this.phrases.clear();
      this.counts.clear();
      this.uses.clear();
      this.rows.clear();
      this.scoredRows = 0;
    }
    return this;
  }

  count(key: string, compute: () => number): number {
    const kept = this.counts.get(key);
    if (kept !== undefined) return kept;
    const n = compute();
    if (this.counts.size >= MAX_COUNTS) this.counts.clear();
    this.counts.set(key, n);
    return n;
  }

  /** The counts of `keys` (uses of names: src/ctx/uses.ts), the ones not kept computed at once by `compute`, which leaves out zeros. */
  useCounts(keys: readonly string[], compute: (missing: readonly string[]) => Map<string, number>): Map<string, number> {
    const missing = keys.filter((k) => !this.uses.has(k));
    const found = missing.length > 0 ? compute(missing) : new Map<string, number>();
    if (this.uses.size + missing.length > MAX_USES) this.uses.clear();
    for (const k of missing) this.uses.set(k, found.get(k) ?? 0);
    const out = new Map<string, number>();
    for (const k of keys) {
      const n = found.get(k) ?? this.uses.get(k) ?? 0;
      if (n > 0) out.set(k, n);
    }
    return out;
  }

  /**
   * The `limit` best rows of the OR of `phrases` by bm25 (lower is better), ties by rowid, as FTS5
   * ranks `ORDER BY bm25, rowid`; `score(phrase)` gives one phrase's rows when they are not kept.
   */
  rank(phrases: readonly string[], limit: number, score: (phrase: string) => RankedRow[]): RankedRow[] {
    // Phrase by phrase, in the query's order, so each row's shares are added in the order FTS5 adds them.
    // A row's sum is 0 until its first share (shares are > 0); rows past DENSE_ROWIDS are summed in a map.
    const touched: number[] = [];
    const spilled = new Map<number, number>();
    for (const phrase of phrases) {
      const { rowids, scores } = this.phraseRows(phrase, score);
      for (let i = 0; i < rowids.length; i++) {
        const rowid = rowids[i]!;
        // Subtracting a row's (negative) bm25 adds its share: FTS5 sums the shares, then negates.
        if (rowid >= DENSE_ROWIDS) spilled.set(rowid, (spilled.get(rowid) ?? 0) - scores[i]!);
        else {
          if (rowid >= this.sums.length) this.grow(rowid);
          if (this.sums[rowid] === 0) touched.push(rowid);
          this.sums[rowid]! -= scores[i]!;
        }
      }
    }
    const rowids = [...touched, ...spilled.keys()];
    const bm25 = new Float64Array(rowids.length);
    for (let i = 0; i < touched.length; i++) {
      bm25[i] = -this.sums[touched[i]!]!;
      this.sums[touched[i]!] = 0;
    }
    let at = touched.length;
    for (const sum of spilled.values()) bm25[at++] = -sum;
    // The best `limit`: those at least as good as the limit-th best score, then sorted.
    const cut = bm25.length === 0 ? Number.NEGATIVE_INFINITY : nthSmallest(bm25.slice(), Math.min(limit, bm25.length) - 1);
    const best: RankedRow[] = [];
    for (let i = 0; i < bm25.length; i++) if (bm25[i]! <= cut) best.push({ rowid: rowids[i]!, bm25: bm25[i]! });
    best.sort((a, b) => a.bm25 - b.bm25 || a.rowid - b.rowid);
    return best.slice(0, limit);
  }

  /** The rows of `rowids` (those there are), read with `read` when not kept. */
  rowsOf(rowids: readonly number[], read: (missing: number[]) => Map<number, Row>): Map<number, Row> {
    const missing = rowids.filter((r) => !this.rows.has(r));
    if (missing.length > 0) {
      if (this.rows.size + missing.length > MAX_ROWS) this.rows.clear();
      for (const [rowid, row] of read(missing)) this.rows.set(rowid, row);
    }
    const found = new Map<number, Row>();
    for (const r of rowids) {
      const row = this.rows.get(r);
      if (row !== undefined) found.set(r, row);
    }
    return found;
  }

  private grow(rowid: number): void {
    const grown = new Float64Array(Math.min(DENSE_ROWIDS, Math.max(rowid + 1, this.sums.length * 2)));
    grown.set(this.sums);
    this.sums = grown;
  }

  private phraseRows(phrase: string, score: (phrase: string) => RankedRow[]): PhraseRows {
    const kept = this.phrases.get(phrase);
    if (kept) {
      // Most recently used last: eviction takes from the front.
      this.phrases.delete(phrase);
      this.phrases.set(phrase, kept);
      return kept;
    }
    const rows = score(phrase);
    const found: PhraseRows = { rowids: Float64Array.from(rows, (r) => r.rowid), scores: Float64Array.from(rows, (r) => r.bm25) };
    for (const [oldest, old] of this.phrases) {
      if (this.scoredRows + rows.length <= MAX_SCORED_ROWS) break;
      this.phrases.delete(oldest);
      this.scoredRows -= old.rowids.length;
    }
    if (rows.length <= MAX_SCORED_ROWS) {
      this.phrases.set(phrase, found);
      this.scoredRows += rows.length;
    }
    return found;
  }
}

/** The k-th smallest of `values` (0-based), moving them about (quickselect: linear, where sorting all took 10% of a warm search). */
function nthSmallest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k]!;
  }
  return values[k]!;
}
