import { dirname, posix } from "node:path";
import { memoized, pushTo } from "../core/maps.ts";
import { isLanguageId, LANGUAGES } from "../languages.ts";

/**
 * Which indexed files an import names, from the import as written and the importing file: the
 * language's own rule where it has one (relative paths, dotted packages, Go import paths), a path
 * suffix otherwise (an import path's root is rarely the segment's). `external` when the module is
 * not in the segment (a library, the standard library, a package manager's dependency).
 */
export type ModuleFiles = readonly string[] | "external";

/** How a language family reaches names in other files (src/graph/resolver.ts). */
export type Visibility = "explicit" | "package" | "global";

export interface Family {
  readonly name: string;
  readonly visibility: Visibility;
  readonly extensions: readonly string[];
  /** How a module is turned into candidate paths (without extension), relative to the importing file's directory. */
  readonly paths: (module: string, fromDir: string) => { relative: string[] } | { suffix: string[] } | { external: true };
}

const ECMASCRIPT_EXTENSIONS = [".ts", ".tsx", ".d.ts", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

const join = (...parts: string[]) => posix.normalize(posix.join(...parts)).replace(/^\.\//, "");

const python: Family["paths"] = (module, fromDir) => {
  const dots = /^\.*/.exec(module)![0].length;
  const rest = module.slice(dots).replace(/\./g, "/");
  if (dots === 0) return { suffix: [rest, `${rest}/__init__`] };
  let base = fromDir;
  for (let i = 1; i < dots; i++) base = dirname(base);
  const at = join(base === "." ? "" : base, rest);
  return { relative: rest === "" ? [join(at, "__init__")] : [at, join(at, "__init__")] };
};

const ecmascript: Family["paths"] = (module, fromDir) => {
  if (!module.startsWith(".")) return { external: true };
  // TypeScript sources import `./x.js` for `./x.ts`.
  const at = join(fromDir, module).replace(/\.(m|c)?js$/, "");
  return { relative: [at, join(at, "index")] };
};

const go: Family["paths"] = (module) => {
  const parts = module.split("/");
  // A standard library path (`text/scanner`) is that directory whole, so it is never the segment's
  // `go/scanner`; a hosted path (`github.com/x/y/z`) is the longest tail that is a directory, down to
  // one part: the segment is often the module's root, where `z` is `github.com/x/y/z`.
  const least = parts[0]?.includes(".") ? 1 : parts.length;
  const tails: string[] = [];
  for (let k = parts.length; k >= least; k--) tails.push(`${parts.slice(-k).join("/")}/`);
  return { suffix: tails };
};

const jvm: Family["paths"] = (module) => ({ suffix: [`${module.replace(/\./g, "/")}/`, module.replace(/\./g, "/")] });

const rust: Family["paths"] = (module, fromDir) => {
  const parts = module.split(/::/).filter((p) => p !== "");
  const head = parts[0];
  if (head === "self" || head === "super") {
    let base = fromDir;
    let i = 0;
    for (; parts[i] === "super" || parts[i] === "self"; i++) if (parts[i] === "super") base = dirname(base);
    const at = join(base === "." ? "" : base, ...parts.slice(i));
    return { relative: [at, join(at, "mod")] };
  }
  const rest = (head === "crate" ? parts.slice(1) : parts).join("/");
  if (rest === "") return { suffix: ["src/lib", "src/main"] };
  return { suffix: [rest, `${rest}/mod`, `src/${rest}`] };
};

// A module written as a file name (`#include "x.h"`, `require_relative "a/b.rb"`) keeps its dots.
const HAS_EXTENSION = /\.(h|hh|hpp|hxx|h\+\+|inc|c|cc|cpp|rb|php|sh|bash|dart|lua|zig|ml|mli|ex|exs|swift)$/i;

const byPath: Family["paths"] = (module, fromDir) => {
  if (/^\.\.?\//.test(module)) return { relative: [join(fromDir, module.replace(/\.[^./]+$/, "")), join(fromDir, module)] };
  const path = HAS_EXTENSION.test(module) ? module.replace(/\\/g, "/") : module.replace(/\\|::|\./g, "/");
  return { suffix: [path.replace(/^\/+/, "")] };
};

const FAMILIES: Record<string, Family> = {
  python: { name: "python", visibility: "explicit", extensions: [".py", ".pyi"], paths: python },
  ecmascript: { name: "ecmascript", visibility: "explicit", extensions: ECMASCRIPT_EXTENSIONS, paths: ecmascript },
  go: { name: "go", visibility: "package", extensions: [".go"], paths: go },
  jvm: { name: "jvm", visibility: "package", extensions: [".java", ".kt", ".kts", ".scala", ".sc"], paths: jvm },
  rust: { name: "rust", visibility: "package", extensions: [".rs"], paths: rust },
  c: { name: "c", visibility: "global", extensions: [".c", ".h", ".cpp", ".cc", ".cxx", ".c++", ".hpp", ".hh", ".hxx", ".h++"], paths: byPath },
  dart: { name: "dart", visibility: "global", extensions: [".dart"], paths: byPath },
};

/** A language's family: the one its row names (src/languages.ts `family`), else its own, global unless said above. */
export function familyOf(language: string): Family {
  const name = (isLanguageId(language) ? LANGUAGES[language].family : undefined) ?? language;
  return FAMILIES[name] ?? { name, visibility: "global", extensions: [], paths: byPath };
}

/** The segment's files, for finding the ones an import names. */
export class ModuleIndex {
  private readonly withoutExtension = new Map<string, string[]>();
  private readonly dirs = new Map<string, string[]>();
  /** Paths by their last part, for suffix lookups: bare paths, directories, file names. */
  private readonly bareByLast = new Map<string, string[]>();
  private readonly dirsByLast = new Map<string, string[]>();
  private readonly filesByLast = new Map<string, string[]>();
  private readonly memo = new Map<string, ModuleFiles>();
  private readonly suffixMemo = new Map<string, string[]>();

  constructor(private readonly files: ReadonlyMap<string, string>) {
    for (const fileRel of files.keys()) {
      const dir = posix.dirname(fileRel);
      const bare = fileRel.replace(/(\.d)?\.[^./]+$/, "");
      if (!this.withoutExtension.has(bare)) pushTo(this.bareByLast, posix.basename(bare), bare);
      if (!this.dirs.has(dir)) pushTo(this.dirsByLast, posix.basename(dir), dir);
      pushTo(this.withoutExtension, bare, fileRel);
      pushTo(this.dirs, dir, fileRel);
      pushTo(this.filesByLast, posix.basename(fileRel), fileRel);
    }
  }

  fileNames(): IterableIterator<string> {
    return this.files.keys();
  }

  languageOf(fileRel: string): string | undefined {
    return this.files.get(fileRel);
  }

  /** The files of the importing file's directory (Go's package, a Java package), of its family. */
  sameDirectory(fileRel: string): readonly string[] {
    const family = familyOf(this.files.get(fileRel) ?? "");
    return (this.dirs.get(posix.dirname(fileRel)) ?? []).filter((f) => familyOf(this.files.get(f) ?? "").name === family.name);
  }

  /** The files `module`, imported from `fromFile`, names. */
  filesOf(module: string, fromFile: string): ModuleFiles {
    return memoized(this.memo, `${fromFile}\u0000${module}`, () => this.find(module, fromFile));
  }

  private find(module: string, fromFile: string): ModuleFiles {
    const family = familyOf(this.files.get(fromFile) ?? "");
    const fromDir = posix.dirname(fromFile);
    const paths = family.paths(module, fromDir === "." ? "" : fromDir);
    if ("external" in paths) return "external";
    const inFamily = (f: string) => familyOf(this.files.get(f) ?? "").name === family.name;
    if ("relative" in paths) {
      for (const path of paths.relative) {
        const found = [...(this.withoutExtension.get(path) ?? []), ...(this.files.has(path) ? [path] : [])].filter(inFamily);
        if (found.length > 0) return [...new Set(found)];
      }
      return "external";
    }
    for (const tail of paths.suffix) {
      const found = this.endingWith(tail).filter(inFamily);
      if (found.length > 0) return found;
    }
    return "external";
  }

  /** Files of directories ending with `tail/`, or files (without extension, or with) ending with `tail`; memoized per tail. */
  private endingWith(tail: string): string[] {
    return memoized(this.suffixMemo, tail, () => {
      const found: string[] = [];
      const ends = (path: string, end: string) => path === end || path.endsWith(`/${end}`);
      if (tail.endsWith("/")) {
        const dir = tail.slice(0, -1);
        for (const d of this.dirsByLast.get(posix.basename(dir)) ?? []) if (ends(d, dir)) found.push(...this.dirs.get(d)!);
      } else {
        for (const bare of this.bareByLast.get(posix.basename(tail)) ?? []) if (ends(bare, tail)) found.push(...this.withoutExtension.get(bare)!);
        if (HAS_EXTENSION.test(tail)) for (const f of this.filesByLast.get(posix.basename(tail)) ?? []) if (ends(f, tail)) found.push(f);
      }
      return [...new Set(found)];
    });
  }
}
