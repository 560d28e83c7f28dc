import type { Extraction } from "../extract/types.ts";
import { sha256Hex } from "./key.ts";

/**
 * How an AST cache entry is laid out on a Bazel remote-cache HTTP server, and how a fetched one is
 * checked before it is believed. Two objects per entry, as Bazel itself stores an action:
 * - `ac/<address>`: a small JSON manifest naming the entry's portable key parts and the CAS blob.
 *   The address is sha256 of those key parts, never of a path, so every checkout of the same
 *   content on any machine asks for the same address.
 * - `cas/<sha256 of the blob>`: the extraction's JSON, exactly the bytes the local cache stores.
 *   Identical extractions (an unchanged file under a new extractor whose output did not change,
 *   empty `__init__.py` files) share one blob.
 */

export const ENTRY_FORMAT = "trifecta-ast/1";

/** The parts of an AST cache key that mean the same on every machine. */
export interface PortableKey {
  readonly language: string;
  /** The extractor fingerprint (src/extract/version.ts) of the language. */
  readonly extractor: string;
  /** Full sha256 (64 hex) of the file's bytes. */
  readonly contentSha256: string;
}

export interface Manifest {
  readonly format: string;
  readonly language: string;
  readonly extractor: string;
  readonly content_sha256: string;
  readonly cas: string;
  readonly size: number;
}


const HEX64 = /^[0-9a-f]{64}$/;

/** `contentSha256`: the file's sha256 (src/cache/key.ts), computed once per read file for both keys. */
export function portableKey(language: string, extractor: string, contentSha256: string): PortableKey {
  return { language, extractor, contentSha256 };
}

/** The `ac/` address of an entry: 64 hex of its portable key parts. */
export function remoteAddress(key: PortableKey): string {
  return sha256Hex(`${ENTRY_FORMAT}\0${key.language}\0${key.extractor}\0${key.contentSha256}`);
}

export function manifestFor(key: PortableKey, blob: Uint8Array): Manifest {
  return { format: ENTRY_FORMAT, language: key.language, extractor: key.extractor, content_sha256: key.contentSha256, cas: sha256Hex(blob), size: blob.length };
}

/** Why a fetched entry was not believed. */
export type Rejection = "not_json" | "foreign" | "checksum" | "truncated" | "too_large" | "malformed";

/** The manifest's CAS blob and size when it is a manifest of exactly this key; the rejection otherwise. */
export function checkManifest(body: Uint8Array, key: PortableKey, maxBytes: number): { cas: string; size: number } | Rejection {
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(new TextDecoder().decode(body)) as Partial<Manifest>;
  } catch {
    return "not_json";
  }
  if (typeof manifest !== "object" || manifest === null) return "malformed";
  if (manifest.format !== ENTRY_FORMAT || manifest.language !== key.language || manifest.extractor !== key.extractor || manifest.content_sha256 !== key.contentSha256) return "foreign";
  if (typeof manifest.cas !== "string" || !HEX64.test(manifest.cas) || !Number.isInteger(manifest.size) || (manifest.size as number) < 0) return "malformed";
  if ((manifest.size as number) > maxBytes) return "too_large";
  return { cas: manifest.cas, size: manifest.size as number };
}

/** An entry as verified: the extraction, the JSON text it was read from and that text's sha256 (its CAS address). */
export interface VerifiedEntry {
  readonly extraction: Extraction;
  readonly json: string;
  readonly jsonSha256: string;
}

// Fatal, BOM kept: a blob that is not UTF-8 is not an extraction, and the text kept is exactly the blob's bytes (its checksum, the CAS address).
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The extraction in a CAS blob, when the blob is the one the manifest names and holds an extraction. */
export function checkBlob(blob: Uint8Array, expected: { cas: string; size: number }): VerifiedEntry | Rejection {
  if (blob.length !== expected.size) return blob.length < expected.size ? "truncated" : "checksum";
  if (sha256Hex(blob) !== expected.cas) return "checksum";
  let json: string;
  try {
    json = utf8.decode(blob);
  } catch {
    return "malformed";
  }
  const extraction = parseExtraction(json);
  return extraction ? { extraction, json, jsonSha256: expected.cas } : "malformed";
}

const isString = (v: unknown) => typeof v === "string";
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isNullableString = (v: unknown) => v === null || typeof v === "string";

/** An extraction from JSON text that has its shape (every symbol and reference field with its type); null otherwise. */
export function parseExtraction(text: string): Extraction | null {
  let value: Partial<Extraction>;
  try {
    value = JSON.parse(text) as Partial<Extraction>;
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || (value.parse_status !== "ok" && value.parse_status !== "partial") || !isCount(value.parse_errors) || !Array.isArray(value.symbols)) return null;
  for (const s of value.symbols) {
    const valid =
      typeof s === "object" &&
      s !== null &&
      isString(s.kind) &&
      isString(s.name) &&
      isCount(s.line) &&
      isString(s.qualified_name) &&
      isCount(s.end_line) &&
      isString(s.signature) &&
      Array.isArray(s.decorators) &&
      s.decorators.every(isString) &&
      typeof s.async === "boolean" &&
      isNullableString(s.doc) &&
      isNullableString(s.parent);
    if (!valid) return null;
  }
  if (!Array.isArray(value.references)) return null;
  for (const r of value.references) {
    const valid = typeof r === "object" && r !== null && isString(r.kind) && isString(r.name) && isCount(r.line) && isCount(r.col) && isNullableString(r.from);
    if (!valid) return null;
  }
  return value as Extraction;
}
