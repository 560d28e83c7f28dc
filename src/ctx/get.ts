import { readSegmentFile } from "../resolve/safe-read.ts";
import { contentHash } from "../cache/key.ts";
import { sourceLines } from "../extract/source-text.ts";
import type { IndexedFile, IndexItem, OutlineRow } from "./index-store.ts";
import { locateFile } from "../resolve/segment.ts";
import { refreshFiles, unchangedOnDisk } from "./freshness.ts";
import type { IndexTarget } from "./update.ts";
import { qualifiedTargets } from "./qualified.ts";
import { DECORATOR_LINE } from "./rows.ts";

export type GetMode = "skeleton" | "excerpt" | "raw";
export const GET_MODES: readonly GetMode[] = ["skeleton", "excerpt", "raw"];
export const DEFAULT_BUDGET = 2000;
/** Lines of context around a symbol in `excerpt` mode. */
const CONTEXT_LINES = 2;

/** Tokens estimated as characters / 4, rounded up: the same for every piece and the budget. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export interface Piece {
  id: string;
  kind: string;
  mode: GetMode;
  citation: string;
  content_hash: string;
  tokens: number;
  content: string;
  /**
   * Set when the piece alone was larger than the budget: the lines it shows (`line`-`end_line`; the
   * citation says the same), the lines the whole piece covers, and the id that reads on.
   */
  truncated?: { line: number; end_line: number; of: string; next_id: string | null };
  /** The name asked for, when an id was given as a definition's name (`Cart.total`) and this is its one definition. */
  resolved_from?: string;
}

export interface GetResult {
  pieces: Piece[];
  omitted: { id: string; tokens: number; stop_reason: "budget" }[];
  errors: { id: string; error_code: string; message: string; candidates?: string[] }[];
  budget: number;
  used_tokens: number;
  stop_reason: "complete" | "budget";
}

/** A piece's lines, each with the source line it shows (a skeleton row: the line its item starts on). */
interface Rendered {
  rows: string[];
  numbers: number[];
  line: number;
  end: number;
}

function numbered(lines: string[], from: number, to: number): Rendered {
  const width = String(to).length;
  const rows = lines.slice(from - 1, to).map((text, i) => `${String(from + i).padStart(width)}| ${text}`);
  return { rows, numbers: rows.map((_, i) => from + i), line: from, end: to };
}

/** The signature of `root` and of everything inside it, indented by depth. */
function skeleton(rows: OutlineRow[], root: IndexItem | null): { rows: string[]; numbers: number[] } {
  const inside = root && root.kind !== "lines" ? rows.filter((i) => i.item_id === root.item_id || i.qualified_name.startsWith(`${root.qualified_name}.`)) : rows;
  const base = root && root.kind !== "lines" ? root.qualified_name.split(".").length : 1;
  return {
    rows: inside.map((i) => {
      const depth = i.kind === "section" ? 0 : i.qualified_name.split(".").length - base;
      return `${"  ".repeat(Math.max(0, depth))}${i.line}-${i.end_line} ${i.signature}`;
    }),
    numbers: inside.map((i) => i.line),
  };
}

/** A decorator or attribute line (`@app.route("/")`, `#[derive(Debug)]`, C#'s `[HttpGet]`). */
const decoratorLine = (text: string, lang: string) => DECORATOR_LINE.test(text) || (lang === "c_sharp" && /^\s*\[/.test(text));

/**
 * Where a definition's lines start when they are read: at its first line, or at the decorators and attributes
 * written right above it (a Python function starts at its `def`, as Python's `ast` says, and `@app.route("/")`
 * above it is what it is for; so is Rust's `#[derive(…)]`).
 */
function withDecorators(all: readonly string[], item: IndexItem): number {
  if (item.kind === "lines" || item.kind === "section") return item.line;
  let line = item.line;
  while (line > 1 && decoratorLine(all[line - 2] ?? "", item.lang)) line--;
  return line;
}

/**
 * A piece's content and the lines it covers. Only excerpts, raw pieces and a whole file's skeleton
 * need the text split into lines; a symbol's skeleton comes from the index rows alone. A line range
 * (`#L10-L40`) is shown without context lines: what was asked for, so reading on leaves no gap.
 */
function render(mode: GetMode, target: IndexTarget, fileRel: string, bytes: Uint8Array, item: IndexItem | null): Rendered {
  const lines = () => sourceLines(bytes);
  if (mode === "skeleton") {
    const { rows, numbers } = skeleton(target.index.outline(fileRel, item), item);
    return { rows, numbers, line: item?.line ?? 1, end: item?.end_line ?? lines().length };
  }
  const all = lines();
  const line = item ? withDecorators(all, item) : 1;
  const end = Math.min(all.length, item?.end_line ?? all.length);
  if (mode === "raw") {
    const rows = all.slice(line - 1, end);
    return { rows, numbers: rows.map((_, i) => line + i), line, end };
  }
  const context = item?.kind === "lines" ? 0 : CONTEXT_LINES;
  return numbered(all, Math.max(1, line - context), Math.min(all.length, end + context));
}

/**
 * The first lines of a piece that fit `budget` tokens with the note that says where to read on
 * (`next_id`, a line range of the same file); a first line longer than the budget is cut. Never over
 * the budget, never empty while the budget holds a character.
 */
function truncate(fileRel: string, rendered: Rendered, budget: number): { content: string; truncated: NonNullable<Piece["truncated"]> } {
  const room = budget * 4;
  const noteFor = (next: string | null) => `\n… truncated to fit ${budget} tokens${next ? `; read on: ${next}` : ""}`;
  let shown = 0;
  let length = 0;
  for (; shown < rendered.rows.length; shown++) {
    const next = length + (shown > 0 ? 1 : 0) + rendered.rows[shown]!.length;
    const after = rendered.numbers[shown + 1];
    const note = noteFor(after === undefined ? null : `${fileRel}#L${after}-L${rendered.end}`);
    if (next + note.length > room) break;
    length = next;
  }
  const lastShown = shown > 0 ? rendered.numbers[shown - 1]! : rendered.numbers[0] ?? rendered.line;
  const nextLine = rendered.numbers[Math.max(shown, 1)];
  const nextId = nextLine === undefined ? null : `${fileRel}#L${nextLine}-L${rendered.end}`;
  const note = noteFor(nextId);
  // Not one whole row fits: as much of the first as the budget holds (the note only if it fits too).
  const body = shown > 0 ? rendered.rows.slice(0, shown).join("\n") : (rendered.rows[0] ?? "").slice(0, Math.max(0, room - note.length) || room);
  const content = body.length + note.length <= room ? body + note : body.slice(0, room);
  const end = shown > 0 ? (rendered.numbers[shown] ?? rendered.end + 1) - 1 : lastShown;
  return { content, truncated: { line: rendered.line, end_line: Math.max(rendered.line, end), of: `${rendered.line}-${rendered.end}`, next_id: nextId } };
}

/**
 * Which file an id names, and the symbol or section after its `#` (null for a whole file). File
 * names may hold `#` themselves (and names may too: `#private` members), so the index decides: an
 * item id, else a file, else the longest indexed file the id starts with (then `#`).
 */
function splitId(target: IndexTarget, id: string): { fileRel: string; member: string | null } {
  const item = target.index.item(id);
  if (item) return { fileRel: item.file_rel, member: id.slice(item.file_rel.length + 1) };
  if (target.index.file(id)) return { fileRel: id, member: null };
  for (let at = id.lastIndexOf("#"); at > 0; at = id.lastIndexOf("#", at - 1)) {
    if (target.index.file(id.slice(0, at))) return { fileRel: id.slice(0, at), member: id.slice(at + 1) };
  }
  const first = id.indexOf("#");
  return first === -1 ? { fileRel: id, member: null } : { fileRel: id.slice(0, first), member: id.slice(first + 1) };
}

/** `L10-L40`, `L10-40` or `L10`: a range of lines, read like an item. */
function lineRange(fileRel: string, member: string): IndexItem | null {
  const match = /^L(\d+)(?:-L?(\d+))?$/.exec(member);
  if (!match) return null;
  const line = Number(match[1]);
  const end = match[2] === undefined ? line : Number(match[2]);
  if (line < 1 || end < line) return null;
  return { item_id: `${fileRel}#${member}`, file_rel: fileRel, lang: "", kind: "lines", name: member, qualified_name: member, line, end_line: end, signature: "", doc: null, parent: null };
}

/**
 * The asked-for pieces within a hard token budget. A file changed since it was indexed is
 * re-indexed first, so lines always match the file; what does not fit is listed, unknown ids
 * are errors of their own. A first piece larger than the whole budget is returned cut, with the
 * id that reads on, rather than nothing.
 */
export async function getPieces(target: IndexTarget, ids: readonly string[], mode: GetMode, budget: number): Promise<GetResult> {
  const result: GetResult = { pieces: [], omitted: [], errors: [], budget, used_tokens: 0, stop_reason: "complete" };
  for (const asked of ids) {
    const named = byName(target, asked);
    if (named !== null && typeof named !== "string") {
      result.errors.push({ id: asked, ...named });
      continue;
    }
    const id = named ?? asked;
    const found = await readPiece(target, id, mode);
    if ("error_code" in found) {
      result.errors.push({ id: asked, ...found });
      continue;
    }
    const { fileRel, rendered, ...piece } = found;
    const content = rendered.rows.join("\n");
    const tokens = estimateTokens(content);
    if (result.used_tokens + tokens <= budget) {
      result.used_tokens += tokens;
      result.pieces.push({ id, mode, ...piece, tokens, content, ...(named ? { resolved_from: asked } : {}) });
      continue;
    }
    result.stop_reason = "budget";
    if (result.pieces.length > 0 || result.omitted.length > 0) {
      result.omitted.push({ id, tokens, stop_reason: "budget" });
      continue;
    }
    const cut = truncate(fileRel, rendered, budget);
    const cutTokens = estimateTokens(cut.content);
    result.used_tokens += cutTokens;
    result.pieces.push({ id, mode, ...piece, citation: `${fileRel}:${cut.truncated.line}-${cut.truncated.end_line}`, tokens: cutTokens, content: cut.content, truncated: cut.truncated, ...(named ? { resolved_from: asked } : {}) });
  }
  return result;
}

/** Whether the segment holds a file at `fileRel` (links out of it refused), whatever the index says. */
function existsOnDisk(target: IndexTarget, fileRel: string): boolean {
  const located = locateFile({ root: target.root }, fileRel.split("/"));
  return located.ok && located.value !== null;
}

/** How many definitions of one name an ambiguous answer lists. */
const NAME_CANDIDATES = 10;

/**
 * An id given as a definition's name or qualified name (`Cart.total`, as `ctx refs` takes one, or written with its
 * module: `java.util.HashMap.put`): the id of its one definition, an AMBIGUOUS_SYMBOL error listing several, or null
 * when it is no name (an id or a path: read as one).
 */
function byName(target: IndexTarget, asked: string): string | PieceError | null {
  if (target.index.item(asked) || target.index.file(asked)) return null;
  // A qualified name as stack traces and docs write it (`java.util.HashMap.put`, `net/http.Client.Do`).
  if (asked.includes("#") || asked.includes("/")) {
    const qualified = [...new Set(qualifiedTargets(target.index, asked).map((i) => i.item_id))];
    return qualified.length === 1 ? qualified[0]! : null;
  }
  const byName = target.index.byName(asked, NAME_CANDIDATES + 1).filter((i) => i.kind !== "section");
  const definitions = [...new Set((byName.length > 0 ? byName : qualifiedTargets(target.index, asked)).map((i) => i.item_id))];
  if (definitions.length <= 1) return definitions[0] ?? null;
  return { error_code: "AMBIGUOUS_SYMBOL", message: `'${asked}' names ${definitions.length > NAME_CANDIDATES ? `more than ${NAME_CANDIDATES}` : definitions.length} definitions; get one by its id`, candidates: definitions.slice(0, NAME_CANDIDATES) };
}

/** A file that changes again between its refresh and its read is refreshed and read again this often. */
const READ_ATTEMPTS = 3;

type PieceError = { error_code: string; message: string; candidates?: string[] };

/**
 * One id's lines, read from the file as the index has it: a file changed since it was indexed is
 * re-indexed first, and one that changes between that and the read is re-indexed and read again.
 */
async function readPiece(target: IndexTarget, id: string, mode: GetMode): Promise<(Pick<Piece, "kind" | "citation" | "content_hash"> & { fileRel: string; rendered: Rendered }) | PieceError> {
  const { fileRel, member } = splitId(target, id);
  if (fileRel === "" || fileRel.startsWith("/") || fileRel.split("/").includes("..")) return { error_code: "PATH_OUTSIDE_SEGMENT", message: "ids name files inside the segment" };
  for (let attempt = 1; ; attempt++) {
    let file: IndexedFile | null = target.index.file(fileRel);
    if (file && !unchangedOnDisk(target.root, file)) {
      await refreshFiles(target, [fileRel]);
      file = target.index.file(fileRel);
    }
    const item = member === null ? null : (target.index.item(id) ?? lineRange(fileRel, member));
    if (!file && existsOnDisk(target, fileRel)) return { error_code: "ID_NOT_FOUND", message: `'${fileRel}' is not in the index: new since the last build, or not indexed (ignored, unsupported, too large); \`ctx build\` indexes new files` };
    // A line range that runs backwards or starts at 0 says so, not that no symbol has its name.
    if (file && member !== null && !item && /^L\d+(?:-L?\d+)?$/.test(member)) return { error_code: "ID_NOT_FOUND", message: `'${member}' is no range of lines: they are numbered from L1, and a range ends at or after its start (L10-L40)` };
    if (!file || (member !== null && !item)) return { error_code: "ID_NOT_FOUND", message: file ? `no symbol or section '${member}' in ${fileRel}` : `'${fileRel}' is not in the index` };
    const located = locateFile({ root: target.root }, fileRel.split("/"));
    if (!located.ok) return { error_code: located.error.code, message: located.error.message };
    if (!located.value) return { error_code: "ID_NOT_FOUND", message: `'${fileRel}' no longer exists` };
    const read = readSegmentFile(target.root, located.value.absPath);
    if (!read.ok) {
      const code = read.reason === "outside_segment" ? "PATH_OUTSIDE_SEGMENT" : read.reason === "unreadable" ? "FILE_UNREADABLE" : "ID_NOT_FOUND";
      return { error_code: code, message: `${fileRel} cannot be read (${read.detail})` };
    }
    const hash = contentHash(read.bytes);
    if (hash === file.content_hash) {
      const rendered = render(mode, target, fileRel, read.bytes, item);
      if (item?.kind === "lines" && item.line > Math.max(rendered.end, 1)) return { error_code: "ID_NOT_FOUND", message: `${fileRel} has ${rendered.end} lines; ${member} starts after them` };
      return { kind: item?.kind ?? "file", citation: `${fileRel}:${rendered.line}-${rendered.end}`, content_hash: hash, fileRel, rendered };
    }
    // Changed after the freshness check (size and time alike, or edited in between): index it again.
    if (target.cache.readOnly || attempt === READ_ATTEMPTS) return { error_code: "STALE_INDEX", message: `${fileRel} changed while being read; ask again` };
    await refreshFiles(target, [fileRel], { force: true });
  }
}
