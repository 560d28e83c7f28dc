import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { RemoteCache } from "../cache/remote.ts";
import type { AstCache } from "../cache/types.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { HEAD_BYTES } from "../ctx/generated.ts";
import { kindOfFile } from "../ctx/walk.ts";
import { decodeSource } from "../extract/source-text.ts";
import { readSegmentFile } from "../resolve/safe-read.ts";
import { isInside, resolveSegment } from "../resolve/segment.ts";
import { readsAs, type LanguageId } from "../languages.ts";
import type { Extraction } from "../extract/types.ts";
import { snippetAnswer, symbolsAnswer, type SymbolsAnswer } from "../symbols/answers.ts";
import { loadModuleSymbols, type ModuleSymbols } from "../symbols/service.ts";
import type { Answered, ServiceContext } from "./answered.ts";

export interface AstOptions extends ServiceContext {
  readonly uri: string;
  readonly segment?: string;
  /** `--persist-cache` / `--no-persist-cache`; the setting decides when absent. */
  readonly persist?: boolean;
  /** How a miss is extracted (the CLI: a child process for small one-shot inputs); in-process when absent. */
  readonly extract?: (language: LanguageId, bytes: Uint8Array) => Promise<Extraction>;
}

type Outcome = { file_rel: string; cache_status: string; miss_reason: string; parse_status: string };

/**
 * A target as a `sym://` URI: one already, or a file's path (relative to `base`: the working directory for the CLI,
 * as a shell gives it, the segment for the MCP server), with `#Name` for one of its symbols when the path with it
 * names no file.
 */
function targetUri(target: string, root: string, base: string): Result<string> {
  // Any URI (`sym://…`, or another scheme, which the URI's parser refuses) is read as one.
  if (/^[a-z][\w+.-]*:\/\//i.test(target)) return ok(target);
  // A relative path is the working directory's or, when nothing of the segment is there, the segment's: a
  // `file_rel` as answers print it, asked with `--segment DIR` from elsewhere.
  const attempts = (isAbsolute(target) ? [base] : [base, root]).map((from) => locate(target, from));
  const inSegment = (where: string) => where === root || isInside(root, where);
  const { path, member, absolute, real } = attempts.find((a) => a.real !== null && inSegment(a.real)) ?? attempts.find((a) => inSegment(a.absolute)) ?? attempts[0]!;
  const where = real ?? absolute;
  if (where !== root && !isInside(root, where)) return fail("PATH_OUTSIDE_SEGMENT", `'${path}' is outside the segment`, { path });
  if (real === null) return fail("FILE_NOT_FOUND", `no file '${path}'`, { path, hint: "a file's path, or a sym:// URI (see: ast languages)" });
  // A directory is a Go package when it holds Go files (`ast symbols net/http`), and no module otherwise.
  if (statSync(real).isDirectory()) {
    const rel = relative(root, real);
    if (rel !== "" && !member && readdirSync(real).some((n) => n.endsWith(".go") && !n.endsWith("_test.go"))) return ok(`sym://go/mod/${rel}`);
    return fail("USAGE_ERROR", `'${path}' is a directory`, { path, hint: "outline a file of it, or search it: trifecta ctx search <words> --path <dir>" });
  }
  const uri = fileUri(root, relative(root, real));
  return uri.ok ? ok(`${uri.value}${member}`) : uri;
}

/** `target` (a path, perhaps with `#Name`) from `from`: the path and member, and where the path leads. */
function locate(target: string, from: string): { path: string; member: string; absolute: string; real: string | null } {
  const hash = target.lastIndexOf("#");
  const [path, member] = hash > 0 && !existsSync(resolve(from, target)) ? [target.slice(0, hash), target.slice(hash)] : [target, ""];
  const absolute = resolve(from, path);
  return { path, member, absolute, real: existsSync(absolute) ? realpathSync(absolute) : null };
}

/** Loads the URI's files and answers with `pick`, recording the cache outcome of the answer. */
async function answered<T extends Outcome>(options: AstOptions, pick: (loaded: ModuleSymbols) => Result<T>, recordArgs: Record<string, unknown>): Promise<Answered<T>> {
  const { settings } = options;
  const segment = resolveSegment(options.segment);
  const uri = segment.ok ? targetUri(options.uri, segment.value.root, process.cwd()) : segment;
  if (!uri.ok) return { answer: uri, summary: {}, args: { uri: options.uri, ...recordArgs } };
  const loaded = await loadModuleSymbols(uri.value, {
    segment: options.segment,
    persist: options.persist ?? settings.astPersist,
    maxFileBytes: settings.maxFileBytes,
    cacheSettings: settings.cache,
    extract: options.extract,
    remote: options.remote,
  });
  const args = { uri: options.uri, ...recordArgs };
  if (!loaded.ok) return { answer: loaded, summary: {}, args };
  for (const event of loaded.value.cacheEvents) options.events(event);
  const answer = pick(loaded.value);
  const { files, phases } = loaded.value;
  const first = files[0]!;
  const summary = answer.ok
    ? { file_rel: answer.value.file_rel, cache_status: answer.value.cache_status, miss_reason: answer.value.miss_reason, parse_status: answer.value.parse_status, symbols: files.reduce((n, f) => n + f.extraction.symbols.length, 0) }
    : { file_rel: first.file.fileRel, cache_status: first.cacheStatus, miss_reason: first.missReason };
  return { answer, summary, args, phases };
}

/** `ast symbols`: a module's definitions, or a symbol and its descendants. */
export function symbols(options: AstOptions & { format: string }): Promise<Answered<SymbolsAnswer>> {
  return answered<SymbolsAnswer>(options, symbolsAnswer, { format: options.format });
}

/** `ast snippet`: the source lines of one symbol. */
export function snippet(options: AstOptions): Promise<Answered<SnippetAnswer>> {
  return answered<SnippetAnswer>(options, snippetAnswer, {});
}

type SnippetAnswer = Extract<ReturnType<typeof snippetAnswer>, { ok: true }>["value"];

/**
 * The `sym://` URI of a file of the segment (`rel`, checked inside it by targetUri), its language from its
 * extension (or a script's `#!` line).
 */
function fileUri(root: string, rel: string): Result<string> {
  const kind = kindOfFile(root, join(root, rel), rel.split("/").at(-1) ?? "");
  if (kind?.type !== "source") return fail("UNSUPPORTED_LANGUAGE", `no language outlines '${rel}' (by its extension, or a #! line)`, { path: rel, hint: "Markdown sections: get the file in skeleton mode" });
  // As a build indexes it: a `.h` holding C++ is outlined as C++ (src/languages.ts readsAs).
  const language = readsAs(kind.language, rel, () => {
    const read = readSegmentFile(root, join(root, rel), undefined, HEAD_BYTES);
    return read.ok ? decodeSource(read.bytes) : "";
  });
  return ok(`sym://${language}/file/${rel}`);
}

/** An outline from an AST cache already open on the segment (the MCP server's): a `sym://` URI or a file path. */
export async function outlineOn(cache: AstCache, options: { root: string; maxFileBytes: number; target: string; remote?: RemoteCache | null }): Promise<Result<SymbolsAnswer>> {
  const uri = targetUri(options.target, options.root, options.root);
  if (!uri.ok) return uri;
  const loaded = await loadModuleSymbols(uri.value, { segment: options.root, maxFileBytes: options.maxFileBytes, cache, remote: options.remote });
  return loaded.ok ? symbolsAnswer(loaded.value) : loaded;
}
