import type { GetResult } from "../ctx/get.ts";
import type { SearchHit } from "../ctx/search.ts";

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

/** A hit a line: its id (what `ctx get` takes), lines, kind and signature; then the answer's notes. */
export function searchText({ hits, segment_root: _root, query: _query, ...notes }: { hits: SearchHit[]; segment_root: string; query: string }): string {
  return hits.map((h) => `${h.id}  ${h.line}-${h.end_line}  ${h.kind}  ${h.signature}\n`).join("") + fieldsText(notes);
}

/** Each piece under its citation, then what did not fit and what was not found. */
export function getText({ pieces, segment_root: _root, mode: _mode, ...rest }: GetResult & { segment_root: string; mode: string }): string {
  return pieces.map((p) => `--- ${p.citation} ${p.id}\n${p.content}\n`).join("") + fieldsText(rest);
}
