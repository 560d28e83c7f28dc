import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSettings } from "../../../src/core/settings.ts";
import { commentAbove, fileRows, itemIds, type FileRows } from "../../../src/ctx/rows.ts";
import { openIndex } from "../../../src/ctx/open.ts";
import { CTX_INDEX_FEATURE } from "../../../src/ctx/schema.ts";
import type { ReferenceRecord, SymbolRecord } from "../../../src/extract/types.ts";

const ids = (items: [string, number][]) => itemIds("f.ts", items.map(([qualified_name, line]) => ({ qualified_name, line })));

describe("itemIds", () => {
  test("a unique name is its own id, without a line", () => {
    expect(ids([["a", 1], ["b", 9]])).toEqual(["f.ts#a", "f.ts#b"]);
  });

  test("the first definition keeps the bare id; later ones get @LINE", () => {
    expect(ids([["a", 1], ["a", 5]])).toEqual(["f.ts#a", "f.ts#a@5"]);
  });

  test("several on one line: @LINE:K by their rank on the line", () => {
    expect(ids([["a", 1], ["a", 5], ["a", 5], ["a", 5]])).toEqual(["f.ts#a", "f.ts#a@5", "f.ts#a@5:2", "f.ts#a@5:3"]);
  });

  test("the bare first one still counts as rank 1 of its line", () => {
    expect(ids([["a", 3], ["a", 3]])).toEqual(["f.ts#a", "f.ts#a@3:2"]);
  });

  test("a name that itself ends in @N cannot take another's id", () => {
    expect(ids([["a@3", 1], ["a", 1], ["a", 3]])).toEqual(["f.ts#a@3", "f.ts#a", "f.ts#a@3:2"]);
    expect(ids([["a", 1], ["a", 5], ["a@5", 9]])).toEqual(["f.ts#a", "f.ts#a@5", "f.ts#a@5@9"]);
  });

  test("every id is distinct under adversarial names", () => {
    const result = ids([["a", 3], ["a", 3], ["a@3", 3], ["a", 3], ["a@3:3", 1], ["a", 3], ["a@3", 3]]);
    expect(new Set(result).size).toBe(result.length);
  });

  test("the file is part of the id", () => {
    expect(itemIds("dir/x.md", [{ qualified_name: "intro", line: 1 }])).toEqual(["dir/x.md#intro"]);
  });
});

describe("commentAbove", () => {
  test("a short block is kept whole, markers stripped, decorators between it and the definition passed over", () => {
    const lines = ["x = 1", "/**", " * Reads all bytes.", " *", " * @param path the file", " */", "@Override", "byte[] read(Path path) {"];
    expect(commentAbove(lines, 8)).toBe("Reads all bytes.\n@param path the file");
  });

  test("a long block keeps its beginning (the summary) and its end (the tags), not the middle", () => {
    const body = Array.from({ length: 40 }, (_, i) => `// line ${i + 1}`);
    const kept = commentAbove([...body, "func F() {}"], 41).split("\n");
    expect(kept).toEqual([...Array.from({ length: 12 }, (_, i) => `line ${i + 1}`), ...Array.from({ length: 12 }, (_, i) => `line ${i + 29}`)]);
  });

  test("no comment above: nothing", () => {
    expect(commentAbove(["x = 1", "", "def f():"], 3)).toBe("");
  });
});

describe("ContextIndex.write", () => {
  const symbol = (name: string, signature: string | null) => ({ kind: "function", name, qualified_name: name, line: 1, end_line: 2, signature, doc: null, parent: null }) as unknown as SymbolRecord;
  const update = (fileRel: string, signature: string | null): FileRows =>
    fileRows({
      file: { file_rel: fileRel, kind: "python", content_hash: `h-${fileRel}`, size: 10, mtime_ms: 1, parse_status: "ok" },
      symbols: [symbol(`f_${fileRel.replace(/\W/g, "_")}`, signature)],
      references: [{ kind: "call", name: "g", line: 2, col: 5, from: null }],
      source: "def f():\n    g()\n",
      replaces: false,
    });

  test("a file the database refuses is left out alone: the rest is written, the full-text index stays whole", () => {
    const root = mkdtempSync(join(tmpdir(), "trifecta-write-"));
    const opened = openIndex(root, { settings: readSettings({}).cache });
    if (!opened.ok) throw new Error(opened.reason);
    try {
      expect(opened.index.keepReferences(() => [])).toEqual([]); // from now on every write keeps the uses
      // A NULL signature breaks a NOT NULL column: a refused value, as a too-big string would be.
      const refused = opened.index.write([update("a.py", "def a():"), update("bad.py", null), update("c.py", "def c():")], []);
      expect(refused.map((r) => r.file_rel)).toEqual(["bad.py"]);
      expect([...opened.index.files().keys()].sort()).toEqual(["a.py", "c.py"]);
      expect(["a.py", "bad.py", "c.py"].map((f) => opened.index.referencesOf(f).length)).toEqual([1, 0, 1]);
      expect(opened.index.search(["f_a_py", "f_bad_py", "f_c_py"], { limit: 10 }, {}).map((r) => r.file_rel).sort()).toEqual(["a.py", "c.py"]);
      opened.store.db.run("INSERT INTO ctx_fts(ctx_fts) VALUES ('integrity-check')");
      // Without a refusal, one write takes every file.
      expect(opened.index.write([update("d.py", "def d():"), update("e.py", "def e():")], [])).toEqual([]);
      expect(opened.index.files().size).toBe(4);
    } finally {
      opened.store.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test("the full-text table keeps no copy of its text; a damaged one is made anew by repair, with the rows it indexed forgotten", () => {
    const root = mkdtempSync(join(tmpdir(), "trifecta-write-"));
    const opened = openIndex(root, { settings: readSettings({}).cache });
    if (!opened.ok) throw new Error(opened.reason);
    const { db } = opened.store;
    try {
      expect((db.query("SELECT sql FROM sqlite_master WHERE name = 'ctx_fts'").get() as { sql: string }).sql).toContain("content='', contentless_delete=1");
      expect(opened.index.write([update("a.py", "def a():"), update("b.py", "def b():")], [])).toEqual([]);
      expect(CTX_INDEX_FEATURE.check!(db)).toEqual(["ok"]);
      // SQLite 3.43 (macOS 14's own) has no FTS5 in PRAGMA integrity_check: then this check finds the damage and repair mends it.
      const damage = "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute('UPDATE ctx_fts_data SET block = zeroblob(length(block)) WHERE id > 10'); db.commit()";
      expect(Bun.spawnSync(["python3", "-c", damage, opened.store.dbPath]).exitCode).toBe(0);
      expect(() => CTX_INDEX_FEATURE.check!(db)).toThrow();
      CTX_INDEX_FEATURE.repair!(db);
      expect(CTX_INDEX_FEATURE.check!(db)).toEqual(["ok"]);
      expect(opened.index.files().size).toBe(0);
      expect(opened.index.write([update("a.py", "def a():")], [])).toEqual([]);
      expect(opened.index.search(["f_a_py"], { limit: 10 }, {}).map((r) => r.file_rel)).toEqual(["a.py"]);
    } finally {
      opened.store.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test("uses are written on first use: every file's, from what the caller gives; a file it cannot give is voided for a refresh", () => {
    const root = mkdtempSync(join(tmpdir(), "trifecta-write-"));
    const opened = openIndex(root, { settings: readSettings({}).cache });
    if (!opened.ok) throw new Error(opened.reason);
    try {
      const { index } = opened;
      expect(index.write([update("a.py", "def a():"), update("b.py", "def b():")], [])).toEqual([]);
      expect(index.referencesKept()).toBe(false);
      expect(index.referencesOf("a.py")).toEqual([]);
      const given: ReferenceRecord = { kind: "call", name: "g", line: 2, col: 5, from: "f_a_py" };
      const missing = index.keepReferences((file) => (file.file_rel === "a.py" ? [given] : null));
      expect(missing).toEqual(["b.py"]);
      expect(index.referencesKept()).toBe(true);
      expect(index.referencesOf("a.py")).toMatchObject([{ name: "g", line: 2, from_name: "f_a_py", from_id: "a.py#f_a_py" }]);
      // The file it could not give is changed for the next refresh (its stamp and hash voided).
      expect(index.file("b.py")).toMatchObject({ mtime_ms: -1, content_hash: "" });
      // Kept: a second call writes nothing again, and writes carry the uses.
      expect(index.keepReferences(() => null)).toEqual([]);
      expect(index.write([{ ...update("b.py", "def b():"), replaces: true }], [])).toEqual([]);
      expect(index.referencesOf("b.py")).toHaveLength(1);
    } finally {
      opened.store.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test("a bulk load makes the name indexes once, at the write that completes the build; a stopped one leaves them to the next", () => {
    const root = mkdtempSync(join(tmpdir(), "trifecta-write-"));
    const opened = openIndex(root, { settings: readSettings({}).cache });
    if (!opened.ok) throw new Error(opened.reason);
    const nameIndexes = () => (opened.store.db.query("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ctx_items_by_%name' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    const both = ["ctx_items_by_name", "ctx_items_by_qualified_name"];
    try {
      const { index } = opened;
      expect(nameIndexes()).toEqual(both);
      index.loadInBulk();
      expect(nameIndexes()).toEqual([]);
      index.write([update("a.py", "def a():")], [], [], { buildState: "running" });
      expect(nameIndexes()).toEqual([]);
      // Answers do not depend on them: a lookup by name scans instead.
      expect(index.byName("f_a_py", 5).map((i) => i.item_id)).toEqual(["a.py#f_a_py"]);
      // The index has files now: another bulk load keeps what it has.
      index.write([update("b.py", "def b():")], [], [], { buildState: "complete" });
      expect(nameIndexes()).toEqual(both);
      index.loadInBulk();
      expect(nameIndexes()).toEqual(both);
      expect(index.byName("f_b_py", 5).map((i) => i.item_id)).toEqual(["b.py#f_b_py"]);
    } finally {
      opened.store.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
