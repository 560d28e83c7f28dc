/**
 * Prints the tree-sitter tree of a file with the grammar trifecta embeds, for writing queries:
 *   bun scripts/dump-tree.ts <language> <file>     (language: python, typescript, go, c_sharp, …)
 */
import { Language, Parser, type Node } from "web-tree-sitter";
import { isLanguageId, LANGUAGES } from "../src/languages.ts";

const [grammar, file] = process.argv.slice(2);
if (!grammar || !file) {
  console.error("usage: bun scripts/dump-tree.ts <grammar> <file>");
  process.exit(2);
}
await Parser.init();
if (!isLanguageId(grammar)) throw new Error(`unknown language ${grammar}`);
const language = await Language.load(await Bun.file(LANGUAGES[grammar].grammar).bytes());
const parser = new Parser();
parser.setLanguage(language);
const tree = parser.parse(await Bun.file(file).text())!;

function show(node: Node, depth: number, field: string | null): void {
  const text = node.childCount === 0 ? ` ${JSON.stringify(node.text.slice(0, 40))}` : "";
  if (node.isNamed || depth < 3) console.log(`${"  ".repeat(depth)}${field ? `${field}: ` : ""}${node.type} [${node.startPosition.row + 1}-${node.endPosition.row + 1}]${text}`);
  node.children.forEach((child, i) => {
    if (child) show(child, depth + 1, node.fieldNameForChild(i));
  });
}
show(tree.rootNode, 0, null);
