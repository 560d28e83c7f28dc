import { describe, expect, test } from "bun:test";
import type { ContextIndex, IndexItem, SearchRow } from "../../../src/ctx/index-store.ts";
import { searchIndex } from "../../../src/ctx/search.ts";

const item = (name: string, extra: Partial<IndexItem> = {}): IndexItem => ({
  item_id: `m.py#${name}`,
  file_rel: "m.py",
  lang: "python",
  kind: "function",
  name,
  qualified_name: name,
  line: 1,
  end_line: 2,
  signature: `def ${name}()`,
  doc: null,
  parent: null,
  ...extra,
});

/** A stand-in for the database: fixed full-text rows, fixed by-name items, and a record of the questions. */
function fakeIndex(rows: SearchRow[], named: IndexItem[] = [], counts: Record<string, number> = {}) {
  const asked: { match: string[]; byName: string[] } = { match: [], byName: [] };
  const index = {
    search: (match: string) => {
      asked.match.push(match);
      return rows;
    },
    matchCount: (quoted: string, upTo: number) => Math.min(upTo, counts[quoted] ?? 0),
    byName: (name: string) => {
      asked.byName.push(name);
      return named;
    },
  } as unknown as ContextIndex;
  return { index, asked };
}

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe("searchIndex", () => {
  test("a query of nothing searches nothing", () => {
    const { index, asked } = fakeIndex([{ ...item("x"), bm25: -1 }]);
    expect(searchIndex(index, "   ", { limit: 5 })).toEqual([]);
    expect(asked.match).toEqual([]);
  });

  test("the MATCH: every query word quoted; rare words as prefixes", () => {
    const { index, asked } = fakeIndex([], [], { '"tar"': 500 });
    searchIndex(index, "tar heap", { limit: 5 });
    expect(asked.match).toEqual(['"tar" OR "heap"*']);
  });

  test("an exact name outranks a better text match", () => {
    const { index } = fakeIndex([
      { ...item("tokenize_all"), bm25: -10 },
      { ...item("tokenize"), bm25: -4 },
    ]);
    const hits = searchIndex(index, "tokenize", { limit: 5 });
    expect(ids(hits)).toEqual(["m.py#tokenize", "m.py#tokenize_all"]);
    expect(hits[0]!.why.name).toBe("exact");
    expect(hits[1]!.why.name).toBe("prefix");
    expect(hits[0]!.score).toBe(3.4);
    expect(hits[1]!.score).toBe(2.5);
  });

  test("sub-words of the name: coverage is measured with stems, so 'copy tree' covers 6 of 'copytree''s 8 letters", () => {
    const { index } = fakeIndex([{ ...item("copytree", { doc: "Copy a directory tree." }), bm25: -2 }]);
    const [hit] = searchIndex(index, "copy tree", { limit: 5 });
    expect(hit!.why.name).toBe("subword");
    expect(hit!.score).toBe(2.425);
    // The identifier's compacted whole adds its own stem: coverage reaches 1.
    expect(searchIndex(index, "copy_tree", { limit: 5 })[0]!.why.name).toBe("all_subwords");
  });

  test("the fields and terms that matched, word by word (a compacted name is one word)", () => {
    const doc = "Copy a directory tree.";
    const { index } = fakeIndex([
      { ...item("copy_tree", { doc }), bm25: -2 },
      { ...item("copytree", { doc, signature: "def copytree(src)" }), bm25: -2 },
    ]);
    const [snake, compact] = searchIndex(index, "copy tree", { limit: 5 });
    expect(snake!.why.fields).toEqual(["name", "signature", "doc"]);
    expect(snake!.why.terms).toEqual(["copy", "tree"]);
    expect(compact!.why.fields).toEqual(["doc"]);
  });

  test("private names are pushed down unless asked for exactly", () => {
    const { index } = fakeIndex([
      { ...item("_helper"), bm25: -5 },
      { ...item("helper"), bm25: -5 },
    ]);
    expect(ids(searchIndex(index, "help", { limit: 5 }))).toEqual(["m.py#helper", "m.py#_helper"]);
    expect(searchIndex(index, "_helper", { limit: 5 })[0]!.id).toBe("m.py#_helper");
  });

  test("equal scores: by id; the limit applies after ranking", () => {
    const { index } = fakeIndex([
      { ...item("zeta", { item_id: "b#zeta" }), bm25: -1 },
      { ...item("zeta", { item_id: "a#zeta" }), bm25: -1 },
    ]);
    expect(ids(searchIndex(index, "unrelated words", { limit: 1 }))).toEqual(["a#zeta"]);
  });

  test("an identifier query also looks names up, filtered by kind and lang", () => {
    const named = [item("Widget", { kind: "class" }), item("widget_fn"), item("WidgetJs", { lang: "javascript" })];
    const { index, asked } = fakeIndex([], named);
    const hits = searchIndex(index, "Widget", { limit: 5, kind: "class", lang: "python" });
    expect(asked.byName).toEqual(["Widget"]);
    expect(ids(hits)).toEqual(["m.py#Widget"]);
  });

  test("a query with spaces is not looked up by name", () => {
    const { index, asked } = fakeIndex([], [item("x")]);
    searchIndex(index, "two words", { limit: 5 });
    expect(asked.byName).toEqual([]);
  });
});
