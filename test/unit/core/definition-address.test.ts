import { describe, expect, test } from "bun:test";
import { lineOrdinals, lineSuffix, parseLineSuffix } from "../../../src/core/definition-address.ts";

describe("lineOrdinals", () => {
  test("ranks definitions of one name on one line, in order", () => {
    const defs = [
      { qualified_name: "f", line: 1 },
      { qualified_name: "f", line: 1 },
      { qualified_name: "g", line: 1 },
      { qualified_name: "f", line: 2 },
      { qualified_name: "f", line: 1 },
    ];
    expect(lineOrdinals(defs)).toEqual([1, 2, 1, 1, 3]);
  });

  test("files are counted apart; a missing file is its own file", () => {
    const defs = [
      { qualified_name: "f", line: 1, file: "a.js" },
      { qualified_name: "f", line: 1, file: "b.js" },
      { qualified_name: "f", line: 1 },
      { qualified_name: "f", line: 1, file: "a.js" },
    ];
    expect(lineOrdinals(defs)).toEqual([1, 1, 1, 2]);
  });

  test("no definitions", () => {
    expect(lineOrdinals([])).toEqual([]);
  });
});

describe("lineSuffix", () => {
  test("@LINE for the first, @LINE:K after", () => {
    expect(lineSuffix(12, 1)).toBe("@12");
    expect(lineSuffix(12, 3)).toBe("@12:3");
  });
});

describe("parseLineSuffix", () => {
  test("LINE and LINE:K", () => {
    expect(parseLineSuffix("12")).toEqual({ line: 12, ordinal: null });
    expect(parseLineSuffix("12:3")).toEqual({ line: 12, ordinal: 3 });
  });

  test("round-trips lineSuffix", () => {
    expect(parseLineSuffix(lineSuffix(7, 2).slice(1))).toEqual({ line: 7, ordinal: 2 });
  });

  test("rejects zero, leading zeros, signs, spaces, empty parts", () => {
    for (const text of ["", "0", "012", "1:0", "1:02", "-1", "+1", " 1", "1 ", "1:", ":1", "1:2:3", "1.5", "abc"]) {
      expect(parseLineSuffix(text)).toBeNull();
    }
  });
});
