/**
 * Agreement with @babel/parser's Flow reading on real Flow code: of the top-level definitions and class
 * members Babel finds in the `@flow` files of a corpus (functions, classes and their members, variables,
 * type aliases, opaque types, interfaces, enums, `declare …` forms), how many trifecta reports with the
 * same name on the same line (recall), and of trifecta's top-level and class-member symbols, how many
 * Babel finds (precision), for the two ways trifecta could read the files: as JavaScript (its grammar
 * has no Flow types) and as Flow (src/languages.ts: TSX's grammar with TypeScript's query).
 *
 *   bun scripts/flow-agreement.ts [--list]
 *
 * Fetched on demand into the temp dir by npm: the corpus, React Native 0.76.0 as published (613 `@flow`
 * files), and the oracle, @babel/parser 7.28.5 with its `flow` and `jsx` plugins.
 * --list writes each reading's differences to the temp dir.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractSymbols } from "../src/extract/extractor.ts";
import { decodeSource } from "../src/extract/source-text.ts";
import { LANGUAGES } from "../src/languages.ts";

const work = join(tmpdir(), "trifecta-corpora", "flow");
mkdirSync(work, { recursive: true });
const npm = (args: string[]) => {
  const run = Bun.spawnSync(["npm", ...args], { cwd: work, stdout: "pipe", stderr: "pipe" });
  if (run.exitCode !== 0) throw new Error(`npm ${args.join(" ")}: ${run.stderr.toString().trim()}`);
  return run.stdout.toString().trim();
};
if (!existsSync(join(work, "node_modules", "@babel", "parser"))) npm(["install", "--no-audit", "--no-fund", "--no-save", "@babel/parser@7.28.5"]);
const corpus = join(work, "react-native");
if (!existsSync(join(corpus, ".unpacked"))) {
  mkdirSync(corpus, { recursive: true });
  const tarball = npm(["pack", "react-native@0.76.0", "--silent", "--pack-destination", corpus]);
  Bun.spawnSync(["tar", "xzf", join(corpus, tarball), "-C", corpus, "--strip-components=1"]);
  writeFileSync(join(corpus, ".unpacked"), "");
}
const { parse } = (await import(join(work, "node_modules", "@babel", "parser", "lib", "index.js"))) as { parse: (source: string, options: object) => { program: { body: BabelNode[] } } };

interface BabelNode {
  type: string;
  id?: { name?: string; value?: string };
  key?: { name?: string; value?: string };
  computed?: boolean;
  declaration?: BabelNode;
  declarations?: { id: { type: string; name: string }; loc: Loc }[];
  body?: { body: BabelNode[] } | BabelNode[];
  loc: Loc;
}
interface Loc {
  start: { line: number };
}

/** name@line of the definitions Babel reads at a file's top level and in its classes. */
function oracle(source: string): Set<string> {
  const found = new Set<string>();
  const add = (name: string | undefined, line: number) => name && found.add(`${name}@${line}`);
  const definition = (node: BabelNode | undefined): void => {
    if (!node) return;
    if (node.type === "ExportNamedDeclaration" || node.type === "ExportDefaultDeclaration" || node.type === "DeclareExportDeclaration") {
      definition(node.declaration);
      return;
    }
    if (node.type === "VariableDeclaration") {
      for (const d of node.declarations ?? []) if (d.id.type === "Identifier") add(d.id.name, d.loc.start.line);
      return;
    }
    if (!/^(FunctionDeclaration|ClassDeclaration|TypeAlias|OpaqueType|InterfaceDeclaration|EnumDeclaration|Declare(Class|Function|Variable|TypeAlias|OpaqueType|Interface))$/.test(node.type)) return;
    add(node.id?.name, node.loc.start.line);
    if (node.type === "ClassDeclaration" && node.body && !Array.isArray(node.body)) {
      for (const member of node.body.body) if (member.key && !member.computed) add(member.key.name ?? member.key.value, member.loc.start.line);
    }
  };
  for (const node of parse(source, { sourceType: "unambiguous", plugins: ["flow", "jsx"], errorRecovery: true }).program.body) definition(node);
  return found;
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name === "node_modules") continue;
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith(".js") && LANGUAGES.flow.claims!.head.test(readFileSync(path, "utf8").slice(0, 16384))) yield path;
  }
}

const flowFiles = [...files(corpus)];
const oracles = new Map<string, Set<string>>();
for (const file of flowFiles) {
  try {
    oracles.set(file, oracle(readFileSync(file, "utf8")));
  } catch {
    // Babel could not read it either: no oracle.
  }
}
console.log(`React Native 0.76.0: ${flowFiles.length} @flow files, ${oracles.size} read by Babel\n`);
console.log("| read as | Babel's | trifecta's | both | recall | precision |\n|---|---:|---:|---:|---:|---:|");
for (const language of ["javascript", "flow"] as const) {
  let theirs = 0;
  let ours = 0;
  let both = 0;
  const differences: string[] = [];
  for (const [file, want] of oracles) {
    const { symbols } = await extractSymbols(language, decodeSource(readFileSync(file)));
    const classes = new Set(symbols.filter((s) => s.kind === "class").map((s) => s.qualified_name));
    const got = new Set(symbols.filter((s) => s.kind !== "export" && (s.parent === null || classes.has(s.parent))).map((s) => `${s.name}@${s.line}`));
    theirs += want.size;
    ours += got.size;
    const rel = file.slice(corpus.length + 1);
    for (const w of want) if (got.has(w)) both++;
    else differences.push(`babel only: ${rel}:${w}`);
    for (const g of got) if (!want.has(g)) differences.push(`trifecta only: ${rel}:${g}`);
  }
  console.log(`| ${language} | ${theirs} | ${ours} | ${both} | ${(both / theirs).toFixed(3)} | ${(both / ours).toFixed(3)} |`);
  if (process.argv.includes("--list")) writeFileSync(join(work, `differences-${language}.txt`), `${differences.join("\n")}\n`);
}
