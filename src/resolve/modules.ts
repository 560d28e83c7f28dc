import { fail, ok, type Result } from "../core/result.ts";
import { languageInfo } from "../languages.ts";
import type { SymUri } from "../uri/sym-uri.ts";
import { locateFile, type Segment, type SegmentFile } from "./segment.ts";

/** Where a language looks for a module named by `parts` (relative to the segment root). */
const MODULE_CANDIDATES: Record<string, (parts: readonly string[]) => string[][]> = {
  python: (parts) => {
    const last = parts.at(-1)!;
    const dir = parts.slice(0, -1);
    return [
      [...dir, `${last}.py`],
      [...dir, `${last}.pyi`],
      [...parts, "__init__.py"],
      [...parts, "__init__.pyi"],
    ];
  },
};

/** Resolves a `sym://` URI to exactly one file of the segment, or a typed error. */
export function resolveSourceFile(segment: Segment, uri: SymUri): Result<SegmentFile> {
  if (uri.kind === "file") return resolveByPath(segment, uri);
  const candidates = MODULE_CANDIDATES[uri.language]?.(uri.pathParts) ?? [];
  const found: SegmentFile[] = [];
  for (const parts of candidates) {
    const located = locateFile(segment, parts);
    if (!located.ok) return located;
    if (located.value) found.push(located.value);
  }
  const module = uri.pathParts.join(".");
  if (found.length === 0) {
    return fail("FILE_NOT_FOUND", `no file for module '${module}'`, {
      uri: uri.raw,
      tried: candidates.map((c) => c.join("/")),
    });
  }
  if (found.length > 1) {
    return fail("AMBIGUOUS_SYMBOL", `module '${module}' matches ${found.length} files; address one with sym://${uri.language}/file/<path>`, {
      uri: uri.raw,
      candidates: found.map((f) => f.fileRel),
    });
  }
  return ok(found[0]!);
}

function resolveByPath(segment: Segment, uri: SymUri): Result<SegmentFile> {
  const fileRel = uri.pathParts.join("/");
  const extensions = languageInfo(uri.language)?.extensions ?? [];
  if (!extensions.some((ext) => fileRel.endsWith(ext))) {
    return fail("LANGUAGE_MISMATCH", `'${fileRel}' is not a ${uri.language} file (expected ${extensions.join(", ")})`, {
      uri: uri.raw,
    });
  }
  const located = locateFile(segment, uri.pathParts);
  if (!located.ok) return located;
  if (!located.value) return fail("FILE_NOT_FOUND", `no file '${fileRel}' in the segment`, { uri: uri.raw });
  return ok(located.value);
}
