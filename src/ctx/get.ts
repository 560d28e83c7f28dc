import { readSegmentFile } from "../resolve/safe-read.ts";
import { contentHash } from "../cache/key.ts";
import { sourceLines } from "../extract/source-text.ts";
import type { IndexedFile, IndexItem, OutlineRow } from "./index-store.ts";
import { locateFile } from "../resolve/segment.ts";
import { refreshFiles, unchangedOnDisk } from "./freshness.ts";
import type { IndexTarget } from "./update.ts";

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
}

export interface GetResult {
  pieces: Piece[];
  omitted: { id: string; tokens: number; stop_reason: "budget" }[];
  errors: { id: string; error_code: string; message: string }[];
  budget: number;
  used_tokens: number;
  stop_reason: "complete" | "budget";
}

function numbered(lines: string[], from: number, to: number): string {
  const width = String(to).length;
  return lines
    .slice(from - 1, to)
    .map((text, i) => `${String(from + i).padStart(width)}| ${text}`)
    .join("\n");
}

/** The signature of `root` and of everything inside it, indented by depth. */
function skeleton(rows: OutlineRow[], root: IndexItem | null): string {
  const inside = root ? rows.filter((i) => i.item_id === root.item_id || i.qualified_name.startsWith(`${root.qualified_name}.`)) : rows;
  const base = root ? root.qualified_name.split(".").length : 1;
  return inside
    .map((i) => {
      const depth = i.kind === "section" ? 0 : i.qualified_name.split(".").length - base;
      return `${"  ".repeat(Math.max(0, depth))}${i.line}-${i.end_line} ${i.signature}`;
    })
    .join("\n");
}

/**
 * A piece's content and the lines it covers. Only excerpts, raw pieces and a whole file's skeleton
 * need the text split into lines; a symbol's skeleton comes from the index rows alone.
 */
function render(mode: GetMode, target: IndexTarget, fileRel: string, bytes: Uint8Array, item: IndexItem | null): { content: string; line: number; end: number } {
  const lines = () => sourceLines(bytes);
  if (mode === "skeleton") {
    const rows = target.index.outline(fileRel, item);
    return { content: skeleton(rows, item), line: item?.line ?? 1, end: item?.end_line ?? lines().length };
  }
  const all = lines();
  const line = item?.line ?? 1;
  const end = item?.end_line ?? all.length;
  if (mode === "raw") return { content: all.slice(line - 1, end).join("\n"), line, end };
  const from = Math.max(1, line - CONTEXT_LINES);
  const to = Math.min(all.length, end + CONTEXT_LINES);
  return { content: numbered(all, from, to), line: from, end: to };
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

/**
 * The asked-for pieces within a hard token budget. A file changed since it was indexed is
 * re-indexed first, so lines always match the file; what does not fit is listed, unknown ids
 * are errors of their own.
 */
export async function getPieces(target: IndexTarget, ids: readonly string[], mode: GetMode, budget: number): Promise<GetResult> {
  const result: GetResult = { pieces: [], omitted: [], errors: [], budget, used_tokens: 0, stop_reason: "complete" };
  for (const id of ids) {
    const found = await readPiece(target, id, mode);
    if ("error_code" in found) {
      result.errors.push({ id, ...found });
      continue;
    }
    const tokens = estimateTokens(found.content);
    if (result.used_tokens + tokens > budget) {
      result.omitted.push({ id, tokens, stop_reason: "budget" });
      result.stop_reason = "budget";
      continue;
    }
    result.used_tokens += tokens;
    result.pieces.push({ id, kind: found.kind, mode, citation: found.citation, content_hash: found.content_hash, tokens, content: found.content });
  }
  return result;
}

/** A file that changes again between its refresh and its read is refreshed and read again this often. */
const READ_ATTEMPTS = 3;

type PieceError = { error_code: string; message: string };

/**
 * One id's lines, read from the file as the index has it: a file changed since it was indexed is
 * re-indexed first, and one that changes between that and the read is re-indexed and read again.
 */
async function readPiece(target: IndexTarget, id: string, mode: GetMode): Promise<Omit<Piece, "id" | "mode" | "tokens"> | PieceError> {
  const { fileRel, member } = splitId(target, id);
  if (fileRel === "" || fileRel.startsWith("/") || fileRel.split("/").includes("..")) return { error_code: "PATH_OUTSIDE_SEGMENT", message: "ids name files inside the segment" };
  for (let attempt = 1; ; attempt++) {
    let file: IndexedFile | null = target.index.file(fileRel);
    if (file && !unchangedOnDisk(target.root, file)) {
      await refreshFiles(target, [fileRel]);
      file = target.index.file(fileRel);
    }
    const item = member === null ? null : target.index.item(id);
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
      return { kind: item?.kind ?? "file", citation: `${fileRel}:${rendered.line}-${rendered.end}`, content_hash: hash, content: rendered.content };
    }
    // Changed after the freshness check (size and time alike, or edited in between): index it again.
    if (target.cache.readOnly || attempt === READ_ATTEMPTS) return { error_code: "STALE_INDEX", message: `${fileRel} changed while being read; ask again` };
    await refreshFiles(target, [fileRel], { force: true });
  }
}
