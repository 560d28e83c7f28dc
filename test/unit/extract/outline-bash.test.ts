import { expect, test } from "bun:test";
import { extractSymbols } from "../../../src/extract/extractor.ts";

const outline = async (source: string) => (await extractSymbols("bash", source)).symbols.map((s) => `${s.line} ${s.kind} ${s.qualified_name} | ${s.signature}`);

test("bash: an extended glob (`*@(linux|freebsd)*`, `!(x)`, in a test, a case pattern, a command) loses no definition after it", async () => {
  const script = ["[[ $OSTYPE == *@(linux|freebsd)* ]] || return 1", "_f()", "{", "    case $1 in", "        -!(-*)@([Zoy]|V*)) ls !(CVSROOT) ;;", "    esac", "}", "_g() { :; }", ""].join("\n");
  const extraction = await extractSymbols("bash", script);
  expect([extraction.parse_status, extraction.parse_errors]).toEqual(["ok", 0]);
  expect(await outline(script)).toEqual(["2 function _f | _f()", "8 function _g | _g()"]);
});
