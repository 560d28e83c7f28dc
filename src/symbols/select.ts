import { lineOrdinals, lineSuffix } from "../core/definition-address.ts";
import { fail, ok, type Result } from "../core/result.ts";
import type { SymbolRecord } from "../extract/types.ts";

/** Which definitions of a name are asked for: all, those on `line`, or the `ordinal`-th on it. */
export interface MemberPick {
  readonly member: string;
  readonly line: number | null;
  readonly ordinal: number | null;
}

/**
 * The definitions named `member` (one per redefinition, or the one at `line`, or the K-th on it): `roots`,
 * and with everything nested inside them, `symbols`, in source order.
 */
export function selectMember<S extends SymbolRecord & { file?: string }>(symbols: S[], pick: MemberPick, uri: string): Result<{ roots: S[]; symbols: S[] }> {
  const { line, ordinal } = pick;
  const member = qualifiedAs(symbols, pick.member);
  const named = symbols.filter((s) => s.qualified_name === member);
  const ranks = lineOrdinals(named);
  const roots = named.filter((s, i) => (line === null || s.line === line) && (ordinal === null || ranks[i] === ordinal));
  if (roots.length === 0) {
    const asked = line === null ? "" : ordinal === null ? `@${line}` : `@${line}:${ordinal}`;
    return fail("SYMBOL_NOT_FOUND", `no symbol '${member}${asked}' in this module`, {
      uri,
      candidates: closestNames(symbols, member),
    });
  }
  const prefix = `${member}.`;
  return ok({
    roots,
    symbols: symbols.filter((s) =>
      roots.some((root) => s === root || (s.file === root.file && s.qualified_name.startsWith(prefix) && s.line >= root.line && s.end_line <= root.end_line)),
    ),
  });
}

/**
 * The qualified name `member` stands for: itself when a definition has it, else the one qualified name that
 * ends with it after a dot (`Foo.Bar` of a C# `Acme.Core.Foo.Bar`: a name written without its namespace).
 */
function qualifiedAs(symbols: readonly SymbolRecord[], member: string): string {
  if (symbols.some((s) => s.qualified_name === member)) return member;
  const tails = new Set(symbols.filter((s) => s.qualified_name.endsWith(`.${member}`)).map((s) => s.qualified_name));
  return tails.size === 1 ? [...tails][0]! : member;
}

/** `Name@LINE` for each definition, `Name@LINE:K` where several share a line: every one distinct and selectable. */
export function candidateAddresses(roots: readonly (SymbolRecord & { file?: string })[]): string[] {
  const ranks = lineOrdinals(roots);
  const shared = new Set(roots.filter((_, i) => ranks[i]! > 1).map((r) => `${r.file ?? ""}\u0000${r.line}`));
  return roots.map((r, i) => `${r.qualified_name}${shared.has(`${r.file ?? ""}\u0000${r.line}`) ? `@${r.line}:${ranks[i]}` : lineSuffix(r.line, 1)}`);
}

/** Up to five qualified names nearest to `wanted`: same last part first, then by edit distance. */
export function closestNames(symbols: SymbolRecord[], wanted: string, limit = 5): string[] {
  const lastPart = wanted.split(".").at(-1)!.toLowerCase();
  const names = [...new Set(symbols.map((s) => s.qualified_name))];
  const scored = names.map((name) => {
    const sameLeaf = name.split(".").at(-1)!.toLowerCase() === lastPart ? 0 : 1;
    return { name, sameLeaf, distance: editDistance(name.toLowerCase(), wanted.toLowerCase()) };
  });
  scored.sort((a, b) => a.sameLeaf - b.sameLeaf || a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
