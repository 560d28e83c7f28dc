import { fail, ok, type Result } from "../core/result.ts";
import type { SymbolRecord } from "../extract/types.ts";

/**
 * The definitions named `member` (one per redefinition, or the one at `line`) together with
 * everything nested inside them, in source order.
 */
export function selectMember<S extends SymbolRecord & { file?: string }>(symbols: S[], member: string, line: number | null, uri: string): Result<S[]> {
  const roots = symbols.filter((s) => s.qualified_name === member && (line === null || s.line === line));
  if (roots.length === 0) {
    return fail("SYMBOL_NOT_FOUND", `no symbol '${member}${line === null ? "" : `@${line}`}' in this module`, {
      uri,
      candidates: closestNames(symbols, member),
    });
  }
  const prefix = `${member}.`;
  return ok(
    symbols.filter((s) =>
      roots.some((root) => s === root || (s.file === root.file && s.qualified_name.startsWith(prefix) && s.line >= root.line && s.end_line <= root.end_line)),
    ),
  );
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
