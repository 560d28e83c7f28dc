import type { Database } from "bun:sqlite";
import { pushTo } from "../core/maps.ts";
import { isRefusedValue } from "../store/sqlite-errors.ts";
import type { Store } from "../store/store.ts";
import type { ReferenceRecord } from "../extract/types.ts";
import type { DirStamp } from "./walk.ts";
import { useKey } from "./uses.ts";
import type { FileRows } from "./rows.ts";
import { DROP_NAME_INDEXES, NAME_INDEXES } from "./schema.ts";
import { PhraseScores, type RankedRow } from "./phrase-scores.ts";

/** What the index knows about one file. */
export interface IndexedFile {
  file_rel: string;
  kind: string;
  content_hash: string;
  size: number;
  mtime_ms: number;
  parse_status: string;
  items: number;
}

export type BuildState = "running" | "complete";

/** What the freshness check compares with the file on disk. */
export type FileStamp = Pick<IndexedFile, "file_rel" | "kind" | "size" | "mtime_ms">;

/** One searchable item: a symbol or a Markdown section. */
export interface IndexItem {
  item_id: string;
  file_rel: string;
  lang: string;
  kind: string;
  name: string;
  qualified_name: string;
  line: number;
  end_line: number;
  signature: string;
  doc: string | null;
  parent: string | null;
}

/** What a skeleton shows of an item. */
export type OutlineRow = Pick<IndexItem, "item_id" | "kind" | "qualified_name" | "line" | "end_line" | "signature">;

/** A file the database would not take, and what it said. */
export interface RefusedFile {
  readonly file_rel: string;
  readonly detail: string;
}

/** A definition as references are resolved against it (sections are not definitions). */
export type DefinitionRow = Pick<IndexItem, "item_id" | "file_rel" | "lang" | "kind" | "name" | "qualified_name" | "parent" | "line" | "end_line" | "signature">;

/** A reference row: the extractor's record with its file (from_name: the record's `from`, from_id: that definition's id). */
export interface ReferenceRow {
  file_rel: string;
  from_id: string | null;
  kind: string;
  name: string;
  line: number;
  col: number;
  from_name: string | null;
  receiver: string | null;
  module: string | null;
  alias: string | null;
}

export interface SearchRow extends IndexItem {
  bm25: number;
}

const DEFINITION_COLUMNS = "item_id, file_rel, lang, kind, name, qualified_name, parent, line, end_line, signature";

// Column weights for bm25: names, signature, doc, body, path.
const BM25_WEIGHTS = "10.0, 3.0, 6.0, 2.0, 4.0";

/** What one write applies (ContextIndex.write). */
interface RowChanges {
  readonly updates: readonly FileRows[];
  readonly removals: readonly string[];
  readonly touched: readonly { fileRel: string; mtimeMs: number }[];
  readonly walked: { buildState?: BuildState; dirs?: readonly DirStamp[] } | undefined;
}

/** The database refused a file's rows in a write without savepoints: it is rolled back and made again with them. */
class Refused extends Error {}

/** The ctx index tables of the segment's store (schema in src/ctx/schema.ts). */
export class ContextIndex {
  /** Kept by a long-lived process (keepScores): phrase scores and match counts of the current generation. */
  private scores: PhraseScores<IndexItem> | null = null;

  /**
   * On a store opened with CTX_INDEX_FEATURE (src/ctx/open.ts). `rootName`: the segment folder's own name, the
   * package its top-level files are of when the segment is one (a Go package's folder, a Python package's).
   */
  constructor(
    private readonly store: Store,
    readonly rootName = "",
  ) {}

  /**
   * For a process that answers many searches (the MCP server): unfiltered searches are ranked from
   * each phrase's scores, kept until the index changes (src/ctx/phrase-scores.ts). A one-search
   * process gains nothing from it.
   */
  keepScores(): void {
    this.scores ??= new PhraseScores();
  }

  /** The kept scores, emptied when the rows changed since (another process's writes included). */
  private currentScores(): PhraseScores<IndexItem> | null {
    return this.scores?.at(this.db, this.generation()) ?? null;
  }

  /** The connection is the store's, asked for on each use: a recovery may have replaced it. */
  private get db(): Database {
    return this.store.db;
  }

  files(): Map<string, IndexedFile> {
    const rows = this.db.query("SELECT * FROM ctx_files").all() as IndexedFile[];
    return new Map(rows.map((r) => [r.file_rel, r]));
  }

  stamps(): FileStamp[] {
    return this.db.query("SELECT file_rel, kind, size, mtime_ms FROM ctx_files").all() as FileStamp[];
  }

  file(fileRel: string): IndexedFile | null {
    return (this.db.query("SELECT * FROM ctx_files WHERE file_rel = ?").get(fileRel) as IndexedFile | null) ?? null;
  }

  /**
   * Applies updates and removals in one write transaction, with the build's state when a build
   * writes (none at all when there is nothing to write). A file whose rows the database refuses
   * is left out (its old rows too) and returned; a failure of the database itself is thrown.
   */
  write(
    updates: readonly FileRows[],
    removals: readonly string[],
    touched: readonly { fileRel: string; mtimeMs: number }[] = [],
    walked?: { buildState?: BuildState; dirs?: readonly DirStamp[] },
  ): RefusedFile[] {
    if (updates.length + removals.length + touched.length === 0 && !walked?.buildState && !walked?.dirs) return [];
    const rows: RowChanges = { updates, removals, touched, walked };
    // Each file in a savepoint of its own only once the database refused one: a savepoint makes FTS5
    // write out its pending rows, and one per file cost 30% of the full-text inserts (stdlib: 377 → 232 ms).
    return this.writeAll(rows, false) ?? this.writeAll(rows, true)!;
  }

  /** The write in one transaction; without savepoints, null when a file was refused (all rolled back). */
  private writeAll(rows: RowChanges, savepoints: boolean): RefusedFile[] | null {
    const refused: RefusedFile[] = [];
    try {
      this.db.transaction(() => this.writeRows(rows, savepoints ? refused : null)).immediate();
    } catch (error) {
      if (error instanceof Refused) return null;
      throw error;
    }
    return refused;
  }

  private writeRows({ updates, removals, touched, walked }: RowChanges, refused: RefusedFile[] | null): void {
    for (const fileRel of removals) this.removeFile(fileRel);
    // Read inside the write: a process that has just begun keeping them is seen by every write after it.
    const withReferences = this.referencesKept();
    for (const update of updates) {
      if (refused) this.insertInSavepoint(update, withReferences, refused);
      else this.insertOrRefuse(update, withReferences);
    }
    const touch = this.db.query("UPDATE ctx_files SET mtime_ms = ? WHERE file_rel = ?");
    for (const t of touched) touch.run(t.mtimeMs, t.fileRel);
    // Rows changed: what was derived from them (the map's ranks) is out of date.
    if (updates.length + removals.length > 0) this.db.run("INSERT INTO ctx_meta(name, value) VALUES ('generation', '1') ON CONFLICT(name) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
    if (walked?.buildState) this.db.run("INSERT OR REPLACE INTO ctx_meta(name, value) VALUES ('build', ?)", [walked.buildState]);
    // Made here after a bulk load (loadInBulk); otherwise they exist and this costs nothing.
    if (walked?.buildState === "complete") this.db.exec(NAME_INDEXES);
    if (walked?.dirs) {
      this.db.run("DELETE FROM ctx_dirs");
      const insert = this.db.query("INSERT INTO ctx_dirs(dir_rel, mtime_ms) VALUES (?, ?)");
      for (const d of walked.dirs) insert.run(d.dir_rel, d.mtime_ms);
    }
  }

  private insertOrRefuse(update: FileRows, withReferences: boolean): void {
    try {
      this.insertFile(update, update.replaces, withReferences);
    } catch (error) {
      throw isRefusedValue(error) ? new Refused() : error;
    }
  }

  /** A refused file leaves the index (its old rows too) and is added to `refused`. */
  private insertInSavepoint(update: FileRows, withReferences: boolean, refused: RefusedFile[]): void {
    this.db.run("SAVEPOINT one_file");
    try {
      this.insertFile(update, update.replaces, withReferences);
      this.db.run("RELEASE one_file");
    } catch (error) {
      if (!isRefusedValue(error)) throw error;
      this.db.run("ROLLBACK TO one_file");
      // Rows written since the file was read (a refresh in another process): replace them.
      if (!update.replaces && this.retryReplacing(update, withReferences)) {
        this.db.run("RELEASE one_file");
        return;
      }
      this.db.run("RELEASE one_file");
      this.removeFile(update.file.file_rel);
      refused.push({ file_rel: update.file.file_rel, detail: (error as Error).message ?? String(error) });
    }
  }

  /**
   * For a build about to fill an index that has no files: the name indexes go until the write that
   * marks the build complete makes them, once (src/ctx/schema.ts NAME_INDEXES). A build stopped before
   * then leaves them to the next build's end; answers meanwhile are the same, name lookups slower.
   */
  loadInBulk(): void {
    this.db.transaction(() => {
      if (this.db.query("SELECT 1 FROM ctx_files LIMIT 1").get() === null) this.db.exec(DROP_NAME_INDEXES);
    }).immediate();
  }

  /**
   * Files indexed under another TEXT_FORMAT are marked changed (their stamp and hash voided), so this
   * build indexes them again; the format is recorded in the same transaction.
   */
  requireTextFormat(format: string): void {
    if (this.textFormat() === format) return;
    this.db.transaction(() => {
      this.db.run("UPDATE ctx_files SET mtime_ms = -1, content_hash = ''");
      // Every file is indexed again, each deleting its own uses first; these are of files an older binary removed.
      this.db.run("DELETE FROM ctx_uses");
      this.db.run("INSERT OR REPLACE INTO ctx_meta(name, value) VALUES ('text_format', ?)", [format]);
    }).immediate();
  }

  /** Counts the writes that changed rows: anything derived from the rows is current while it stays the same. */
  generation(): string {
    return ((this.db.query("SELECT value FROM ctx_meta WHERE name = 'generation'").get() as { value: string } | null) ?? null)?.value ?? "0";
  }

  /** The ranks `ctx map` computed at `generation` with what it counted, or null when they are of another. */
  ranks(generation: string): { ranks: Map<string, number>; counts: string } | null {
    const stored = this.db.query("SELECT value FROM ctx_meta WHERE name = 'ranks'").get() as { value: string } | null;
    if (stored === null) return null;
    const { generation: at, counts } = JSON.parse(stored.value) as { generation: string; counts: string };
    if (at !== generation) return null;
    const rows = this.db.query("SELECT item_id, rank FROM ctx_ranks").all() as { item_id: string; rank: number }[];
    return { ranks: new Map(rows.map((r) => [r.item_id, r.rank])), counts };
  }

  /** Keeps the map's ranks for the index as it is at `generation` (a write since then makes them stale). */
  storeRanks(generation: string, ranks: ReadonlyMap<string, number>, counts: string): void {
    this.db.transaction(() => {
      if (this.generation() !== generation) return;
      this.db.run("DELETE FROM ctx_ranks");
      const insert = this.db.query("INSERT INTO ctx_ranks(item_id, rank) VALUES (?, ?)");
      for (const [id, rank] of ranks) insert.run(id, rank);
      this.db.run("INSERT OR REPLACE INTO ctx_meta(name, value) VALUES ('ranks', ?)", [JSON.stringify({ generation, counts })]);
    }).immediate();
  }

  /** The format the last build recorded (src/ctx/build.ts indexFormat), or null before any. */
  textFormat(): string | null {
    return ((this.db.query("SELECT value FROM ctx_meta WHERE name = 'text_format'").get() as { value: string } | null) ?? null)?.value ?? null;
  }

  /** The directories the last walk saw, with their times then. */
  dirStamps(): DirStamp[] {
    return this.db.query("SELECT dir_rel, mtime_ms FROM ctx_dirs").all() as DirStamp[];
  }

  /** `running` while a build writes batches, and after one that was stopped before its last. */
  buildState(): BuildState | null {
    return ((this.db.query("SELECT value FROM ctx_meta WHERE name = 'build'").get() as { value: BuildState } | null) ?? null)?.value ?? null;
  }

  private removeFile(fileRel: string): void {
    this.db.run("DELETE FROM ctx_fts WHERE rowid IN (SELECT rowid FROM ctx_items WHERE file_rel = ?)", [fileRel]);
    this.db.run("DELETE FROM ctx_items WHERE file_rel = ?", [fileRel]);
    this.db.run("DELETE FROM ctx_refs WHERE file_rel = ?", [fileRel]);
    this.db.run("DELETE FROM ctx_uses WHERE file_rel = ?", [fileRel]);
    this.db.run("DELETE FROM ctx_files WHERE file_rel = ?", [fileRel]);
  }

  private retryReplacing(update: FileRows, withReferences: boolean): boolean {
    try {
      this.insertFile(update, true, withReferences);
      return true;
    } catch (error) {
      if (!isRefusedValue(error)) throw error;
      this.db.run("ROLLBACK TO one_file");
      return false;
    }
  }

  /**
   * The file's rows, after deleting its old ones when it had some: the three deletes per file cost
   * ~350 ms of a cold stdlib build for rows that cannot exist.
   */
  private insertFile(update: FileRows, replacing: boolean, withReferences: boolean): void {
    const { file } = update;
    if (replacing) this.removeFile(file.file_rel);
    // run() and lastInsertRowid, not RETURNING with get(): a get() interleaved with the FTS5
    // inserts made each item insert 7x slower (442 ms vs 59 ms for the stdlib's 19k items).
    const insertItem = this.db.query(
      `INSERT INTO ctx_items(item_id, file_rel, lang, kind, name, qualified_name, line, end_line, signature, doc, parent)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertText = this.db.query("INSERT INTO ctx_fts(rowid, names, signature, doc, body, path) VALUES (?, ?, ?, ?, ?, ?)");
    update.items.forEach(([itemId, lang, kind, name, qualifiedName, line, endLine, signature, doc, parent], i) => {
      const { lastInsertRowid: rowid } = insertItem.run(itemId, file.file_rel, lang, kind, name, qualifiedName, line, endLine, signature, doc, parent);
      const [names, textSignature, textDoc, body] = update.texts[i]!;
      insertText.run(rowid, names, textSignature, textDoc, body, update.path);
    });
    if (update.uses.length > 0) {
      const insertUses = this.db.query("INSERT INTO ctx_uses(name, qualifier, file_rel, uses) VALUES (?, ?, ?, ?)");
      for (const [name, qualifier, uses] of update.uses) insertUses.run(name, qualifier, file.file_rel, uses);
    }
    const references = withReferences ? update.references : [];
    if (references.length > 0) {
      const definitions = update.items.slice(0, update.symbolCount).map(([item_id, , , , qualified_name, line]) => ({ qualified_name, line, item_id }));
      this.insertReferences(file.file_rel, definitions, references);
    }
    this.db.run(
      "INSERT INTO ctx_files(file_rel, kind, content_hash, size, mtime_ms, parse_status, items) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [file.file_rel, file.kind, file.content_hash, file.size, file.mtime_ms, file.parse_status, update.items.length],
    );
  }

  /** A file's uses, each with the id of the definition it is in (`definitions` in the file's item order). */
  private insertReferences(fileRel: string, definitions: readonly { qualified_name: string; line: number; item_id: string }[], references: readonly ReferenceRecord[]): void {
    // A use's definition by its qualified name: the last of that name starting at or before the use.
    const defined = new Map<string, { line: number; item_id: string }[]>();
    for (const d of definitions) pushTo(defined, d.qualified_name, d);
    const fromId = (from: string | null, line: number) => (from === null ? null : ((defined.get(from) ?? []).findLast((d) => d.line <= line) ?? defined.get(from)?.[0])?.item_id ?? null);
    const insertRef = this.db.query("INSERT INTO ctx_refs(file_rel, kind, name, line, col, from_name, from_id, receiver, module, alias) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const r of references) insertRef.run(fileRel, r.kind, r.name, r.line, r.col, r.from, fromId(r.from, r.line), r.receiver ?? null, r.module ?? null, r.alias ?? null);
  }

  /**
   * Whether ctx_refs holds every indexed file's uses, as writes then keep it. A build does not write
   * them (the standard library's 73,654 uses were a third of its index write: 1.5 → 1.0 s); the first
   * answer that reads them has them written, here or, where the file cannot be written, in a table of
   * this connection's own (TEMP tables come first in SQLite's name lookup).
   */
  referencesKept(): boolean {
    return this.temporaryReferences || (this.db.query("SELECT value FROM ctx_meta WHERE name = 'references'").get() as { value: string } | null)?.value === "kept";
  }

  private temporaryReferences = false;

  /**
   * Has every indexed source file's uses written, from `referencesOf` (the AST cache's entry of the
   * file's content), when they are not kept yet; from then on every write keeps them. Files whose uses
   * it cannot give are returned: their stamps are voided so that a refresh indexes them again (a
   * read-only file: they are left out, and the caller says so).
   */
  keepReferences(referencesOf: (file: IndexedFile) => readonly ReferenceRecord[] | null): string[] {
    if (this.referencesKept()) return [];
    const missing: string[] = [];
    const fill = () => {
      if (this.referencesKept()) return;
      this.db.run("DELETE FROM ctx_refs");
      const files = this.db.query("SELECT * FROM ctx_files WHERE kind <> 'markdown' AND parse_status NOT IN ('generated', 'minified')").all() as IndexedFile[];
      const definitions = this.db.query("SELECT item_id, qualified_name, line FROM ctx_items WHERE file_rel = ? ORDER BY rowid");
      const voidStamp = this.db.query("UPDATE ctx_files SET mtime_ms = -1, content_hash = '' WHERE file_rel = ?");
      for (const file of files) {
        const references = referencesOf(file);
        if (references === null) {
          missing.push(file.file_rel);
          if (!this.store.readOnly) voidStamp.run(file.file_rel);
        } else if (references.length > 0) {
          this.insertReferences(file.file_rel, definitions.all(file.file_rel) as { item_id: string; qualified_name: string; line: number }[], references);
        }
      }
      if (this.store.readOnly) this.temporaryReferences = true;
      else this.db.run("INSERT OR REPLACE INTO ctx_meta(name, value) VALUES ('references', 'kept')");
    };
    if (this.store.readOnly) {
      this.db.exec(`CREATE TEMP TABLE IF NOT EXISTS ctx_refs AS SELECT * FROM main.ctx_refs WHERE 0;
        CREATE INDEX IF NOT EXISTS temp.ctx_refs_by_name ON ctx_refs(name);
        CREATE INDEX IF NOT EXISTS temp.ctx_refs_by_file ON ctx_refs(file_rel);`);
      this.db.transaction(fill).deferred();
    } else this.db.transaction(fill).immediate();
    return missing;
  }

  /**
   * Full-text candidates, best bm25 first (FTS5's bm25 is negative: lower is better; ties by rowid),
   * of the rows matching any of `phrases` (FTS5 MATCH phrases), of the kind, language and files asked
   * for: the best `take.limit`, and of the `take.more` after them those whose name `take.keep` keeps
   * (ranked by name only, without reading the rest of their row).
   */
  search(phrases: readonly string[], take: { limit: number; more?: number; keep?: (name: string) => boolean }, filters: { kind?: string; lang?: string; files?: readonly string[] }): SearchRow[] {
    const wanted = take.limit + (take.more ?? 0);
    const kept = (name: string, i: number) => i < take.limit || (take.keep?.(name) ?? true);
    const filtered = filters.kind !== undefined || filters.lang !== undefined || filters.files !== undefined;
    const scores = filtered ? null : this.currentScores();
    if (scores) {
      const ranked = scores.rank(phrases, wanted, (phrase) => this.phraseRows(phrase));
      const byRowid = scores.rowsOf(
        ranked.map((r) => r.rowid),
        (missing) => new Map(this.itemsOf(missing).map((item) => [item.rowid, item])),
      );
      return ranked.flatMap((r, i) => {
        const item = byRowid.get(r.rowid);
        return item && kept(item.name, i) ? [{ ...item, bm25: r.bm25 }] : [];
      });
    }
    // Unfiltered, the ranking runs on the full-text table alone and only the best rows are joined:
    // joining every match before sorting took 9 ms instead of 4 on the stdlib.
    const ranked = filtered
      ? `SELECT ctx_fts.rowid AS rowid, bm25(ctx_fts, ${BM25_WEIGHTS}) AS bm25 FROM ctx_fts JOIN ctx_items i ON i.rowid = ctx_fts.rowid
         WHERE ctx_fts MATCH ?1 AND (?2 IS NULL OR i.kind = ?2) AND (?3 IS NULL OR i.lang = ?3)
           AND (?5 IS NULL OR i.file_rel IN (SELECT value FROM json_each(?5))) ORDER BY bm25, rowid LIMIT ?4`
      : `SELECT rowid, bm25(ctx_fts, ${BM25_WEIGHTS}) AS bm25 FROM ctx_fts WHERE ctx_fts MATCH ?1 ORDER BY bm25, rowid LIMIT ?4`;
    const args = [phrases.join(" OR "), filters.kind ?? null, filters.lang ?? null, wanted];
    if (filtered) args.push(filters.files === undefined ? null : JSON.stringify(filters.files));
    const named = this.db.query(`SELECT r.rowid AS rowid, r.bm25 AS bm25, i.name AS name FROM (${ranked}) r JOIN ctx_items i ON i.rowid = r.rowid ORDER BY r.bm25, r.rowid`).all(...args) as (RankedRow & { name: string })[];
    const chosen = named.filter((r, i) => kept(r.name, i));
    const items = new Map(this.itemsOf(chosen.map((r) => r.rowid)).map((item) => [item.rowid, item]));
    return chosen.flatMap((r) => {
      const item = items.get(r.rowid);
      return item ? [{ ...item, bm25: r.bm25 }] : [];
    });
  }

  /** The items of these rows (those there are), with their rowid. */
  private itemsOf(rowids: readonly number[]): (IndexItem & { rowid: number })[] {
    return this.db.query("SELECT * FROM ctx_items WHERE rowid IN (SELECT value FROM json_each(?))").all(JSON.stringify(rowids)) as (IndexItem & { rowid: number })[];
  }

  /** Every row one phrase matches, with its bm25 for that phrase alone. */
  private phraseRows(phrase: string): RankedRow[] {
    return this.db.query(`SELECT rowid, bm25(ctx_fts, ${BM25_WEIGHTS}) AS bm25 FROM ctx_fts WHERE ctx_fts MATCH ?`).all(phrase) as RankedRow[];
  }

  /** Every indexed file's path. */
  fileList(): string[] {
    return (this.db.query("SELECT file_rel FROM ctx_files").all() as { file_rel: string }[]).map((r) => r.file_rel);
  }

  /** How many items a MATCH expression finds, counting no further than `upTo`. */
  matchCount(match: string, upTo: number): number {
    const count = () => (this.db.query("SELECT count(*) AS n FROM (SELECT 1 FROM ctx_fts WHERE ctx_fts MATCH ? LIMIT ?)").get(match, upTo) as { n: number }).n;
    return this.currentScores()?.count(`${upTo}\u0000${match}`, count) ?? count();
  }

  item(itemId: string): IndexItem | null {
    return (this.db.query("SELECT * FROM ctx_items WHERE item_id = ?").get(itemId) as IndexItem | null) ?? null;
  }

  /** The rows a skeleton shows: the file's items, or those within `within`'s lines; outermost first. */
  outline(fileRel: string, within: Pick<IndexItem, "line" | "end_line"> | null): OutlineRow[] {
    return this.db
      .query(
        `SELECT item_id, kind, qualified_name, line, end_line, signature FROM ctx_items
         WHERE file_rel = ?1 AND line >= ?2 AND end_line <= ?3 ORDER BY line, end_line DESC`,
      )
      .all(fileRel, within?.line ?? 0, within?.end_line ?? Number.MAX_SAFE_INTEGER) as OutlineRow[];
  }

  /**
   * The kind of the first item of each `[file_rel, qualified_name]` asked, keyed `file_rel#qualified_name`
   * (absent when there is none): one query for a search's candidates instead of one per parent.
   */
  kindsOf(items: readonly (readonly [string, string])[]): Map<string, string> {
    if (items.length === 0) return new Map();
    const rows = this.db
      .query(
        `SELECT file_rel, qualified_name, kind, min(rowid) FROM ctx_items
         WHERE (file_rel, qualified_name) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?)) GROUP BY file_rel, qualified_name`,
      )
      .all(JSON.stringify(items)) as { file_rel: string; qualified_name: string; kind: string }[];
    return new Map(rows.map((r) => [`${r.file_rel}#${r.qualified_name}`, r.kind]));
  }

  /** The content hash of each of `files` the index holds (files with one hash are copies of one another). */
  contentHashes(files: readonly string[]): Map<string, string> {
    if (files.length === 0) return new Map();
    const rows = this.db.query("SELECT file_rel, content_hash FROM ctx_files WHERE file_rel IN (SELECT value FROM json_each(?))").all(JSON.stringify(files)) as { file_rel: string; content_hash: string }[];
    return new Map(rows.map((r) => [r.file_rel, r.content_hash]));
  }

  /** Items whose name is exactly `name` (symbols by name or qualified name). */
  byName(name: string, limit: number): IndexItem[] {
    return this.db.query("SELECT * FROM ctx_items WHERE name = ? OR qualified_name = ? LIMIT ?").all(name, name, limit) as IndexItem[];
  }

  /** How many callables (functions, methods, constructors) have a name that starts with the word `word` (either case), counting no further than `upTo`. */
  callablesLedBy(word: string, upTo: number): number {
    // Names from `prefix` up to the prefix with its last letter the next one: a range of the name index.
    const count = (prefix: string) => {
      const past = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
      return (this.db.query("SELECT count(*) AS n FROM (SELECT 1 FROM ctx_items WHERE name >= ?1 AND name < ?2 AND kind IN ('function', 'method', 'constructor') LIMIT ?3)").get(prefix, past, upTo) as { n: number }).n;
    };
    const both = () => Math.min(upTo, count(word) + count(word[0]!.toUpperCase() + word.slice(1)));
    return this.currentScores()?.count(`callables\u0000${upTo}\u0000${word}`, both) ?? both();
  }

  /** Definitions named `name` (no sections). */
  definitionsNamed(name: string): DefinitionRow[] {
    return this.db.query(`SELECT ${DEFINITION_COLUMNS} FROM ctx_items WHERE name = ? AND kind <> 'section'`).all(name) as DefinitionRow[];
  }

  /** Definitions of one file, in line order (the enclosing definition of a reference is one of them). */
  definitionsOf(fileRel: string): DefinitionRow[] {
    return this.db.query(`SELECT ${DEFINITION_COLUMNS} FROM ctx_items WHERE file_rel = ? AND kind <> 'section' ORDER BY line`).all(fileRel) as DefinitionRow[];
  }

  allDefinitions(): DefinitionRow[] {
    return this.db.query(`SELECT ${DEFINITION_COLUMNS} FROM ctx_items WHERE kind <> 'section'`).all() as DefinitionRow[];
  }

  /** The segment's qualified uses of each `[name, qualifier]` asked, by useKey (absent: none). */
  useCounts(pairs: readonly (readonly [string, string])[]): Map<string, number> {
    if (pairs.length === 0) return new Map();
    const read = (keys: readonly string[]) => {
      const asked = keys.map((k) => k.split("\u0000"));
      const rows = this.db
        .query(
          `SELECT name, qualifier, sum(uses) AS uses FROM ctx_uses
           WHERE (name, qualifier) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?)) GROUP BY name, qualifier`,
        )
        .all(JSON.stringify(asked)) as { name: string; qualifier: string; uses: number }[];
      return new Map(rows.map((r) => [useKey(r.name, r.qualifier), r.uses]));
    };
    const keys = pairs.map(([name, qualifier]) => useKey(name, qualifier));
    // Kept by a long-lived process: a search's ~300 pairs cost ~0.7 ms to read (a warm MCP search 3.3 → 3.9 ms).
    return this.currentScores()?.useCounts(keys, read) ?? read(keys);
  }

  /** References using `name`, in file and line order. */
  referencesNamed(name: string): ReferenceRow[] {
    return this.db.query(`SELECT * FROM ctx_refs WHERE name = ? ORDER BY file_rel, line, col`).all(name) as ReferenceRow[];
  }

  /** The references written on `name` (`name.x`, `name.a.x`: their receiver starts with it), by the receiver index. */
  referencesThrough(name: string): ReferenceRow[] {
    // A range, not LIKE: `name.` up to `name/` ('/' follows '.'), which the receiver index answers.
    return this.db.query(`SELECT * FROM ctx_refs WHERE receiver = ?1 OR (receiver >= ?1 || '.' AND receiver < ?1 || '/') ORDER BY file_rel, line, col`).all(name) as ReferenceRow[];
  }

  /** The references of one file, of one kind when given (a file's imports), in line order. */
  referencesOf(fileRel: string, kind?: string): ReferenceRow[] {
    return this.db.query(`SELECT * FROM ctx_refs WHERE file_rel = ?1 AND (?2 IS NULL OR kind = ?2) ORDER BY line, col`).all(fileRel, kind ?? null) as ReferenceRow[];
  }

  /** Every reference of the kinds asked, in file and line order (the graph of the whole segment). */
  allReferences(kinds: readonly string[]): ReferenceRow[] {
    return this.db.query(`SELECT * FROM ctx_refs WHERE kind IN (SELECT value FROM json_each(?)) ORDER BY file_rel, line, col`).all(JSON.stringify(kinds)) as ReferenceRow[];
  }

  /** Each indexed file with its kind (its language, or `markdown`). */
  fileKinds(): Map<string, string> {
    const rows = this.db.query("SELECT file_rel, kind FROM ctx_files").all() as { file_rel: string; kind: string }[];
    return new Map(rows.map((r) => [r.file_rel, r.kind]));
  }

  /** From the per-file item counts: scanning the items took 5 ms on the stdlib, this 0.2. */
  totals(): { symbols: number; sections: number; files: number; partialFiles: number } {
    const row = this.db
      .query(
        `SELECT COUNT(*) AS files, SUM(parse_status = 'partial') AS partial,
                SUM(CASE WHEN kind = 'markdown' THEN items ELSE 0 END) AS sections, SUM(CASE WHEN kind <> 'markdown' THEN items ELSE 0 END) AS symbols
         FROM ctx_files`,
      )
      .get() as { files: number; partial: number | null; sections: number | null; symbols: number | null };
    return { symbols: row.symbols ?? 0, sections: row.sections ?? 0, files: row.files, partialFiles: row.partial ?? 0 };
  }

  /** Files parsed partially (with syntax errors), in path order, at most `limit`. */
  partialFiles(limit: number): string[] {
    return (this.db.query("SELECT file_rel FROM ctx_files WHERE parse_status = 'partial' ORDER BY file_rel LIMIT ?").all(limit) as { file_rel: string }[]).map((r) => r.file_rel);
  }

  /** Indexed files per language (`markdown` for Markdown files). */
  languages(): Record<string, number> {
    const rows = this.db.query("SELECT kind, COUNT(*) AS files FROM ctx_files GROUP BY kind ORDER BY kind").all() as { kind: string; files: number }[];
    return Object.fromEntries(rows.map((r) => [r.kind, r.files]));
  }

  isEmpty(): boolean {
    return !(this.db.query("SELECT EXISTS(SELECT 1 FROM ctx_files) AS present").get() as { present: number }).present;
  }
}
