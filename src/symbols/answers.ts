import { fail, ok, type Result } from "../core/result.ts";
import { decodeSource } from "../extract/source-text.ts";
import type { SymbolRecord } from "../extract/types.ts";
import { selectMember } from "./select.ts";
import { OUTPUT_SCHEMA_VERSION, type FileSymbols } from "./service.ts";

/** The fields every successful `ast` answer shares, in contract order. */
function envelope(loaded: FileSymbols, symbols: SymbolRecord[]) {
  return {
    status: "ok" as const,
    segment_root: loaded.segmentRoot,
    file_rel: loaded.file.fileRel,
    symbols,
    cache_status: loaded.cacheStatus,
    cache_key: loaded.cacheKey,
    miss_reason: loaded.missReason,
    cache_db_path: loaded.cacheDbPath,
    schema_version: OUTPUT_SCHEMA_VERSION,
    language: loaded.uri.language,
    parse_status: loaded.extraction.parse_status,
    parse_errors: loaded.extraction.parse_errors,
  };
}

export type SymbolsAnswer = ReturnType<typeof envelope>;

/** `ast symbols`: the whole module, or for `type/…#Name` that symbol and its descendants. */
export function symbolsAnswer(loaded: FileSymbols): Result<SymbolsAnswer> {
  const { uri, extraction } = loaded;
  if (uri.kind !== "type") return ok(envelope(loaded, extraction.symbols));
  const selected = selectMember(extraction.symbols, uri.member!, uri.memberLine, uri.raw);
  return selected.ok ? ok(envelope(loaded, selected.value)) : selected;
}

/** `ast snippet`: the source lines of one symbol. */
export function snippetAnswer(loaded: FileSymbols) {
  const { uri, extraction } = loaded;
  if (uri.kind !== "type") {
    return fail("INVALID_URI", "snippet needs a symbol: sym://<language>/type/<module>#<Qualified.Name>", { uri: uri.raw });
  }
  const selected = selectMember(extraction.symbols, uri.member!, uri.memberLine, uri.raw);
  if (!selected.ok) return selected;
  const roots = selected.value.filter((s) => s.qualified_name === uri.member);
  if (roots.length > 1) {
    return fail("AMBIGUOUS_SYMBOL", `'${uri.member}' is defined ${roots.length} times; pick one with #${uri.member}@<line>`, {
      uri: uri.raw,
      candidates: roots.map((s) => `${s.qualified_name}@${s.line}`),
    });
  }
  const symbol = roots[0]!;
  const lines = decodeSource(loaded.bytes).split("\n");
  const { symbols: _symbols, ...rest } = envelope(loaded, [symbol]);
  return ok({
    ...rest,
    symbol,
    line: symbol.line,
    end_line: symbol.end_line,
    text: lines.slice(symbol.line - 1, symbol.end_line).join("\n"),
  });
}
