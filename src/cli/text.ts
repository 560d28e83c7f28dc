import type { GetResult } from "../ctx/get.ts";
import type { SearchHit } from "../ctx/search.ts";
import type { Callee, Caller, TargetRow, Use } from "../graph/references.ts";

/**
 * `--format text`: the answers for a person or a token-counting agent. What has no rendering of its own
 * prints its fields (`fieldsText`); errors stay JSON whatever the format.
 */

/** One `key: value` line per field, nested objects indented; null, empty lists and empty objects left out. */
export function fieldsText(value: object, indent = ""): string {
  let text = "";
  for (const [key, field] of Object.entries(value)) {
    if (field === null || field === undefined || (typeof field === "object" && Object.keys(field).length === 0)) continue;
    if (Array.isArray(field) && field.every((item) => typeof item !== "object")) text += `${indent}${key}: ${field.join(", ")}\n`;
    else if (Array.isArray(field)) text += `${indent}${key}:\n${field.map((item) => fieldsText(item, `${indent}  `).replace(`${indent}  `, `${indent}- `)).join("")}`;
    else if (typeof field === "object") text += `${indent}${key}:\n${fieldsText(field, `${indent}  `)}`;
    else text += `${indent}${key}: ${field}\n`;
  }
  return text;
}

/** Definitions a line each: the id (what `ctx get` takes), lines, kind and signature. */
const definitionLines = (items: readonly { id: string; line: number; end_line: number; kind: string; signature: string }[]) =>
  items.map((d) => `${d.id}  ${d.line}-${d.end_line}  ${d.kind}  ${d.signature}\n`).join("");

/** The hits, then the answer's notes. */
export function searchText({ hits, segment_root: _root, query: _query, ...notes }: { hits: SearchHit[]; segment_root: string; query: string }): string {
  return definitionLines(hits) + fieldsText(notes);
}

/** Each piece under its citation, then what did not fit and what was not found. */
export function getText({ pieces, segment_root: _root, mode: _mode, ...rest }: GetResult & { segment_root: string; mode: string }): string {
  return pieces.map((p) => `--- ${p.citation} ${p.id}\n${p.content}\n`).join("") + fieldsText(rest);
}


/** The definitions asked about, then each file's uses under it: line:col, kind, where from, resolution. */
export function refsText({ targets, references, segment_root: _root, query: _query, files: _files, ...notes }: { targets: TargetRow[]; references: Use[]; segment_root: string; query: string; files: unknown }): string {
  let text = definitionLines(targets);
  let file = "";
  for (const u of references) {
    if (u.file !== file) {
      file = u.file;
      text += `${file}\n`;
    }
    const what = u.resolution === "resolved" ? "" : `  ambiguous: ${u.candidates!.join(", ")}${u.more_candidates ? ` +${u.more_candidates}` : ""}`;
    text += `  ${u.line}:${u.col}  ${u.kind}  in ${u.from ?? "(module)"}${what}\n`;
  }
  return text + fieldsText(notes);
}

export function callersText({ targets, callers, segment_root: _root, query: _query, ...notes }: { targets: TargetRow[]; callers: Caller[]; segment_root: string; query: string }): string {
  const lines = callers.map((c) => `${"  ".repeat(c.depth)}${c.id}  ${c.line}  ${c.kind}  ${c.signature}${c.resolution === "ambiguous" ? "  (ambiguous)" : ""}\n`);
  return definitionLines(targets) + lines.join("") + fieldsText(notes);
}

export function calleesText({ targets, callees, segment_root: _root, query: _query, ...notes }: { targets: TargetRow[]; callees: Callee[]; segment_root: string; query: string }): string {
  const lines = callees.map((c) => {
    const what = c.resolution === "resolved" ? `${c.id}  ${c.line}  ${c.kind}  ${c.signature}` : c.resolution === "ambiguous" ? `${c.name}  ambiguous: ${c.candidates!.join(", ")}` : `${c.name}  (not in the segment)`;
    return `${"  ".repeat(c.depth)}${what}\n`;
  });
  return definitionLines(targets) + lines.join("") + fieldsText(notes);
}

/** The map as it is, then the answer's notes. */
export function mapText({ map, segment_root: _root, ...notes }: { map: string; segment_root: string }): string {
  return map + fieldsText(notes);
}
