import { expect, test } from "bun:test";
import { parseSymUri } from "../src/uri/sym-uri.ts";

const parse = (uri: string) => parseSymUri(uri, ["python"]);

test("modules take dots or slashes", () => {
  const dotted = parse("sym://python/mod/src.domain.result");
  const slashed = parse("sym://python/mod/src/domain/result");
  expect(dotted.ok && dotted.value.pathParts).toEqual(["src", "domain", "result"]);
  expect(slashed.ok && slashed.value.pathParts).toEqual(["src", "domain", "result"]);
});

test("type URIs carry the member and an optional @line", () => {
  const typed = parse("sym://python/type/pkg.mod#Outer.Inner.method@12");
  expect(typed.ok && [typed.value.member, typed.value.memberLine]).toEqual(["Outer.Inner.method", 12]);
});

test("file URIs keep dots in names", () => {
  const file = parse("sym://python/file/pkg/v1.2/mod.pyi");
  expect(file.ok && file.value.pathParts).toEqual(["pkg", "v1.2", "mod.pyi"]);
});

test("a file URI may name one symbol of the file: the way to one of a module's several files", () => {
  const file = parse("sym://python/file/pkg/mod.pyi#Outer.method@7");
  expect(file.ok && [file.value.pathParts, file.value.member, file.value.memberLine]).toEqual([["pkg", "mod.pyi"], "Outer.method", 7]);
  const whole = parse("sym://python/file/pkg/mod.pyi");
  expect(whole.ok && whole.value.member).toBeNull();
  const module = parse("sym://python/mod/pkg.mod#Outer");
  expect(module.ok ? "ok" : module.error.code).toBe("INVALID_URI");
});

test("errors are typed values", () => {
  const cases: [string, string][] = [
    ["sym://python/mod/../x", "PATH_OUTSIDE_SEGMENT"],
    ["sym://python/mod//abs", "PATH_OUTSIDE_SEGMENT"],
    ["sym://python/file/C:/x.py", "PATH_OUTSIDE_SEGMENT"],
    ["sym://python/mod/a\\b", "INVALID_URI"],
    ["sym://python/mod/a\u0000b", "INVALID_URI"],
    ["sym://rust/mod/a", "UNSUPPORTED_LANGUAGE"],
    ["SYM://python/mod/a", "INVALID_URI"],
  ];
  for (const [uri, code] of cases) {
    const result = parse(uri);
    expect(result.ok ? "ok" : result.error.code).toBe(code);
  }
});
