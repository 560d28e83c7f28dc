import { lineOrdinals, lineSuffix } from "../core/definition-address.ts";
import type { ReferenceRecord, SymbolRecord } from "../extract/types.ts";
import type { IndexedFile } from "./index-store.ts";
import type { Section } from "./markdown.ts";
import { nameTerms, type PartTerms } from "./terms.ts";
import { countUses } from "./uses.ts";

/**
 * A file's index rows, computed from its text and extraction alone (no database is read); the one
 * writer (src/ctx/index-store.ts) only inserts them.
 */

/** One file's content as the index takes it. */
export interface FileUpdate {
  readonly file: Omit<IndexedFile, "items">;
  readonly symbols?: readonly SymbolRecord[];
  readonly references?: readonly ReferenceRecord[];
  readonly sections?: readonly Section[];
  /** The file's text: the head of each symbol (docstring, first lines) is indexed as its body. */
  readonly source?: string;
  /** The index had rows of this file when it was read (a new file needs no delete first). */
  readonly replaces: boolean;
}

/** An item's ctx_items columns after file_rel: item_id, lang, kind, name, qualified_name, line, end_line, signature, doc, parent. */
export type ItemRow = [string, string, string, string, string, number, number, string, string | null, string | null];
/** An item's full-text columns before path: names, signature, doc, body. */
export type TextRow = [string, string, string, string];
/** A ctx_uses row without its file, as countUses gives them: name, qualifier, uses. */
export type UseRow = [string, string, number];

export interface FileRows {
  readonly file: Omit<IndexedFile, "items">;
  readonly replaces: boolean;
  /** The file's path words, the full-text `path` column of each of its items. */
  readonly path: string;
  /** Symbols first (the first `symbolCount`), then sections; texts in the same order. */
  readonly items: ItemRow[];
  readonly texts: TextRow[];
  readonly symbolCount: number;
  readonly uses: UseRow[];
  /** The file's uses as extracted, written only when the index keeps references (src/ctx/references-kept.ts). */
  readonly references: readonly ReferenceRecord[];
}

const MAX_SECTION_TEXT = 4000;
/**
 * How much of a symbol's own text is searchable: a docstring's start and the first lines. Six lines
 * and 400 characters rank as well as twelve and 800 on the relevance set (recall@5 0.850, MRR 0.749
 * vs 0.751) with 15% fewer matches for common words and a 10% smaller file.
 */
const SYMBOL_HEAD_LINES = 6;
const SYMBOL_HEAD_CHARS = 400;
/**
 * The comment block right above a definition (Go's and Rust's doc comments, JSDoc, Javadoc, `#` comments),
 * indexed with its doc: the extractor keeps the first line only, and the rest often says what the
 * definition is for. Of a long block, its first and last COMMENT_LINES lines: the beginning is where
 * conventions put the summary ("Marshal returns the JSON encoding of v.", rxjs's "Projects each source
 * value to an Observable…"), the end the `@param`/`@return` text; examples in between add little.
 * With the doc summary's evidence (src/ctx/search.ts), recall@5 typescript 0.706 and java 0.675 with
 * the last 12 lines only (600 characters), 0.676 and 0.700 with the first 12 only, 0.735 and 0.700 with
 * both (1,200 characters; go 0.711 in all three; BENCHMARKS.md, issue 14). Decorators and attributes between comment and definition are
 * passed over.
 */
const COMMENT_LINES = 12;
const COMMENT_CHARS = 1200;
/** How far up a comment block is followed to find its beginning. */
const COMMENT_BLOCK_LINES = 400;
const COMMENT_LINE = /^\s*(\/\/|\/\*|\*|#(?!\[)|--|;)/;
/** A line of decorators or attributes (`@property`, `#[derive(Debug)]`): between a comment and its definition, and read with the definition (src/ctx/get.ts). */
export const DECORATOR_LINE = /^\s*(@|#\[)/;

/**
 * What the rows hold (1: no comment blocks; 2: a comment block's last lines; 3: its first and last;
 * 4: references written on first use, not by every build; 5: qualified uses counted); a build re-indexes every file indexed
 * under another format or another extractor version (src/ctx/build.ts), so an older binary never
 * answers references from an index that has not written them.
 */
export const TEXT_FORMAT = "5";

export function commentAbove(lines: readonly string[], line: number): string {
  let at = line - 2;
  while (at >= 0 && DECORATOR_LINE.test(lines[at]!)) at--;
  const end = at;
  while (at >= 0 && end - at < COMMENT_BLOCK_LINES && COMMENT_LINE.test(lines[at]!)) at--;
  const block = lines.slice(at + 1, end + 1).map((l) => l.trim().replace(/^[/*#;\-!\s]+/, "")).filter((l) => l !== "");
  const ends = block.length <= 2 * COMMENT_LINES ? block : [...block.slice(0, COMMENT_LINES), ...block.slice(-COMMENT_LINES)];
  return ends.join("\n").slice(0, COMMENT_CHARS);
}

/**
 * Item ids: `<file_rel>#<name>` for the first definition of a name, `@LINE` (or `@LINE:K` for the
 * K-th on one line) for later ones. Unique whatever the names hold (a name that itself ends in
 * `@5` cannot collide: taken ids get the next free ordinal), and the same content gives the same ids.
 */
export function itemIds(fileRel: string, items: readonly { qualified_name: string; line: number }[]): string[] {
  const taken = new Set<string>();
  const ranks = lineOrdinals(items);
  return items.map((item, i) => {
    const base = `${fileRel}#${item.qualified_name}`;
    let ordinal = ranks[i]!;
    let id = taken.has(base) ? `${base}${lineSuffix(item.line, ordinal)}` : base;
    while (taken.has(id)) id = `${base}${lineSuffix(item.line, ++ordinal)}`;
    taken.add(id);
    return id;
  });
}

/** The rows of one file. */
export function fileRows(update: FileUpdate): FileRows {
  const { file } = update;
  const symbols = update.symbols ?? [];
  const sections = update.sections ?? [];
  const path = file.file_rel.replace(/\.[^./]+$/, "").split(/[/_.-]+/).filter((p) => p !== "__init__" && p !== "index").join(" ");
  const ids = itemIds(file.file_rel, [...symbols, ...sections.map((s) => ({ qualified_name: s.slug, line: s.line }))]);
  const items: ItemRow[] = [];
  const texts: TextRow[] = [];
  const lines = update.source?.split("\n") ?? [];
  const nameParts = new Map<string, PartTerms>();
  for (const s of symbols) {
    items.push([ids[items.length]!, file.kind, s.kind, s.name, s.qualified_name, s.line, s.end_line, s.signature, s.doc, s.parent]);
    const head = lines.slice(s.line, Math.min(s.end_line, s.line + SYMBOL_HEAD_LINES)).join("\n").slice(0, SYMBOL_HEAD_CHARS);
    const comment = commentAbove(lines, s.line);
    const doc = comment.startsWith(s.doc ?? "\u0000") ? comment : [s.doc, comment].filter(Boolean).join("\n");
    texts.push([nameTerms(s.qualified_name, nameParts), s.signature, doc, head]);
  }
  for (const section of sections) {
    const signature = `${"#".repeat(section.level)} ${section.heading}`;
    const firstLine = section.text.split("\n").find((l) => l.trim() !== "")?.trim() ?? null;
    items.push([ids[items.length]!, "markdown", "section", section.heading, section.heading, section.line, section.end_line, signature, firstLine, null]);
    texts.push([section.heading, "", "", section.text.slice(0, MAX_SECTION_TEXT)]);
  }
  const references = update.references ?? [];
  return { file, replaces: update.replaces, path, items, texts, symbolCount: symbols.length, uses: references.length > 0 ? countUses(references) : [], references };
}
