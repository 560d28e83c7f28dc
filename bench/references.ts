/**
 * References against oracles: each language's own tooling lists the uses of every definition of a
 * real tree, and `ctx refs` is scored against it.
 *
 * - typescript: npm's rxjs@7.8.2 `src/` and zod@3.25.76 `src/v3/` (TypeScript as written), with the
 *   TypeScript language service's `findReferences` at every exported top-level function, class,
 *   interface, type alias, enum and variable (JSDoc `{@link}`s are not uses).
 * - python: Django's utils, core, http, dispatch, urls, middleware and template packages (Debian's
 *   python3-django, installed when missing), with Jedi's `get_references` (Debian's python3-jedi) at
 *   every top-level function and class and every method of a top-level class (bench/references-jedi.py
 *   says which it leaves out and why).
 * - go: Go's own go/, text/template and encoding/ folders (golang-go), type-checked with go/types; every
 *   identifier the checker resolves to a package-level function or type or a method (bench/references-go).
 *
 * Each use the oracle lists is labelled from the syntax around it (import, call, decorator, inherit,
 * type, other: a name passed or assigned as a value, which trifecta does not read). Recall: oracle uses
 * that `ctx refs <file>#<qualified name>` lists as `resolved` to that definition or `ambiguous` with it
 * among the candidates. Precision of `resolved`: uses resolved to the definition that the oracle lists
 * as its uses, or, for a position the references query does not list (Jedi's misses a use through an
 * import alias), where the oracle's go-to-definition lands. The targets are cross-file calls (recall
 * ≥ 90 %, precision ≥ 95 %); all kinds are shown too. Files trifecta leaves out (generated, minified)
 * are not scored. `ctx refs` and `ctx search` of the same names are timed interleaved on a spread of the
 * definitions (medians of process wall time).
 *
 *   bun run build && bun bench/references.ts [--binary PATH] [--lang typescript,python,go] [--cache DIR]
 *     [--json PATH] [--answers FILE] [--misses 20] [--timed 60] [--jedi-budget SECONDS]
 *
 * The oracle's answer is cached in `--cache` (default ~/.cache/trifecta-references) under a key of the
 * corpus's content, the oracle tool's version, the Jedi and Go oracles' code and ORACLE_FORMAT, so reruns
 * only run trifecta (and go-to-definition at positions not asked before). `--answers FILE` reads `ctx refs`
 * answers from a JSON object (target id → the command's JSON) instead of running the binary, to check the
 * scoring on hand-made answers.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, join, relative } from "node:path";
import ts from "typescript";
import { generatedReason, HEAD_BYTES } from "../src/ctx/generated.ts";

const ORACLE_FORMAT = 2; // bump when the oracles' output format changes
const TS_ORACLE_VERSION = 3; // bump when typescriptOracle changes what it lists
const NPM_PACKAGES = ["rxjs@7.8.2", "zod@3.25.76"];
const DJANGO_PACKAGES = ["utils", "core", "http", "dispatch", "urls", "middleware", "template"];
const REFS_LIMIT = "1000"; // the most ctx refs gives; an answer it truncates is reported
const COMMAND_TIMEOUT_MS = 5 * 60_000;
const JEDI_WORKERS = 2; // the machine's cores; each worker queries its share of the files

type UseKind = "call" | "import" | "type" | "inherit" | "decorator" | "other";
const USE_KINDS: UseKind[] = ["call", "import", "type", "inherit", "decorator", "other"];

interface OracleRef {
  file: string;
  line: number;
  col: number;
  kind: UseKind;
  /** The name is (re)declared here (an overload, a merged declaration, an import's binding). */
  definition: boolean;
}

interface OracleDef {
  file: string;
  line: number;
  col: number;
  name: string;
  qualified_name: string;
  kind: string;
  references: OracleRef[];
  error?: string;
}

interface Oracle {
  tool: string;
  complete: boolean;
  seconds: number;
  definitions: OracleDef[];
  /** The files whose uses the oracle read, when not all (go/types reads this platform's files only). */
  files?: string[];
}

interface Corpus {
  lang: string;
  name: string;
  /** Copies the tree into `dest` (which exists and is empty); throws when it cannot be had. */
  materialize(dest: string, cache: string): void;
  /** The segment's files the oracle reads, segment-relative and sorted. */
  files(root: string): string[];
  /** What the oracle's answer depends on besides the files: the tool's version and this code. */
  oracleIdentity(): string;
  runOracle(root: string, files: string[]): Promise<Oracle>;
  /** Where the oracle's go-to-definition lands (inside the tree) from each [file, line, col], as [file, line, col] of names. */
  goto(root: string, files: string[], positions: Position[]): Promise<Position[][]>;
}

type Position = [file: string, line: number, col: number];

// ---------- shell ----------

function sh(command: string[], options: { timeoutMs?: number; cwd?: string; stdin?: string } = {}): { ok: boolean; out: string; err: string } {
  const r = Bun.spawnSync(command, {
    cwd: options.cwd,
    stdin: options.stdin === undefined ? "ignore" : Buffer.from(options.stdin),
    stdout: "pipe",
    stderr: "pipe",
    timeout: options.timeoutMs ?? COMMAND_TIMEOUT_MS,
  });
  return { ok: r.exitCode === 0, out: r.stdout.toString(), err: r.stderr.toString() };
}

function aptInstall(...packages: string[]): void {
  // A fresh container may have no package lists yet; one update is cheap next to the install.
  if (sh(["apt-get", "install", "-y", ...packages], { timeoutMs: 20 * 60_000 }).ok) return;
  sh(["apt-get", "update"], { timeoutMs: 10 * 60_000 });
  const again = sh(["apt-get", "install", "-y", ...packages], { timeoutMs: 20 * 60_000 });
  if (!again.ok) throw new Error(`apt-get install ${packages.join(" ")} failed: ${again.err.trim().split("\n").slice(-2).join(" ")}`);
}

function log(message: string): void {
  process.stderr.write(`[references] ${message}\n`);
}

/** Files under `root` that `keep` accepts, segment-relative, sorted; .trifecta and __pycache__ skipped. */
function walk(root: string, keep: (rel: string) => boolean, rel = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && e.name !== ".trifecta" && e.name !== "__pycache__") out.push(...walk(root, keep, child));
    else if (e.isFile() && keep(child)) out.push(child);
  }
  return out;
}

// ---------- TypeScript: the language service ----------

function npmPackages(cache: string): string {
  const modules = join(cache, "npm", "node_modules");
  const have = NPM_PACKAGES.every((spec) => {
    const [name, version] = spec.split("@") as [string, string];
    const manifest = join(modules, name, "package.json");
    return existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).version === version;
  });
  if (!have) {
    mkdirSync(join(cache, "npm"), { recursive: true });
    const r = sh(["npm", "install", "--no-audit", "--no-fund", "--prefix", join(cache, "npm"), ...NPM_PACKAGES], { timeoutMs: 10 * 60_000 });
    if (!r.ok) throw new Error(`npm install failed: ${r.err.trim().split("\n").slice(-2).join(" ")}`);
  }
  return modules;
}

/** The name's node at `pos` (an identifier or a private name), or undefined. */
function nodeAt(file: ts.SourceFile, pos: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (pos < node.getStart(file) || pos >= node.getEnd()) return;
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteral(node)) && node.getStart(file) === pos) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** How the name `node` is used, from the syntax around it. */
function tsUseKind(node: ts.Node): UseKind {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    if (ts.isImportDeclaration(n) || ts.isImportEqualsDeclaration(n)) return "import";
    if (ts.isExportDeclaration(n)) return n.moduleSpecifier ? "import" : "other";
    if (ts.isStatement(n) || ts.isBlock(n)) break;
  }
  const callee = ts.isPropertyAccessExpression(node.parent) && node.parent.name === node ? node.parent : node;
  const parent = callee.parent;
  // `@name` and `@name(...)`; a name among a decorator's arguments is used as any other.
  if (ts.isDecorator(parent) || (ts.isCallExpression(parent) && parent.expression === callee && ts.isDecorator(parent.parent))) return "decorator";
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === callee) return "call";
  if (ts.isTaggedTemplateExpression(parent) && parent.tag === callee) return "call";
  if (ts.isExpressionWithTypeArguments(parent) && parent.expression === callee && ts.isHeritageClause(parent.parent)) return "inherit";
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    if (ts.isTypeNode(n) && !ts.isExpressionWithTypeArguments(n)) return "type";
    if (ts.isStatement(n) || ts.isBlock(n) || ts.isExpressionStatement(n)) break;
  }
  return "other";
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** The exported top-level definitions of a file: (name node, kind), the first declaration of each name. */
/**
 * The exported top-level definitions of a file, one per name (trifecta's id names them all): the first
 * declaration's kind, and every declaration's name node. A type and a value of one name (zod's
 * `type OK<T>` and `const OK`) are two symbols to the compiler, each with its own references.
 */
function tsDefinitions(file: ts.SourceFile): { names: ts.Identifier[]; kind: string }[] {
  const out: { names: ts.Identifier[]; kind: string }[] = [];
  const byName = new Map<string, { names: ts.Identifier[]; kind: string }>();
  const add = (name: ts.Identifier | undefined, kind: string) => {
    if (!name) return;
    const known = byName.get(name.text);
    if (known) {
      known.names.push(name);
      return;
    }
    const def = { names: [name], kind };
    byName.set(name.text, def);
    out.push(def);
  };
  for (const s of file.statements) {
    if (!isExported(s)) continue;
    if (ts.isFunctionDeclaration(s)) add(s.name, "function");
    else if (ts.isClassDeclaration(s)) add(s.name, "class");
    else if (ts.isInterfaceDeclaration(s)) add(s.name, "interface");
    else if (ts.isTypeAliasDeclaration(s)) add(s.name, "type");
    else if (ts.isEnumDeclaration(s)) add(s.name, "enum");
    else if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) add(d.name, "variable");
  }
  return out;
}

function typescriptService(root: string, files: string[]): { service: ts.LanguageService; program: ts.Program } {
  const paths = files.map((f) => join(root, f));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  };
  const texts = new Map<string, string>();
  const text = (p: string) => {
    if (!texts.has(p)) texts.set(p, ts.sys.readFile(p) ?? "");
    return texts.get(p)!;
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => paths,
    getScriptVersion: () => "1",
    getScriptSnapshot: (p) => (ts.sys.fileExists(p) ? ts.ScriptSnapshot.fromString(text(p)) : undefined),
    getCurrentDirectory: () => root,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  return { service, program: service.getProgram()! };
}

async function typescriptOracle(root: string, files: string[]): Promise<Oracle> {
  const started = Bun.nanoseconds();
  const { service, program } = typescriptService(root, files);
  const definitions: OracleDef[] = [];
  for (const file of files) {
    const path = join(root, file);
    const source = program.getSourceFile(path)!;
    for (const { names, kind } of tsDefinitions(source)) {
      const first = names[0]!;
      const at = source.getLineAndCharacterOfPosition(first.getStart(source));
      const def: OracleDef = { file, line: at.line + 1, col: at.character + 1, name: first.text, qualified_name: first.text, kind, references: [] };
      const declared = new Set(names.map((n) => n.getStart(source)));
      for (const symbol of [...new Set(names.map((n) => n.getStart(source)))].flatMap((start) => service.findReferences(path, start) ?? [])) {
        for (const entry of symbol.references) {
          if (!entry.fileName.startsWith(`${root}/`)) continue;
          const refFile = program.getSourceFile(entry.fileName);
          if (!refFile) continue;
          const node = nodeAt(refFile, entry.textSpan.start);
          if (!node) continue; // in a comment: a JSDoc `{@link name}` is not a use
          // `import { a as b }`, `export { a as b }`: the use is `a`; `b` is the new name's declaration.
          if ((ts.isImportSpecifier(node.parent) || ts.isExportSpecifier(node.parent)) && node.parent.propertyName && node.parent.name === node) continue;
          if (refFile === source && declared.has(entry.textSpan.start)) continue; // another declaration of the definition
          const pos = refFile.getLineAndCharacterOfPosition(entry.textSpan.start);
          const ref: OracleRef = {
            file: relative(root, entry.fileName),
            line: pos.line + 1,
            col: pos.character + 1,
            kind: tsUseKind(node),
            definition: entry.isDefinition === true,
          };
          if (ref.file === def.file && ref.line === def.line && ref.col === def.col) continue;
          def.references.push(ref);
        }
      }
      def.references.sort(byPosition);
      definitions.push(dedupe(def));
    }
  }
  return { tool: `typescript ${ts.version} language service`, complete: true, seconds: (Bun.nanoseconds() - started) / 1e9, definitions };
}

function byPosition(a: { file: string; line: number; col: number }, b: { file: string; line: number; col: number }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col;
}

/** One entry per position (findReferences lists an alias's position under both symbols). */
function dedupe(def: OracleDef): OracleDef {
  const seen = new Set<string>();
  def.references = def.references.filter((r) => {
    const k = key(r.file, r.line, r.col);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return def;
}

function typescriptCorpus(): Corpus {
  return {
    lang: "typescript",
    name: "rxjs 7.8.2 src + zod 3.25.76 src/v3",
    materialize(dest, cache) {
      const modules = npmPackages(cache);
      const onlyTs = (src: string) => !/\.(json|js)$/.test(src);
      cpSync(join(modules, "rxjs", "src"), join(dest, "rxjs"), { recursive: true, filter: onlyTs });
      cpSync(join(modules, "zod", "src", "v3"), join(dest, "zod"), { recursive: true, filter: onlyTs });
    },
    files: (root) => walk(root, (f) => f.endsWith(".ts") && !f.endsWith(".d.ts")),
    oracleIdentity: () => `typescript ${ts.version}, oracle ${TS_ORACLE_VERSION}`,
    runOracle: typescriptOracle,
    async goto(root, files, positions) {
      const { service, program } = typescriptService(root, files);
      return positions.map(([file, line, col]) => {
        const source = program.getSourceFile(join(root, file));
        if (!source) return [];
        const at = source.getPositionOfLineAndCharacter(line - 1, col - 1);
        return (service.getDefinitionAtPosition(source.fileName, at) ?? []).flatMap((d): Position[] => {
          const target = program.getSourceFile(d.fileName);
          if (!target || !d.fileName.startsWith(`${root}/`)) return [];
          const p = target.getLineAndCharacterOfPosition(d.textSpan.start);
          return [[relative(root, d.fileName), p.line + 1, p.character + 1]];
        });
      });
    },
  };
}

// ---------- Python: Jedi ----------

const JEDI_SCRIPT = join(import.meta.dir, "references-jedi.py");

/** A python3 on PATH that imports jedi and django, installing Debian's packages when none does. */
function jediPython(): { python: string; jedi: string; django: string; djangoVersion: string } {
  const probe = () => {
    for (const dir of (process.env.PATH ?? "").split(delimiter)) {
      const python = join(dir, "python3");
      if (!dir || !existsSync(python)) continue;
      const r = sh([python, "-c", "import jedi, django, os; print(jedi.__version__, django.get_version(), os.path.dirname(django.__file__))"], { timeoutMs: 60_000 });
      if (!r.ok) continue;
      const [jedi, version, path] = r.out.trim().split(" ") as [string, string, string];
      return { python, jedi: `jedi ${jedi}`, django: path, djangoVersion: version };
    }
    return null;
  };
  let found = probe();
  if (!found) {
    aptInstall("python3-jedi", "python3-django");
    found = probe();
  }
  if (!found) throw new Error("no python3 on PATH imports jedi and django, even after apt-get install python3-jedi python3-django");
  return found;
}

async function jediOracle(python: string, root: string, files: string[], budgetSeconds: number): Promise<Oracle> {
  const started = Bun.nanoseconds();
  const shares = Array.from({ length: JEDI_WORKERS }, (_, w) => files.filter((_, i) => i % JEDI_WORKERS === w));
  const outputs = await Promise.all(
    shares.map(async (share) => {
      const child = Bun.spawn([python, JEDI_SCRIPT, root, "--budget", String(budgetSeconds)], { stdin: Buffer.from(`${share.join("\n")}\n`), stdout: "pipe", stderr: "pipe" });
      const [out, err, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
      if (code !== 0) throw new Error(`jedi oracle exited ${code}: ${err.trim().split("\n").slice(-3).join(" ")}`);
      return JSON.parse(out) as Oracle;
    }),
  );
  const order = new Map(files.map((f, i) => [f, i]));
  const definitions = outputs.flatMap((o) => o.definitions).sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line || a.col - b.col);
  return { tool: outputs[0]!.tool, complete: outputs.every((o) => o.complete), seconds: (Bun.nanoseconds() - started) / 1e9, definitions };
}

function pythonCorpus(budgetSeconds: number): Corpus {
  let django: ReturnType<typeof jediPython> | undefined;
  const found = () => {
    django ??= jediPython();
    return django;
  };
  return {
    lang: "python",
    name: `django (${DJANGO_PACKAGES.join(", ")})`,
    materialize(dest) {
      const { django: path, djangoVersion } = found();
      this.name = `Django ${djangoVersion} (${DJANGO_PACKAGES.join(", ")})`;
      mkdirSync(join(dest, "django"));
      cpSync(join(path, "__init__.py"), join(dest, "django", "__init__.py"));
      for (const p of DJANGO_PACKAGES) cpSync(join(path, p), join(dest, "django", p), { recursive: true, filter: (src) => !src.includes("__pycache__") });
    },
    files: (root) => walk(root, (f) => f.endsWith(".py")),
    oracleIdentity: () => `${found().jedi}\n${readFileSync(JEDI_SCRIPT, "utf8")}`,
    runOracle: (root, files) => jediOracle(found().python, root, files, budgetSeconds),
    async goto(root, _files, positions) {
      const r = sh([found().python, JEDI_SCRIPT, root, "--goto"], { stdin: JSON.stringify(positions), timeoutMs: 30 * 60_000 });
      if (!r.ok) throw new Error(`jedi --goto failed: ${r.err.trim().split("\n").slice(-3).join(" ")}`);
      return JSON.parse(r.out) as Position[][];
    },
  };
}

// ---------- Go: go/types ----------

const GO_ORACLE = join(import.meta.dir, "references-go", "main.go");
const GO_FOLDERS = ["go", "text/template", "encoding"];

function goTool(): { go: string; goroot: string; version: string } {
  if (!Bun.which("go")) aptInstall("golang-go");
  const go = Bun.which("go");
  if (!go) throw new Error("no go on PATH, even after apt-get install golang-go");
  return { go, goroot: sh([go, "env", "GOROOT"]).out.trim(), version: sh([go, "env", "GOVERSION"]).out.trim() };
}

function goCorpus(): Corpus {
  let tool: ReturnType<typeof goTool> | undefined;
  const found = () => {
    tool ??= goTool();
    return tool;
  };
  const notTest = (src: string) => !src.endsWith("_test.go") && !src.split("/").includes("testdata");
  return {
    lang: "go",
    name: `Go standard library (${GO_FOLDERS.join(", ")})`,
    materialize(dest) {
      const { goroot, version } = found();
      for (const folder of GO_FOLDERS) cpSync(join(goroot, "src", folder), join(dest, folder), { recursive: true, filter: notTest });
      this.name = `Go ${version} standard library (${GO_FOLDERS.join(", ")})`;
    },
    files: (root) => walk(root, (f) => f.endsWith(".go")),
    oracleIdentity: () => `${found().version}\n${readFileSync(GO_ORACLE, "utf8")}`,
    async runOracle(root, files) {
      const started = Bun.nanoseconds();
      const packages = [...new Set(files.map((f) => dirname(f)))];
      const r = sh([found().go, "run", GO_ORACLE, root, ...packages], { timeoutMs: 30 * 60_000, cwd: dirname(GO_ORACLE) });
      if (!r.ok) throw new Error(`go/types oracle failed: ${r.err.trim().split("\n").slice(-3).join(" ")}`);
      if (r.err.trim()) log(`go: ${r.err.trim().split("\n")[0]}`);
      return { ...(JSON.parse(r.out) as Oracle), seconds: (Bun.nanoseconds() - started) / 1e9 };
    },
    // Its references are every identifier the checker resolved: a position they lack has no definition in the tree.
    goto: async (_root, _files, positions) => positions.map(() => []),
  };
}

// ---------- the oracle, cached ----------

async function oracleFor(corpus: Corpus, root: string, files: string[], cache: string): Promise<{ oracle: Oracle; gotoCache: string }> {
  const hash = createHash("sha256").update(`${ORACLE_FORMAT}\n${corpus.oracleIdentity()}\n`);
  for (const f of files) hash.update(`${f}\0${readFileSync(join(root, f), "utf8")}\0`);
  const digest = hash.digest("hex").slice(0, 20);
  const path = join(cache, corpus.lang, `oracle-${digest}.json`);
  const gotoCache = join(cache, corpus.lang, `goto-${digest}.json`);
  if (existsSync(path)) {
    const cached = JSON.parse(readFileSync(path, "utf8")) as Oracle;
    log(`${corpus.lang}: oracle from ${path} (it took ${cached.seconds.toFixed(1)} s)`);
    return { oracle: cached, gotoCache };
  }
  log(`${corpus.lang}: running the oracle on ${files.length} files`);
  const oracle = await corpus.runOracle(root, files);
  log(`${corpus.lang}: ${oracle.tool}: ${oracle.definitions.length} definitions in ${oracle.seconds.toFixed(1)} s${oracle.complete ? "" : " (stopped by its budget)"}`);
  // An incomplete answer is not cached: a rerun on a quieter machine may finish.
  if (oracle.complete) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(oracle));
  }
  return { oracle, gotoCache };
}

/** `corpus.goto` of the positions, cached in `path` (a position's answer depends only on the corpus). */
async function gotoCached(corpus: Corpus, root: string, files: string[], positions: Position[], path: string): Promise<Map<string, Position[]>> {
  const known = new Map<string, Position[]>(existsSync(path) ? Object.entries(JSON.parse(readFileSync(path, "utf8"))) : []);
  const asked = positions.filter((p) => !known.has(key(...p)));
  if (asked.length > 0) {
    const started = Bun.nanoseconds();
    const landed = await corpus.goto(root, files, asked);
    for (const [i, p] of asked.entries()) known.set(key(...p), landed[i]!);
    log(`${corpus.lang}: go-to-definition at ${asked.length} positions the references query did not list: ${((Bun.nanoseconds() - started) / 1e9).toFixed(1)} s`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(Object.fromEntries(known)));
  }
  return known;
}

/** The oracle's definitions and uses in the files trifecta indexes: it leaves generated and minified files out by design. */
function indexedOnly(oracle: Oracle, root: string, files: string[]): Oracle {
  const indexed = new Set(files.filter((f) => {
    const bytes = readFileSync(join(root, f));
    return generatedReason(f, bytes.subarray(0, HEAD_BYTES), bytes.length) === null;
  }));
  const left = files.length - indexed.size;
  if (left > 0) log(`${files.length - indexed.size} of ${files.length} files are generated or minified: not scored`);
  const definitions = oracle.definitions.filter((d) => indexed.has(d.file)).map((d) => ({ ...d, references: d.references.filter((r) => indexed.has(r.file)) }));
  const read = oracle.files ? new Set(oracle.files) : null;
  return { ...oracle, definitions, files: [...indexed].filter((f) => !read || read.has(f)) };
}

// ---------- trifecta's answers ----------

interface RefsAnswer {
  targets?: { id: string; line: number; file: string }[];
  references?: { file: string; line: number; col: number; kind: string; name: string; from: string | null; resolution: string; target?: string; candidates?: string[]; why?: string }[];
  total?: number;
  truncated?: boolean;
  status?: string;
  error_code?: string;
  message?: string;
}

type Answerer = (id: string) => Promise<{ answer: RefsAnswer | null; problem?: string }>;

function binaryAnswerer(binary: string, segment: string): Answerer {
  return async (id) => {
    const child = Bun.spawn([binary, "ctx", "refs", id, "--segment", segment, "--json", "--limit", REFS_LIMIT], { stdout: "pipe", stderr: "pipe" });
    const [out, err, code] = await Promise.all([new Response(child.stdout).text(), new Response(child.stderr).text(), child.exited]);
    try {
      const answer = JSON.parse(out) as RefsAnswer;
      if (answer.status === "error") return { answer: null, problem: `${answer.error_code}: ${answer.message}` };
      return { answer, problem: code !== 0 ? `exit ${code}` : answer.truncated ? `truncated at ${REFS_LIMIT} of ${answer.total}` : undefined };
    } catch {
      return { answer: null, problem: `exit ${code}, non-JSON stdout ${JSON.stringify(out.slice(0, 120))} ${err.slice(0, 200)}` };
    }
  };
}

function fileAnswerer(path: string): Answerer {
  const answers = JSON.parse(readFileSync(path, "utf8")) as Record<string, RefsAnswer>;
  return async (id) => (answers[id] ? { answer: answers[id] } : { answer: null, problem: "no answer in the file" });
}

/** Runs `f` over `items`, `width` at a time, keeping their order. */
async function pooled<T, R>(items: T[], width: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]!);
      }
    }),
  );
  return out;
}

// ---------- scoring ----------

function key(file: string, line: number, col: number): string {
  return `${file}:${line}:${col}`;
}

interface Tally {
  /** The oracle's uses; those `ctx refs` lists resolved to the definition or ambiguous with it; the ambiguous ones. */
  oracle: number;
  found: number;
  ambiguous: number;
  /** Uses `ctx refs` resolves to the definition; those the oracle confirms (its references, or its go-to-definition). */
  resolved: number;
  confirmed: number;
  confirmed_by_goto: number;
}

const emptyTally = (): Tally => ({ oracle: 0, found: 0, ambiguous: 0, resolved: 0, confirmed: 0, confirmed_by_goto: 0 });

interface Miss {
  target: string;
  file: string;
  line: number;
  col: number;
  kind: string;
  code: string;
  trifecta: string;
}

interface Scores {
  lang: string;
  corpus: string;
  files: number;
  definitions: number;
  oracle_tool: string;
  oracle_seconds: number;
  oracle_complete: boolean;
  /** Definitions left out: the oracle gave up on them. */
  oracle_errors: number;
  build_s: number | null;
  failed_queries: number;
  failures: string[];
  /** Keyed `cross-file call`, `cross-file all`, `all call`, `all` (all: but "other"), and `cross-file <kind>` per kind. */
  tallies: Record<string, Tally>;
  miss_reasons: Record<string, number>;
  /** Cross-file calls found ambiguous (the oracle's uses), by the answer's `why` and the number of candidates. */
  ambiguous_why: Record<string, number>;
  wrong_reasons: Record<string, number>;
  missed: Miss[];
  wrong: Miss[];
  worst_missed_targets: { target: string; missed: number; of: number }[];
  timing: { definitions: number; refs_median_ms: number; search_median_ms: number; ratio: number } | null;
}

function codeLine(lines: (f: string) => string[], file: string, line: number): string {
  return (lines(file)[line - 1] ?? "").trim().slice(0, 160);
}

type Answer = Awaited<ReturnType<Answerer>>;
type Use = NonNullable<RefsAnswer["references"]>[number];

const idOf = (d: OracleDef) => `${d.file}#${d.qualified_name}`;

/** A definition the oracle could not answer for (a timeout, an inference error) is not scored. */
const scoredOf = (oracle: Oracle) => oracle.definitions.filter((d) => d.error === undefined);

/** The ids `ctx refs` answered for (its targets; the asked id when it names none). */
function targetsOf(d: OracleDef, answer: RefsAnswer | null): Set<string> {
  const targets = new Set((answer?.targets ?? []).map((t) => t.id));
  if (targets.size === 0) targets.add(idOf(d));
  return targets;
}

function resolvedTo(use: Use, targets: Set<string>): boolean {
  return use.resolution === "resolved" && use.target !== undefined && targets.has(use.target);
}

/** Uses `ctx refs` resolves to a definition at positions the oracle's references of it do not list: go-to-definition checks those. */
function unlisted(scored: OracleDef[], answers: Answer[]): Position[] {
  const out: Position[] = [];
  for (const [i, d] of scored.entries()) {
    const listed = new Set(d.references.map((r) => key(r.file, r.line, r.col)));
    const targets = targetsOf(d, answers[i]!.answer);
    for (const u of answers[i]!.answer?.references ?? []) if (resolvedTo(u, targets) && !listed.has(key(u.file, u.line, u.col))) out.push([u.file, u.line, u.col]);
  }
  return out;
}

function score(corpus: Corpus, segment: string, files: number, oracle: Oracle, answers: Answer[], landed: Map<string, Position[]>, buildSeconds: number | null): Scores {
  const texts = new Map<string, string[]>();
  const lines = (f: string) => {
    if (!texts.has(f)) texts.set(f, existsSync(join(segment, f)) ? readFileSync(join(segment, f), "utf8").split("\n") : []);
    return texts.get(f)!;
  };
  // Every position the oracle knows, with the definitions it says are used there; and where each definition is.
  const oracleAt = new Map<string, string[]>();
  for (const d of oracle.definitions) for (const r of d.references) oracleAt.set(key(r.file, r.line, r.col), [...(oracleAt.get(key(r.file, r.line, r.col)) ?? []), idOf(d)]);
  const definedAt = new Map(oracle.definitions.map((d) => [key(d.file, d.line, d.col), idOf(d)]));
  const scored = scoredOf(oracle);
  const scoredFiles = new Set(oracle.files);
  // What trifecta says at each position, over all its answers: a use missing from one target's answer may be in another's.
  const trifectaAt = new Map<string, string[]>();
  for (const a of answers) {
    for (const u of a.answer?.references ?? []) {
      const k = key(u.file, u.line, u.col);
      trifectaAt.set(k, [...(trifectaAt.get(k) ?? []), `${u.kind} ${u.resolution} ${u.target ?? (u.candidates ?? []).join("|")}`]);
    }
  }

  const s: Scores = {
    lang: corpus.lang,
    corpus: corpus.name,
    files,
    definitions: oracle.definitions.length,
    oracle_tool: oracle.tool,
    oracle_seconds: oracle.seconds,
    oracle_complete: oracle.complete,
    oracle_errors: 0,
    build_s: buildSeconds,
    failed_queries: 0,
    failures: [],
    tallies: {},
    miss_reasons: {},
    ambiguous_why: {},
    wrong_reasons: {},
    missed: [],
    wrong: [],
    worst_missed_targets: [],
    timing: null,
  };
  const tally = (name: string) => {
    s.tallies[name] ??= emptyTally();
    return s.tallies[name];
  };
  // "all" is the kinds trifecta reads: "other" (a name passed or assigned as a value) has its own row only.
  const groups = (cross: boolean, kind: string) => [
    ...(cross ? [`cross-file ${kind}`] : []),
    ...(kind === "other" ? [] : [...(cross ? ["cross-file all"] : []), "all"]),
    ...(kind === "call" ? ["all call"] : []),
  ];
  const missesPerTarget = new Map<string, { missed: number; of: number }>();

  s.oracle_errors = oracle.definitions.length - scored.length;
  for (const [i, d] of scored.entries()) {
    const id = idOf(d);
    const { answer, problem } = answers[i]!;
    if (problem || !answer) {
      s.failed_queries++;
      s.failures.push(`${id}: ${problem}`);
    }
    const targets = targetsOf(d, answer);
    const listed = new Map<string, Use>();
    const listedLines = new Map<string, string[]>();
    for (const r of answer?.references ?? []) {
      listed.set(key(r.file, r.line, r.col), r);
      const lineKey = `${r.file}:${r.line}`;
      listedLines.set(lineKey, [...(listedLines.get(lineKey) ?? []), `${r.kind} ${r.name}@${r.col} ${r.resolution}`]);
    }
    const noTarget = answer !== null && (answer.targets ?? []).length === 0;

    // Recall: the oracle's uses (a re-declaration is not a use, an import's binding is).
    const expected = new Set<string>();
    for (const r of d.references) {
      const k = key(r.file, r.line, r.col);
      expected.add(k);
      if (r.definition && r.kind !== "import") continue;
      const cross = r.file !== d.file;
      const got = listed.get(k);
      const resolvedHere = got !== undefined && resolvedTo(got, targets);
      const ambiguousHere = got?.resolution === "ambiguous" && (got.candidates ?? []).some((c) => targets.has(c));
      for (const g of groups(cross, r.kind)) {
        const t = tally(g);
        t.oracle++;
        if (resolvedHere || ambiguousHere) t.found++;
        if (ambiguousHere) t.ambiguous++;
      }
      // Cross-file uses of the kinds trifecta reads (not "other": a name passed or assigned as a value).
      if (cross && r.kind === "call" && ambiguousHere) {
        const why = `${got.why ?? "?"}, ${(got.candidates ?? []).length === 1 ? "1 candidate" : "several candidates"}`;
        s.ambiguous_why[why] = (s.ambiguous_why[why] ?? 0) + 1;
      }
      if (cross && r.kind !== "other") {
        const m = missesPerTarget.get(id) ?? { missed: 0, of: 0 };
        if (r.kind === "call") m.of++;
        if (!resolvedHere && !ambiguousHere) {
          if (r.kind === "call") m.missed++;
          const reason = noTarget
            ? "target unknown to ctx refs"
            : !answer
              ? "query failed"
              : got
                ? `listed as ${got.resolution}${got.target ? " to another" : ""}${got.resolution === "ambiguous" ? " without the target" : ""}`
                : trifectaAt.has(k)
                  ? "listed for another target only"
                  : listedLines.has(`${r.file}:${r.line}`)
                    ? "listed on that line at another column"
                    : "not listed";
          const elsewhere = trifectaAt.get(k) ?? (listedLines.has(`${r.file}:${r.line}`) ? [`on that line: ${listedLines.get(`${r.file}:${r.line}`)!.join("; ")}`] : ["—"]);
          const counted = `${r.kind}: ${reason}`;
          s.miss_reasons[counted] = (s.miss_reasons[counted] ?? 0) + 1;
          s.missed.push({ target: id, file: r.file, line: r.line, col: r.col, kind: r.kind, code: codeLine(lines, r.file, r.line), trifecta: got ? `${got.kind} ${got.resolution} ${got.target ?? (got.candidates ?? []).join("|")}` : elsewhere.join("; ") });
        }
        missesPerTarget.set(id, m);
      }
    }

    // Precision: what trifecta resolves to this definition, checked against the oracle (in the files it read).
    for (const r of answer?.references ?? []) {
      if (!scoredFiles.has(r.file)) continue;
      const k = key(r.file, r.line, r.col);
      const cross = r.file !== d.file;
      if (!resolvedTo(r, targets)) continue;
      const byReferences = expected.has(k);
      const lands = landed.get(k) ?? [];
      const byGoto = !byReferences && lands.some((p) => key(...p) === key(d.file, d.line, d.col));
      for (const g of groups(cross, r.kind)) {
        const t = tally(g);
        t.resolved++;
        if (byReferences || byGoto) t.confirmed++;
        if (byGoto) t.confirmed_by_goto++;
      }
      if (!byReferences && !byGoto && cross) {
        const others = [...new Set([...(oracleAt.get(k) ?? []).filter((o) => o !== id), ...lands.map((p) => definedAt.get(key(...p)) ?? key(...p))])];
        const reason = `${r.kind}: ${others.length > 0 ? "the oracle resolves it to another definition" : "neither oracle query finds a definition there"}`;
        s.wrong_reasons[reason] = (s.wrong_reasons[reason] ?? 0) + 1;
        s.wrong.push({ target: id, file: r.file, line: r.line, col: r.col, kind: r.kind, code: codeLine(lines, r.file, r.line), trifecta: others.length > 0 ? `oracle: ${others.join(", ")}` : "oracle: —" });
      }
    }
  }
  s.worst_missed_targets = [...missesPerTarget.entries()]
    .filter(([, m]) => m.missed > 0)
    .map(([target, m]) => ({ target, ...m }))
    .sort((a, b) => b.missed - a.missed || (a.target < b.target ? -1 : 1));
  // Calls first; among the wrong ones, those the oracle contradicts first: those are the resolver's errors for sure.
  const callsFirst = (a: Miss, b: Miss) => Number(a.kind !== "call") - Number(b.kind !== "call");
  s.missed.sort(callsFirst);
  s.wrong.sort((a, b) => callsFirst(a, b) || Number(a.trifecta === "oracle: —") - Number(b.trifecta === "oracle: —"));
  return s;
}

// ---------- timing: refs vs search ----------

function timedMs(command: string[]): number {
  const started = Bun.nanoseconds();
  Bun.spawnSync(command, { stdout: "ignore", stderr: "ignore" });
  return (Bun.nanoseconds() - started) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** `ctx refs <id>` and `ctx search <name>` for the same definitions, interleaved, alternating which goes first. */
function timing(binary: string, segment: string, definitions: OracleDef[], count: number): Scores["timing"] {
  const picked = definitions.length <= count ? definitions : Array.from({ length: count }, (_, i) => definitions[Math.floor((i * definitions.length) / count)]!);
  const refs: number[] = [];
  const search: number[] = [];
  for (const [i, d] of picked.entries()) {
    const r = () => refs.push(timedMs([binary, "ctx", "refs", `${d.file}#${d.qualified_name}`, "--segment", segment, "--json"]));
    const q = () => search.push(timedMs([binary, "ctx", "search", d.name, "--segment", segment, "--json"]));
    if (i % 2 === 0) {
      r();
      q();
    } else {
      q();
      r();
    }
  }
  if (picked.length === 0) return null;
  const rm = median(refs);
  const sm = median(search);
  return { definitions: picked.length, refs_median_ms: rm, search_median_ms: sm, ratio: rm / sm };
}

// ---------- report ----------

const pct = (a: number, b: number) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)} %`);

function table(all: Scores[]): string {
  const rows: string[] = [];
  for (const s of all) {
    const names = ["cross-file call", "cross-file all", "all call", "all", ...USE_KINDS.filter((k) => k !== "call").map((k) => `cross-file ${k}`)];
    for (const n of names) {
      const t = s.tallies[n];
      if (!t) continue;
      rows.push(`| ${s.lang} | ${n} | ${t.oracle} | ${pct(t.found, t.oracle)} | ${pct(t.ambiguous, t.found)} | ${t.resolved} | ${pct(t.confirmed, t.resolved)} | ${t.confirmed_by_goto} |`);
    }
  }
  return ["| lang | uses | oracle's uses | recall (resolved or ambiguous with it) | ambiguous share of found | trifecta resolved | precision of resolved | confirmed by go-to-definition only |",
    "|---|---|---:|---:|---:|---:|---:|---:|", ...rows].join("\n");
}

function summaryLine(s: Scores): string {
  const t = s.timing;
  return `${s.lang}: ${s.corpus}; ${s.files} files, ${s.definitions} definitions (${s.oracle_errors} the oracle gave up on); oracle ${s.oracle_tool} ${s.oracle_seconds.toFixed(1)} s${s.oracle_complete ? "" : " (incomplete)"}; ctx build ${s.build_s === null ? "–" : `${s.build_s.toFixed(1)} s`}; ${s.failed_queries} failed queries` +
    (t ? `; ctx refs median ${t.refs_median_ms.toFixed(1)} ms vs ctx search ${t.search_median_ms.toFixed(1)} ms over ${t.definitions} definitions: ${t.ratio.toFixed(2)}×` : "");
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const binary = option("--binary") ?? join(import.meta.dir, "..", "dist", "trifecta");
  const answersFile = option("--answers");
  const cache = option("--cache") ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "trifecta-references");
  const langs = option("--lang")?.split(",") ?? ["typescript", "python", "go"];
  const shown = Number(option("--misses") ?? 20);
  const timed = Number(option("--timed") ?? 60);
  const jsonPath = option("--json");
  const corpora = [typescriptCorpus(), pythonCorpus(Number(option("--jedi-budget") ?? 600)), goCorpus()].filter((c) => langs.includes(c.lang));
  if (!answersFile && !existsSync(binary)) throw new Error(`no binary at ${binary}: run bun run build, or pass --binary`);

  const results: Scores[] = [];
  for (const corpus of corpora) {
    const segment = join(cache, corpus.lang, "segment");
    rmSync(segment, { recursive: true, force: true });
    mkdirSync(segment, { recursive: true });
    corpus.materialize(segment, cache);
    const files = corpus.files(segment);
    const { oracle: whole, gotoCache } = await oracleFor(corpus, segment, files, cache);
    const oracle = indexedOnly(whole, segment, files);
    let buildSeconds: number | null = null;
    if (!answersFile) {
      const started = Bun.nanoseconds();
      const build = sh([binary, "ctx", "build", "--segment", segment, "--json"], { timeoutMs: 30 * 60_000 });
      buildSeconds = (Bun.nanoseconds() - started) / 1e9;
      if (!build.ok) throw new Error(`ctx build failed: ${build.out.slice(0, 300)} ${build.err.slice(0, 300)}`);
      log(`${corpus.lang}: ctx build ${buildSeconds.toFixed(1)} s`);
    }
    const answerer = answersFile ? fileAnswerer(answersFile) : binaryAnswerer(binary, segment);
    const answers = await pooled(scoredOf(oracle), 2, (d) => answerer(idOf(d)));
    const landed = await gotoCached(corpus, segment, files, unlisted(scoredOf(oracle), answers), gotoCache);
    const s = score(corpus, segment, files.length, oracle, answers, landed, buildSeconds);
    if (!answersFile) s.timing = timing(binary, segment, oracle.definitions, timed);
    results.push(s);
  }

  console.log(`${answersFile ? `answers from ${answersFile}` : `trifecta ${sh([binary, "--version"]).out.trim().split("\n")[0]} (${binary})`}; bun ${Bun.version}; ${navigator.hardwareConcurrency} cores; ${new Date().toISOString()}\n`);
  for (const s of results) console.log(`- ${summaryLine(s)}`);
  console.log(`\n${table(results)}`);
  for (const s of results) {
    const reasons = (r: Record<string, number>) => Object.entries(r).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(", ") || "none";
    console.log(`\n### ${s.lang}\n\ncross-file uses missed: ${reasons(s.miss_reasons)}\ncross-file uses resolved but not the oracle's: ${reasons(s.wrong_reasons)}\ncross-file calls found ambiguous, by why: ${reasons(s.ambiguous_why)}`);
    console.log(`\nworst targets (cross-file calls missed / oracle's):`);
    for (const w of s.worst_missed_targets.slice(0, shown)) console.log(`- ${w.target}: ${w.missed} / ${w.of}`);
    for (const [title, list, label] of [["missed", s.missed, "trifecta: "], ["wrongly resolved", s.wrong, ""]] as const) {
      const calls = list.filter((m) => m.kind === "call");
      const rest = list.filter((m) => m.kind !== "call");
      console.log(`\ncross-file calls ${title} (${calls.length}, first ${shown}), then other kinds (${rest.length}, first ${shown}):`);
      for (const m of [...calls.slice(0, shown), ...rest.slice(0, shown)]) console.log(`- ${m.kind} ${m.target} ← ${m.file}:${m.line}:${m.col} \`${m.code}\` (${label}${m.trifecta})`);
    }
    for (const f of s.failures.slice(0, shown)) console.log(`- failed: ${f}`);
  }
  const summary = results.map((s) => ({
    lang: s.lang,
    corpus: s.corpus,
    files: s.files,
    definitions: s.definitions,
    oracle: { tool: s.oracle_tool, seconds: s.oracle_seconds, complete: s.oracle_complete, gave_up_on: s.oracle_errors },
    build_s: s.build_s,
    failed_queries: s.failed_queries,
    tallies: s.tallies,
    timing: s.timing,
  }));
  console.log(`\n${JSON.stringify(summary)}`);
  if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
}

if (import.meta.main) await main();
