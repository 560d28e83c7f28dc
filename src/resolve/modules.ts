import { readdirSync } from "node:fs";
import { fail, ok, type Result } from "../core/result.ts";
import { hasNoExtension, LANGUAGES, type Language, type Modules } from "../languages.ts";
import type { SymUri } from "../uri/sym-uri.ts";
import { locateDir, locateFile, type Segment, type SegmentFile } from "./segment.ts";

/** What a URI names: one file, or (Go) every file of a package directory. */
export type Source = { kind: "file"; file: SegmentFile } | { kind: "package"; dirRel: string; files: SegmentFile[] };

const withExt = (parts: readonly string[], ext: string) => [...parts.slice(0, -1), `${parts.at(-1)}${ext}`];

/**
 * Candidate files for a module, in the order the language looks for them, and whether the
 * first existing one wins (`first`) or several existing ones are ambiguous (`unique`).
 */
function candidates(modules: Exclude<Modules, { style: "go" }>, exts: readonly string[], parts: readonly string[]): { paths: string[][]; pick: "first" | "unique" } {
  switch (modules.style) {
    case "python":
      return { paths: [withExt(parts, ".py"), withExt(parts, ".pyi"), [...parts, "__init__.py"], [...parts, "__init__.pyi"]], pick: "unique" };
    case "ecmascript":
      return { paths: [...modules.order.map((e) => withExt(parts, e)), ...modules.order.map((e) => [...parts, `index${e}`])], pick: "first" };
    case "rust": {
      const inCrate = parts[0] === "crate" ? parts.slice(1) : parts;
      if (inCrate.length === 0) return { paths: [["src", "lib.rs"], ["src", "main.rs"]], pick: "first" };
      return {
        paths: [["src", ...withExt(inCrate, ".rs")], ["src", ...inCrate, "mod.rs"], withExt(inCrate, ".rs"), [...inCrate, "mod.rs"]],
        pick: "first",
      };
    }
    case "jvm":
      return { paths: modules.roots.flatMap((root) => exts.map((e) => [...root, ...withExt(parts, e)])), pick: "first" };
    case "path":
      return { paths: exts.map((e) => withExt(parts, e)), pick: "unique" };
  }
}

/** Resolves a `sym://` URI inside the segment, or a typed error. Nothing is read. */
export function resolveSource(segment: Segment, uri: SymUri): Result<Source> {
  const language = LANGUAGES[uri.language];
  if (uri.kind === "file") {
    const file = resolveByPath(segment, uri, language);
    return file.ok ? ok({ kind: "file", file: file.value }) : file;
  }
  if (language.modules.style === "go") return resolveGoPackage(segment, uri);
  const { paths, pick } = candidates(language.modules, language.extensions, uri.pathParts);
  const found: SegmentFile[] = [];
  for (const parts of paths) {
    const located = locateFile(segment, parts);
    if (!located.ok) return located;
    if (!located.value) continue;
    found.push(located.value);
    if (pick === "first") break;
  }
  const module = uri.pathParts.join("/");
  if (found.length === 0) {
    // The rule says how the language writes modules (Rust's `a::b`, where `a.b` finds nothing).
    return fail("FILE_NOT_FOUND", `no file for module '${module}'`, { uri: uri.raw, tried: paths.map((c) => c.join("/")), hint: `how sym://${uri.language}/mod/ finds files: ${language.modules.rule}` });
  }
  if (found.length > 1) {
    return fail("AMBIGUOUS_SYMBOL", `module '${module}' matches ${found.length} files; address one with sym://${uri.language}/file/<path>`, {
      uri: uri.raw,
      candidates: found.map((f) => f.fileRel),
    });
  }
  return ok({ kind: "file", file: found[0]! });
}

/** A Go package: every non-test `.go` file of the directory. */
function resolveGoPackage(segment: Segment, uri: SymUri): Result<Source> {
  const dir = locateDir(segment, uri.pathParts);
  if (!dir.ok) return dir;
  const dirRel = uri.pathParts.join("/");
  if (!dir.value) return fail("FILE_NOT_FOUND", `no package directory '${dirRel}'`, { uri: uri.raw, tried: [dirRel] });
  const files: SegmentFile[] = [];
  for (const name of readdirSync(dir.value).sort()) {
    if (!name.endsWith(".go") || name.endsWith("_test.go")) continue;
    const located = locateFile(segment, [...uri.pathParts, name]);
    if (!located.ok) return located;
    if (located.value) files.push(located.value);
  }
  if (files.length === 0) return fail("FILE_NOT_FOUND", `no non-test .go files in '${dirRel}'`, { uri: uri.raw, tried: [`${dirRel}/*.go`] });
  return ok({ kind: "package", dirRel, files });
}

function resolveByPath(segment: Segment, uri: SymUri, language: Language): Result<SegmentFile> {
  const fileRel = uri.pathParts.join("/");
  // A file without an extension (a script) is read in the language the URI names.
  if (!language.extensions.some((ext) => fileRel.endsWith(ext)) && !hasNoExtension(uri.pathParts.at(-1)!)) {
    return fail("LANGUAGE_MISMATCH", `'${fileRel}' is not a ${uri.language} file (expected ${language.extensions.join(", ")})`, { uri: uri.raw });
  }
  const located = locateFile(segment, uri.pathParts);
  if (!located.ok) return located;
  if (!located.value) return fail("FILE_NOT_FOUND", `no file '${fileRel}' in the segment`, { uri: uri.raw });
  return ok(located.value);
}
