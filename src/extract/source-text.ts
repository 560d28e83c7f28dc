const decoder = new TextDecoder("utf-8", { fatal: false });

/**
 * Bytes to the text every extractor and snippet sees: UTF-8 with the BOM dropped, invalid
 * bytes replaced (U+FFFD, never a crash), and CRLF or lone CR turned into LF so that line
 * numbers match what compilers count.
 */
export function decodeSource(bytes: Uint8Array): string {
  return decoder.decode(bytes).replace(/\r\n?/g, "\n");
}
