import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSettings } from "../../../src/core/settings.ts";
import { fileRows, type FileUpdate } from "../../../src/ctx/rows.ts";
import { openIndex } from "../../../src/ctx/open.ts";
import { PhraseScores } from "../../../src/ctx/phrase-scores.ts";
import { useKey } from "../../../src/ctx/uses.ts";

const WORDS = "parse command line arguments args cmd read file open socket encode value json tree copy walk".split(" ");

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Files of functions whose names, signatures and docs are drawn from WORDS (repeats included, so frequencies vary). */
function updates(files: number, seed: number): FileUpdate[] {
  const next = random(seed);
  const pick = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  return Array.from({ length: files }, (_, f) => {
    const symbols = Array.from({ length: 8 }, (_, i) => {
      const name = pick(1 + Math.floor(next() * 3)).join("_");
      return { kind: "function", name, qualified_name: name, line: i * 3 + 1, end_line: i * 3 + 2, signature: `def ${name}(${pick(2).join(", ")})`, decorators: [], async: false, doc: pick(Math.floor(next() * 6)).join(" ") || null, parent: null };
    });
    const source = symbols.map((s) => `${s.signature}:\n    return ${pick(3).join(" + ")}\n`).join("");
    return { file: { file_rel: `pkg${f % 5}/m${f}.py`, kind: "python", content_hash: String(f), size: source.length, mtime_ms: 1, parse_status: "ok" }, symbols, source, replaces: false };
  });
}

/** Opens connections to one index in a new folder, removed after the file's tests. */
function scratchIndex(prefix: string) {
  const root = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  return () => {
    const opened = openIndex(root, { settings: readSettings().cache });
    if (!opened.ok) throw new Error(`cannot open the index: ${opened.reason}`);
    return opened;
  };
}

describe("kept phrase scores rank as FTS5 does", () => {
  const open = scratchIndex("trifecta-phrase-scores-");
  const plain = open();
  const kept = open();
  kept.index.keepScores();
  plain.index.write(updates(60, 7).map(fileRows), []);
  const queries = [
    ['"parse"', '"command"', '"line"', '"arguments"', '"cmd"', '"args"'],
    ['"encode"', '"value"', '"json"'],
    ['"cop"*', '"tree"', 'names : "walk"'],
    ['"value"'],
    ['"nothing"', '"read"'],
    ['"nothing"'],
  ];

  test("the same rows in the same order with the same bm25, for plain, prefix and names-only phrases", () => {
    for (const phrases of queries) {
      for (const limit of [1, 5, 100]) {
        const expected = plain.index.search(phrases, { limit }, {});
        expect(kept.index.search(phrases, { limit }, {})).toEqual(expected);
        // Asked again: from what was kept.
        expect(kept.index.search(phrases, { limit }, {})).toEqual(expected);
      }
    }
    expect(plain.index.search(queries[0]!, { limit: 100 }, {}).length).toBeGreaterThan(50);
  });

  test("a write (here, another connection's) makes the kept scores those of the new rows", () => {
    const before = kept.index.search(queries[1]!, { limit: 100 }, {});
    expect(kept.index.matchCount('"json"', 1000)).toBe(plain.index.matchCount('"json"', 1000));
    plain.index.write(updates(30, 11).map((u) => fileRows({ ...u, file: { ...u.file, file_rel: `new/${u.file.file_rel}` } })), []);
    const after = plain.index.search(queries[1]!, { limit: 100 }, {});
    expect(after).not.toEqual(before);
    expect(kept.index.search(queries[1]!, { limit: 100 }, {})).toEqual(after);
    expect(kept.index.matchCount('"json"', 1000)).toBe(plain.index.matchCount('"json"', 1000));
  });

  test("past the best `limit`, only the rows whose name is kept; the same from kept scores", () => {
    const take = { limit: 5, more: 40, keep: (name: string) => name.includes("json") };
    const rows = plain.index.search(queries[0]!, take, {});
    const all = plain.index.search(queries[0]!, { limit: 45 }, {});
    expect(rows.slice(0, 5)).toEqual(all.slice(0, 5));
    expect(rows.slice(5)).toEqual(all.slice(5).filter((r) => r.name.includes("json")));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(45);
    expect(kept.index.search(queries[0]!, take, {})).toEqual(rows);
  });

  test("filtered searches are FTS5's own", () => {
    const filters = { lang: "python", files: ["pkg1/m1.py", "pkg2/m2.py"] };
    expect(kept.index.search(queries[0]!, { limit: 10 }, filters)).toEqual(plain.index.search(queries[0]!, { limit: 10 }, filters));
  });
});

describe("kept uses of names", () => {
  const open = scratchIndex("trifecta-kept-uses-");
  const caller = (fileRel: string, calls: number): FileUpdate => ({
    file: { file_rel: fileRel, kind: "go", content_hash: fileRel, size: 1, mtime_ms: 1, parse_status: "ok" },
    symbols: [],
    references: [
      { kind: "import", name: "*", line: 1, col: 1, from: null, module: "os" },
      ...Array.from({ length: calls }, (_, i) => ({ kind: "call" as const, name: "ReadFile", line: i + 2, col: 1, from: null, receiver: "os" })),
    ],
    source: "",
    replaces: false,
  });

  test("the same counts as the database's, before and after another connection's write; pairs no file uses are absent", () => {
    const plain = open();
    const kept = open();
    kept.index.keepScores();
    plain.index.write([caller("a.go", 2), caller("b.go", 3)].map(fileRows), []);
    const pairs = [["ReadFile", "os"], ["ReadFile", "fs"]] as const;
    expect([...plain.index.useCounts(pairs)]).toEqual([[useKey("ReadFile", "os"), 5]]);
    expect(kept.index.useCounts(pairs)).toEqual(plain.index.useCounts(pairs));
    expect(kept.index.useCounts(pairs)).toEqual(plain.index.useCounts(pairs));
    plain.index.write([fileRows(caller("c.go", 4))], []);
    expect(kept.index.useCounts(pairs).get(useKey("ReadFile", "os"))).toBe(9);
  });
});

describe("PhraseScores", () => {
  test("sums each row's scores in the phrases' order; ties by rowid; the best `limit`", () => {
    const rows: Record<string, { rowid: number; bm25: number }[]> = {
      a: [{ rowid: 1, bm25: -1 }, { rowid: 3, bm25: -2 }],
      b: [{ rowid: 2, bm25: -3 }, { rowid: 3, bm25: -0.5 }],
    };
    const scores = new PhraseScores().at({}, "1");
    expect(scores.rank(["a", "b"], 10, (p) => rows[p]!)).toEqual([
      { rowid: 2, bm25: -3 },
      { rowid: 3, bm25: -2.5 },
      { rowid: 1, bm25: -1 },
    ]);
    expect(scores.rank(["a", "b"], 1, (p) => rows[p]!)).toEqual([{ rowid: 2, bm25: -3 }]);
  });

  test("the best `limit` of many rows, as a full sort gives them", () => {
    const next = random(3);
    // Shares are > 0, as BM25's are; many ties, so the order by rowid among equals is tested too.
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ rowid: i * 3 + Math.floor(next() * 3), bm25: -(1 + Math.floor(next() * 50)) }));
    const lists: Record<string, { rowid: number; bm25: number }[]> = { a: rows(400), b: rows(300), c: rows(50) };
    const sums = new Map<number, number>();
    for (const p of ["a", "b", "c"]) for (const r of lists[p]!) sums.set(r.rowid, (sums.get(r.rowid) ?? 0) - r.bm25);
    const sorted = [...sums].map(([rowid, sum]) => ({ rowid, bm25: -sum })).sort((x, y) => x.bm25 - y.bm25 || x.rowid - y.rowid);
    for (const limit of [1, 7, 100, 1000]) expect(new PhraseScores().at({}, "1").rank(["a", "b", "c"], limit, (p) => lists[p]!)).toEqual(sorted.slice(0, limit));
  });

  test("a phrase is scored once per generation", () => {
    const asked: string[] = [];
    const score = (p: string) => {
      asked.push(p);
      return [{ rowid: 1, bm25: -1 }];
    };
    const connection = {};
    const scores = new PhraseScores();
    scores.at(connection, "1").rank(["a"], 5, score);
    scores.at(connection, "1").rank(["a"], 5, score);
    expect(asked).toEqual(["a"]);
    scores.at(connection, "2").rank(["a"], 5, score);
    scores.at({}, "2").rank(["a"], 5, score);
    expect(asked).toEqual(["a", "a", "a"]);
  });
});
