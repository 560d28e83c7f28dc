import { existsSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from "node:fs";
import { join, sep } from "node:path";
import { hasNoExtension, LANGUAGE_IDS, LANGUAGES, scriptLanguage, type LanguageId } from "../languages.ts";
import { decodeSource } from "../extract/source-text.ts";
import { readSegmentFile, type FileIdentity } from "../resolve/safe-read.ts";
import { GitAttributes } from "./generated.ts";
import { IgnoreRules } from "./ignore.ts";

/**
 * Directories that are never source whatever the project: VCS data, installed dependencies, tool
 * caches, our own files. Not `build`, `dist`, `target` or `coverage`: Go's standard library has
 * `go/build` and `cmd/dist` packages of source; outputs are found by their markers (below) or by
 * the project's own ignore files.
 */
const TOOL_DIRS = new Set([".git", ".hg", ".svn", "node_modules", ".trifecta", "_ctx", "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".next", ".gradle"]);

/**
 * A build output, by what its tool leaves in it: `CACHEDIR.TAG` (the Cache Directory Tagging
 * Specification, written by Cargo into `target/` and by many other tools), Cargo's
 * `.rustc_info.json`, and the reports of coverage tools (`lcov.info`, `coverage-final.json`).
 */
function isBuildOutput(names: ReadonlySet<string>): boolean {
  return names.has("CACHEDIR.TAG") || names.has(".rustc_info.json") || names.has("lcov.info") || names.has("coverage-final.json");
}

/**
 * A Python virtual environment, by what makes one (not by name: the standard library has a `venv`
 * package of source): `pyvenv.cfg` (venv, virtualenv 20+) or an activate script (older virtualenvs).
 * Read from the directory's own listing, so an ordinary directory costs no extra system call.
 */
function isVirtualEnv(dir: string, names: ReadonlySet<string>): boolean {
  return names.has("pyvenv.cfg") || (names.has("bin") && existsSync(join(dir, "bin", "activate"))) || (names.has("Scripts") && existsSync(join(dir, "Scripts", "activate.bat")));
}
// Documents split into sections: Markdown; MDX (Markdown with JSX, the pages of Docusaurus, Next.js and Astro docs),
// by its headings as Markdown is; reStructuredText (Sphinx docs, `README.rst`) by its titles (src/ctx/rst.ts).
const MARKDOWN = [".md", ".markdown", ".mdx", ".rst"];

export type FileKind = { type: "source"; language: LanguageId } | { type: "markdown" };

export interface WalkedFile {
  readonly fileRel: string;
  /** The file's real path (a link inside the segment is read at its target). */
  readonly absPath: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly kind: FileKind;
  /** Which file the walk saw, so a reader can tell it was not swapped since (src/resolve/safe-read.ts). */
  readonly identity?: FileIdentity;
  /** A `!path` rule or `-linguist-generated` says to parse it even if it looks generated or minified. */
  readonly keepGenerated?: boolean;
}

/**
 * Why a file or directory was not indexed: an ignore file said so (`ignored`); a VCS, dependency,
 * cache or trifecta directory (`tool_dir`); a virtualenv; a build output found by its marker;
 * generated or minified (by `.gitattributes` here, by content when read: src/ctx/generated.ts); not
 * a supported language; above the size limit; a link out of the segment, to a directory, or to
 * nothing. A skipped directory counts once, whatever it holds.
 */
export type SkipReason = "ignored" | "tool_dir" | "virtualenv" | "build_output" | "generated" | "minified" | "unsupported" | "too_large" | "symlink_outside" | "symlink_dir" | "symlink_dangling";

/** A directory walked, with its modification time: a file created or removed in it changes that time. */
export interface DirStamp {
  readonly dir_rel: string;
  readonly mtime_ms: number;
}

export interface WalkResult {
  readonly files: WalkedFile[];
  readonly dirs: DirStamp[];
  readonly seen: number;
  readonly skipped: Record<SkipReason, number>;
  /** The `unsupported` files by extension (lowercased; `(none)` for a name without one). */
  readonly unsupportedExtensions: ReadonlyMap<string, number>;
}

/** The `.gitattributes` of `dirRel`, added to those of its parents (read like any file of the segment). */
function withAttributesOf(root: string, dirRel: string, names: ReadonlySet<string>, inherited: GitAttributes): GitAttributes {
  if (!names.has(".gitattributes")) return inherited;
  const read = readSegmentFile(root, join(root, dirRel, ".gitattributes"));
  return read.ok ? inherited.withFile(decodeSource(read.bytes), dirRel) : inherited;
}

/** The language (or Markdown) a file name belongs to, by extension. */
export function kindOf(name: string): FileKind | null {
  if (MARKDOWN.some((ext) => name.endsWith(ext))) return { type: "markdown" };
  // The longest matching extension wins (`.d.ts` over `.ts`).
  let best: { language: LanguageId; length: number } | null = null;
  for (const language of LANGUAGE_IDS) {
    for (const ext of LANGUAGES[language].extensions) {
      if (name.endsWith(ext) && name.length > ext.length && (!best || ext.length > best.length)) best = { language, length: ext.length };
    }
  }
  return best ? { type: "source", language: best.language } : null;
}

/** How much of a file without an extension is read for its `#!` line. */
const SHEBANG_BYTES = 256;

/**
 * A file's kind by its name, or for a script without an extension (`bin/deploy`) by the language its `#!` line
 * runs, read as any file of the segment is.
 */
export function kindOfFile(root: string, abs: string, name: string): FileKind | null {
  const byName = kindOf(name);
  if (byName || !hasNoExtension(name)) return byName;
  const head = readSegmentFile(root, abs, undefined, SHEBANG_BYTES);
  const language = head.ok ? scriptLanguage(decodeSource(head.bytes)) : null;
  return language ? { type: "source", language } : null;
}

/** Every indexable file of the segment, in path order, honouring ignore files and never leaving the segment. */
export function walkSegment(root: string, maxFileBytes: number): WalkResult {
  const files: WalkedFile[] = [];
  const dirs: DirStamp[] = [];
  const skipped: Record<SkipReason, number> = { ignored: 0, tool_dir: 0, virtualenv: 0, build_output: 0, generated: 0, minified: 0, unsupported: 0, too_large: 0, symlink_outside: 0, symlink_dir: 0, symlink_dangling: 0 };
  let seen = 0;
  const unsupportedExtensions = new Map<string, number>();
  const inside = (real: string) => real === root || real.startsWith(`${root}${sep}`);

  const visit = (dirRel: string, inherited: IgnoreRules, inheritedAttributes: GitAttributes): void => {
    let entries: Dirent[];
    let mtimeMs: number;
    try {
      mtimeMs = statSync(join(root, dirRel)).mtimeMs;
      entries = readdirSync(join(root, dirRel), { withFileTypes: true });
    } catch {
      return;
    }
    // One listing answers what the directory is and which ignore and attribute files to read.
    const names = new Set(entries.map((e) => e.name));
    if (dirRel !== "" && isVirtualEnv(join(root, dirRel), names)) {
      skipped.virtualenv++;
      return;
    }
    if (dirRel !== "" && isBuildOutput(names)) {
      skipped.build_output++;
      return;
    }
    dirs.push({ dir_rel: dirRel, mtime_ms: mtimeMs });
    const rules = inherited.withDirectory(root, dirRel, names);
    const attributes = withAttributesOf(root, dirRel, names, inheritedAttributes);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = dirRel === "" ? entry.name : `${dirRel}/${entry.name}`;
      let abs = join(root, rel);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let real: string;
        let target: Stats;
        try {
          real = realpathSync(abs);
          target = statSync(real);
        } catch {
          skipped.symlink_dangling++; // or gone since the listing
          continue;
        }
        if (!inside(real)) {
          skipped.symlink_outside++;
          continue;
        }
        if (target.isDirectory()) {
          skipped.symlink_dir++; // the real directory is walked where it is
          continue;
        }
        abs = real;
        isFile = target.isFile();
        isDir = false;
      }
      if (isDir) {
        if (TOOL_DIRS.has(entry.name)) {
          skipped.tool_dir++;
          continue;
        }
        if (rules.ignores(rel, true)) {
          skipped.ignored++;
          continue;
        }
        visit(rel, rules, attributes);
        continue;
      }
      if (!isFile) continue;
      seen++;
      const verdict = rules.verdict(rel, false);
      if (verdict === true) {
        skipped.ignored++;
        continue;
      }
      const marked = attributes.generated(rel);
      if (marked === true && verdict !== false) {
        skipped.generated++; // linguist-generated / linguist-vendored: no need to read it
        continue;
      }
      const kind = kindOfFile(root, abs, entry.name);
      if (!kind) {
        skipped.unsupported++;
        const extension = hasNoExtension(entry.name) ? "(none)" : entry.name.slice(entry.name.lastIndexOf(".")).toLowerCase();
        unsupportedExtensions.set(extension, (unsupportedExtensions.get(extension) ?? 0) + 1);
        continue;
      }
      const stat = statSync(abs, { throwIfNoEntry: false });
      if (!stat?.isFile()) continue; // gone, or no longer a file, since the listing
      if (stat.size > maxFileBytes) {
        skipped.too_large++;
        continue;
      }
      const keepGenerated = verdict === false || marked === false;
      files.push({ fileRel: rel, absPath: abs, size: stat.size, mtimeMs: stat.mtimeMs, kind, identity: { dev: stat.dev, ino: stat.ino }, ...(keepGenerated ? { keepGenerated } : {}) });
    }
  };
  visit("", new IgnoreRules(), GitAttributes.EMPTY);
  return { files, dirs, seen, skipped, unsupportedExtensions };
}

