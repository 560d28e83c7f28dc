import type { ContextIndex, IndexItem, SearchRow } from "./index-store.ts";
import { ftsQuery, identifierWords, queryWords, stem } from "./terms.ts";

export interface SearchHit {
  id: string;
  kind: string;
  name: string;
  file_rel: string;
  line: number;
  end_line: number;
  signature: string;
  score: number;
  why: { terms: string[]; fields: string[]; name: string | null };
}

const CANDIDATES = 100;
/**
 * Constants, variables, fields and exports are rarely what a question is after unless asked for by
 * name (`StatusOK`): without this, `tix.py#ROW` and `pickle.py#FLOAT` outranked csv.DictReader and
 * decimal.Decimal. Relevance set: MRR 0.745 before the value kinds were indexed, 0.722 with them,
 * 0.732 with this (0.5: 0.728, 2: 0.732); recall@5 0.850 throughout.
 */
const VALUE_KINDS = new Set(["constant", "variable", "field", "enum_member", "export"]);
const VALUE_DEMOTION = 1;
/**
 * Below this many matching items a word is rare and also searched as a prefix. Measured on the
 * relevance set: recall@5 0.850 and MRR 0.751 (every word a prefix: 0.850, 0.747), with the
 * stdlib query "parse command line arguments" ranking 2,789 matches instead of 3,566.
 */
const RARE_WORD_ITEMS = 30;

/**
 * How well the item's own name answers the query: exact, prefix, or how much of the name the
 * query's words spell out (`copytree` and `copy_tree` both from "copy … tree").
 */
function nameEvidence(item: IndexItem, query: string, stems: readonly string[]): { label: string | null; score: number } {
  const asked = query.trim().toLowerCase();
  if (item.name.toLowerCase() === asked || item.qualified_name.toLowerCase() === asked) return { label: "exact", score: 3 };
  if (!/\s/.test(asked) && asked.length >= 3 && item.name.toLowerCase().startsWith(asked)) return { label: "prefix", score: 1.5 };
  const compact = item.name.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (compact === "") return { label: null, score: 0 };
  const found = stems.filter((s) => s.length >= 2 && compact.includes(s));
  if (found.length === 0) return { label: null, score: 0 };
  const covered = Math.min(1, found.reduce((n, s) => n + s.length, 0) / compact.length);
  return { label: covered >= 0.99 ? "all_subwords" : "subword", score: 1.5 * covered + (found.length >= 2 ? 0.3 : 0) };
}

function matchedFields(row: IndexItem, stems: Set<string>): { fields: string[]; terms: string[] } {
  const fields: string[] = [];
  const terms = new Set<string>();
  const check = (field: string, text: string | null) => {
    const found = identifierWords(text ?? "").filter((w) => stems.has(stem(w)));
    if (found.length > 0) fields.push(field);
    for (const w of found) terms.add(w);
  };
  check("name", row.qualified_name);
  check("signature", row.signature);
  check("doc", row.doc);
  check("path", row.file_rel);
  return { fields, terms: [...terms] };
}

/**
 * Ranked hits: BM25 from FTS5 (names, signature, doc, text, path; porter stemming, stop words
 * dropped) combined with evidence from the item's name (exact, prefix, sub-words of
 * camelCase/snake_case).
 */
export function searchIndex(index: ContextIndex, query: string, options: { limit: number; kind?: string; lang?: string }): SearchHit[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const stemList = [...new Set(words.map(stem))];
  const stems = new Set(stemList);
  const rows: SearchRow[] = index.search(ftsQuery(words, (quoted) => index.matchCount(quoted, RARE_WORD_ITEMS) < RARE_WORD_ITEMS), CANDIDATES, options);
  const byId = new Map(rows.map((r) => [r.item_id, r]));
  // An identifier asked for by name is a candidate even when the text ranking would miss it.
  if (/^[\w.$]+$/.test(query.trim())) {
    for (const item of index.byName(query.trim(), 20)) {
      if (!byId.has(item.item_id) && (!options.kind || item.kind === options.kind) && (!options.lang || item.lang === options.lang)) {
        byId.set(item.item_id, { ...item, bm25: rows[0]?.bm25 ?? -1 });
      }
    }
  }
  // The best text match a demoted value does not set: otherwise a constant named like a query word
  // (`ROW` for "rows") shrinks every other hit's text score.
  const best = Math.min(...[...byId.values()].filter((r) => !VALUE_KINDS.has(r.kind)).map((r) => r.bm25), -1e-9);
  const scored = [...byId.values()].map((row) => {
    const text = row.bm25 / best; // 1 for the best text match, towards 0 for weaker ones
    const name = nameEvidence(row, query, stemList);
    // Private and dunder names are rarely what a question is after.
    const privacy = row.name.startsWith("_") && !name.label?.startsWith("exact") ? -0.3 : 0;
    const value = VALUE_KINDS.has(row.kind) && name.label !== "exact" ? -VALUE_DEMOTION : 0;
    return { row, name: name.label, score: Math.round((text + name.score + privacy + value) * 1000) / 1000 };
  });
  scored.sort((a, b) => b.score - a.score || (a.row.item_id < b.row.item_id ? -1 : a.row.item_id > b.row.item_id ? 1 : 0));
  // Why a hit matched is worked out for the hits returned only.
  return scored.slice(0, options.limit).map(({ row, name, score }) => {
    const { fields, terms } = matchedFields(row, stems);
    return { id: row.item_id, kind: row.kind, name: row.name, file_rel: row.file_rel, line: row.line, end_line: row.end_line, signature: row.signature, score, why: { terms, fields, name } };
  });
}
