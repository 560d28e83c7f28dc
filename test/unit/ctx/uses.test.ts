import { describe, expect, test } from "bun:test";
import type { ReferenceRecord } from "../../../src/extract/types.ts";
import { countUses, definitionQualifier } from "../../../src/ctx/uses.ts";

const use = (name: string, extra: Partial<ReferenceRecord> = {}): ReferenceRecord => ({ kind: "call", name, line: 1, col: 1, from: null, ...extra });
const sorted = (rows: [string, string, number][]) => [...rows].sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));

describe("countUses", () => {
  test("uses written on an imported name or a capitalised one, and imports by their module's last part", () => {
    const rows = countUses([
      use("*", { kind: "import", module: "os" }),
      use("ReadFile", { receiver: "os" }),
      use("ReadFile", { receiver: "os" }),
      use("join", { receiver: "os.path" }),
      use("sleep", { receiver: "Thread" }),
      use("switchMap", { kind: "import", module: "../operators/switchMap.js" }),
      use("loads", { kind: "import", module: "json" }),
    ]);
    expect(sorted(rows)).toEqual([
      ["ReadFile", "os", 2],
      ["join", "path", 1],
      ["loads", "json", 1],
      ["sleep", "Thread", 1],
      ["switchMap", "switchMap", 1],
    ]);
  });

  test("uses on variables, on the object itself and bare names are not counted", () => {
    expect(countUses([use("Read", { receiver: "r" }), use("close", { receiver: "self" }), use("f"), use("g", { receiver: "?" }), use("x", { receiver: "this.inner" })])).toEqual([]);
  });

  test("an import alias or a Go package name qualifies the uses written on it", () => {
    const rows = countUses([use("*", { kind: "import", module: "numpy", alias: "np" }), use("array", { receiver: "np" }), use("*", { kind: "import", module: "net/http" }), use("Get", { receiver: "http" })]);
    expect(sorted(rows)).toEqual([
      ["Get", "http", 1],
      ["array", "np", 1],
    ]);
  });
});

describe("definitionQualifier", () => {
  test("a member by its parent's last part; at the top, the module's name as a use writes it", () => {
    expect(definitionQualifier({ file_rel: "java/util/Objects.java", lang: "java", parent: "Objects" })).toBe("Objects");
    expect(definitionQualifier({ file_rel: "a/b.py", lang: "python", parent: "Outer.Inner" })).toBe("Inner");
    expect(definitionQualifier({ file_rel: "base64.py", lang: "python", parent: null })).toBe("base64");
    expect(definitionQualifier({ file_rel: "json/__init__.py", lang: "python", parent: null })).toBe("json");
    expect(definitionQualifier({ file_rel: "src/operators/index.ts", lang: "typescript", parent: null })).toBe("operators");
    // A Go package is its folder, whatever the file is called.
    expect(definitionQualifier({ file_rel: "os/file.go", lang: "go", parent: null })).toBe("os");
    expect(definitionQualifier({ file_rel: "notes.md", lang: "markdown", parent: null })).toBe("notes");
  });
});
