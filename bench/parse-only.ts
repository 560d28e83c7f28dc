/**
 * The floor under a cold `ctx build` of Python: every `.py` file below a folder parsed once with
 * the grammar trifecta uses (web-tree-sitter, one thread), nothing extracted or stored.
 * bench/ctx.ts times this process beside ctags and the build.
 *
 *   bun bench/parse-only.ts DIR
 */
import { Glob } from "bun";
import { Language, Parser } from "web-tree-sitter";
import grammarPath from "tree-sitter-wasms/out/tree-sitter-python.wasm" with { type: "file" };

const root = process.argv[2];
if (!root) throw new Error("usage: bun bench/parse-only.ts DIR");
await Parser.init();
const parser = new Parser();
parser.setLanguage(await Language.load(await Bun.file(grammarPath).bytes()));
let files = 0;
for await (const rel of new Glob("**/*.py").scan({ cwd: root })) {
  parser.parse(await Bun.file(`${root}/${rel}`).text())?.delete();
  files++;
}
console.log(JSON.stringify({ files }));
