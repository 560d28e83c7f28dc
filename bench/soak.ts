/**
 * Soak: W workers each make C calls against one segment through the compiled binary, with random
 * SIGKILLs. Two phases:
 *
 * - `ast`: `ast symbols` on several files, `cache-stats`, `clear-cache` and edits to the files.
 *   Afterwards every answer must equal a fresh parse of the content it names, and `cache-verify`
 *   must be clean. Used by the test suite at a modest size.
 * - `ctx`: `ctx build`, `ctx search`, `ctx get` (every mode) of ids earlier searches returned, file
 *   edits, creations and deletions, and damage to the database file, on a segment of a few hundred
 *   files (a slice of the Python standard library plus generated Python, TypeScript and Markdown).
 *   Every piece and hit is checked against the version of its file it names, and every answer that
 *   claims a complete index is checked against the files on disk (rules at `runCtxSoak`).
 *
 *   bun run build && bun bench/soak.ts [workers] [calls] [--phase ast|ctx|all] [--seed N] [--keep]
 */
import { Database } from "bun:sqlite";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const BINARY = join(import.meta.dir, "..", "dist", "trifecta");

export interface SoakResult {
  workers: number;
  calls: number;
  kills: number;
  failures: string[];
  answersChecked: number;
  wrongAnswers: number;
  hits: number;
  misses: number;
  edits: number;
  verifyClean: boolean;
  seconds: number;
}

function cli(args: string[], extraEnv: Record<string, string> = {}) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("TRIFECTA_")) env[k] = v;
  return Bun.spawn([BINARY, ...args], { env: { ...env, ...extraEnv }, stdout: "pipe", stderr: "pipe" });
}

async function output(proc: ReturnType<typeof cli>): Promise<{ code: number; json: any }> {
  const [code, text] = await Promise.all([proc.exited, new Response(proc.stdout).text()]);
  try {
    return { code, json: JSON.parse(text) };
  } catch {
    return { code, json: null };
  }
}

function moduleSource(file: number, version: number): string {
  return Array.from({ length: 2 + version }, (_, i) => `class C${file}v${version}n${i}:\n    def m(self, x=${i}):\n        """v${version}"""\n        return x\n`).join("\n");
}

export async function runSoak(
  workers: number,
  calls: number,
  options: { files?: number; versions?: number; seed?: number; env?: Record<string, string> } = {},
): Promise<SoakResult> {
  const files = options.files ?? 5;
  const versions = options.versions ?? 3;
  const started = performance.now();
  const segment = realpathSync(mkdtempSync(join(tmpdir(), "trifecta-soak-")));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(segment, rel)), { recursive: true });
    writeFileSync(join(segment, rel), text);
  };
  for (let f = 0; f < files; f++) write(`m${f}.py`, moduleSource(f, 0));

  // The truth for every version of every file, parsed without any cache: one probe segment per version (the key
  // names the file's relative path), every file of every version at once.
  const truth = new Map<string, unknown>();
  const probes = Array.from({ length: versions }, () => realpathSync(mkdtempSync(join(tmpdir(), "trifecta-soak-truth-"))));
  const asks = probes.flatMap((probe, v) => Array.from({ length: files }, (_, f) => ({ probe, f, v })));
  for (const { probe, f, v } of asks) writeFileSync(join(probe, `m${f}.py`), moduleSource(f, v));
  for (const fresh of await Promise.all(asks.map(({ probe, f }) => output(cli(["ast", "symbols", `sym://python/mod/m${f}`, "--segment", probe, "--no-persist-cache"]))))) {
    truth.set(fresh.json.cache_key, fresh.json.symbols);
  }

  let seed = options.seed ?? 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const result: SoakResult = { workers, calls, kills: 0, failures: [], answersChecked: 0, wrongAnswers: 0, hits: 0, misses: 0, edits: 0, verifyClean: false, seconds: 0 };
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let call = 0; call < calls; call++) {
        const roll = random(10);
        if (roll === 0) {
          const f = random(files);
          write(`m${f}.py`, moduleSource(f, random(versions)));
          result.edits++;
          continue;
        }
        const args =
          roll === 1
            ? ["ast", "cache-stats", "--segment", segment]
            : roll === 2
              ? ["ast", "clear-cache", "--segment", segment]
              : ["ast", "symbols", `sym://python/mod/m${random(files)}`, "--segment", segment];
        const proc = cli(args, options.env);
        if (random(6) === 0) setTimeout(() => proc.kill("SIGKILL"), random(60));
        const { code, json } = await output(proc);
        if (proc.signalCode === "SIGKILL") {
          result.kills++;
          continue;
        }
        if (code !== 0 || json?.status !== "ok") {
          result.failures.push(`${args.slice(0, 3).join(" ")} → exit ${code}: ${JSON.stringify(json)}`);
          continue;
        }
        if (args[1] !== "symbols") continue;
        result.answersChecked++;
        if (json.cache_status === "hit") result.hits++;
        else result.misses++;
        if (JSON.stringify(json.symbols) !== JSON.stringify(truth.get(json.cache_key))) result.wrongAnswers++;
      }
    }),
  );
  const verify = await output(cli(["ast", "cache-verify", "--segment", segment]));
  result.verifyClean = verify.code === 0 && verify.json?.clean === true;
  result.seconds = Math.round((performance.now() - started) / 100) / 10;
  for (const dir of [segment, ...probes]) rmSync(dir, { recursive: true, force: true });
  return result;
}


// ---------------------------------------------------------------------------------------------
// The ctx phase.

/** Error codes the README documents for ctx and ast commands (INTERNAL_ERROR is documented too, but it is a bug). */
const DOCUMENTED_ERRORS = new Set([
  "INVALID_URI",
  "UNSUPPORTED_LANGUAGE",
  "LANGUAGE_MISMATCH",
  "SEGMENT_NOT_FOUND",
  "PATH_OUTSIDE_SEGMENT",
  "FILE_NOT_FOUND",
  "AMBIGUOUS_SYMBOL",
  "SYMBOL_NOT_FOUND",
  "FILE_TOO_LARGE",
  "CACHE_DAMAGED",
  "CACHE_BUSY",
  "CACHE_UNAVAILABLE",
  "INDEX_NOT_FOUND",
  "ID_NOT_FOUND",
  "USAGE_ERROR",
]);
/** An id of a symbol (not a file, not a Markdown section): what `ctx refs` takes. */
const isDefinitionId = (id: string) => id.includes("#") && !/\.md#/.test(id);
/** What a stack trace or a runtime's crash report looks like on stderr. */
const TRACE = /^\s+at .+[:(]|^\w*Error: |panic|Segmentation fault|Bun v\d/m;
const STDLIB_PACKAGES = ["email", "json", "logging", "http", "urllib", "xml", "importlib", "concurrent", "asyncio", "lib2to3", "wsgiref", "html", "tomllib", "zoneinfo", "dbm", "collections", "unittest", "multiprocessing"];
const VOCABULARY = ["parse", "render", "widget", "token", "cache", "stream", "header", "buffer", "socket", "queue", "index", "search", "budget", "segment", "cursor"];

export interface CtxSoakResult {
  workers: number;
  calls: number;
  files: number;
  /** Processes of the binary started. */
  processes: number;
  byCommand: Record<string, number>;
  kills: number;
  buildsKilled: number;
  edits: number;
  /** Edits of most files at once (a branch switch). */
  massEdits: number;
  creations: number;
  deletions: number;
  damage: { quiet: number; live: number; byKind: Record<string, number> };
  /** Non-zero exit without a documented JSON error, a trace on stderr, non-JSON stdout, INTERNAL_ERROR. */
  failed: string[];
  /** Documented JSON errors, by command, code and reason. */
  documentedErrors: Record<string, number>;
  piecesChecked: number;
  hitsChecked: number;
  /** Uses `ctx refs` listed, each checked against its line. */
  usesChecked: number;
  wrongAnswers: string[];
  coverageChecks: number;
  coverageSkipped: Record<string, number>;
  incompleteClaimedComplete: string[];
  final: { build: string; violations: string[]; indexed: number; onDisk: number; verify: string };
  dbReplacements: number;
  seconds: number;
  scratch: string | null;
}

interface FileState {
  rel: string;
  /** Every content the file ever had, by content hash (first 16 hex of sha256). */
  versions: Map<string, string>;
  text: string;
  exists: boolean;
  /** Driver time (performance.now) of the last creation, edit or deletion. */
  changedAt: number;
  /** Names of generated functions, for searches that must find this file. */
  renames: number;
}

interface CallOutcome {
  args: string[];
  code: number;
  json: any;
  stdout: string;
  stderr: string;
  killed: boolean;
  start: number;
  end: number;
  /** No process alive during the call started before this: files stable since then are visible to all of them. */
  tRef: number;
  inodeBefore: number | null;
}

const sha16 = (text: string) => new Bun.CryptoHasher("sha256").update(text).digest("hex").slice(0, 16);
/** Lines as trifecta counts them: a final newline ends the last line, it does not start another. */
const linesOf = (text: string) => (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");

function generatedPython(n: number): string {
  const a = VOCABULARY[n % VOCABULARY.length]!;
  const b = VOCABULARY[(n * 7 + 3) % VOCABULARY.length]!;
  return [
    `"""Generated module ${n}: ${a} and ${b} helpers."""`,
    "import os",
    "",
    "",
    `def soakuniq${n}(value):`,
    `    """The unique function of module ${n}."""`,
    "    return value",
    "",
    "",
    `def ${a}_${b}_${n}(items, limit=10):`,
    `    """${a} the ${b} items."""`,
    "    out = []",
    "    for item in items[:limit]:",
    "        out.append(item)",
    "    return out",
    "",
    "",
    `class ${a[0]!.toUpperCase()}${a.slice(1)}Store${n}:`,
    `    """Keeps ${b} entries."""`,
    "",
    "    def __init__(self):",
    "        self.entries = {}",
    "",
    `    def ${b}_entry(self, key):`,
    "        return self.entries.get(key)",
    "",
    "    def flush(self):",
    "        self.entries.clear()",
    "",
  ].join("\n");
}

function generatedTypeScript(n: number): string {
  const a = VOCABULARY[(n * 3) % VOCABULARY.length]!;
  const cap = `${a[0]!.toUpperCase()}${a.slice(1)}`;
  return [
    `/** Generated module ${n}. */`,
    `export function soakuniq${n}(value: number): number {`,
    "  return value * 2;",
    "}",
    "",
    `export class ${cap}Queue${n} {`,
    "  private readonly items: string[] = [];",
    "",
    `  /** Adds one ${a}. */`,
    "  push(item: string): void {",
    "    this.items.push(item);",
    "  }",
    "",
    "  size(): number {",
    "    return this.items.length;",
    "  }",
    "}",
    "",
    `export interface ${cap}Options${n} {`,
    "  limit: number;",
    "}",
    "",
  ].join("\n");
}

function generatedMarkdown(n: number): string {
  const a = VOCABULARY[(n * 5 + 1) % VOCABULARY.length]!;
  const b = VOCABULARY[(n + 4) % VOCABULARY.length]!;
  return [
    `# Guide soakuniq${n}`,
    "",
    `How the ${a} works with the ${b}.`,
    "",
    `## Configuring the ${a}`,
    "",
    `Set the ${b} limit before the first ${a} call.`,
    "It takes effect at once.",
    "",
    `## Troubleshooting ${b} ${n}`,
    "",
    `When the ${b} is full, flush it.`,
    "",
  ].join("\n");
}

/** A slice of the Python standard library: UTF-8 files without CR or BOM, no test directories. */
function stdlibSlice(max: number): { rel: string; text: string }[] {
  const proc = Bun.spawnSync(["python3", "-c", 'import sysconfig;print(sysconfig.get_paths()["stdlib"])']);
  const stdlib = proc.stdout.toString().trim();
  if (proc.exitCode !== 0 || stdlib === "") return [];
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const found: { rel: string; text: string }[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(stdlib, rel), { withFileTypes: true }).sort((x, y) => x.name.localeCompare(y.name))) {
      if (found.length >= max) return;
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory() && !/^(tests?|__pycache__|build|dist|idle_test)$/.test(entry.name)) walk(child);
      else if (entry.isFile() && entry.name.endsWith(".py")) {
        const bytes = readFileSync(join(stdlib, child));
        if (bytes.length > 120_000 || bytes.includes(0) || bytes.includes(13) || bytes[0] === 0xef) continue;
        try {
          found.push({ rel: child.slice(1), text: decoder.decode(bytes) });
        } catch {
          // not UTF-8: left out
        }
      }
    }
  };
  for (const pkg of STDLIB_PACKAGES) if (existsSync(join(stdlib, pkg))) walk(`/${pkg}`);
  return found;
}

/** Shifts lines down (a comment block at the top) and/or renames one function or heading. */
function editedText(rel: string, text: string, serial: number, roll: number): string {
  let next = text;
  if (roll % 3 !== 1) {
    const count = 1 + (serial % 4);
    const line = rel.endsWith(".py") ? "# soak shift" : rel.endsWith(".ts") ? "// soak shift" : "soak shift line";
    next = `${Array.from({ length: count }, () => line).join("\n")}\n${next}`;
  }
  if (roll % 3 !== 0) {
    if (rel.endsWith(".md")) next = next.replace(/^(#+ )(.*)$/m, (_, hashes: string, heading: string) => `${hashes}${heading} r${serial}`);
    else {
      const names = [...next.matchAll(rel.endsWith(".py") ? /^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)/gm : /^\s*(?:export\s+)?function\s+([A-Za-z_]\w*)/gm)].map((m) => m[1]!);
      const name = names.filter((n) => !n.startsWith("__"))[serial % Math.max(1, names.length)];
      if (name) next = next.replace(new RegExp(`\\b${name}\\b`, "g"), `${name.replace(/_r\d+$/, "")}_r${serial}`);
    }
  }
  return next;
}

/** The last part of an id's qualified name, or null for a section (its slug is not in the text). */
function idName(id: string, rel: string): string | null {
  if (rel.endsWith(".md")) return null;
  return id.slice(id.indexOf("#") + 1).replace(/@\d+$/, "").split(".").at(-1) ?? null;
}

/**
 * Why a `ctx get` piece does not match the content its hash names, or null when it does. A piece cut
 * to the budget (`truncated`) is checked without its closing note, and its last row may be cut short.
 */
function pieceProblem(cited: any, state: FileState | undefined): string | null {
  const piece = cited.truncated ? { ...cited, content: String(cited.content).replace(/\n?… truncated[^\n]*$/, "") } : cited;
  const cutShort = (row: string, whole: string) => cited.truncated !== undefined && whole.startsWith(row);
  const m = /^(.*):(\d+)-(\d+)$/.exec(String(piece.citation));
  if (!m) return `bad citation ${piece.citation}`;
  const rel = m[1]!;
  const line = Number(m[2]);
  const end = Number(m[3]);
  const text = state?.versions.get(piece.content_hash);
  if (text === undefined) return `content_hash ${piece.content_hash} is no version of ${rel}`;
  const lines = linesOf(text);
  const isFile = !String(piece.id).includes("#");
  if (line < 1 || end < line - 1 || end > lines.length) return `citation ${piece.citation} outside the ${lines.length} lines of that version`;
  const name = isFile ? null : idName(piece.id, rel);
  const at = /@(\d+)$/.exec(piece.id)?.[1];
  // A definition is read from the decorators and attributes right above it (`@property`): its own line follows them.
  const pastDecorators = (n: number) => {
    while (name !== null && n < lines.length && /^\s*(@|#\[)/.test(lines[n - 1] ?? "")) n++;
    return n;
  };
  const declares = (n: number) => {
    const source = lines[pastDecorators(n) - 1] ?? "";
    return name === null ? (isFile || /^#{1,6}\s/.test(source)) : new RegExp(`\\b${name}\\b`).test(source);
  };
  if (piece.mode === "raw") {
    const expected = lines.slice(line - 1, end).join("\n");
    if (piece.content !== expected && !cutShort(piece.content, expected)) return `raw content differs from lines ${line}-${end} of that version`;
    if (!isFile && !declares(line)) return `raw piece starts at line ${line}, which does not declare ${name ?? "a section"}: ${JSON.stringify(lines[line - 1])}`;
    if (at !== undefined && Number(at) !== pastDecorators(line)) return `id ${piece.id} served from line ${line}`;
    if (isFile && (line !== 1 || (end !== lines.length && !cited.truncated))) return `file piece cites ${line}-${end} of ${lines.length} lines`;
    return null;
  }
  if (piece.mode === "excerpt") {
    const rows = String(piece.content).split("\n");
    if (rows.length !== end - line + 1) return `excerpt has ${rows.length} lines for citation ${line}-${end}`;
    for (let i = 0; i < rows.length; i++) {
      if (i === rows.length - 1 && cutShort(rows[i]!, `${String(line + i).padStart(String(end).length)}| ${lines[line + i - 1]}`)) break;
      const row = /^ *(\d+)\| (.*)$/s.exec(rows[i]!);
      if (!row || Number(row[1]) !== line + i) return `excerpt line ${i + 1} is not numbered ${line + i}: ${JSON.stringify(rows[i])}`;
      if (row[2] !== lines[line + i - 1]) return `excerpt line ${line + i} differs: ${JSON.stringify(row[2])} vs ${JSON.stringify(lines[line + i - 1])}`;
    }
    if (!isFile) {
      const candidates = [line, line + 1, line + 2].filter((n) => n <= end);
      if (!candidates.some(declares)) return `excerpt ${line}-${end} does not start with ${name ?? "a section"}`;
      if (at !== undefined && !candidates.map(pastDecorators).includes(Number(at))) return `id ${piece.id} served as an excerpt from line ${line}`;
    }
    return null;
  }
  // skeleton: every row's range exists and its line holds the signature's first word
  const content = String(piece.content);
  const rows = content === "" ? [] : content.split("\n");
  for (const [i, text] of rows.entries()) {
    const row = /^( *)(\d+)-(\d+) (.*)$/.exec(text);
    if (!row) return `skeleton row ${JSON.stringify(text)} unreadable`;
    const from = Number(row[2]);
    const to = Number(row[3]);
    if (from < 1 || to < from || to > lines.length) return `skeleton row ${from}-${to} outside the ${lines.length} lines of that version`;
    const word = row[4]!.trim().split(/[\s(<:[{=]/)[0]!;
    if (word !== "" && !(lines[from - 1] ?? "").includes(word)) return `skeleton row ${from} (${row[4]}) does not match line ${from}: ${JSON.stringify(lines[from - 1])}`;
    if (i === 0 && !isFile && (from !== line || (to !== end && !cited.truncated))) return `skeleton starts at ${from}-${to}, cited ${line}-${end}`;
  }
  if (!isFile && rows.length > 0 && !declares(line)) return `skeleton of ${piece.id} at line ${line}, which does not declare it`;
  if (isFile && (line !== 1 || (end !== lines.length && !cited.truncated))) return `file skeleton cites ${line}-${end} of ${lines.length} lines`;
  return null;
}

/** A search hit is right when some version of its file has its lines and declares its name at `line`. */
function hitProblem(hit: any, state: FileState | undefined): string | null {
  if (!state) return `hit in ${hit.file_rel}, a file the soak never wrote`;
  for (const text of state.versions.values()) {
    const lines = linesOf(text);
    if (hit.line < 1 || hit.end_line < hit.line || hit.end_line > lines.length) continue;
    const source = lines[hit.line - 1] ?? "";
    if (hit.kind === "section" ? /^#{1,6}\s/.test(source) && source.includes(String(hit.name)) : source.includes(String(hit.name))) return null;
  }
  return `hit ${hit.id} (${hit.line}-${hit.end_line}) matches no version of ${hit.file_rel} (${state.versions.size} versions)`;
}

/** The index as the database holds it (read-only), or why it cannot be read. */
function readIndex(dbPath: string): { files: Map<string, string>; build: string | null } | string {
  if (!existsSync(dbPath)) return "no database";
  let db: Database | null = null;
  try {
    db = new Database(dbPath, { readonly: true });
    const files = new Map((db.query("SELECT file_rel, content_hash FROM ctx_files").all() as { file_rel: string; content_hash: string }[]).map((r) => [r.file_rel, r.content_hash]));
    const build = (db.query("SELECT value FROM ctx_meta WHERE name = 'build'").get() as { value: string } | null)?.value ?? null;
    return { files, build };
  } catch (error) {
    return `unreadable: ${(error as Error).message}`;
  } finally {
    db?.close();
  }
}

function randomBytes(n: number, random: (n: number) => number): Uint8Array {
  return Uint8Array.from({ length: n }, () => random(256));
}

/** Damages the database file in place. Returns what was done. */
function damageDatabase(dbPath: string, kind: "garbage" | "truncate" | "ff_leaf", random: (n: number) => number, leafShare = 0): string {
  if (!existsSync(dbPath)) return "no database yet";
  const size = statSync(dbPath).size;
  if (kind === "truncate") {
    const to = random(3) === 0 ? 0 : Math.floor((size * random(90)) / 100);
    truncateSync(dbPath, to);
    return `truncated ${size} → ${to} bytes`;
  }
  if (kind === "ff_leaf") {
    let db: Database | null = null;
    try {
      db = new Database(dbPath, { readwrite: true, create: false });
      db.run("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch {
      // busy or already damaged: the pages are overwritten anyway
    } finally {
      db?.close();
    }
  }
  const bytes = readFileSync(dbPath);
  const header = bytes.length >= 18 ? (bytes[16]! << 8) | bytes[17]! : 0;
  const pageSize = header === 1 ? 65536 : header >= 512 && (header & (header - 1)) === 0 ? header : 4096;
  const pages = Math.floor(bytes.length / pageSize);
  if (pages === 0) return "database smaller than a page";
  let targets: number[];
  if (kind === "ff_leaf") {
    const leaves = Array.from({ length: pages }, (_, p) => p).filter((p) => [0x0a, 0x0d].includes(bytes[p * pageSize + (p === 0 ? 100 : 0)]!));
    targets = leafShare > 0 ? leaves.filter(() => random(100) < leafShare * 100) : Array.from({ length: 1 + random(3) }, () => leaves[random(Math.max(1, leaves.length))]).filter((p): p is number => p !== undefined);
  } else targets = Array.from({ length: 1 + random(4) }, () => (random(10) === 0 ? 0 : random(pages)));
  const fd = openSync(dbPath, "r+");
  try {
    for (const page of targets) writeSync(fd, kind === "ff_leaf" ? new Uint8Array(pageSize).fill(0xff) : randomBytes(random(2) === 0 ? pageSize : 512, random), 0, undefined, page * pageSize);
  } finally {
    closeSync(fd);
  }
  const listed = [...new Set(targets)].sort((x, y) => x - y);
  return `${kind} over ${listed.length > 8 ? `${listed.length} pages` : `pages ${listed.join(",") || "none"}`} of ${pages} (page ${pageSize} B)`;
}

/**
 * The ctx soak. Rules of the checks:
 *
 * - A `ctx get` piece (exit 0) must match the version of its file whose hash is its `content_hash`
 *   (every version the soak ever wrote is kept): raw lines equal, excerpt lines numbered and equal,
 *   skeleton rows inside the file with each row's line holding its signature's first word, and the
 *   item's name declared on its line. Otherwise it is a wrong answer.
 * - A search hit must have its line range, and its name on its first line, in some version of its file.
 * - Incomplete claimed complete: an answer that claims a complete index (`ctx build` exit 0; a search
 *   without `index_incomplete` and without `stale`; a get without `index_incomplete`, measured
 *   against the last such search or build before it) is checked right after it ends, against the
 *   database read read-only. Only files whose last creation, edit or deletion happened before every
 *   process alive during the call had started (`tRef`) count: each must be in the index with its
 *   current hash, and no file deleted before then may be. Skipped: a damage event since `tRef`, the
 *   database file replaced (recovery) since the call started, or a database the soak cannot read.
 * - After the run, with no process left: one `ctx build`, then the same comparison with every file.
 */
export async function runCtxSoak(
  workers: number,
  calls: number,
  options: { seed?: number; stdlibFiles?: number; generated?: number; keep?: boolean; env?: Record<string, string> } = {},
): Promise<CtxSoakResult> {
  const started = performance.now();
  const scratch = realpathSync(mkdtempSync(join(tmpdir(), "soak-ctx-")));
  const segment = join(scratch, "seg");
  const staging = join(scratch, "staging");
  mkdirSync(segment);
  mkdirSync(staging);
  const dbPath = join(segment, ".trifecta", "cache", `ast_cache_${segment.replace(/[/\\:]/g, "_")}.db`);
  let seed = options.seed ?? 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * n);
  };
  const pick = <T>(items: readonly T[]): T | undefined => items[random(items.length)];

  const states = new Map<string, FileState>();
  let serial = 0;
  /** Atomic: the new text goes to a staging file, then is renamed over the old one. */
  const put = (rel: string, text: string) => {
    const state = states.get(rel) ?? { rel, versions: new Map(), text, exists: false, changedAt: 0, renames: 0 };
    state.versions.set(sha16(text), text);
    const abs = join(segment, rel);
    mkdirSync(dirname(abs), { recursive: true });
    const temp = join(staging, `${++serial}.tmp`);
    writeFileSync(temp, text);
    renameSync(temp, abs);
    state.text = text;
    state.exists = true;
    state.changedAt = performance.now();
    states.set(rel, state);
  };
  const remove = (state: FileState) => {
    unlinkSync(join(segment, state.rel));
    state.exists = false;
    state.changedAt = performance.now();
  };

  const stdlib = stdlibSlice(options.stdlibFiles ?? 260);
  for (const f of stdlib) put(`lib/${f.rel}`, f.text);
  const generated = options.generated ?? 90;
  for (let n = 0; n < generated; n++) {
    const dir = `gen/d${n % 6}`;
    if (n % 4 === 3) put(`${dir}/mod${n}.ts`, generatedTypeScript(n));
    else if (n % 4 === 2) put(`docs/d${n % 3}/guide${n}.md`, generatedMarkdown(n));
    else put(`${dir}/mod${n}.py`, generatedPython(n));
  }
  let nextGenerated = generated;
  // Query words: function names and their parts from the files, and the generated vocabulary.
  const identifiers = [...new Set(stdlib.flatMap((f) => [...f.text.matchAll(/^\s*def\s+([a-z]\w{3,})/gm)].map((m) => m[1]!)))];
  const words = [...new Set([...identifiers.flatMap((i) => i.split("_")).filter((w) => w.length >= 4), ...VOCABULARY])];
  const query = () => {
    const roll = random(10);
    if (roll < 4) return pick(identifiers) ?? "parse";
    if (roll < 5) return `soakuniq${random(nextGenerated)}`;
    if (roll < 8) return `${pick(words)} ${pick(words)}`;
    return pick(words) ?? "header";
  };

  const result: CtxSoakResult = {
    workers,
    calls,
    files: states.size,
    processes: 0,
    byCommand: {},
    kills: 0,
    buildsKilled: 0,
    edits: 0,
    massEdits: 0,
    creations: 0,
    deletions: 0,
    damage: { quiet: 0, live: 0, byKind: {} },
    failed: [],
    documentedErrors: {},
    piecesChecked: 0,
    hitsChecked: 0,
    usesChecked: 0,
    wrongAnswers: [],
    coverageChecks: 0,
    coverageSkipped: {},
    incompleteClaimedComplete: [],
    final: { build: "", violations: [], indexed: 0, onDisk: 0, verify: "" },
    dbReplacements: 0,
    seconds: 0,
    scratch: options.keep ? scratch : null,
  };
  const count = (table: Record<string, number>, key: string) => (table[key] = (table[key] ?? 0) + 1);
  const log: string[] = [];
  const note = (line: string) => log.push(`${(performance.now() - started).toFixed(0).padStart(7)} ms ${line}`);

  // Processes alive, by serial, with their start times; a quiet damage event waits for none to run.
  const alive = new Map<number, number>();
  let buildsRunning = 0;
  let quiet: Promise<void> | null = null;
  let lastDamageAt = Number.NEGATIVE_INFINITY;
  let buildMs = 1500;
  /** How long a build that indexes most files takes. */
  let fullBuildMs = 4000;
  const inode = () => statSync(dbPath, { throwIfNoEntry: false })?.ino ?? null;
  let lastInode = inode();
  const watchInode = () => {
    const now = inode();
    if (now !== null && lastInode !== null && now !== lastInode) result.dbReplacements++;
    if (now !== null) lastInode = now;
    return now;
  };

  const run = async (args: string[], killAfter: number | null): Promise<CallOutcome> => {
    while (quiet) await quiet;
    const start = performance.now();
    const tRef = Math.min(start, ...alive.values());
    const id = ++result.processes;
    alive.set(id, start);
    const inodeBefore = watchInode();
    const isBuild = args[1] === "build";
    if (isBuild) buildsRunning++;
    const proc = cli([...args, "--segment", segment], options.env);
    const timer = killAfter === null ? null : setTimeout(() => proc.kill("SIGKILL"), killAfter);
    const [code, stdout, stderr] = await Promise.all([proc.exited, new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
    if (timer) clearTimeout(timer);
    alive.delete(id);
    if (isBuild) buildsRunning--;
    let json: any = null;
    try {
      json = JSON.parse(stdout);
    } catch {
      // judged below
    }
    return { args, code, json, stdout, stderr, killed: proc.signalCode === "SIGKILL", start, end: performance.now(), tRef, inodeBefore };
  };

  /** Records a failed call; true when the answer is an ok JSON one worth checking. */
  const judge = (call: CallOutcome): boolean => {
    const failedBefore = result.failed.length;
    const what = `${call.args.slice(0, 2).join(" ")} ${call.args.slice(2).join(" ").slice(0, 60)} [${Math.round(call.start - started)}-${Math.round(call.end - started)} ms]`;
    if (call.killed) {
      result.kills++;
      if (call.args[1] === "build") result.buildsKilled++;
      note(`killed ${what}`);
      return false;
    }
    if (TRACE.test(call.stderr)) result.failed.push(`${what} → trace on stderr (exit ${call.code}): ${call.stderr.trim().split("\n").slice(0, 4).join(" | ").slice(0, 300)}`);
    else if (call.json === null) result.failed.push(`${what} → exit ${call.code}, stdout not JSON: ${JSON.stringify(call.stdout.slice(0, 200))} stderr ${JSON.stringify(call.stderr.slice(0, 200))}`);
    else if (call.code === 0 && call.json.status === "ok") return true;
    else if (call.code === 0) result.failed.push(`${what} → exit 0 without status ok: ${JSON.stringify(call.json).slice(0, 300)}`);
    else if (call.code !== 0 && call.json.status === "error" && DOCUMENTED_ERRORS.has(call.json.error_code)) {
      const reason = call.json.reason ?? call.json.errors?.[0]?.error_code ?? "";
      count(result.documentedErrors, `${call.args.slice(0, 2).join(" ")} ${call.json.error_code}${reason ? ` (${reason})` : ""}`);
      note(`error ${what}: ${call.json.error_code} ${reason} ${String(call.json.message ?? "").slice(0, 120)}`);
    } else result.failed.push(`${what} → exit ${call.code}: ${JSON.stringify(call.json).slice(0, 300)}`);
    if (result.failed.length > failedBefore) note(`FAILED ${result.failed.at(-1)}`);
    return false;
  };

  let lastClaim: { tRef: number; inode: number | null } | null = null;
  /** Compares the index with the files stable since `tRef`; returns the violations. */
  const compare = (files: Map<string, string>, tRef: number): string[] => {
    const problems: string[] = [];
    for (const state of states.values()) {
      if (state.changedAt >= tRef) continue;
      const indexed = files.get(state.rel);
      if (state.exists && indexed === undefined) problems.push(`missing ${state.rel}`);
      else if (state.exists && indexed !== sha16(state.text)) problems.push(`stale ${state.rel}`);
      else if (!state.exists && indexed !== undefined) problems.push(`deleted but indexed ${state.rel}`);
    }
    return problems;
  };
  const checkCoverage = (call: CallOutcome, kind: "build" | "search" | "get") => {
    const claim = kind === "get" ? lastClaim : { tRef: call.tRef, inode: call.inodeBefore };
    if (!claim) return void count(result.coverageSkipped, "get before any complete claim");
    const tRef = Math.min(claim.tRef, call.tRef);
    if (lastDamageAt >= tRef) return void count(result.coverageSkipped, "damage since tRef");
    const snapshot = readIndex(dbPath);
    const now = watchInode();
    if (typeof snapshot === "string") return void count(result.coverageSkipped, snapshot.startsWith("unreadable") ? "index unreadable" : snapshot);
    if (now !== claim.inode || now !== call.inodeBefore) return void count(result.coverageSkipped, "database replaced during the call");
    result.coverageChecks++;
    const problems = compare(snapshot.files, tRef);
    if (problems.length > 0) {
      const message = `${call.args.slice(0, 3).join(" ")} claimed complete (build state ${snapshot.build}); index holds ${snapshot.files.size} files, ${[...states.values()].filter((s) => s.exists).length} on disk; ${problems.length} violations: ${problems.slice(0, 3).join(", ")}; ${((call.start - lastDamageAt) / 1000).toFixed(1)} s after the last damage event`;
      result.incompleteClaimedComplete.push(message);
      note(`INCOMPLETE ${message}`);
    }
    if (kind !== "get") lastClaim = claim;
  };

  const ids: string[] = [];
  const remember = (id: string) => {
    if (ids.includes(id)) return;
    if (ids.length < 400) ids.push(id);
    else ids[random(ids.length)] = id;
  };
  const killDelay = (command: string) => (random(command === "build" ? 3 : 6) === 0 ? random(command === "build" ? Math.ceil(buildMs * 1.2) : 60) : null);

  const damageEvent = async () => {
    const kind = pick(["garbage", "truncate", "ff_leaf"] as const)!;
    const live = random(2) === 0;
    let release = () => {};
    if (live) {
      // Aimed at a build: damage found while a build writes its batches is the hard case.
      for (let waited = 0; buildsRunning === 0 && waited < 3000; waited += 20) await Bun.sleep(20);
      await Bun.sleep(random(Math.ceil(buildMs / 2)));
    } else {
      while (quiet) await quiet;
      quiet = new Promise((resolve) => (release = resolve));
      while (alive.size > 0) await Bun.sleep(5);
    }
    const done = damageDatabase(dbPath, kind, random);
    lastDamageAt = performance.now();
    count(result.damage.byKind, kind);
    if (live) result.damage.live++;
    else result.damage.quiet++;
    note(`damage (${live ? `live, ${alive.size} running, ${buildsRunning} builds` : "quiet"}): ${done}`);
    if (!live) {
      quiet = null;
      release();
    }
  };

  /**
   * The hard case on purpose: nothing else runs, most files change, and a third of the leaf pages
   * are overwritten late in the build that re-indexes them (while it looks up and stores ASTs).
   */
  const damageDuringBigBuild = async () => {
    while (quiet) await quiet;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    quiet = gate;
    while (alive.size > 0) await Bun.sleep(5);
    for (const state of states.values()) if (state.exists) put(state.rel, editedText(state.rel, state.text, ++state.renames * 1000 + serial, random(3)));
    result.massEdits++;
    // run() waits for no gate before its first await: open it for this one build only.
    quiet = null;
    const building = run(["ctx", "build"], null);
    quiet = gate;
    // Late: once the build has written its first batch (state `running`), or at the expected time.
    let finished = false;
    void building.then(() => (finished = true));
    for (const until = performance.now() + fullBuildMs * 2; !finished && performance.now() < until; await Bun.sleep(10)) {
      const seen = readIndex(dbPath);
      if (typeof seen !== "string" && seen.build === "running") break;
    }
    const done = damageDatabase(dbPath, "ff_leaf", random, 0.33);
    lastDamageAt = performance.now();
    count(result.damage.byKind, "ff_leaf during a big build");
    result.damage.live++;
    note(`damage during a big build: ${done}`);
    count(result.byCommand, "ctx build");
    const call = await building;
    if (judge(call)) note(`big build: indexed ${call.json.files.indexed}, ${Math.round(call.end - call.start)} ms`);
    quiet = null;
    release();
    // The claim that matters comes next: a search after that build.
    count(result.byCommand, "ctx search");
    const after = await run(["ctx", "search", query()], null);
    if (judge(after) && !after.json.index_incomplete && !after.json.stale) checkCoverage(after, "search");
  };

  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let c = 0; c < calls; c++) {
        const roll = random(100);
        const existing = [...states.values()].filter((s) => s.exists);
        if (roll < 8) {
          const state = pick(existing);
          if (!state) continue;
          put(state.rel, editedText(state.rel, state.text, ++state.renames * 1000 + serial, random(3)));
          result.edits++;
          note(`edit ${state.rel}`);
        } else if (roll < 10) {
          // A branch switch: most files change at once, so the next build writes several batches.
          for (const state of existing) if (random(10) < 7) put(state.rel, editedText(state.rel, state.text, ++state.renames * 1000 + serial, random(3)));
          result.massEdits++;
          note(`mass edit`);
        } else if (roll < 13) {
          const n = nextGenerated++;
          const rel = n % 3 === 0 ? `gen/new/mod${n}.ts` : n % 3 === 1 ? `gen/d${n % 6}/mod${n}.py` : `docs/new/guide${n}.md`;
          put(rel, rel.endsWith(".ts") ? generatedTypeScript(n) : rel.endsWith(".md") ? generatedMarkdown(n) : generatedPython(n));
          result.creations++;
          note(`create ${rel}`);
        } else if (roll < 16) {
          const state = pick(existing);
          if (!state || existing.length < 50) continue;
          remove(state);
          result.deletions++;
          note(`delete ${state.rel}`);
        } else if (roll < 18) {
          await damageEvent();
        } else if (roll < 19) {
          await damageDuringBigBuild();
        } else if (roll < 21) {
          const args = random(2) === 0 ? ["ast", "cache-verify", "--repair"] : ["ast", "cache-verify"];
          count(result.byCommand, args.join(" "));
          const call = await run(args, null);
          if (judge(call)) note(`verify: clean=${call.json.clean} repaired=${call.json.repaired}`);
        } else if (roll < 31) {
          count(result.byCommand, "ctx build");
          const call = await run(["ctx", "build"], killDelay("build"));
          if (judge(call)) {
            buildMs = 0.7 * buildMs + 0.3 * (call.end - call.start);
            if (call.json.files.indexed > 200) fullBuildMs = 0.5 * fullBuildMs + 0.5 * (call.end - call.start);
            note(`build: indexed ${call.json.files.indexed}, unchanged ${call.json.files.unchanged}, removed ${call.json.files.removed}, ${Math.round(call.end - call.start)} ms`);
            checkCoverage(call, "build");
          }
        } else if (roll >= 62 && roll < 66 && ids.some(isDefinitionId)) {
          // The uses of a definition an earlier search found: each must point at its name in the file,
          // when the file has not changed since the call began.
          count(result.byCommand, "ctx refs");
          const call = await run(["ctx", "refs", pick(ids.filter(isDefinitionId))!], killDelay("search"));
          if (!judge(call)) continue;
          for (const use of call.json.references ?? []) {
            const state = states.get(use.file);
            if (!state?.exists || state.changedAt >= call.start) continue;
            result.usesChecked++;
            const line = state.text.split("\n")[use.line - 1];
            if (line === undefined || (use.name !== "*" && !line.slice(use.col - 1).startsWith(use.name))) result.wrongAnswers.push(`refs: ${use.file}:${use.line}:${use.col} ${use.name} is not on that line: ${JSON.stringify(line?.slice(0, 80))}`);
          }
        } else if (roll >= 66 && roll < 68) {
          count(result.byCommand, "ctx map");
          const budget = 50 + random(2000);
          const call = await run(["ctx", "map", "--budget", String(budget)], killDelay("search"));
          if (judge(call) && (call.json.used_tokens > budget || Math.ceil(call.json.map.length / 4) !== call.json.used_tokens)) result.wrongAnswers.push(`map --budget ${budget}: ${call.json.used_tokens} tokens`);
        } else if (roll < 62 || ids.length === 0) {
          count(result.byCommand, "ctx search");
          const call = await run(["ctx", "search", query(), "--limit", String(1 + random(15))], killDelay("search"));
          if (!judge(call)) continue;
          for (const hit of call.json.hits ?? []) {
            result.hitsChecked++;
            const problem = hitProblem(hit, states.get(hit.file_rel));
            if (problem) result.wrongAnswers.push(`search ${JSON.stringify(call.json.query)}: ${problem}`);
            remember(hit.id);
            if (random(4) === 0) remember(hit.file_rel);
          }
          if (!call.json.index_incomplete && !call.json.stale) checkCoverage(call, "search");
        } else {
          count(result.byCommand, "ctx get");
          const asked = Array.from({ length: 1 + random(3) }, () => pick(ids)!);
          const mode = pick(["skeleton", "excerpt", "raw"] as const)!;
          const budget = random(4) === 0 ? ["--budget", String(50 + random(400))] : [];
          const call = await run(["ctx", "get", ...asked, "--mode", mode, ...budget], killDelay("get"));
          if (!judge(call)) continue;
          for (const piece of call.json.pieces ?? []) {
            result.piecesChecked++;
            const rel = String(piece.citation).replace(/:\d+-\d+$/, "");
            const problem = pieceProblem(piece, states.get(rel));
            if (problem) result.wrongAnswers.push(`get ${piece.id} --mode ${mode} (${piece.citation}, ${piece.content_hash}): ${problem}`);
          }
          if (!call.json.index_incomplete) checkCoverage(call, "get");
        }
      }
    }),
  );

  // Final: nothing runs; one build, then the index against every file on disk.
  const build = await run(["ctx", "build"], null);
  result.final.build = build.killed ? "killed" : build.code === 0 ? `ok (indexed ${build.json?.files?.indexed}, removed ${build.json?.files?.removed})` : `exit ${build.code}: ${build.stdout.slice(0, 300)}`;
  if (build.code !== 0 || TRACE.test(build.stderr)) result.failed.push(`final ctx build → ${result.final.build} ${build.stderr.slice(0, 200)}`);
  const snapshot = readIndex(dbPath);
  result.final.onDisk = [...states.values()].filter((s) => s.exists).length;
  if (typeof snapshot === "string") result.final.violations.push(`final index ${snapshot}`);
  else {
    result.final.indexed = snapshot.files.size;
    result.final.violations.push(...compare(snapshot.files, Number.POSITIVE_INFINITY));
    for (const rel of snapshot.files.keys()) if (!states.has(rel)) result.final.violations.push(`indexed but never written ${rel}`);
    if (snapshot.build !== "complete") result.final.violations.push(`build state ${snapshot.build} after a finished build`);
  }
  const verify = await run(["ast", "cache-verify"], null);
  result.final.verify = verify.json?.clean === true ? "clean" : `exit ${verify.code}: ${JSON.stringify(verify.json)?.slice(0, 300)}`;
  result.seconds = Math.round((performance.now() - started) / 100) / 10;
  if (options.keep) writeFileSync(join(scratch, "events.log"), `${log.join("\n")}\n`);
  else rmSync(scratch, { recursive: true, force: true });
  return result;
}

function ctxReport(r: CtxSoakResult): string {
  const damage = r.damage.quiet + r.damage.live;
  const violations = r.incompleteClaimedComplete.length + (r.final.violations.length > 0 ? 1 : 0);
  const lines = [
    "| workers | calls each | files | processes | kills (builds) | edits (mass) / creations / deletions | damage events (quiet / live) | failed calls | documented errors | pieces / hits / uses checked | wrong answers | coverage checks (skipped) | incomplete claimed complete (during / final) | DB replaced | seconds |",
    "|---:|---:|---:|---:|---:|---|---|---:|---:|---|---:|---|---|---:|---:|",
    `| ${r.workers} | ${r.calls} | ${r.files} | ${r.processes} | ${r.kills} (${r.buildsKilled}) | ${r.edits} (${r.massEdits}) / ${r.creations} / ${r.deletions} | ${damage} (${r.damage.quiet} / ${r.damage.live}) | ${r.failed.length} | ${Object.values(r.documentedErrors).reduce((a, b) => a + b, 0)} | ${r.piecesChecked} / ${r.hitsChecked} / ${r.usesChecked} | ${r.wrongAnswers.length} | ${r.coverageChecks} (${Object.values(r.coverageSkipped).reduce((a, b) => a + b, 0)}) | ${violations} (${r.incompleteClaimedComplete.length} / ${r.final.violations.length}) | ${r.dbReplacements} | ${r.seconds} |`,
    "",
    `calls: ${JSON.stringify(r.byCommand)}; damage: ${JSON.stringify(r.damage.byKind)}; coverage skipped: ${JSON.stringify(r.coverageSkipped)}`,
    `final: build ${r.final.build}; index ${r.final.indexed} files, ${r.final.onDisk} on disk; cache-verify ${r.final.verify}`,
  ];
  for (const [key, n] of Object.entries(r.documentedErrors).sort((a, b) => b[1] - a[1])) lines.push(`documented error: ${n} × ${key}`);
  for (const f of r.failed.slice(0, 15)) lines.push(`failed: ${f}`);
  for (const w of r.wrongAnswers.slice(0, 15)) lines.push(`wrong: ${w}`);
  for (const i of r.incompleteClaimedComplete.slice(0, 15)) lines.push(`incomplete claimed complete: ${i}`);
  for (const v of r.final.violations.slice(0, 15)) lines.push(`final: ${v}`);
  if (r.scratch) lines.push(`kept: ${r.scratch} (segment in seg/, timeline in events.log)`);
  return lines.join("\n");
}

if (import.meta.main) {
  const flags = process.argv.slice(2);
  const flag = (name: string) => {
    const at = flags.indexOf(name);
    return at === -1 ? undefined : flags.splice(at, 2)[1];
  };
  const phase = flag("--phase") ?? "ast";
  const seed = flag("--seed");
  const keep = flags.includes("--keep");
  const positional = flags.filter((f) => !f.startsWith("--"));
  if (!["ast", "ctx", "all"].includes(phase)) {
    console.error("usage: bun bench/soak.ts [workers] [calls] [--phase ast|ctx|all] [--seed N] [--keep]");
    process.exit(2);
  }
  const workers = Number(positional[0] ?? 8);
  const calls = Number(positional[1] ?? 100);
  let passed = true;
  if (phase !== "ctx") {
    const r = await runSoak(workers, calls, seed === undefined ? {} : { seed: Number(seed) });
    const hitRate = r.answersChecked === 0 ? 0 : r.hits / r.answersChecked;
    console.log(
      `| workers | calls each | kills | failures | answers checked | wrong answers | hit rate | cache-verify | seconds |\n|---:|---:|---:|---:|---:|---:|---:|---|---:|\n` +
        `| ${r.workers} | ${r.calls} | ${r.kills} | ${r.failures.length} | ${r.answersChecked} | ${r.wrongAnswers} | ${(100 * hitRate).toFixed(1)}% | ${r.verifyClean ? "clean" : "DAMAGED"} | ${r.seconds} |`,
    );
    for (const failure of r.failures.slice(0, 10)) console.log(`failure: ${failure}`);
    passed &&= r.failures.length === 0 && r.wrongAnswers === 0 && r.verifyClean;
  }
  if (phase !== "ast") {
    if (phase === "all") console.log("");
    const r = await runCtxSoak(workers, calls, { ...(seed === undefined ? {} : { seed: Number(seed) }), keep });
    console.log(ctxReport(r));
    passed &&= r.failed.length === 0 && r.wrongAnswers.length === 0 && r.incompleteClaimedComplete.length === 0 && r.final.violations.length === 0;
  }
  process.exit(passed ? 0 : 1);
}
