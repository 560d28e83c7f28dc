import { cacheKey, contentHash } from "../cache/key.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { sourceLines } from "../extract/source-text.ts";
import type { SymbolRecord } from "../extract/types.ts";
import { candidateAddresses, selectMember, type MemberPick } from "./select.ts";
import { OUTPUT_SCHEMA_VERSION, type CacheStatus, type LoadedFile, type ModuleSymbols } from "./service.ts";

/** A symbol of a multi-file answer carries the file it is in. */
export type AnsweredSymbol = SymbolRecord & { file?: string };

/** One file's answer as is; a package's files folded into one (symbols tagged with their file). */
function combined(loaded: ModuleSymbols) {
  const { source, files } = loaded;
  if (source.kind === "file") {
    const [only] = files as [LoadedFile];
    return { fileRel: only.file.fileRel, symbols: only.extraction.symbols as AnsweredSymbol[], cacheStatus: only.cacheStatus, cacheKey: only.cacheKey, missReason: only.missReason, perFile: null };
  }
  const notHit = files.find((f) => f.cacheStatus !== "hit");
  const cacheStatus: CacheStatus = files.some((f) => f.cacheStatus === "bypass") ? "bypass" : notHit ? "miss" : "hit";
  const version = files[0]!.cacheKey.split(":").at(-1)!;
  return {
    fileRel: source.dirRel,
    symbols: files.flatMap((f) => f.extraction.symbols.map((s): AnsweredSymbol => ({ ...s, file: f.file.fileRel }))),
    cacheStatus,
    // Content-addressed like a file key: the package's key changes when any file's does.
    cacheKey: cacheKey(source.dirRel, contentHash(new TextEncoder().encode(files.map((f) => f.cacheKey).join("\n"))), version),
    missReason: (files.find((f) => f.cacheStatus === "bypass") ?? notHit)?.missReason ?? "cache_hit",
    perFile: files.map((f) => ({ file_rel: f.file.fileRel, cache_status: f.cacheStatus, cache_key: f.cacheKey })),
  };
}

/** The fields every successful `ast` answer shares, in contract order. */
function envelope(loaded: ModuleSymbols, symbols: AnsweredSymbol[]) {
  const view = combined(loaded);
  return {
    status: "ok" as const,
    segment_root: loaded.segmentRoot,
    file_rel: view.fileRel,
    symbols,
    cache_status: view.cacheStatus,
    cache_key: view.cacheKey,
    miss_reason: view.missReason,
    cache_db_path: loaded.cacheDbPath,
    schema_version: OUTPUT_SCHEMA_VERSION,
    language: loaded.uri.language,
    parse_status: loaded.files.some((f) => f.extraction.parse_status === "partial") ? ("partial" as const) : ("ok" as const),
    parse_errors: loaded.files.reduce((n, f) => n + f.extraction.parse_errors, 0),
    ...(view.perFile ? { files: view.perFile } : {}),
  };
}

export type SymbolsAnswer = ReturnType<typeof envelope>;

const memberPick = (uri: ModuleSymbols["uri"]): MemberPick => ({ member: uri.member!, line: uri.memberLine, ordinal: uri.memberOrdinal });

/** `ast symbols`: the whole module, or for `type/…#Name` (`file/…#Name`) that symbol and its descendants. */
export function symbolsAnswer(loaded: ModuleSymbols): Result<SymbolsAnswer> {
  const { uri } = loaded;
  const all = combined(loaded).symbols;
  if (uri.member === null) return ok(envelope(loaded, all));
  const selected = selectMember(all, memberPick(uri), uri.raw);
  return selected.ok ? ok(envelope(loaded, selected.value.symbols)) : selected;
}

/** `ast snippet`: the source lines of one symbol. */
export function snippetAnswer(loaded: ModuleSymbols) {
  const { uri } = loaded;
  if (uri.member === null) {
    return fail("INVALID_URI", "snippet needs a symbol: sym://<language>/type/<module>#<Qualified.Name> or sym://<language>/file/<path>#<Qualified.Name>", { uri: uri.raw });
  }
  const selected = selectMember(combined(loaded).symbols, memberPick(uri), uri.raw);
  if (!selected.ok) return selected;
  const { roots } = selected.value;
  if (roots.length > 1) {
    const name = roots[0]!.qualified_name;
    return fail("AMBIGUOUS_SYMBOL", `'${name}' is defined ${roots.length} times; pick one with #${name}@<line> (or @<line>:<k> for the k-th on a line)`, {
      uri: uri.raw,
      candidates: candidateAddresses(roots),
    });
  }
  const symbol = roots[0]!;
  const home = loaded.files.find((f) => f.file.fileRel === (symbol.file ?? f.file.fileRel))!;
  const lines = sourceLines(home.bytes);
  const { symbols: _symbols, ...rest } = envelope(loaded, [symbol]);
  return ok({ ...rest, symbol, line: symbol.line, end_line: symbol.end_line, text: lines.slice(symbol.line - 1, symbol.end_line).join("\n") });
}
