import { describe, expect, test } from "bun:test";
import type { SymbolRecord } from "../../../src/extract/types.ts";
import { candidateAddresses, closestNames, selectMember } from "../../../src/symbols/select.ts";

type Sym = SymbolRecord & { file?: string };

const sym = (qualified_name: string, line: number, end_line: number, file?: string): Sym => ({
  kind: "function",
  name: qualified_name.split(".").at(-1)!,
  line,
  qualified_name,
  end_line,
  signature: "",
  decorators: [],
  async: false,
  doc: null,
  parent: null,
  ...(file === undefined ? {} : { file }),
});

const names = (result: ReturnType<typeof selectMember<Sym>>) => (result.ok ? result.value.symbols.map((s) => `${s.qualified_name}@${s.line}`) : result.error);

// A class defined twice (lines 1 and 10), with methods; two `f` on line 20 (minified style).
const symbols = [
  sym("C", 1, 8),
  sym("C.m", 2, 4),
  sym("C.m.inner", 3, 3),
  sym("Cx", 5, 5),
  sym("C", 10, 14),
  sym("C.n", 11, 12),
  sym("f", 20, 20),
  sym("f", 20, 20),
  sym("C.late", 30, 31),
];

describe("selectMember", () => {
  test("all definitions of the name, each with what is nested inside it", () => {
    expect(names(selectMember(symbols, { member: "C", line: null, ordinal: null }, "u"))).toEqual(["C@1", "C.m@2", "C.m.inner@3", "C@10", "C.n@11"]);
  });

  test("descendants are by qualified name and line range: a prefix-alike name and an out-of-range member stay out", () => {
    const picked = names(selectMember(symbols, { member: "C", line: null, ordinal: null }, "u"));
    expect(picked).not.toContain("Cx@5");
    expect(picked).not.toContain("C.late@30");
  });

  test("by line", () => {
    expect(names(selectMember(symbols, { member: "C", line: 10, ordinal: null }, "u"))).toEqual(["C@10", "C.n@11"]);
  });

  test("by line and ordinal", () => {
    const result = selectMember(symbols, { member: "f", line: 20, ordinal: 2 }, "u");
    expect(result.ok && result.value.symbols).toEqual([symbols[7]!]);
    expect(names(selectMember(symbols, { member: "f", line: 20, ordinal: null }, "u"))).toEqual(["f@20", "f@20"]);
  });

  test("a nested member by its qualified name", () => {
    expect(names(selectMember(symbols, { member: "C.m", line: null, ordinal: null }, "u"))).toEqual(["C.m@2", "C.m.inner@3"]);
  });

  test("descendants must be in the root's file", () => {
    const spread = [sym("C", 1, 9, "a.py"), sym("C.m", 2, 3, "b.py"), sym("C.k", 4, 5, "a.py")];
    expect(names(selectMember(spread, { member: "C", line: null, ordinal: null }, "u"))).toEqual(["C@1", "C.k@4"]);
  });

  test("not found: SYMBOL_NOT_FOUND naming what was asked, with candidates", () => {
    for (const [pick, asked] of [
      [{ member: "D", line: null, ordinal: null }, "'D'"],
      [{ member: "C", line: 2, ordinal: null }, "'C@2'"],
      [{ member: "f", line: 20, ordinal: 3 }, "'f@20:3'"],
    ] as const) {
      const result = selectMember(symbols, pick, "sym://x");
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe("SYMBOL_NOT_FOUND");
      expect(result.error.message).toContain(asked);
      expect(result.error.details?.uri).toBe("sym://x");
      expect(Array.isArray(result.error.details?.candidates)).toBe(true);
    }
  });

  test("a name without its outer scopes, when one qualified name ends with it (a C# class without its namespace)", () => {
    const scoped = [sym("Acme.Core", 1, 20), sym("Acme.Core.Foo", 2, 10), sym("Acme.Core.Foo.Bar", 3, 4), sym("A.x", 11, 12), sym("B.x", 13, 14)];
    const result = selectMember(scoped, { member: "Foo.Bar", line: null, ordinal: null }, "u");
    expect(result.ok && result.value.roots.map((s) => s.qualified_name)).toEqual(["Acme.Core.Foo.Bar"]);
    expect(names(selectMember(scoped, { member: "Foo", line: null, ordinal: null }, "u"))).toEqual(["Acme.Core.Foo@2", "Acme.Core.Foo.Bar@3"]);
    // Two qualified names end with `x`, and a tail must start at a dot (`oo.Bar` is no name): not found.
    for (const member of ["x", "oo.Bar"]) expect(selectMember(scoped, { member, line: null, ordinal: null }, "u").ok).toBe(false);
  });

  test("an ordinal without a line picks the K-th on each line", () => {
    expect(names(selectMember(symbols, { member: "f", line: null, ordinal: 2 }, "u"))).toEqual(["f@20"]);
  });
});

describe("candidateAddresses", () => {
  test("@LINE alone; @LINE:K for every definition that shares a line, the first included", () => {
    const roots = [sym("f", 3, 3), sym("f", 20, 20), sym("f", 20, 20), sym("f", 20, 20)];
    expect(candidateAddresses(roots)).toEqual(["f@3", "f@20:1", "f@20:2", "f@20:3"]);
  });

  test("the same line in different files is not shared", () => {
    expect(candidateAddresses([sym("f", 1, 1, "a.js"), sym("f", 1, 1, "b.js")])).toEqual(["f@1", "f@1"]);
  });
});

describe("closestNames", () => {
  const pool = [sym("parse", 1, 1), sym("Parser.parse", 2, 2), sym("pause", 3, 3), sym("parse_args", 4, 4), sym("x", 5, 5), sym("parse", 6, 6)];

  test("same last part first, then by edit distance, names deduplicated", () => {
    expect(closestNames(pool, "Other.parse")).toEqual(["Parser.parse", "parse", "pause", "parse_args", "x"]);
  });

  test("the last part is compared case-insensitively", () => {
    expect(closestNames(pool, "PARSE")[0]).toBe("parse");
  });

  test("at most `limit`, five by default; ties by name", () => {
    expect(closestNames(pool, "zzzzz")).toHaveLength(5);
    expect(closestNames([sym("b", 1, 1), sym("a", 1, 1)], "c", 1)).toEqual(["a"]);
  });
});
