import { expect, test } from "bun:test";
import { extractSymbols } from "../../../src/extract/extractor.ts";

const outline = async (source: string) => (await extractSymbols("kotlin", source)).symbols.map((s) => `${s.line} ${s.kind} ${s.qualified_name} | ${s.signature}`);

// Kotlin Multiplatform as okio writes it: an `actual`, `expect` or `annotation` declaration under an annotation
// line was an annotated expression to the grammar (the class lost, its methods top-level functions). `actual` as
// a variable's name stays one.
const SOURCE = `package okio

@OptIn(UnsafeNumber::class)
actual class CRC32 {
  private var crc: UInt = 0xffffffffU

  actual fun update(b: Int) {
    val actual = b
    crc = crc xor actual.toUInt()
  }
}

@Target(AnnotationTarget.CLASS)
annotation class ExperimentalFileSystem

@Suppress("NOTHING_TO_INLINE")
expect fun String.asUtf8ToByteArray(): ByteArray
`;

test("Kotlin: actual, expect and annotation declarations under an annotation line", async () => {
  const extraction = await extractSymbols("kotlin", SOURCE);
  expect([extraction.parse_status, extraction.parse_errors]).toEqual(["ok", 0]);
  expect(await outline(SOURCE)).toEqual([
    "3 class CRC32 | @OptIn(UnsafeNumber::class) actual class CRC32",
    "5 field CRC32.crc | private var crc: UInt = 0xffffffffU",
    "7 method CRC32.update | actual fun update(b: Int)",
    "13 class ExperimentalFileSystem | @Target(AnnotationTarget.CLASS) annotation class ExperimentalFileSystem",
    "16 function asUtf8ToByteArray | @Suppress(\"NOTHING_TO_INLINE\") expect fun String.asUtf8ToByteArray(): ByteArray",
  ]);
});
