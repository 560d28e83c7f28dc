/**
 * How one of several definitions of a name is addressed: `Name@LINE`, and `Name@LINE:K` for the
 * K-th of them on one line (minified code defines one name many times on a line). Shared by
 * `sym://…#Name@LINE:K` and ctx item ids, so the same content always gives the same addresses.
 */

export interface Addressable {
  readonly qualified_name: string;
  readonly line: number;
  readonly file?: string;
}

/** Each definition's 1-based rank among the definitions of its name on its line (and file), in order. */
export function lineOrdinals(definitions: readonly Addressable[]): number[] {
  const seen = new Map<string, number>();
  return definitions.map((d) => {
    const key = `${d.file ?? ""}\u0000${d.qualified_name}\u0000${d.line}`;
    const rank = (seen.get(key) ?? 0) + 1;
    seen.set(key, rank);
    return rank;
  });
}

/** `@LINE`, or `@LINE:K` when it is not the first of its name on that line. */
export function lineSuffix(line: number, ordinal: number): string {
  return ordinal === 1 ? `@${line}` : `@${line}:${ordinal}`;
}

/** Reads a `LINE` or `LINE:K` suffix; null when the text is not one. */
export function parseLineSuffix(text: string): { line: number; ordinal: number | null } | null {
  const match = /^([1-9][0-9]*)(?::([1-9][0-9]*))?$/.exec(text);
  return match ? { line: Number(match[1]), ordinal: match[2] === undefined ? null : Number(match[2]) } : null;
}
