/**
 * How often a segment writes a definition by its qualified name: `os.ReadFile`, `Objects.hash`,
 * `import { switchMap } from "./switchMap"`. A search's prior for the definitions code leans on
 * (src/ctx/search.ts). A use is counted by its name and the last part of what it is written on (its
 * receiver, or an import's module); a definition by its name and the qualifiers such a use of it
 * carries (its parent, or its module's name). Uses written on a variable (`r.Read`) are not counted:
 * the prior is of an API's surface, not of every call.
 */
import { memoized } from "../core/maps.ts";
import type { ReferenceRecord } from "../extract/types.ts";
import { isLanguageId, LANGUAGES } from "../languages.ts";

/** The last part of a receiver or module as written (`os.path` → `path`, `./operators/map.js` → `map`). */
function lastPart(written: string): string {
  const bare = written.replace(/\.[cm]?[jt]sx?$/, "");
  return bare.slice(Math.max(bare.lastIndexOf("."), bare.lastIndexOf("/"), bare.lastIndexOf(":")) + 1);
}

function firstPart(written: string): string {
  for (let i = 0; i < written.length; i++) {
    const c = written.charCodeAt(i);
    if (c === 46 || c === 47 || c === 58) return written.slice(0, i); // . / :
  }
  return written;
}
const isCapital = (c: number) => c >= 65 && c <= 90;

/**
 * A file's qualified uses, [name, qualifier, uses] per pair: imports, and uses written on a name the
 * file imports (`os.ReadFile`, `os.path.join`) or on a capitalised one (`Thread.sleep`, `Vec::new`).
 * Uses written on anything else (`self.f`, `r.Read`) are of variables: they name no definition's
 * qualifier, and were most of the rows (the Python standard library: 26,386 rows with them, 8,167 without).
 */
export function countUses(references: readonly ReferenceRecord[]): [string, string, number][] {
  const imported = new Set<string>();
  for (const r of references) {
    if (r.kind !== "import") continue;
    if (r.alias) imported.add(r.alias);
    if (r.name !== "*") imported.add(r.name);
    if (r.module) imported.add(firstPart(r.module)).add(lastPart(r.module));
  }
  const counts = new Map<string, Map<string, number>>();
  for (const r of references) {
    let written: string;
    if (r.kind === "import") {
      if (!r.module || r.name === "*") continue;
      written = r.module;
    } else {
      if (!r.receiver || !(isCapital(r.receiver.charCodeAt(0)) || imported.has(firstPart(r.receiver)))) continue;
      written = r.receiver;
    }
    const qualifier = lastPart(written);
    if (qualifier === "") continue;
    const byQualifier = memoized(counts, r.name, () => new Map<string, number>());
    byQualifier.set(qualifier, (byQualifier.get(qualifier) ?? 0) + 1);
  }
  const rows: [string, string, number][] = [];
  for (const [name, byQualifier] of counts) for (const [qualifier, uses] of byQualifier) rows.push([name, qualifier, uses]);
  return rows;
}

/** How a count of uses is looked up: by name and qualifier. */
export const useKey = (name: string, qualifier: string): string => `${name}\u0000${qualifier}`;

/** Files that stand for their folder's module (`json/__init__.py`, `operators/index.ts`, Rust's `mod.rs`). */
const FOLDER_FILE = /^(__init__|index|mod|lib)$/;

/**
 * The qualifier a use of a definition is written with: its parent's last part (`Objects` of
 * `Objects.hash`); at the top, its module's name: a Go package is its folder, elsewhere the file
 * (`base64` of base64.py, `./switchMap` imported), or the folder of an index file. Also counting the
 * folder of every file cost the held-out Java set 0.033 MRR (`import java.util.X` counted for every X).
 */
export function definitionQualifier(item: { file_rel: string; lang: string; parent: string | null }): string {
  if (item.parent !== null) return lastPart(item.parent);
  const parts = item.file_rel.split("/");
  const fileName = parts.at(-1)!.split(".")[0]!;
  const folder = parts.at(-2) ?? fileName;
  return isLanguageId(item.lang) && LANGUAGES[item.lang].modules.style === "go" ? folder : FOLDER_FILE.test(fileName) ? folder : fileName;
}
