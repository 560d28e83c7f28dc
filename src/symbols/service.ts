import { statSync } from "node:fs";
import { openAstCache } from "../cache/factory.ts";
import { cacheKey, sha256Hex, shortHash } from "../cache/key.ts";
import type { AstCache, BypassReason, CacheEvent, CacheSettings, MissReason } from "../cache/types.ts";
import type { RemoteCache } from "../cache/remote.ts";
import { portableKey } from "../cache/remote-entry.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { extractInProcess } from "../extract/in-process.ts";
import { extractorVersion } from "../extract/version.ts";
import type { Extraction } from "../extract/types.ts";
import { LANGUAGE_IDS, type LanguageId } from "../languages.ts";
import { resolveSource, type Source } from "../resolve/modules.ts";
import { readSegmentFile, type ReadRefusal } from "../resolve/safe-read.ts";
import { resolveSegment, type SegmentFile } from "../resolve/segment.ts";
import { parseSymUri, type SymUri } from "../uri/sym-uri.ts";

/** Version of the JSON answer shape; additive changes keep it, breaking ones bump it. */
export const OUTPUT_SCHEMA_VERSION = 1;

export type SymbolsOptions = {
  readonly segment?: string;
  readonly cwd?: string;
  readonly maxFileBytes: number;
  /** How a miss is extracted; defaults to in-process. */
  readonly extract?: (language: LanguageId, bytes: Uint8Array) => Promise<Extraction>;
  /** The team cache, asked on a local miss before parsing and given what was parsed (readwrite). */
  readonly remote?: RemoteCache | null;
} & (
  /** An AST cache already open on the segment (a `sym://` search reuses the index's connection)… */
  | { readonly cache: AstCache }
  /** …or how to open one for this answer (it is closed after). */
  | { readonly persist: boolean; readonly cacheSettings: CacheSettings }
);

/** Wall time of each step of one answer, for `--telemetry full`. */
export type Phases = Partial<Record<"resolve" | "read" | "cache_open" | "lookup" | "extract" | "store", number>>;

export type CacheStatus = "hit" | "miss" | "bypass";

/** One file's symbols with where they came from. */
export interface LoadedFile {
  readonly file: SegmentFile;
  readonly bytes: Uint8Array;
  readonly extraction: Extraction;
  readonly cacheStatus: CacheStatus;
  readonly cacheKey: string;
  readonly missReason: MissReason | BypassReason;
}

/** Everything a URI resolved to: one file, or every file of a (Go) package. */
export interface ModuleSymbols {
  readonly uri: SymUri;
  readonly segmentRoot: string;
  readonly source: Source;
  readonly files: LoadedFile[];
  readonly cacheDbPath: string | null;
  /** What the cache reported while answering, in order; the CLI turns these into telemetry. */
  readonly cacheEvents: CacheEvent[];
  readonly phases: Phases;
}

/** A file that was located but could not be read as the file that was checked. */
function readFailure(fileRel: string, reason: ReadRefusal, detail: string): Result<never> {
  if (reason === "outside_segment") return fail("PATH_OUTSIDE_SEGMENT", `'${fileRel}' leads outside the segment`, { file_rel: fileRel });
  if (reason === "unreadable") return fail("FILE_UNREADABLE", `'${fileRel}' cannot be read: ${detail}`, { file_rel: fileRel });
  return fail("FILE_NOT_FOUND", `'${fileRel}' changed while being read (${detail}); ask again`, { file_rel: fileRel });
}

/** URI → files → cache or extraction. Nothing is created on disk before the URI and files are valid. */
export async function loadModuleSymbols(rawUri: string, options: SymbolsOptions): Promise<Result<ModuleSymbols>> {
  const phases: Phases = {};
  let clock = performance.now();
  const lap = (phase: keyof Phases) => {
    const now = performance.now();
    phases[phase] = Math.round(((phases[phase] ?? 0) + now - clock) * 100) / 100;
    clock = now;
  };

  const uri = parseSymUri(rawUri, LANGUAGE_IDS);
  if (!uri.ok) return uri;
  const segment = resolveSegment(options.segment, options.cwd);
  if (!segment.ok) return segment;
  const source = resolveSource(segment.value, uri.value);
  if (!source.ok) return source;
  const files = source.value.kind === "file" ? [source.value.file] : source.value.files;
  lap("resolve");

  const limit = options.maxFileBytes;
  for (const file of files) {
    const size = statSync(file.absPath).size;
    if (size > limit) {
      return fail("FILE_TOO_LARGE", `'${file.fileRel}' is ${size} bytes; the limit is ${limit} (TRIFECTA_MAX_FILE_BYTES)`, { file_rel: file.fileRel, bytes: size, limit });
    }
  }
  const version = extractorVersion(uri.value.language);
  const contents: { file: SegmentFile; bytes: Uint8Array; sha256: string; key: string }[] = [];
  for (const file of files) {
    const read = readSegmentFile(segment.value.root, file.absPath);
    if (!read.ok) return readFailure(file.fileRel, read.reason, read.detail);
    const sha256 = sha256Hex(read.bytes);
    contents.push({ file, bytes: read.bytes, sha256, key: cacheKey(file.fileRel, shortHash(sha256), version) });
  }
  lap("read");

  const cacheEvents: CacheEvent[] = [];
  const cache = "cache" in options ? options.cache : openAstCache(segment.value.root, { persist: options.persist, settings: options.cacheSettings, events: (event) => cacheEvents.push(event) });
  lap("cache_open");
  try {
    const loaded: LoadedFile[] = [];
    for (const { file, bytes, sha256, key } of contents) {
      const lookup = cache.lookup(key);
      lap("lookup");
      if (lookup.status === "hit") {
        loaded.push({ file, bytes, extraction: lookup.extraction, cacheStatus: "hit", cacheKey: key, missReason: "cache_hit" });
        continue;
      }
      const { remote } = options;
      const portable = remote ? portableKey(uri.value.language, version, sha256) : null;
      const fetched = remote && portable ? await remote.fetch(portable) : null;
      if (fetched) {
        cache.adopt([{ key, fileRel: file.fileRel, extraction: fetched.extraction, json: fetched.json, jsonSha256: fetched.jsonSha256 }]);
        lap("lookup");
        loaded.push({ file, bytes, extraction: fetched.extraction, cacheStatus: "hit", cacheKey: key, missReason: "remote_hit" });
        continue;
      }
      const extraction = await (options.extract ?? extractInProcess)(uri.value.language, bytes);
      lap("extract");
      if (remote && portable) remote.upload(portable, extraction);
      let cacheStatus: CacheStatus = lookup.status;
      let missReason: MissReason | BypassReason = lookup.reason;
      if (lookup.status === "miss") {
        const stored = cache.store({ key, fileRel: file.fileRel, extraction });
        lap("store");
        if (stored.status === "bypass") {
          cacheStatus = "bypass";
          missReason = stored.reason;
        }
      }
      loaded.push({ file, bytes, extraction, cacheStatus, cacheKey: key, missReason });
    }
    return ok({ uri: uri.value, segmentRoot: segment.value.root, source: source.value, files: loaded, cacheDbPath: cache.dbPath, cacheEvents, phases });
  } finally {
    if (!("cache" in options)) cache.close();
  }
}
