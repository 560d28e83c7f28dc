import type { ContextIndex, DefinitionRow, ReferenceRow } from "../ctx/index-store.ts";
import { familyOf, ModuleIndex, type Family } from "./modules.ts";

/**
 * What a reference names, decided from the index alone (no types, no language server):
 * - `resolved`: the file's own scope, its imports, its package or a global namespace with one
 *   definition of that name determine the definition;
 * - `ambiguous`: several definitions match by name and nothing above picks one (a method called on a
 *   value whose type is unknown), or one matches but the language would not see it without an import;
 * - `unresolved`: no definition in the segment (a library, a builtin), or the import names a module.
 * Resolution happens when asked, from the rows of the files involved: a changed file changes its own
 * rows only, and nothing derived from it can be left stale.
 */
export type Resolution =
  | { readonly resolution: "resolved"; readonly target: DefinitionRow }
  | { readonly resolution: "ambiguous"; readonly candidates: readonly DefinitionRow[] }
  | { readonly resolution: "unresolved"; readonly why: "external" | "no_definition" | "module" };

const CALLABLE = new Set(["function", "method", "constructor", "macro"]);
const TYPES = new Set(["class", "interface", "struct", "enum", "trait", "type", "record", "protocol", "union", "object", "extension", "module", "impl"]);
/** What each kind of reference can name: a class is called to construct it, a decorator may be a class. */
const FITS: Record<string, (kind: string) => boolean> = {
  call: (k) => CALLABLE.has(k) || TYPES.has(k),
  decorator: (k) => CALLABLE.has(k) || TYPES.has(k),
  type: (k) => TYPES.has(k),
  inherit: (k) => TYPES.has(k),
  import: (k) => k !== "export",
};
const SELF = new Set(["self", "this", "cls", "Self", "static", "@"]);
const HEADER = /\.(h|hh|hpp|hxx|h\+\+|d\.ts|pyi)$/;

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

  private constructor(
    readonly index: ContextIndex,
    readonly modules: ModuleIndex,
  ) {}

  static over(index: ContextIndex): Resolver {
    return new Resolver(index, new ModuleIndex(index.fileKinds()));
  }

  /** Every definition and import in memory at once, for resolving the whole segment (the map). */
  preload(): void {
    for (const d of this.index.allDefinitions()) {
      push(this.named, d.name, d);
      push(this.defsOfFile, d.file_rel, d);
    }
    for (const fileRel of this.modules.fileNames()) {
      if (!this.defsOfFile.has(fileRel)) this.defsOfFile.set(fileRel, []);
      this.importsOfFile.set(fileRel, []);
    }
    for (const r of this.index.allReferences(["import"])) push(this.importsOfFile, r.file_rel, r);
    for (const defs of this.defsOfFile.values()) defs.sort((a, b) => a.line - b.line);
  }

  definitionsNamed(name: string): DefinitionRow[] {
    let found = this.named.get(name);
    if (!found) {
      found = this.index.definitionsNamed(name);
      this.named.set(name, found);
    }
    return found;
  }

  definitionsOf(fileRel: string): DefinitionRow[] {
    let found = this.defsOfFile.get(fileRel);
    if (!found) {
      found = this.index.definitionsOf(fileRel);
      this.defsOfFile.set(fileRel, found);
    }
    return found;
  }

  private importsOf(fileRel: string): ReferenceRow[] {
    let found = this.importsOfFile.get(fileRel);
    if (!found) {
      found = this.index.referencesOf(fileRel, "import");
      this.importsOfFile.set(fileRel, found);
    }
    return found;
  }

  /** The definition a reference is made from: its `from` in its file, the one whose lines hold it. */
  enclosing(ref: ReferenceRow): DefinitionRow | null {
    if (ref.from_name === null) return null;
    const same = this.definitionsOf(ref.file_rel).filter((d) => d.qualified_name === ref.from_name);
    return same.find((d) => d.line <= ref.line && ref.line <= d.end_line) ?? same[0] ?? null;
  }

  resolve(ref: ReferenceRow): Resolution {
    const family = familyOf(this.modules.languageOf(ref.file_rel) ?? "");
    if (ref.kind === "import") return this.resolveImport(ref, family, 0);
    const fits = FITS[ref.kind] ?? (() => false);
    const named = this.definitionsNamed(ref.name).filter((d) => fits(d.kind) && familyOf(d.lang).name === family.name);
    if (named.length === 0) return unresolved("no_definition");
    const receiver = ref.receiver?.replace(/^\$/, "") ?? null;
    return receiver ? this.viaReceiver(ref, receiver, named, family) : this.bare(ref, named, family);
  }

  /** A name used alone: the file's scopes, its imports, its package, then the family's namespace. */
  private bare(ref: ReferenceRow, named: DefinitionRow[], family: Family): Resolution {
    const inFile = named.filter((d) => d.file_rel === ref.file_rel);
    // Python and JavaScript see a class's members only through `self`/`this`; other languages see them bare.
    const typeScopes = family.visibility === "explicit" ? this.typeNames(ref.file_rel) : null;
    for (const scope of scopesOf(ref.from_name)) {
      if (typeScopes?.has(scope)) continue;
      const member = inFile.filter((d) => d.parent === scope);
      if (member.length > 0) return resolved(member, ref);
    }
    const top = inFile.filter((d) => d.parent === null);
    if (top.length > 0) return resolved(top, ref);
    const binding = this.importsOf(ref.file_rel).find((i) => i.name !== "*" && (i.alias ?? i.name) === ref.name);
    if (binding) {
      const imported = this.resolveImport(binding, family, 0);
      if (imported.resolution === "resolved" && (FITS[ref.kind] ?? (() => false))(imported.target.kind)) return imported;
      if (imported.resolution === "unresolved") return imported;
      return { resolution: "ambiguous", candidates: named };
    }
    for (const star of this.importsOf(ref.file_rel).filter((i) => i.name === "*" && i.alias === null && i.module !== null)) {
      const files = this.modules.filesOf(star.module!, ref.file_rel);
      if (files === "external") continue;
      const found = named.filter((d) => d.parent === null && files.includes(d.file_rel));
      if (found.length > 0) return resolved(found, ref);
    }
    if (family.visibility === "package") {
      const sameDir = new Set(this.modules.sameDirectory(ref.file_rel));
      const found = named.filter((d) => sameDir.has(d.file_rel) && d.parent === null);
      if (found.length > 0) return single(found, ref) ?? { resolution: "ambiguous", candidates: named };
    }
    if (family.visibility === "global") {
      const top = named.filter((d) => d.parent === null);
      const one = single(top, ref);
      if (one) return one;
    }
    return { resolution: "ambiguous", candidates: named };
  }

  /** `x.f()`: through `self`, a module or package the file imports, a type by name, or a value of unknown type. */
  private viaReceiver(ref: ReferenceRow, receiver: string, named: DefinitionRow[], family: Family): Resolution {
    const parts = receiver.split(".");
    const head = parts[0]!;
    const members = named.filter((d) => d.parent !== null);
    const unknown: Resolution = { resolution: "ambiguous", candidates: members.length > 0 ? members : named };
    if (parts.length === 1 && (SELF.has(head) || head === "super")) {
      if (head === "super") return unknown;
      for (const scope of scopesOf(ref.from_name)) {
        const own = members.filter((d) => d.parent === scope);
        if (own.length > 0) return resolved(own, ref);
      }
      return unknown;
    }
    const binding = this.importsOf(ref.file_rel).find((i) => (i.alias ?? bindingName(i, family)) === head);
    if (binding?.module) {
      if (binding.name === "*") {
        // `import a.b` binds `a`, and `a.b.f` is `f` of module `a.b`; an alias binds the module itself.
        const module = family.name === "python" && binding.alias === null ? receiver : binding.module;
        const rest = family.name === "python" && binding.alias === null ? null : parts.slice(1).join(".") || null;
        const files = this.modules.filesOf(module, ref.file_rel);
        if (files === "external") return unresolved("external");
        const found = named.filter((d) => files.includes(d.file_rel) && d.parent === rest);
        return found.length > 0 ? resolved(found, ref) : unknown;
      }
      const imported = this.resolveImport(binding, family, 0);
      if (imported.resolution === "resolved") {
        const path = [imported.target.qualified_name, ...parts.slice(1)].join(".");
        const found = named.filter((d) => d.file_rel === imported.target.file_rel && d.parent === path);
        return found.length > 0 ? resolved(found, ref) : unknown;
      }
      if (imported.resolution === "unresolved" && imported.why === "module") {
        const files = this.modules.filesOf(`${binding.module}.${binding.name}`, ref.file_rel);
        const found = files === "external" ? [] : named.filter((d) => files.includes(d.file_rel) && d.parent === null);
        return found.length > 0 ? resolved(found, ref) : unknown;
      }
      return imported.resolution === "unresolved" ? imported : unknown;
    }
    // `Foo.bar()`, `Foo::new()`: a member of the type the receiver names.
    const typeName = lastPart(receiver);
    const ofType = members.filter((d) => lastPart(d.parent!) === typeName);
    if (ofType.length > 0) return single(ofType, ref) ?? { resolution: "ambiguous", candidates: ofType };
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
          const again = this.importsOf(file).find((i) => i.name !== "*" && (i.alias ?? i.name) === imp.name);
          if (again) return this.resolveImport(again, family, hops + 1);
          for (const star of this.importsOf(file).filter((i) => i.name === "*" && i.alias === null && i.module !== null)) {
            const starFiles = this.modules.filesOf(star.module!, file);
            const fromStar = starFiles === "external" ? [] : named.filter((d) => d.parent === null && starFiles.includes(d.file_rel));
            if (fromStar.length > 0) return resolved(fromStar, imp);
          }
        }
      }
      // `from pkg import submodule` names a module, not a definition.
      if (family.name === "python" && this.modules.filesOf(`${module}.${imp.name}`, imp.file_rel) !== "external") return unresolved("module");
      return named.length > 0 ? { resolution: "ambiguous", candidates: named } : unresolved("no_definition");
    }
    return unresolved("external");
  }

  /** Qualified names of the types defined in a file. */
  private typeNames(fileRel: string): Set<string> {
    return new Set(this.definitionsOf(fileRel).filter((d) => TYPES.has(d.kind)).map((d) => d.qualified_name));
  }
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
