/**
 * `.:<file_rel>:<first 16 hex of sha256(bytes)>:<extractor version>`. Content decides the key,
 * never time, pid or absolute path. `%` and `:` in file_rel are percent-encoded so the key always
 * has exactly four `:`-separated parts.
 */
export function cacheKey(fileRel: string, contentHash: string, extractorVersion: string): string {
  const escaped = fileRel.replace(/%/g, "%25").replace(/:/g, "%3A");
  return `.:${escaped}:${contentHash}:${extractorVersion}`;
}

export function contentHash(bytes: Uint8Array): string {
  return new Bun.CryptoHasher("sha256").update(bytes).digest("hex").slice(0, 16);
}
