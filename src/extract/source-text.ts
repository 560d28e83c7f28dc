const decoder = new TextDecoder("utf-8", { fatal: false });

/**
 * Bytes to the text every extractor and snippet sees: UTF-8 with the BOM dropped, invalid
 * bytes replaced (U+FFFD, never a crash), and CRLF or lone CR turned into LF so that line
 * numbers match what compilers count.
 */
export function decodeSource(bytes: Uint8Array): string {
  return decoder.decode(bytes).replace(/\r\n?/g, "\n");
}

const exactDecoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/**
 * The file's lines as they are, for answers that quote source (`ctx get` raw and excerpt, `ast
 * snippet`): numbered as decodeSource numbers them (LF, CRLF and a lone CR each end a line), but
 * each keeps its own text: a CRLF line its `\r`, the first line a byte-order mark, so that joined
 * with `\n` they are the file's bytes (invalid UTF-8 aside, which JSON cannot carry).
 */
export function sourceLines(bytes: Uint8Array): string[] {
  const lines = exactDecoder.decode(bytes).split(/\n|\r(?!\n)/);
  // A final line break ends the last line; it does not start another.
  if (lines.length > 1 && lines.at(-1) === "") lines.pop();
  return lines;
}
