import { cacheKey, sha256Hex, shortHash } from "../cache/key.ts";
import type { SqliteAstCache } from "../cache/sqlite-cache.ts";
import type { Store } from "../store/store.ts";
import { readSegmentFile, type ReadRefusal } from "../resolve/safe-read.ts";
import { extractInProcess } from "../extract/in-process.ts";
import { decodeSource } from "../extract/source-text.ts";
import type { Extraction } from "../extract/types.ts";
import { extractorVersion } from "../extract/version.ts";
import { mayReadAs, readsAs, type LanguageId } from "../languages.ts";
import type { BuildState, ContextIndex, FileStamp, IndexedFile } from "./index-store.ts";
import { fileRows, type FileRows } from "./rows.ts";
import { generatedReason, HEAD_BYTES, type GeneratedReason } from "./generated.ts";
import { splitSections, type Section } from "./markdown.ts";
import { splitRstSections } from "./rst.ts";
import type { ExtractionPool } from "./pool.ts";
import type { DirStamp, WalkedFile } from "./walk.ts";

/** Turning changed files into index updates, for a build and for the freshness check alike. */

export interface IndexTarget {
  readonly root: string;
  /** The file both live in: its owner replaces it on damage, and says how often it did. */
  readonly store: Store;
  readonly cache: SqliteAstCache;
  readonly index: ContextIndex;
  readonly maxFileBytes: number;
  /**
   * How files of at least `minBytes` are extracted, one at a time (the CLI: each in a process of its
   * own, so one large file's parse memory does not stay for the rest of the build).
   */
  readonly large?: { readonly minBytes: number; extract(language: LanguageId, bytes: Uint8Array): Promise<Extraction> };
}

const kindName = (file: WalkedFile) => (file.kind.type === "markdown" ? "markdown" : file.kind.language);

/** Whether the index's kind of a file is what the walk's (by extension) may turn out to be once read (src/languages.ts readsAs). */
const sameKind = (indexed: string, file: WalkedFile) => (file.kind.type === "source" ? mayReadAs(file.kind.language, file.fileRel, indexed) : indexed === "markdown");

/** The file as read: in the language its head says when its extension is shared (a `.h` holding C++). */
function readAsHeld(file: WalkedFile, bytes: Uint8Array): WalkedFile {
  if (file.kind.type !== "source") return file;
  const language = readsAs(file.kind.language, file.fileRel, () => decodeSource(bytes.subarray(0, HEAD_BYTES)));
  return language === file.kind.language ? file : { ...file, kind: { type: "source", language } };
}

function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

/**
 * One file that could not be indexed, and why; the build goes on without it and the next one tries
 * it again. Read refusals (src/resolve/safe-read.ts), `extract_failed`, `index_refused`.
 */
export interface FileFailure {
  readonly file_rel: string;
  readonly reason: ReadRefusal | "extract_failed" | "index_refused";
  readonly detail?: string;
}

/** A file whose content differs from what the index has. */
export interface Changed {
  readonly file: WalkedFile;
  readonly bytes: Uint8Array;
  /** The content's short hash (the index's content_hash, the local key's) and its full sha256 (the team cache's). */
  readonly hash: string;
  readonly sha256: string;
  /** The index had rows of it when it was read. */
  readonly replaces: boolean;
  /** Generated or minified (src/ctx/generated.ts): indexed as a file without symbols, never parsed. */
  readonly generated?: GeneratedReason;
}

/** A document's sections, read as its extension says: `.rst` as reStructuredText, the rest as Markdown (MDX too). */
const documentSections = (fileRel: string, source: string): Section[] => (fileRel.toLowerCase().endsWith(".rst") ? splitRstSections(source) : splitSections(source));

/** The parse_status the index records for a source file it does not parse for symbols. */
const NOT_PARSED: ReadonlySet<string> = new Set<GeneratedReason>(["generated", "minified"]);

/** A batch of changed files whose extractions are under way. */
export interface Extracting {
  readonly changed: Changed[];
  readonly hits: number;
  /** Cache misses with their keys, to store once extracted. */
  readonly misses: { item: Changed; key: string }[];
  readonly extractions: Promise<Map<string, Extraction>>;
  /** Files whose extraction failed (filled in as extractions finish). */
  readonly failures: FileFailure[];
}

// Large files are extracted one after another, never two at once: memory stays bounded by the largest.
let largeQueue: Promise<unknown> = Promise.resolve();

function extractLarge(large: NonNullable<IndexTarget["large"]>, language: LanguageId, bytes: Uint8Array): Promise<Extraction> {
  const turn = largeQueue.then(() => large.extract(language, bytes));
  largeQueue = turn.catch(() => {});
  return turn;
}

/**
 * Takes what it can from the AST cache (or from `fetched`: entries the team cache just gave, by key,
 * already stored locally) and starts extracting the rest (on a pool, when `poolFor` gives one for that
 * many files).
 */
export function startExtracting(cache: SqliteAstCache, changed: Changed[], poolFor: (misses: number) => ExtractionPool | null, progress?: () => void, large?: IndexTarget["large"], fetched?: ReadonlyMap<string, Extraction>): Extracting {
  const misses: { item: Changed; key: string }[] = [];
  const found = new Map<string, Extraction>();
  const parsed = changed.flatMap((item) => {
    if (item.file.kind.type === "source" && !item.generated) return [{ item, key: cacheKey(item.file.fileRel, item.hash, extractorVersion(item.file.kind.language)) }];
    progress?.();
    return [];
  });
  const looked = parsed.filter(({ key }) => !fetched?.has(key));
  const lookups = new Map(cache.lookupMany(looked.map(({ key }) => key)).map((lookup, i) => [looked[i]!.key, lookup]));
  let hits = 0;
  for (const { item, key } of parsed) {
    const given = fetched?.get(key);
    const lookup = given ? { status: "hit" as const, extraction: given } : lookups.get(key)!;
    if (lookup.status === "hit") {
      found.set(item.file.fileRel, lookup.extraction);
      hits++;
      progress?.();
    } else misses.push({ item, key });
  }
  const failures: FileFailure[] = [];
  // Asked only now, when the cache has said how many files really need parsing.
  const pool = poolFor(misses.filter(({ item }) => !large || item.bytes.length < large.minBytes).length);
  const extractions = Promise.all(
    misses.map(async ({ item }) => {
      const language = (item.file.kind as { language: LanguageId }).language;
      try {
        // A failed worker costs speed, not the answer: the file is parsed here instead.
        const extraction =
          large && item.bytes.length >= large.minBytes
            ? await extractLarge(large, language, item.bytes)
            : pool
              ? await pool.extract(language, item.bytes).catch(() => extractInProcess(language, item.bytes))
              : await extractInProcess(language, item.bytes);
        found.set(item.file.fileRel, extraction);
      } catch (error) {
        failures.push({ file_rel: item.file.fileRel, reason: "extract_failed", detail: (error as Error).message ?? String(error) });
      }
      progress?.();
    }),
  ).then(() => found);
  // Awaited only when the batch is written; a failure surfaces there, never as an unhandled rejection.
  extractions.catch(() => {});
  return { changed, hits, misses, extractions, failures };
}

/** Stores a finished batch in the AST cache and turns it into index rows (files that failed are left out). */
async function finishExtracting(cache: SqliteAstCache, batch: Extracting): Promise<FileRows[]> {
  const extractions = await batch.extractions;
  const extracted = batch.misses.filter(({ item }) => extractions.has(item.file.fileRel));
  cache.storeMany(extracted.map(({ item, key }) => ({ key, fileRel: item.file.fileRel, extraction: extractions.get(item.file.fileRel)! })));
  const failed = new Set(batch.failures.map((f) => f.file_rel));
  return batch.changed.filter(({ file }) => !failed.has(file.fileRel)).map(({ file, bytes, hash, generated, replaces }) => {
    const base = { file_rel: file.fileRel, kind: kindName(file), content_hash: hash, size: file.size, mtime_ms: file.mtimeMs };
    if (file.kind.type === "markdown") return fileRows({ file: { ...base, parse_status: "ok" }, sections: documentSections(file.fileRel, decodeSource(bytes)), replaces });
    if (generated) return fileRows({ file: { ...base, parse_status: generated }, symbols: [], replaces });
    const extraction = extractions.get(file.fileRel)!;
    return fileRows({ file: { ...base, parse_status: extraction.parse_status }, symbols: extraction.symbols, references: extraction.references, source: decodeSource(bytes), replaces });
  });
}

/**
 * A walk of the segment against the index: files the index has that the walk no longer finds
 * (deleted, or now ignored or too large), and files that are new or whose size, mtime or kind differ.
 */
export function compareWithIndex(walked: readonly WalkedFile[], indexed: ReadonlyMap<string, FileStamp>): { gone: string[]; candidates: WalkedFile[] } {
  const present = new Set(walked.map((f) => f.fileRel));
  const gone = [...indexed.keys()].filter((fileRel) => !present.has(fileRel));
  const candidates = walked.filter((file) => {
    const prior = indexed.get(file.fileRel);
    return !(prior && prior.size === file.size && prior.mtime_ms === file.mtimeMs && sameKind(prior.kind, file));
  });
  return { gone, candidates };
}

/** The database was replaced (damage found) while changes were being made: they are void, start over. */
export class DatabaseReplaced extends Error {}

/**
 * What a set of files amounts to for the index, whoever looked (a build's batch, a freshness check,
 * a `ctx get` of a changed file): files to (re)index, to drop, whose time alone changed, and that
 * failed. One shape, read by one function and written by one.
 */
export interface ChangeSet {
  /** The store's generation when the files were read: a file replaced since makes the set void. */
  readonly generation: number;
  readonly changed: Changed[];
  readonly removals: string[];
  readonly touched: { fileRel: string; mtimeMs: number }[];
  readonly failures: FileFailure[];
  /** For the build's counts: found binary (and of those, how many the index had), the same content as indexed (by how the index holds it). */
  binary: number;
  binaryDropped: number;
  sameContent: Record<"parsed" | GeneratedReason, number>;
}

export const emptyChangeSet = (target: IndexTarget, removals: string[] = []): ChangeSet => ({
  generation: target.store.generation,
  changed: [],
  removals,
  touched: [],
  failures: [],
  binary: 0,
  binaryDropped: 0,
  sameContent: { parsed: 0, generated: 0, minified: 0 },
});

/** How the index holds a file it did not parse for symbols (generated, minified), or null. */
export function notParsed(prior: Pick<IndexedFile, "parse_status"> | undefined): GeneratedReason | null {
  return prior && NOT_PARSED.has(prior.parse_status) ? (prior.parse_status as GeneratedReason) : null;
}

/**
 * Reads one file that may have changed, as the file the walk checked (src/resolve/safe-read.ts), and
 * puts it where it belongs in `changes`: a failure, binary now, the same content the index has (its
 * time alone changed), or changed (generated and minified ones marked).
 */
export function readInto(changes: ChangeSet, root: string, file: WalkedFile, prior: IndexedFile | undefined): void {
  const read = readSegmentFile(root, file.absPath, file.identity);
  const binary = read.ok && isBinary(read.bytes);
  if (!read.ok || binary) {
    if (binary) changes.binary++;
    else if (!read.ok) changes.failures.push({ file_rel: file.fileRel, reason: read.reason, detail: read.detail });
    // What the index had of it is no longer what the file holds (or the file is gone).
    if (prior) changes.removals.push(file.fileRel);
    if (prior && binary) changes.binaryDropped++;
    return;
  }
  const { bytes } = read;
  const sha256 = sha256Hex(bytes);
  const hash = shortHash(sha256);
  const held = readAsHeld(file, bytes);
  if (prior && prior.content_hash === hash && prior.kind === kindName(held)) {
    changes.sameContent[notParsed(prior) ?? "parsed"]++;
    changes.touched.push({ fileRel: file.fileRel, mtimeMs: file.mtimeMs });
    return;
  }
  const generated = held.kind.type === "source" && !held.keepGenerated ? generatedReason(held.fileRel, bytes.subarray(0, HEAD_BYTES), bytes.length) : null;
  // Size and time as read, not as walked: the file may have changed in between.
  changes.changed.push({ file: { ...held, size: read.size, mtimeMs: read.mtimeMs }, bytes, hash, sha256, replaces: prior !== undefined, ...(generated ? { generated } : {}) });
}

/**
 * The one writer: stores the extractions in the AST cache and applies the change set to the index
 * in one transaction (with the build's state or the walk's directories when given). Files whose
 * extraction failed, or whose rows the database refused, leave the index and are added to the
 * failures. Returns how many files got their symbols or sections.
 */
export async function writeChanges(target: IndexTarget, changes: ChangeSet, extracting: Extracting, meta?: { buildState?: BuildState; dirs?: readonly DirStamp[] }): Promise<number> {
  const updates = await finishExtracting(target.cache, extracting);
  // Damage found since the files were read (by a lookup, by storing) replaced the file: what was read
  // against the old one (its rows, its build state) is void.
  if (target.store.generation !== changes.generation) throw new DatabaseReplaced();
  changes.failures.push(...extracting.failures);
  changes.removals.push(...extracting.failures.map((f) => f.file_rel));
  const refused = target.index.write(updates, changes.removals, changes.touched, meta);
  changes.failures.push(...refused.map((r) => ({ file_rel: r.file_rel, reason: "index_refused" as const, detail: r.detail })));
  return updates.filter((u) => !NOT_PARSED.has(u.file.parse_status)).length - refused.length;
}
