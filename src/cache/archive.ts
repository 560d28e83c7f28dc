import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { fail, ok, type Result } from "../core/result.ts";
import { extractorVersion } from "../extract/version.ts";
import { LANGUAGE_IDS } from "../languages.ts";
import { openDatabase } from "../store/database.ts";
import { cacheDbPath } from "../store/paths.ts";
import { openAstCache } from "./factory.ts";
import { cacheKey, sha256Hex } from "./key.ts";
import { parseExtraction } from "./remote-entry.ts";
import { AST_CACHE_FEATURE } from "./schema.ts";
import { checksumOf } from "./sqlite-cache.ts";
import type { CacheEntry, CacheSettings } from "./types.ts";

/**
 * The AST cache as one portable file, for CI artifact caches without a server: gzip-compressed JSON
 * lines, a header line then one entry per line with the local key's portable parts (segment-relative
 * path, content hash, extractor fingerprint), the stored JSON value and its sha256. Nothing in it
 * names the machine. An import checks every entry before storing it.
 */

export const ARCHIVE_FORMAT = "trifecta-ast-archive/1";

interface ArchiveEntry {
  file_rel: string;
  content_hash: string;
  extractor: string;
  value_sha256: string;
  value: string;
}

export interface ExportReport {
  file: string;
  entries: number;
  /** Rows left out because they failed their checksum (damage `cache-verify --repair` removes). */
  skipped_damaged: number;
  archive_bytes: number;
}

export interface ImportReport {
  file: string;
  entries: number;
  imported: number;
  rejected: { checksum: number; foreign: number; malformed: number };
  /** Set when verified entries could not be stored (a read-only segment, a full disk, a lock timeout). */
  not_stored?: { entries: number; reason: string };
}

/** `.:<file_rel>:<hash>:<version>` back into its parts (file_rel unescaped); null for any other shape. */
function keyParts(key: string): { fileRel: string; contentHash: string; extractor: string } | null {
  const parts = key.split(":");
  if (parts.length !== 4 || parts[0] !== ".") return null;
  return { fileRel: parts[1]!.replace(/%3A/g, ":").replace(/%25/g, "%"), contentHash: parts[2]!, extractor: parts[3]! };
}

export function exportCache(segmentRoot: string, file: string, settings: CacheSettings): Result<ExportReport> {
  const lines = [""];
  let entries = 0;
  let damaged = 0;
  const opened = openDatabase(cacheDbPath(segmentRoot), { create: false, lockTimeoutMs: settings.lockTimeoutMs, features: [AST_CACHE_FEATURE] });
  if (!opened.ok && opened.reason !== "absent") return fail("CACHE_UNAVAILABLE", `cannot open the cache database: ${opened.detail}`, { reason: opened.reason });
  if (opened.ok) {
    try {
      for (const row of opened.value.db.query("SELECT key, value, checksum FROM cache ORDER BY key").iterate() as IterableIterator<{ key: string; value: string; checksum: string }>) {
        const parts = keyParts(row.key);
        if (!parts || checksumOf(row.value) !== row.checksum) {
          damaged++;
          continue;
        }
        const entry: ArchiveEntry = { file_rel: parts.fileRel, content_hash: parts.contentHash, extractor: parts.extractor, value_sha256: sha256Hex(row.value), value: row.value };
        lines.push(JSON.stringify(entry));
        entries++;
      }
    } finally {
      opened.value.db.close();
    }
  }
  lines[0] = JSON.stringify({ format: ARCHIVE_FORMAT, entries });
  const archive = Bun.gzipSync(new TextEncoder().encode(`${lines.join("\n")}\n`));
  // Written aside and renamed: a reader never sees half an archive.
  const partial = `${file}.partial-${process.pid}`;
  try {
    writeFileSync(partial, archive);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    return fail("FILE_UNREADABLE", `cannot write '${file}': ${(error as Error).message}`, { file });
  }
  return ok({ file, entries, skipped_damaged: damaged, archive_bytes: archive.length });
}

const HEX16 = /^[0-9a-f]{16}$/;

/** A path relative to a segment, as the cache records it: no absolute path, no `..`, no backslash. */
const isSegmentRelative = (rel: string) => rel !== "" && !rel.startsWith("/") && !rel.includes("\\") && !rel.split("/").some((part) => part === ".." || part === "." || part === "");

/** Imports in batches of this many entries, one write transaction each. */
const IMPORT_BATCH = 500;

export function importCache(segmentRoot: string, file: string, settings: CacheSettings): Result<ImportReport> {
  let text: string;
  try {
    text = new TextDecoder().decode(Bun.gunzipSync(readFileSync(file)));
  } catch (error) {
    return fail("ARCHIVE_INVALID", `'${file}' is not a readable trifecta cache archive: ${(error as Error).message}`, { file });
  }
  const [headerLine = "", ...lines] = text.split("\n").filter((line) => line !== "");
  let header: { format?: unknown; entries?: unknown } = {};
  try {
    header = JSON.parse(headerLine);
  } catch {}
  if (header.format !== ARCHIVE_FORMAT) return fail("ARCHIVE_INVALID", `'${file}' is not a ${ARCHIVE_FORMAT} archive`, { file });
  const ours = new Set(LANGUAGE_IDS.map(extractorVersion));
  const rejected = { checksum: 0, foreign: 0, malformed: 0 };
  const verified: CacheEntry[] = [];
  for (const line of lines) {
    let entry: Partial<ArchiveEntry>;
    try {
      entry = JSON.parse(line) as Partial<ArchiveEntry>;
    } catch {
      rejected.malformed++;
      continue;
    }
    const { file_rel: fileRel, content_hash: contentHash, extractor, value, value_sha256: valueSha } = entry;
    if (typeof fileRel !== "string" || !isSegmentRelative(fileRel) || typeof contentHash !== "string" || !HEX16.test(contentHash) || typeof extractor !== "string" || typeof value !== "string") {
      rejected.malformed++;
      continue;
    }
    if (valueSha !== sha256Hex(value)) {
      rejected.checksum++;
      continue;
    }
    // An entry of another extractor would never be asked for by this build of trifecta.
    if (!ours.has(extractor)) {
      rejected.foreign++;
      continue;
    }
    const extraction = parseExtraction(value);
    if (!extraction) {
      rejected.malformed++;
      continue;
    }
    verified.push({ key: cacheKey(fileRel, contentHash, extractor), fileRel, extraction, json: value });
  }
  const cache = openAstCache(segmentRoot, { persist: true, settings });
  let imported = 0;
  let notStored: { entries: number; reason: string } | undefined;
  try {
    for (let i = 0; i < verified.length; i += IMPORT_BATCH) {
      for (const outcome of cache.adopt(verified.slice(i, i + IMPORT_BATCH))) {
        if (outcome.status === "stored") imported++;
        else notStored = { entries: (notStored?.entries ?? 0) + 1, reason: outcome.reason };
      }
    }
  } finally {
    cache.close();
  }
  return ok({ file, entries: lines.length, imported, rejected, ...(notStored ? { not_stored: notStored } : {}) });
}
