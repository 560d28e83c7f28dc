import { memoized, pushTo } from "../core/maps.ts";
import type { ContextIndex, DefinitionRow, ReferenceRow } from "../ctx/index-store.ts";
import { familyOf, ModuleIndex, type Family } from "./modules.ts";

/**
 * What a reference names, decided from the index alone (no types, no language server):
 * - `resolved`: the file's own scope, its imports, its package or a global namespace with one
 *   definition of that name determine the definition;
 * - `ambiguous`: definitions match by name and nothing above picks one (AmbiguousWhy says why);
 * - `unresolved`: no definition in the segment (a library, a builtin), or the import names a module.
 * Resolution happens when asked, from the rows of the files involved: a changed file changes its own
 * rows only, and nothing derived from it can be left stale.
 */
export type Resolution =
  | { readonly resolution: "resolved"; readonly target: DefinitionRow }
  | { readonly resolution: "ambiguous"; readonly candidates: readonly DefinitionRow[]; readonly why: AmbiguousWhy }
  | { readonly resolution: "unresolved"; readonly why: "external" | "no_definition" | "module" };

/**
 * Why a use is ambiguous: `receiver`, a member of a value whose type is unknown; `several`,
 * definitions in reach that nothing tells apart; `not_imported`, definitions the language would
 * not see without an import (the name is most likely a builtin's or a library's).
 */
export type AmbiguousWhy = "receiver" | "several" | "not_imported";

const CALLABLE = new Set(["function", "method", "constructor", "macro"]);
/** Where a PascalCase name need not be a type's: Go's exported names, C#'s properties and methods. */
const PASCAL_CASE_IS_NO_TYPE = new Set(["go", "c_sharp"]);
const TYPES = new Set(["class", "interface", "struct", "enum", "trait", "type", "record", "protocol", "union", "object", "extension", "module", "impl"]);
/** What each kind of reference can name: a class is called to construct it, a decorator may be a class. */
const FITS: Record<string, (kind: string) => boolean> = {
  call: (k) => CALLABLE.has(k) || TYPES.has(k),
  decorator: (k) => CALLABLE.has(k) || TYPES.has(k),
  type: (k) => TYPES.has(k),
  inherit: (k) => TYPES.has(k),
  import: (k) => k !== "export",
};
/** Base classes followed for `self.f()` (deeper hierarchies are rare and cycles end here too). */
const MAX_BASE_DEPTH = 8;
const SELF = new Set(["self", "this", "cls", "Self", "static", "@"]);
const HEADER = /\.(h|hh|hpp|hxx|h\+\+|d\.ts|pyi)$/;

interface Candidates {
  readonly all: readonly DefinitionRow[];
  /** Those owned by a type or another definition, and those at a file's top level. */
  readonly members: readonly DefinitionRow[];
  readonly top: readonly DefinitionRow[];
  readonly byFile: ReadonlyMap<string, readonly DefinitionRow[]>;
  /** Members by the last part of their owner's name (`Foo.bar()` looks up `Foo`). */
  readonly byOwner: ReadonlyMap<string, readonly DefinitionRow[]>;
}

interface Bindings {
  /** Local name → the imports that bind it (`from m import a as b`: `b`), in line order. */
  readonly names: ReadonlyMap<string, readonly ReferenceRow[]>;
  /** First part of a receiver → the import that binds it (a module's alias or name, Go's package name). */
  readonly heads: ReadonlyMap<string, ReferenceRow>;
  /** Whole-module imports that bring every name (`from m import *`, a Dart import). */
  readonly stars: readonly ReferenceRow[];
}

const unresolved = (why: "external" | "no_definition" | "module"): Resolution => ({ resolution: "unresolved", why });
const lastPart = (path: string) => path.slice(Math.max(path.lastIndexOf("."), path.lastIndexOf(":")) + 1);

/** The qualified names around `from`, innermost first (`A.B.f`: `A.B.f`, `A.B`, `A`). */
function scopesOf(from: string | null): string[] {
  if (from === null) return [];
  const parts = from.split(".");
  return parts.map((_, i) => parts.slice(0, parts.length - i).join("."));
}

export class Resolver {
  private readonly named = new Map<string, DefinitionRow[]>();
  private readonly defsOfFile = new Map<string, DefinitionRow[]>();
  private readonly importsOfFile = new Map<string, ReferenceRow[]>();
  private readonly bindingsOfFile = new Map<string, Bindings>();
  private readonly candidateMemo = new Map<string, Candidates>();
  private readonly typesOfFile = new Map<string, ReadonlySet<string>>();
  private readonly baseMemo = new Map<string, DefinitionRow[]>();
  /** After preload() every definition is in memory: a name not there has none. */
  private complete = false;

  private constructor(
    readonly index: ContextIndex,
    private readonly modules: ModuleIndex,
  ) {}

  static over(index: ContextIndex): Resolver {
    return new Resolver(index, new ModuleIndex(index.fileKinds()));
  }

  /** Every definition and import in memory at once, for resolving the whole segment (the map); returns the definitions. */
  preload(): DefinitionRow[] {
    const definitions = this.index.allDefinitions();
    for (const d of definitions) {
      pushTo(this.named, d.name, d);
      pushTo(this.defsOfFile, d.file_rel, d);
    }
    for (const fileRel of this.modules.fileNames()) {
      if (!this.defsOfFile.has(fileRel)) this.defsOfFile.set(fileRel, []);
      this.importsOfFile.set(fileRel, []);
    }
    for (const r of this.index.allReferences(["import"])) pushTo(this.importsOfFile, r.file_rel, r);
    for (const defs of this.defsOfFile.values()) defs.sort((a, b) => a.line - b.line);
    this.complete = true;
    return definitions;
  }

  definitionsNamed(name: string): DefinitionRow[] {
    return memoized(this.named, name, () => (this.complete ? [] : this.index.definitionsNamed(name)));
  }

  definitionsOf(fileRel: string): DefinitionRow[] {
    return memoized(this.defsOfFile, fileRel, () => this.index.definitionsOf(fileRel));
  }

  private importsOf(fileRel: string): ReferenceRow[] {
    return memoized(this.importsOfFile, fileRel, () => this.index.referencesOf(fileRel, "import"));
  }

  /** The names a file's imports bind (each with every import of it: bindingAt picks one), the first part of receivers they bind, and its star imports. */
  private bindingsOf(fileRel: string): Bindings {
    return memoized(this.bindingsOfFile, fileRel, () => {
      const family = familyOf(this.modules.languageOf(fileRel) ?? "");
      const names = new Map<string, ReferenceRow[]>();
      const heads = new Map<string, ReferenceRow>();
      const stars: ReferenceRow[] = [];
      for (const i of this.importsOf(fileRel)) {
        if (i.name !== "*") pushTo(names, i.alias ?? i.name, i);
        if (isStar(i, family)) stars.push(i);
        else {
          const head = i.alias ?? (i.name === "*" ? bindingName(i, family) : i.name);
          if (!heads.has(head)) heads.set(head, i);
        }
      }
      return { names, heads, stars };
    });
  }

  resolve(ref: ReferenceRow): Resolution {
    const family = familyOf(this.modules.languageOf(ref.file_rel) ?? "");
    if (ref.kind === "import") return this.resolveImport(ref, family, 0);
    const candidates = this.candidates(ref.name, ref.kind, family);
    if (candidates.all.length === 0) {
      // A name no definition has may be an import's alias (`import Widget as W`: `W()`).
      const binding = ref.receiver === null ? bindingAt(this.bindingsOf(ref.file_rel), ref) : undefined;
      return binding?.alias ? this.resolveImport(binding, family, 0) : unresolved("no_definition");
    }
    const receiver = ref.receiver?.replace(/^\$/, "") ?? null;
    return receiver ? this.viaReceiver(ref, receiver, candidates, family) : this.bare(ref, candidates, family);
  }

  /** The definitions a kind of use of a name can be, in the user's language family; memoized, as names repeat. */
  private candidates(name: string, kind: string, family: Family): Candidates {
    return memoized(this.candidateMemo, `${name}\u0000${kind}\u0000${family.name}`, () => {
      const fits = FITS[kind] ?? (() => false);
      const all = this.definitionsNamed(name).filter((d) => fits(d.kind) && familyOf(d.lang).name === family.name);
      const byFile = new Map<string, DefinitionRow[]>();
      for (const d of all) pushTo(byFile, d.file_rel, d);
      const byOwner = new Map<string, DefinitionRow[]>();
      for (const d of all) if (d.parent !== null) pushTo(byOwner, lastPart(d.parent), d);
      return { all, members: all.filter((d) => d.parent !== null), top: all.filter((d) => d.parent === null), byFile, byOwner };
    });
  }

  /** A name used alone: the file's scopes, its imports, its package, then the family's namespace. */
  private bare(ref: ReferenceRow, candidates: Candidates, family: Family): Resolution {
    const named = candidates.all;
    const inFile = candidates.byFile.get(ref.file_rel) ?? [];
    // Python and JavaScript see a class's members only through `self`/`this`; other languages see them bare.
    const typeScopes = family.visibility === "explicit" ? this.typeNames(ref.file_rel) : null;
    for (const scope of scopesOf(ref.from_name)) {
      if (typeScopes?.has(scope)) continue;
      const member = inFile.filter((d) => d.parent === scope);
      if (member.length > 0) return resolved(member, ref);
    }
    const top = inFile.filter((d) => d.parent === null);
    if (top.length > 0) return resolved(top, ref);
    const bindings = this.bindingsOf(ref.file_rel);
    const binding = bindingAt(bindings, ref);
    if (binding) {
      const imported = this.resolveImport(binding, family, 0);
      if (imported.resolution === "resolved" && (FITS[ref.kind] ?? (() => false))(imported.target.kind)) return imported;
      if (imported.resolution === "unresolved") return imported;
      return { resolution: "ambiguous", candidates: named, why: "several" };
    }
    for (const star of bindings.stars) {
      const files = this.modules.filesOf(star.module!, ref.file_rel);
      if (files === "external") continue;
      const found = named.filter((d) => d.parent === null && files.includes(d.file_rel));
      if (found.length > 0) return resolved(found, ref);
    }
    if (family.visibility === "package") {
      const sameDir = new Set(this.modules.sameDirectory(ref.file_rel));
      const found = named.filter((d) => sameDir.has(d.file_rel) && d.parent === null);
      if (found.length > 0) return single(found, ref) ?? { resolution: "ambiguous", candidates: named, why: "several" };
    }
    if (family.visibility === "global") {
      const one = single(candidates.top, ref);
      if (one) return one;
    }
    return { resolution: "ambiguous", candidates: named, why: family.visibility === "explicit" ? "not_imported" : "several" };
  }

  /** `x.f()`: through `self`, a module or package the file imports, a type by name, or a value of unknown type. */
  private viaReceiver(ref: ReferenceRow, receiver: string, candidates: Candidates, family: Family): Resolution {
    const parts = receiver.split(".");
    const head = parts[0]!;
    const { all: named, members } = candidates;
    const unknown: Resolution = { resolution: "ambiguous", candidates: members.length > 0 ? members : named, why: "receiver" };
    const typeNamed = (name: string) => !PASCAL_CASE_IS_NO_TYPE.has(family.name) && /^[A-Z][a-z0-9]/.test(name);
    // A path to a type (`pikevm::Cache::new`, `attr::Variant::from_ast`: its last part named as a type is, the rest
    // modules or types) is that type's member: of those the segment has, else of a type from elsewhere. Before, when
    // its module did not resolve, every `new` of the segment was a candidate.
    const throughType = (): Resolution => {
      const last = parts.at(-1)!;
      if (parts.length < 2 || SELF.has(head) || !typeNamed(last) || !parts.slice(0, -1).every((p) => /^[a-z_][a-z0-9_]*$/.test(p) || typeNamed(p))) return unknown;
      const owned = candidates.byOwner.get(last) ?? [];
      if (owned.length > 0) return single(owned, ref) ?? { resolution: "ambiguous", candidates: owned, why: "several" };
      return this.definitionsNamed(last).some((d) => TYPES.has(d.kind)) ? unknown : unresolved("external");
    };
    if (parts.length === 1 && (SELF.has(head) || head === "super" || head === this.receiverVariable(ref, family))) {
      for (const scope of scopesOf(ref.from_name)) {
        const owner = this.definitionsOf(ref.file_rel).find((d) => d.qualified_name === scope && TYPES.has(d.kind));
        if (owner) {
          // The class's own member, else the nearest base class's that the index resolves; `super`
          // starts at the bases. A base from a library ends the search: ambiguous.
          const found = head === "super" ? this.inBases(owner, candidates, 0) : this.inHierarchy(owner, candidates, 0);
          return found ? resolved([found], ref) : unknown;
        }
        // A method defined outside its type's body (Go, Rust `impl` in another file): its package's.
        const sameDir = new Set(this.modules.sameDirectory(ref.file_rel));
        const own = members.filter((d) => d.parent === scope && sameDir.has(d.file_rel));
        if (own.length > 0) return resolved(own, ref);
      }
      return unknown;
    }
    const binding = this.bindingsOf(ref.file_rel).heads.get(head);
    if (binding?.module) {
      if (binding.name === "*") {
        // `import a.b` binds `a`, and `a.b.f` is `f` of module `a.b`; an alias binds the module itself.
        const module = family.name === "python" && binding.alias === null ? receiver : binding.module;
        const rest = family.name === "python" && binding.alias === null ? null : parts.slice(1).join(".") || null;
        const files = this.modules.filesOf(module, ref.file_rel);
        if (files === "external") return unresolved("external");
        const found = named.filter((d) => files.includes(d.file_rel) && d.parent === rest);
        return found.length > 0 ? resolved(found, ref) : throughType();
      }
      const imported = this.resolveImport(binding, family, 0);
      if (imported.resolution === "resolved") {
        const path = [imported.target.qualified_name, ...parts.slice(1)].join(".");
        const found = named.filter((d) => d.file_rel === imported.target.file_rel && d.parent === path);
        return found.length > 0 ? resolved(found, ref) : throughType();
      }
      // The import may name a module (Python's `from pkg import mod`; Rust's `use crate::attr`, whose `crate` has no
      // file of its own): the rest of the path is in its files (`attr::Variant::from_ast`: Variant's from_ast there).
      if (imported.resolution === "unresolved") {
        const files = this.modules.filesOf(`${binding.module}${family.name === "rust" ? "::" : "."}${binding.name}`, ref.file_rel);
        const rest = parts.slice(1).join(".") || null;
        const found = files === "external" ? [] : named.filter((d) => files.includes(d.file_rel) && d.parent === rest);
        if (found.length > 0) return resolved(found, ref);
        if (imported.why === "module" || files !== "external") return throughType();
      }
      return imported.resolution === "unresolved" ? imported : throughType();
    }
    // `Foo.bar()`, `Foo::new()`: a member of the type the receiver names, when the file sees that type
    // (its own, its package's, or the namespace's); `e.Type.String()` is a field's value, not the type.
    if (parts.length > 1) return throughType();
    const ofType = candidates.byOwner.get(head) ?? [];
    const sameDir = family.visibility === "package" ? new Set(this.modules.sameDirectory(ref.file_rel)) : null;
    const visible = ofType.filter((d) => (family.visibility === "explicit" ? d.file_rel === ref.file_rel : sameDir ? sameDir.has(d.file_rel) : true));
    if (visible.length > 0) return single(visible, ref) ?? { resolution: "ambiguous", candidates: visible, why: "several" };
    // A receiver named as a type is (`Box::new`, `Arc.clone`, PascalCase, not a CONSTANT) that no type of the
    // segment is: a type from elsewhere, whose members none of these are. regex's refs of `Regex::new` listed 13
    // such calls (`Box::new`, `Vec::new`) as uses that might be it.
    if (typeNamed(head) && !this.definitionsNamed(head).some((d) => TYPES.has(d.kind))) return unresolved("external");
    return unknown;
  }

  private resolveImport(imp: ReferenceRow, family: Family, hops: number): Resolution {
    if (imp.name === "*" || imp.module === null) return unresolved("module");
    const named = this.definitionsNamed(imp.name).filter((d) => d.kind !== "export" && familyOf(d.lang).name === family.name);
    // `import a.b.C` may be written with its module ending in the name (`a.b.C`): its package is `a.b`.
    const modules = [imp.module];
    if (lastPart(imp.module.replace(/::|\\|\//g, ".")) === imp.name) modules.push(imp.module.replace(/(::|\\|\/|\.)[^.:\\/]+$/, ""));
    for (const module of modules) {
      const files = this.modules.filesOf(module, imp.file_rel);
      if (files === "external") continue;
      const found = named.filter((d) => d.parent === null && files.includes(d.file_rel));
      if (found.length > 0) return resolved(found, imp);
      // Re-exported: the module imports the name itself (`from .x import f` in `__init__.py`, `export { f } from "./x"`).
      if (hops < 4) {
        for (const file of files) {
          const again = this.bindingsOf(file).names.get(imp.name)?.[0];
          if (again) return this.resolveImport(again, family, hops + 1);
          for (const star of this.bindingsOf(file).stars) {
            const starFiles = this.modules.filesOf(star.module!, file);
            const fromStar = starFiles === "external" ? [] : named.filter((d) => d.parent === null && starFiles.includes(d.file_rel));
            if (fromStar.length > 0) return resolved(fromStar, imp);
          }
        }
      }
      // `from pkg import submodule` names a module, not a definition.
      if (family.name === "python" && this.modules.filesOf(`${module}.${imp.name}`, imp.file_rel) !== "external") return unresolved("module");
      return named.length > 0 ? { resolution: "ambiguous", candidates: named, why: "several" } : unresolved("no_definition");
    }
    return unresolved("external");
  }

  /** Go names a method's receiver (`func (s *Server) f()`): inside the method, `s.g()` is like `self.g()`. */
  private receiverVariable(ref: ReferenceRow, family: Family): string | null {
    if (family.name !== "go" || ref.from_id === null) return null;
    const method = this.definitionsOf(ref.file_rel).find((d) => d.item_id === ref.from_id);
    return method?.kind === "method" ? (/^func\s*\(\s*([\p{L}_][\p{L}\p{N}_]*)\s/u.exec(method.signature)?.[1] ?? null) : null;
  }

  /**
   * `name` as a member of `type` or, failing that, of its bases (depth-first, in the order written).
   * A type's members are in its file, or in its package where methods live apart from their type (Go).
   */
  private inHierarchy(type: DefinitionRow, candidates: Candidates, depth: number): DefinitionRow | null {
    const family = familyOf(type.lang);
    const home = family.visibility === "package" ? new Set(this.modules.sameDirectory(type.file_rel)) : new Set([type.file_rel]);
    const own = candidates.members.find((d) => d.parent === type.qualified_name && home.has(d.file_rel));
    return own ?? this.inBases(type, candidates, depth);
  }

  private inBases(type: DefinitionRow, candidates: Candidates, depth: number): DefinitionRow | null {
    if (depth >= MAX_BASE_DEPTH) return null;
    for (const base of this.basesOf(type)) {
      const found = this.inHierarchy(base, candidates, depth + 1);
      if (found) return found;
    }
    return null;
  }

  /** The base types a type's inheritance uses resolve to (`class A(B, C)`, `extends`, `implements`). */
  private basesOf(type: DefinitionRow): DefinitionRow[] {
    let found = this.baseMemo.get(type.item_id);
    if (!found) {
      // Kept before it is filled, so a class that (through others) inherits itself ends the search.
      found = [];
      this.baseMemo.set(type.item_id, found);
      for (const ref of this.index.referencesOf(type.file_rel, "inherit")) {
        if (ref.from_name !== type.qualified_name) continue;
        const base = this.resolve(ref);
        if (base.resolution === "resolved" && base.target.item_id !== type.item_id) found.push(base.target);
      }
    }
    return found;
  }

  /** Qualified names of the types defined in a file. */
  private typeNames(fileRel: string): ReadonlySet<string> {
    return memoized(this.typesOfFile, fileRel, () => new Set(this.definitionsOf(fileRel).filter((d) => TYPES.has(d.kind)).map((d) => d.qualified_name)));
  }
}

/**
 * Whether an import brings every name of its module into the file: a wildcard (`from m import *`,
 * alias `*`), Go's dot import, and a whole-module import in a language where that is what one does
 * (Java's `a.b.*`, C's `#include`, C#'s `using`, ES's `export * from`); Python's `import m` and Go's
 * `import "m"` bind only the module's name.
 */
function isStar(imp: ReferenceRow, family: Family): boolean {
  if (imp.name !== "*" || imp.module === null) return false;
  if (imp.alias === "*" || (family.name === "go" && imp.alias === ".")) return true;
  return imp.alias === null && family.name !== "python" && family.name !== "go";
}

/** The import that binds a use's name where it is used: the last one above it (a later import rebinds), else the first. */
function bindingAt(bindings: Bindings, ref: ReferenceRow): ReferenceRow | undefined {
  const imports = bindings.names.get(ref.name);
  return imports?.findLast((i) => i.line <= ref.line) ?? imports?.[0];
}

/** The name a whole-module import binds without an alias: Python's top package, Go's last path element. */
function bindingName(imp: ReferenceRow, family: Family): string {
  const module = imp.module ?? "";
  if (family.name === "python") return module.split(".")[0]!;
  const parts = module.split(/[/.:\\]+/).filter((p) => p !== "");
  // Go's major-version suffix (`…/v2`) is not the package's name.
  if (family.name === "go" && parts.length > 1 && /^v\d+$/.test(parts.at(-1)!)) return parts.at(-2)!;
  return parts.at(-1) ?? module;
}

/** The definition among several of one name in reach: the latest before the use in its own file, else the first. */
function resolved(found: readonly DefinitionRow[], ref: ReferenceRow): Resolution {
  return { resolution: "resolved", target: best(found, ref) };
}

/** Resolved when the definitions are one symbol (a declaration and its body, overloads), else null. */
function single(found: readonly DefinitionRow[], ref: ReferenceRow): Resolution | null {
  if (found.length === 0 || new Set(found.map((d) => d.qualified_name)).size > 1) return null;
  return resolved(found, ref);
}

function best(found: readonly DefinitionRow[], ref: ReferenceRow): DefinitionRow {
  const ranked = [...found].sort(
    (a, b) =>
      Number(b.file_rel === ref.file_rel) - Number(a.file_rel === ref.file_rel) ||
      Number(HEADER.test(a.file_rel)) - Number(HEADER.test(b.file_rel)) ||
      a.file_rel.localeCompare(b.file_rel) ||
      a.line - b.line,
  );
  const sameFile = ranked.filter((d) => d.file_rel === ref.file_rel);
  return sameFile.findLast((d) => d.line <= ref.line) ?? ranked[0]!;
}
