import { expect, test } from "bun:test";
import { extractSymbols } from "../../../src/extract/extractor.ts";

// A Zig file is a struct: its top-level fields are the file's. An anonymous struct or enum written as a field's
// type is part of that field (its fields were top-level names, or another container's); `_` ends a
// non-exhaustive enum; `//!` documents the file, not the declaration under it.
const SOURCE = `//! The document store.
const std = @import("std");

allocator: std.mem.Allocator,
/// Which features are on.
caps: struct {
    hover: bool = false,
} = .{},
mode: enum { fast, safe } = .safe,

pub const Tag = enum(u8) { red, green, _ };
`;

test("Zig: a file's fields, fields of anonymous types, non-exhaustive enums, //! docs", async () => {
  const symbols = (await extractSymbols("zig", SOURCE)).symbols.map((s) => [s.kind, s.qualified_name, s.doc]);
  expect(symbols).toEqual([
    ["constant", "std", null],
    ["field", "allocator", null],
    ["field", "caps", "Which features are on."],
    ["field", "mode", null],
    ["enum", "Tag", null],
    ["enum_member", "Tag.red", null],
    ["enum_member", "Tag.green", null],
  ]);
});
