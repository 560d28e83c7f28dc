/**
 * Real-world gauntlet: `ctx build` (cold, warm), ten searches, `ctx get` of every hit in every mode,
 * `ctx refs` (every use checked against its line) and `ctx callers` of the best hits, `ctx map`,
 * and `ast symbols` of twenty files on trees a fresh Debian machine gets by package name, each copied
 * into a scratch segment. Every cited line is compared with the file; failed commands (exit, non-JSON
 * stdout, stack trace on stderr) and wrong lines are counted. `ctags -R` on the same copy sets the pace.
 * Missing trees are installed (apt-get, npm); a tree that cannot be had is reported as unavailable.
 *
 *   bun run build && bun bench/realworld.ts [--binary PATH] [--json PATH] [--only a,b] [--npm-cache DIR] [--keep]
 *     [--ignore 'PATTERN,…'] [--modules 20]
 *
 * `--ignore` writes the patterns to a `.trifectaignore` at the top of each copy, to get past a known
 * failure and see what else a tree finds; `--keep` leaves the copies in place for reproductions;
 * `--modules` sets how many files get `ast symbols`.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { basename, join } from "node:path";

const repo = join(import.meta.dir, "..");
const BUILD_TIMEOUT_MS = 30 * 60_000;
const COMMAND_TIMEOUT_MS = 5 * 60_000;
const BIG_BUDGET = "100000000"; // every piece fits: the check is about lines, not the budget
const EXAMPLES_PRINTED = 25; // per tree and list; the JSON keeps them all
const REFS_PER_QUERY = 2; // `ctx refs` and `ctx callers` of each search's best hits

interface Tree {
  name: string;
  lang: string; // the language of the files given to `ast symbols`
  queries: string[];
  /** Copies the tree into `dest`; throws when it cannot be had. */
  materialize(dest: string): void;
}

interface Failure {
  command: string;
  what: string;
}

interface TreeResult {
  name: string;
  available: boolean;
  unavailable_reason?: string;
  files_seen?: number;
  indexed?: number;
  skipped?: Record<string, number>;
  failed_files?: number;
  cold_s?: number;
  warm_s?: number;
  ctags_s?: number | null;
  peak_rss_mb?: number | null;
  commands: number;
  failed_commands: number;
  checked_answers: number;
  wrong_answers: number;
  failures: Failure[];
  wrong: Failure[];
}

// ---------- getting the trees ----------

function sh(command: string[], timeoutMs = COMMAND_TIMEOUT_MS): { ok: boolean; out: string } {
  const r = Bun.spawnSync(command, { stdout: "pipe", stderr: "pipe", timeout: timeoutMs });
  return { ok: r.exitCode === 0, out: r.stdout.toString() + r.stderr.toString() };
}

function aptInstall(...packages: string[]): void {
  // A fresh container may have no package lists yet; one update is cheap next to the install.
  if (!sh(["apt-get", "install", "-y", ...packages], 20 * 60_000).ok) {
    sh(["apt-get", "update"], 10 * 60_000);
    const again = sh(["apt-get", "install", "-y", ...packages], 20 * 60_000);
    if (!again.ok) throw new Error(`apt-get install ${packages.join(" ")} failed: ${again.out.trim().split("\n").slice(-2).join(" ")}`);
  }
}

/** The paths matching `pattern` (one `*` per path part at most), sorted. */
function glob(pattern: string): string[] {
  return [...new Bun.Glob(pattern.replace(/^\//, "")).scanSync({ cwd: "/", onlyFiles: false, followSymlinks: true })].map((p) => `/${p}`).sort();
}

/** `locate()` or, when it finds nothing, install `packages` and locate again. */
function located(locate: () => string[], ...packages: string[]): string[] {
  // Every package named, not just any: a shared folder (cargo's registry) may already hold another's files.
  const missing = packages.filter((name) => !sh(["dpkg-query", "-s", name], 60_000).out.includes("Status: install ok installed"));
  if (missing.length > 0) aptInstall(...missing);
  const found = locate();
  if (found.length === 0) throw new Error(`nothing found after installing ${packages.join(" ")}`);
  return found;
}

/** Copies each directory to dest/<its name> (symlinks stay symlinks, as a checkout would have them). */
function copyDirs(dirs: string[], dest: string): void {
  for (const dir of dirs) cpSync(realpathSync(dir), join(dest, basename(dir)), { recursive: true, verbatimSymlinks: true });
}

function npmTree(cache: string): Tree["materialize"] {
  return (dest) => {
    const packages = ["rxjs", "zod", "typescript"];
    const modules = join(cache, "node_modules");
    if (!packages.every((p) => existsSync(join(modules, p, "package.json")))) {
      mkdirSync(cache, { recursive: true });
      const r = sh(["npm", "install", "--no-audit", "--no-fund", "--prefix", cache, ...packages], 10 * 60_000);
      if (!r.ok) throw new Error(`npm install failed: ${r.out.trim().split("\n").slice(-2).join(" ")}`);
    }
    // At the segment's top: a folder named node_modules would be skipped by the walk.
    copyDirs(packages.map((p) => join(modules, p)), dest);
  };
}

/** An npm package as published (`npm pack`, kept in the cache), unpacked into dest/<its name>. */
function npmPackTree(cache: string, spec: string, name: string): Tree["materialize"] {
  return (dest) => {
    const tarball = join(cache, `${spec.replace(/[@/]/g, "_")}.tgz`);
    if (!existsSync(tarball)) {
      mkdirSync(cache, { recursive: true });
      const r = sh(["npm", "pack", spec, "--silent", "--pack-destination", cache], 10 * 60_000);
      if (!r.ok) throw new Error(`npm pack failed: ${r.out.trim().split("\n").slice(-2).join(" ")}`);
      renameSync(join(cache, r.out.trim().split("\n").at(-1)!), tarball);
    }
    mkdirSync(join(dest, name), { recursive: true });
    const r = sh(["tar", "xzf", tarball, "-C", join(dest, name), "--strip-components=1"]);
    if (!r.ok) throw new Error(`tar failed: ${r.out.trim()}`);
  };
}

function javaBase(dest: string): void {
  const zip = "/usr/lib/jvm/openjdk-17/lib/src.zip";
  if (!existsSync(zip)) aptInstall("openjdk-17-source");
  if (!Bun.which("unzip")) aptInstall("unzip");
  const r = sh(["unzip", "-q", "-o", zip, "java.base/*", "-d", dest]);
  if (!r.ok) throw new Error(`unzip failed: ${r.out.trim()}`);
}

function trees(npmCache: string): Tree[] {
  return [
    {
      name: "django",
      lang: "python",
      queries: ["database connection cursor", "QuerySet.filter", "render template with context", "url resolver reverse", "middleware process request",
        "form field validation clean", "migration operation", "HttpResponse", "csrf token", "password hasher"],
      materialize: (d) => copyDirs(located(() => glob("/usr/lib/python3/dist-packages/django"), "python3-django"), d),
    },
    {
      name: "go-stdlib",
      lang: "go",
      queries: ["parse http request header", "ReadFile", "json marshal struct", "goroutine scheduler", "tls handshake", "ParseInt",
        "bufio scanner split lines", "regexp compile", "gzip writer", "context deadline cancel"],
      materialize: (d) => copyDirs(located(() => [...glob("/usr/lib/go*/src"), ...glob("/usr/share/go*/src")].filter((p) => existsSync(join(p, "fmt"))).slice(-1), "golang-go"), d),
    },
    {
      name: "java.base",
      lang: "java",
      queries: ["HashMap resize", "string builder append", "thread pool executor", "ArrayList", "read bytes from input stream",
        "ConcurrentHashMap", "parse integer radix", "file channel", "class loader find class", "Optional"],
      materialize: javaBase,
    },
    {
      name: "npm (rxjs+zod+typescript)",
      lang: "typescript",
      queries: ["observable subscribe", "mergeMap", "parse schema", "type checker", "createSourceFile", "ZodObject",
        "async scheduler", "diagnostic message", "pipe operator", "emit declaration file"],
      materialize: npmTree(npmCache),
    },
    {
      name: "rust crates",
      lang: "rust",
      queries: ["parse command line arguments", "HashMap insert", "serialize deserialize", "channel send receive", "regex",
        "Iterator", "error source", "read file into buffer", "raw pointer", "derive macro"],
      materialize: (d) => copyDirs(located(() => glob("/usr/share/cargo/registry/*"), "librust-clap-dev", "librust-regex-dev", "librust-serde-json-dev"), d),
    },
    {
      name: "ruby (rack+rake)",
      lang: "ruby",
      queries: ["request params", "middleware call env", "define task", "FileList", "session cookie", "multipart parser",
        "escape html", "response headers", "Lint", "Builder"],
      materialize: (d) => copyDirs(located(() => [...glob("/usr/share/rubygems-integration/all/gems/rack-*"), ...glob("/usr/share/rubygems-integration/all/gems/rake-*")], "ruby-rack", "rake"), d),
    },
    {
      // C++ in `.h` and `.cc` (googletest) beside C headers (CPython's): each `.h` read as what it holds.
      name: "c/c++ (googletest+cpython headers)",
      lang: "cpp",
      queries: ["mock method expectation", "assert two values are equal", "test fixture set up", "death test", "parameterized test",
        "PyObject", "reference count increment", "parse arguments tuple", "Matcher", "print a value"],
      materialize: (d) => copyDirs(located(() => [...glob("/usr/src/googletest"), ...glob("/usr/include/python3.*").filter((p) => existsSync(join(p, "Python.h")))], "googletest", "libpython3-dev"), d),
    },
    {
      // Flow-typed JavaScript, Objective-C (`.m`, and `.h` read as what they hold), Kotlin, Java and C++ in one app framework.
      name: "react-native (flow+objc+kotlin)",
      lang: "objc",
      queries: ["bridge module registry", "measure the layout of a view", "open a url", "request permission on android",
        "RCTBridge", "initWithBundleURL", "animated value spring", "text input focus", "scroll view content offset", "dispatch event to javascript"],
      materialize: npmPackTree(npmCache, "react-native@0.76.0", "react-native"),
    },
    {
      name: "php (symfony console)",
      lang: "php",
      queries: ["console command", "input argument", "output formatter style", "question helper ask", "progress bar",
        "Application", "table rendering", "unicode string", "event dispatcher", "autocomplete"],
      materialize: (d) => copyDirs(located(() => glob("/usr/share/php/Symfony"), "php-symfony-console"), d),
    },
  ];
}

// ---------- running trifecta and checking its answers ----------

class Session {
  readonly result: TreeResult;
  private readonly lines = new Map<string, string[] | null>();

  constructor(readonly binary: string, readonly segment: string, readonly cwd: string, name: string) {
    this.result = { name, available: true, commands: 0, failed_commands: 0, checked_answers: 0, wrong_answers: 0, failures: [], wrong: [] };
  }

  /** Runs trifecta; returns its JSON, or null after recording why the command failed. */
  run(args: string[], timeoutMs = COMMAND_TIMEOUT_MS, prefix: string[] = []): { json: any; seconds: number } {
    const command = [this.binary, ...args, "--segment", this.segment];
    const started = Bun.nanoseconds();
    const r = Bun.spawnSync([...prefix, ...command], { cwd: this.cwd, stdout: "pipe", stderr: "pipe", timeout: timeoutMs });
    const seconds = (Bun.nanoseconds() - started) / 1e9;
    this.result.commands++;
    const stdout = r.stdout.toString();
    const stderr = r.stderr.toString();
    let json: any = null;
    try {
      json = JSON.parse(stdout);
    } catch {}
    const problems: string[] = [];
    if (r.signalCode || r.exitCode === null) problems.push(`killed (${r.signalCode ?? "timeout"}) after ${seconds.toFixed(1)} s`);
    else if (r.exitCode !== 0) problems.push(`exit ${r.exitCode}`);
    if (json === null) problems.push(`non-JSON stdout: ${JSON.stringify(stdout.slice(0, 200))}`);
    else if (json.status === "error") problems.push(`${json.error_code}: ${String(json.message).slice(0, 300)}`);
    if (/^\s+at \S.*(:\d+|native|unknown)\)?\s*$/m.test(stderr)) problems.push(`stack trace on stderr: ${stderr.slice(0, 400)}`);
    if (problems.length > 0) {
      this.result.failed_commands++;
      this.note("failures", shellQuote(command), problems.join("; "));
      return { json: json?.status === "ok" ? json : null, seconds };
    }
    return { json, seconds };
  }

  note(list: "failures" | "wrong", command: string, what: string): void {
    this.result[list].push({ command, what });
  }

  /** One checked answer: `problem` null means right. */
  check(command: string, problem: string | null): void {
    this.result.checked_answers++;
    if (problem === null) return;
    this.result.wrong_answers++;
    this.note("wrong", command, problem);
  }

  fileLines(fileRel: string): string[] | null {
    if (!this.lines.has(fileRel)) {
      const path = join(this.segment, fileRel);
      this.lines.set(fileRel, existsSync(path) ? readFileSync(path, "utf8").split("\n") : null);
    }
    return this.lines.get(fileRel)!;
  }

  /** Null when `line..end` are lines of the file, else what is wrong. */
  rangeProblem(fileRel: string, line: number, end: number): string | null {
    const lines = this.fileLines(fileRel);
    if (lines === null) return `${fileRel} does not exist`;
    const count = lines.at(-1) === "" ? lines.length - 1 : lines.length;
    if (!Number.isInteger(line) || !Number.isInteger(end) || line < 1 || end < line || end > Math.max(count, 1)) return `${fileRel}:${line}-${end} is not within its ${count} lines`;
    return null;
  }
}

/** Null when the use's line holds its name at its column (a whole-module import: its module on the line). */
function useProblem(s: Session, use: any): string | null {
  const range = s.rangeProblem(use.file, use.line, use.line);
  if (range) return `${use.file}:${use.line}: ${range}`;
  const text = s.fileLines(use.file)![use.line - 1]!;
  // An Objective-C selector of several keywords (`initWithURL:options:`) is written in parts: its first one is there.
  const written = /^[^:]+:[^:]+:/.test(use.name) ? use.name.slice(0, use.name.indexOf(":") + 1) : use.name;
  if (use.name === "*" || text.slice(use.col - 1).startsWith(written)) return null;
  return `${use.file}:${use.line}:${use.col} ${use.kind} ${use.name}: the line there reads ${JSON.stringify(text.slice(Math.max(0, use.col - 11), use.col + 20))}`;
}

function shellQuote(command: string[]): string {
  return command.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(" ");
}

function parseCitation(citation: string): { file: string; line: number; end: number } | null {
  const m = /^(.*):(\d+)(?:-(\d+))?$/.exec(citation);
  return m ? { file: m[1]!, line: Number(m[2]), end: Number(m[3] ?? m[2]) } : null;
}

/** Null when a `ctx get` piece's citation and content are the file's lines. */
function pieceProblem(s: Session, piece: any): string | null {
  const c = parseCitation(String(piece.citation));
  if (!c) return `unreadable citation ${JSON.stringify(piece.citation)}`;
  const range = s.rangeProblem(c.file, c.line, c.end);
  if (range) return `${piece.id} ${piece.mode}: ${range}`;
  const want = s.fileLines(c.file)!.slice(c.line - 1, c.end);
  const got: string[] = String(piece.content).split("\n");
  if (piece.mode === "raw") {
    if (got.join("\n") !== want.join("\n")) return `${piece.id} raw ${piece.citation}: content differs from the file's lines (${firstDifference(got, want)})`;
  } else if (piece.mode === "excerpt") {
    const text = got.map((l, i) => {
      const m = /^ *(\d+)\|(?: (.*))?$/s.exec(l);
      return m && Number(m[1]) === c.line + i ? (m[2] ?? "") : `\u0000bad number: ${l}`;
    });
    if (text.join("\n") !== want.join("\n")) return `${piece.id} excerpt ${piece.citation}: lines differ from the file (${firstDifference(text, want)})`;
  } else {
    // Skeleton lines start with their own range (`17-18 def total…`); each must be in the file.
    for (const l of got) {
      const m = /^\s*(\d+)(?:-(\d+))?\s/.exec(l);
      if (!m) continue;
      const bad = s.rangeProblem(c.file, Number(m[1]), Number(m[2] ?? m[1]));
      if (bad) return `${piece.id} skeleton line ${JSON.stringify(l.slice(0, 80))}: ${bad}`;
    }
  }
  return null;
}

function firstDifference(got: string[], want: string[]): string {
  const i = got.findIndex((l, k) => l !== want[k]);
  const at = i === -1 ? Math.min(got.length, want.length) : i;
  return `${got.length} vs ${want.length} lines; first difference at piece line ${at + 1}: got ${JSON.stringify(got[at]?.slice(0, 80))}, file has ${JSON.stringify(want[at]?.slice(0, 80))}`;
}

/** Null when an `ast symbols` symbol's range is in the file and its signature starts on or after `line`. */
function symbolProblem(s: Session, fileRel: string, sym: any): string | null {
  const range = s.rangeProblem(fileRel, sym.line, sym.end_line);
  if (range) return `${sym.qualified_name}: ${range}`;
  const signature = String(sym.signature ?? "").trim();
  const token = /^[^\s(<[{:]+/.exec(signature)?.[0] ?? signature.slice(0, 1);
  if (token === "") return null;
  const body = s.fileLines(fileRel)!.slice(sym.line - 1, sym.end_line).join("\n");
  return body.includes(token) ? null : `${sym.qualified_name} ${fileRel}:${sym.line}-${sym.end_line}: signature's first token ${JSON.stringify(token)} is not in its lines`;
}

/** Every file of the segment (sorted, without .trifecta), as segment-relative paths. */
function listFiles(root: string, rel = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && e.name !== ".trifecta") out.push(...listFiles(root, child));
    else if (e.isFile()) out.push(child);
  }
  return out;
}

/** Files spread evenly over the sorted list: deterministic and not all from one folder. */
function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

function peakRssMb(timeOutput: string): number | null {
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput)?.[1];
  return kb ? Number(kb) / 1024 : null;
}

function runTree(tree: Tree, binary: string, extensions: Map<string, string[]>, keep: boolean, ignore: string[], modules: number): TreeResult {
  const slug = tree.name.replace(/\W.*$/, "").toLowerCase() || "tree";
  const segment = join(tmpdir(), `realworld-${slug}`);
  rmSync(segment, { recursive: true, force: true });
  mkdirSync(segment, { recursive: true });
  const cwd = mkdtempSync(join(tmpdir(), "realworld-cwd-"));
  const s = new Session(binary, segment, cwd, tree.name);
  const r = s.result;
  try {
    tree.materialize(segment);
  } catch (e) {
    rmSync(segment, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
    return { ...r, available: false, unavailable_reason: e instanceof Error ? e.message : String(e) };
  }
  if (ignore.length > 0) writeFileSync(join(segment, ".trifectaignore"), `${ignore.join("\n")}\n`);
  log(`${tree.name}: copied to ${segment}`);

  const tags = join(cwd, "tags");
  const ctagsStart = Bun.nanoseconds();
  const ctags = Bun.which("ctags") ? sh(["ctags", "-R", "-f", tags, segment], BUILD_TIMEOUT_MS) : { ok: false };
  r.ctags_s = ctags.ok ? (Bun.nanoseconds() - ctagsStart) / 1e9 : null;

  const timeFile = join(cwd, "time.txt");
  const timePrefix = existsSync("/usr/bin/time") ? ["/usr/bin/time", "-v", "-o", timeFile] : [];
  const cold = s.run(["ctx", "build", "--json"], BUILD_TIMEOUT_MS, timePrefix);
  r.cold_s = cold.seconds;
  r.peak_rss_mb = timePrefix.length ? peakRssMb(existsSync(timeFile) ? readFileSync(timeFile, "utf8") : "") : null;
  if (cold.json) {
    r.files_seen = cold.json.files?.seen;
    r.indexed = cold.json.files?.indexed;
    r.skipped = cold.json.files?.skipped;
    r.failed_files = Array.isArray(cold.json.failed) ? cold.json.failed.length : 0;
  }
  log(`${tree.name}: cold build ${r.cold_s.toFixed(1)} s${cold.json ? "" : " (failed)"}`);
  r.warm_s = s.run(["ctx", "build", "--json"], BUILD_TIMEOUT_MS).seconds;

  for (const [q, query] of tree.queries.entries()) {
    const search = s.run(["ctx", "search", query, "--json"]);
    if (!search.json) {
      // Without an index each search rebuilds; when the build fails, that only repeats the failure.
      if (!cold.json && q === 0) {
        r.failures.push({ command: "(the other searches)", what: "skipped: the build and the first search failed" });
        break;
      }
      continue;
    }
    const hits: any[] = search.json.hits ?? [];
    const searchCmd = `ctx search ${JSON.stringify(query)}`;
    for (const h of hits) {
      const bad = s.rangeProblem(h.file_rel, h.line, h.end_line);
      s.check(searchCmd, bad && `hit ${h.id}: ${bad}`);
    }
    if (hits.length === 0) continue;
    for (const mode of ["skeleton", "excerpt", "raw"]) {
      const ids = hits.map((h) => String(h.id));
      const get = s.run(["ctx", "get", ...ids, "--mode", mode, "--budget", BIG_BUDGET, "--json"]);
      if (!get.json) continue;
      const getCmd = `ctx get <${ids.length} hits of "${query}"> --mode ${mode}`;
      const pieces: any[] = get.json.pieces ?? [];
      for (const id of ids) {
        const piece = pieces.find((p) => p.id === id);
        s.check(getCmd, piece ? pieceProblem(s, piece) : `no piece for ${id} (errors: ${JSON.stringify(get.json.errors)}, omitted: ${JSON.stringify(get.json.omitted)})`);
      }
    }
    // The uses of the best definitions hit: each must point at its name on a line of the file; callers must run.
    for (const h of hits.filter((hit) => hit.kind !== "section").slice(0, REFS_PER_QUERY)) {
      const refs = s.run(["ctx", "refs", String(h.id), "--limit", "1000", "--json"]);
      for (const use of refs.json?.references ?? []) s.check(`ctx refs ${h.id}`, useProblem(s, use));
      s.run(["ctx", "callers", String(h.id), "--depth", "2", "--json"]);
    }
  }
  const map = s.run(["ctx", "map", "--budget", "2000", "--json"]);
  if (map.json) s.check("ctx map --budget 2000", map.json.used_tokens <= 2000 && Math.ceil(map.json.map.length / 4) === map.json.used_tokens ? null : `used_tokens ${map.json.used_tokens} for a map of ${map.json.map.length} characters`);

  const exts = extensions.get(tree.lang) ?? [];
  const files = listFiles(segment).filter((f) => exts.some((e) => f.endsWith(e)));
  for (const file of spread(files, modules)) {
    const uri = `sym://${tree.lang}/file/${file}`;
    const answer = s.run(["ast", "symbols", uri]);
    for (const sym of answer.json?.symbols ?? []) s.check(`ast symbols ${uri}`, symbolProblem(s, file, sym));
  }

  if (!keep) rmSync(segment, { recursive: true, force: true });
  rmSync(cwd, { recursive: true, force: true });
  log(`${tree.name}: ${r.commands} commands, ${r.failed_commands} failed, ${r.wrong_answers} of ${r.checked_answers} answers wrong`);
  return r;
}

function log(message: string): void {
  process.stderr.write(`[realworld] ${message}\n`);
}

function table(results: TreeResult[]): string {
  const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined ? "–" : n.toFixed(digits));
  const rows = results.map((r) => {
    if (!r.available) return `| ${r.name} | unavailable: ${r.unavailable_reason} | | | | | | | | | |`;
    const skipped = Object.entries(r.skipped ?? {}).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(", ") || (r.skipped ? "0" : "–");
    return `| ${r.name} | ${r.files_seen ?? "–"} | ${r.indexed ?? "–"} | ${skipped} | ${r.failed_files ?? "–"} | ${fmt(r.cold_s)} | ${fmt(r.warm_s, 2)} | ${fmt(r.ctags_s, 2)} | ${fmt(r.peak_rss_mb, 0)} | ${r.failed_commands} of ${r.commands} | ${r.wrong_answers} of ${r.checked_answers} |`;
  });
  return ["| tree | files seen | indexed | skipped | failed files | cold build s | warm build s | ctags -R s | peak RSS MB (cold) | failed commands | wrong answers |",
    "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|", ...rows].join("\n");
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

function main(): void {
  const binary = option("--binary") ?? join(repo, "dist", "trifecta");
  const jsonPath = option("--json");
  const only = option("--only")?.split(",");
  const npmCache = option("--npm-cache") ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "trifecta-realworld", "npm");
  const keep = process.argv.includes("--keep");
  const ignore = option("--ignore")?.split(",") ?? [];
  const modules = Number(option("--modules") ?? 20);
  if (!existsSync(binary)) throw new Error(`no binary at ${binary}: run bun run build, or pass --binary`);
  if (!existsSync("/usr/bin/time")) {
    try { aptInstall("time"); } catch (e) { log(`no /usr/bin/time, peak RSS unknown: ${e}`); }
  }
  if (!Bun.which("ctags")) {
    try { aptInstall("universal-ctags"); } catch (e) { log(`no ctags, its column stays empty: ${e}`); }
  }
  const languages = JSON.parse(Bun.spawnSync([binary, "ast", "languages"]).stdout.toString()).languages as { id: string; extensions: string[] }[];
  const extensions = new Map(languages.map((l) => [l.id, l.extensions]));

  const results: TreeResult[] = [];
  for (const tree of trees(npmCache)) {
    if (only && !only.some((o) => tree.name.toLowerCase().startsWith(o.toLowerCase()))) continue;
    results.push(runTree(tree, binary, extensions, keep, ignore, modules));
  }

  const version = Bun.spawnSync([binary, "--version"]).stdout.toString().trim();
  console.log(`trifecta ${version} (${binary}); bun ${Bun.version}; ${navigator.hardwareConcurrency} cores; ${new Date().toISOString()}\n`);
  console.log(table(results));
  for (const r of results) {
    for (const f of r.failures.slice(0, EXAMPLES_PRINTED)) console.log(`\n- ${r.name}, failed: \`${f.command}\`\n  ${f.what}`);
    for (const w of r.wrong.slice(0, EXAMPLES_PRINTED)) console.log(`\n- ${r.name}, wrong: \`${w.command}\`\n  ${w.what}`);
  }
  if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify({ binary, version, bun: Bun.version, date: new Date().toISOString(), results }, null, 2)}\n`);
}

if (import.meta.main) main();
