/**
 * Compares trifecta's TypeScript/TSX/JavaScript symbols with the `typescript` compiler API on
 * real code: (qualified_name, kind, line) for the kinds both define (class, interface, enum,
 * type, module, function, method, constructor; functions held by variables and fields count,
 * also wrapped in parentheses or `as`) and the values: module- and namespace-level `const`
 * (constant) and `let`/`var` (variable) declarations, destructured names at module level, class
 * properties, interface and type-literal properties (field), enum members, and exports by name.
 *
 *   bun scripts/typescript-agreement.ts            # typescript's own lib/*.d.ts, @types/node, .js/.mjs of installed packages
 *   bun scripts/typescript-agreement.ts --quick    # the .d.ts files only
 *   bun scripts/typescript-agreement.ts --components DIR…   # the .vue, .svelte and .astro components under DIR…
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { extractSymbols } from "../src/extract/extractor.ts";
import { hooksOf } from "../src/extract/languages/index.ts";
import { decodeSource } from "../src/extract/source-text.ts";
import { compareMultisets } from "./multiset.ts";

type Row = string; // "qualified|kind|line"

const COMPONENTS = { ".vue": "vue", ".svelte": "svelte", ".astro": "astro" } as const;
const componentOf = (path: string) => COMPONENTS[path.slice(path.lastIndexOf(".")) as keyof typeof COMPONENTS];

function languageOf(path: string): "typescript" | "tsx" | "javascript" | (typeof COMPONENTS)[keyof typeof COMPONENTS] {
  const component = componentOf(path);
  if (component) return component;
  return path.endsWith(".tsx") ? "tsx" : /\.(c|m)?jsx?$/.test(path) ? "javascript" : "typescript";
}

/** A component's code (its script blocks, Astro's frontmatter) is TSX to the compiler too, at the file's lines (src/extract/languages/component.ts). */
const isComponent = (path: string) => componentOf(path) !== undefined;
const codeOf = (path: string, text: string) => {
  const component = componentOf(path);
  return component ? hooksOf(component)!.code!(text) : text;
};

// `((x) => …) as F`, `(<T>(x: T) => x)`: still a function.
const unwrapped = (node: ts.Node | undefined): ts.Node | undefined =>
  node && (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) ? unwrapped(node.expression) : node;
const isFunctionValue = (value: ts.Node | undefined) => {
  const node = unwrapped(value);
  return !!node && (ts.isArrowFunction(node) || ts.isFunctionExpression(node));
};
// Declarations at these levels are module- or namespace-level values.
const isValueLevel = (node: ts.Node) => ts.isSourceFile(node.parent) || ts.isModuleBlock(node.parent);

/** Names a declaration binds: the identifier, or the identifiers one destructuring level down. */
function boundNames(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  return name.elements.flatMap((e) => (ts.isBindingElement(e) && ts.isIdentifier(e.name) ? [e.name] : []));
}

/** What the compiler's own AST says is defined where. */
export function oracle(path: string, text: string): Row[] {
  const kind = path.endsWith(".tsx") || isComponent(path) ? ts.ScriptKind.TSX : languageOf(path) === "javascript" ? ts.ScriptKind.JSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const rows: Row[] = [];
  const lineOf = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file, false)).line + 1;
  const nameOf = (node: ts.Node & { name?: ts.Node }) => {
    const name = node.name;
    if (!name) return undefined;
    if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.getText(file);
    if (ts.isComputedPropertyName(name)) return name.getText(file);
    return undefined;
  };
  const visit = (node: ts.Node, scope: string[], inType: boolean) => {
    let kind: string | undefined;
    let name: string | undefined;
    const anchor: ts.Node = node;
    if (ts.isClassDeclaration(node) || (ts.isClassExpression(node) && node.name)) kind = "class";
    else if (ts.isInterfaceDeclaration(node)) kind = "interface";
    else if (ts.isEnumDeclaration(node)) kind = "enum";
    else if (ts.isTypeAliasDeclaration(node)) kind = "type";
    else if (ts.isModuleDeclaration(node)) kind = "module";
    else if (ts.isFunctionDeclaration(node)) kind = "function";
    else if (ts.isConstructorDeclaration(node)) [kind, name] = ["constructor", "constructor"];
    else if (ts.isMethodDeclaration(node) || ts.isMethodSignature(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) kind = "method";
    else if (ts.isPropertyDeclaration(node) && isFunctionValue(node.initializer)) kind = "method";
    else if (ts.isPropertyDeclaration(node)) kind = "field";
    else if (ts.isPropertySignature(node) && (ts.isInterfaceDeclaration(node.parent) || (ts.isTypeLiteralNode(node.parent) && ts.isTypeAliasDeclaration(node.parent.parent)))) kind = "field";
    else if (ts.isEnumMember(node)) kind = "enum_member";
    else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      if (!clause) rows.push(`${[...scope, "*"].join(".")}|export|${lineOf(node)}`);
      else if (ts.isNamespaceExport(clause)) rows.push(`${[...scope, clause.name.text].join(".")}|export|${lineOf(node)}`);
      else for (const element of clause.elements) rows.push(`${[...scope, element.name.text].join(".")}|export|${lineOf(element)}`);
      return;
    } else if (ts.isExportAssignment(node)) [kind, name] = ["export", node.isExportEquals ? "export=" : "default"];
    else if (ts.isVariableStatement(node)) {
      // `const f = () => …`: a function, at its declarator.
      const valueKind = node.declarationList.flags & ts.NodeFlags.Const ? "constant" : "variable";
      for (const declaration of node.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && isFunctionValue(declaration.initializer)) {
          const qualified = [...scope, declaration.name.text].join(".");
          rows.push(`${qualified}|function|${lineOf(declaration)}`);
          ts.forEachChild(declaration.initializer!, (child) => visit(child, [...scope, declaration.name.getText(file)], false));
          continue;
        }
        if (isValueLevel(node) && (ts.isIdentifier(declaration.name) || ts.isSourceFile(node.parent))) {
          for (const bound of boundNames(declaration.name)) rows.push(`${[...scope, bound.text].join(".")}|${valueKind}|${lineOf(declaration)}`);
        }
        ts.forEachChild(declaration, (child) => visit(child, scope, inType));
      }
      return;
    }
    else if (
      ts.isExpressionStatement(node) &&
      ts.isSourceFile(node.parent) &&
      ts.isBinaryExpression(node.expression) &&
      node.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.expression.left) &&
      isFunctionValue(node.expression.right)
    ) {
      // Top-level `exports.f = function () {…}` (CommonJS).
      [kind, name] = ["function", node.expression.left.name.text];
    }
    if (kind) name ??= nameOf(node as ts.Node & { name?: ts.Node });
    if (kind === "module" && name) {
      // `namespace A.B {}` nests declarations; tree-sitter names the innermost with its path.
      const parts: string[] = [name];
      let body = (node as ts.ModuleDeclaration).body;
      while (body && ts.isModuleDeclaration(body)) {
        parts.push(body.name.getText(file));
        body = body.body;
      }
      const qualified = [...scope, ...parts].join(".");
      rows.push(`${qualified}|module|${lineOf(anchor)}`);
      if (body) ts.forEachChild(body, (child) => visit(child, [...scope, ...parts], false));
      return;
    }
    if (kind && name) {
      const reported = kind === "function" && inType ? "method" : kind;
      rows.push(`${[...scope, name].join(".")}|${reported}|${lineOf(anchor)}`);
      const isType = kind === "class" || kind === "interface" || kind === "enum";
      // A value holds no definitions of its own (an object literal's methods keep their owner).
      if (kind === "field" || kind === "enum_member" || kind === "export") {
        ts.forEachChild(node, (child) => visit(child, scope, false));
        return;
      }
      ts.forEachChild(node, (child) => visit(child, [...scope, name!], isType));
      return;
    }
    ts.forEachChild(node, (child) => visit(child, scope, inType && (ts.isClassLike(node) || ts.isInterfaceDeclaration(node))));
  };
  visit(file, [], false);
  return rows;
}

export interface TsAgreement {
  files: number;
  oracleRows: number;
  matched: number;
  onlyOracle: Map<string, string[]>;
  onlyTrifecta: Map<string, string[]>;
}

export async function compare(paths: string[]): Promise<TsAgreement> {
  const result: TsAgreement = { files: 0, oracleRows: 0, matched: 0, onlyOracle: new Map(), onlyTrifecta: new Map() };
  for (const path of paths) {
    const bytes = await Bun.file(path).bytes();
    const text = decodeSource(bytes);
    const expected = oracle(path, codeOf(path, text));
    const extraction = await extractSymbols(languageOf(path), text);
    const actual = extraction.symbols.map((s) => `${s.qualified_name}|${s.kind}|${s.line}`);
    const { matched, onlyExpected: missing, onlyActual: extra } = compareMultisets(expected, actual);
    result.matched += matched;
    result.files++;
    result.oracleRows += expected.length;
    if (missing.length > 0) result.onlyOracle.set(path, missing);
    if (extra.length > 0) result.onlyTrifecta.set(path, extra);
  }
  return result;
}

export function typescriptLibFiles(): string[] {
  const lib = join(import.meta.dir, "..", "node_modules", "typescript", "lib");
  return readdirSync(lib).filter((n) => n.endsWith(".d.ts")).sort().map((n) => join(lib, n));
}

export function packageSources(): string[] {
  const modules = join(import.meta.dir, "..", "node_modules");
  const picks = ["citty/dist/index.mjs", "citty/dist/index.d.mts", "consola/dist/core.mjs", "consola/dist/index.mjs", "web-tree-sitter/tree-sitter.js", "typescript/lib/typescript.js"];
  // @types/node: modules, `declare module` blocks, re-exports and `export =`.
  const nodeTypes = [...new Bun.Glob("@types/node/**/*.d.ts").scanSync({ cwd: modules })].sort();
  return [...picks, ...nodeTypes].map((p) => join(modules, p)).filter((p) => Bun.file(p).size > 0);
}

if (import.meta.main) {
  const quick = process.argv.includes("--quick");
  const at = process.argv.indexOf("--components");
  const components = at === -1 ? [] : process.argv.slice(at + 1).flatMap((dir) => [...new Bun.Glob("**/*.{vue,svelte,astro}").scanSync({ cwd: dir })].sort().map((p) => join(dir, p)));
  const files = at !== -1 ? components : [...typescriptLibFiles(), ...(quick ? [] : packageSources())];
  const started = performance.now();
  const r = await compare(files);
  for (const [path, rows] of [...r.onlyOracle].slice(0, 8)) console.log(`${path.split("node_modules/")[1]}\n  only compiler: ${rows.slice(0, 4).join(", ")}\n  only trifecta: ${(r.onlyTrifecta.get(path) ?? []).slice(0, 4).join(", ")}`);
  const extra = [...r.onlyTrifecta.values()].reduce((n, rows) => n + rows.length, 0);
  console.log(`files: ${r.files}; compiler rows: ${r.oracleRows}; matched: ${r.matched} (${((100 * r.matched) / Math.max(1, r.oracleRows)).toFixed(3)}%); only trifecta: ${extra}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
