import type { SymbolRecord } from "../extract/types.ts";

/**
 * A compact outline for agents: one line per symbol, indented by nesting depth, with its line
 * range and signature, under a `# <file>` header (one per file for a multi-file package). Far
 * smaller than the source, and enough to decide what to read.
 */
export function outline(fileRel: string, symbols: readonly (SymbolRecord & { file?: string })[]): string {
  const depth = new Map<string, number>();
  const lines: string[] = [];
  let header: string | null = null;
  for (const symbol of symbols) {
    const file = symbol.file ?? fileRel;
    if (file !== header) {
      lines.push(`# ${file}`);
      header = file;
    }
    const level = symbol.parent === null ? 0 : (depth.get(symbol.parent) ?? 0) + 1;
    depth.set(symbol.qualified_name, level);
    // Those the signature does not already show (a Java or C# signature starts with its annotations).
    const decorators = symbol.decorators.filter((d) => !symbol.signature.includes(d)).map((d) => `@${d} `).join("");
    const range = symbol.end_line === symbol.line ? `${symbol.line}` : `${symbol.line}-${symbol.end_line}`;
    lines.push(`${" ".repeat(level)}${range} ${decorators}${symbol.signature}`);
  }
  if (lines.length === 0) lines.push(`# ${fileRel}`);
  return `${lines.join("\n")}\n`;
}
