/**
 * `.:<file_rel>:<first 16 hex of sha256(bytes)>:<extractor version>`. Content decides the key,
 * never time, pid or absolute path. `%` and `:` in file_rel are percent-encoded so the key always
 * has exactly four `:`-separated parts.
 */
export function cacheKey(fileRel: string, contentHash: string, extractorVersion: string): string {
  const escaped = fileRel.replace(/%/g, "%25").replace(/:/g, "%3A");
  return `.:${escaped}:${contentHash}:${extractorVersion}`;
}

/** The full sha256 (64 hex) of bytes or of a text's UTF-8: a file's is the team cache's content key (src/cache/remote-entry.ts). */
export const sha256Hex = (bytes: Uint8Array | string): string => new Bun.CryptoHasher("sha256").update(bytes).digest("hex");

/** The first 16 hex of a sha256: the content part of a local key, and a stored value's checksum. */
export const shortHash = (sha256: string): string => sha256.slice(0, 16);

export function contentHash(bytes: Uint8Array): string {
  return shortHash(sha256Hex(bytes));
}
