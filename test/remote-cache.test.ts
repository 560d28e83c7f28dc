/**
 * The team cache (issue 17) against a real server: Debian's nginx with WebDAV (test/nginx.ts), and a
 * small Bun proxy in front of it where a test needs a server that is slow or stops mid-build.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stdlibDir } from "../scripts/python-agreement.ts";
import { Database } from "bun:sqlite";
import { expectedDbPath, freshDir, makeSegment, REPO, runCli, spawnCli, finished, type CliRun } from "./helpers.ts";
import { startNginx, type Nginx } from "./nginx.ts";

/**
 * Real code nobody here wrote, from what every machine that runs the tests has: Python's email package,
 * TypeScript's ES2015 declaration files, citty's bundle.
 */
function realTree(): string {
  const root = makeSegment({});
  cpSync(join(stdlibDir(), "email"), join(root, "email"), { recursive: true });
  mkdirSync(join(root, "lib"));
  const lib = join(REPO, "node_modules/typescript/lib");
  for (const name of readdirSync(lib).filter((n) => /^lib\.es2015\..*\.d\.ts$/.test(n))) cpSync(join(lib, name), join(root, "lib", name));
  cpSync(join(REPO, "node_modules/citty/dist/index.mjs"), join(root, "citty.mjs"));
  return root;
}

/** A copy of a segment elsewhere: another machine's checkout. */
function copyOf(root: string): string {
  const copy = makeSegment({});
  for (const name of readdirSync(root)) if (name !== ".trifecta") cpSync(join(root, name), join(copy, name), { recursive: true });
  return copy;
}

const LANGUAGE_OF: Record<string, string> = { py: "python", ts: "typescript", mjs: "javascript" };

function sourceFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).filter((rel) => !rel.startsWith(".trifecta") && (rel.split(".").pop() ?? "") in LANGUAGE_OF).sort();
}

/**
 * A user of its own: a HOME nobody else uses. A generous time-out, so a loaded test machine is not
 * taken for a failing server (the slow-server test sets its own).
 */
const machine = (env: Record<string, string> = {}) => ({ HOME: freshDir(), TRIFECTA_REMOTE_CACHE_TIMEOUT_MS: "10000", ...env });

/** `ast symbols` of a file without what depends on the machine (where the segment and its cache are, and how it was answered). */
function portableAnswer(root: string, rel: string, env: Record<string, string>): { answer: Record<string, unknown>; run: CliRun } {
  const run = runCli(["ast", "symbols", `sym://${LANGUAGE_OF[rel.split(".").pop()!]}/file/${rel}`, "--segment", root], { env });
  expect(run.exitCode).toBe(0);
  const { segment_root: _root, cache_db_path: _db, cache_status: _status, miss_reason: _reason, ...answer } = run.json;
  return { answer, run };
}

/** Every AST cache row of a segment (key → the stored JSON): what any later answer is made from. */
/** Keys whose stored checksum is not the first 16 hex of their value's sha256 (what a lookup checks). */
function badChecksums(root: string): string[] {
  const db = new Database(expectedDbPath(root), { readonly: true });
  try {
    const rows = db.query("SELECT key, value, checksum FROM cache").all() as { key: string; value: string; checksum: string }[];
    return rows.filter((r) => new Bun.CryptoHasher("sha256").update(r.value).digest("hex").slice(0, 16) !== r.checksum).map((r) => r.key);
  } finally {
    db.close();
  }
}

function cacheRows(root: string): Map<string, string> {
  const db = new Database(expectedDbPath(root), { readonly: true });
  try {
    return new Map((db.query("SELECT key, value FROM cache ORDER BY key").all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  } finally {
    db.close();
  }
}

async function cli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return finished(spawnCli(args, env));
}

/**
 * A proxy to nginx: delays every answer, or stops (nginx and itself) once it has served `stopAfter`
 * requests (those already forwarded are answered first). Counts what it received.
 */
function proxy(target: string, options: { delayMs?: number; stopAfter?: number; onStop?: () => Promise<void> }) {
  let received = 0;
  let stopping: Promise<void> | null = null;
  const forwarding = new Set<Promise<Response>>();
  const forward = async (request: Request) => {
    const url = new URL(request.url);
    const body = request.method === "PUT" ? await request.arrayBuffer() : undefined;
    try {
      const answer = await fetch(`${target}${url.pathname}`, { method: request.method, headers: request.headers, body });
      return new Response(request.method === "HEAD" ? null : await answer.arrayBuffer(), { status: answer.status });
    } catch {
      return new Response(null, { status: 502 });
    }
  };
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    idleTimeout: 30,
    async fetch(request) {
      received++;
      if (options.stopAfter !== undefined && received > options.stopAfter) {
        stopping ??= (async () => {
          await Promise.all(forwarding);
          await options.onStop?.();
          server.stop(true);
        })();
        await stopping;
        return new Response(null, { status: 503 });
      }
      if (options.delayMs) await Bun.sleep(options.delayMs);
      const answer = forward(request);
      forwarding.add(answer);
      void answer.finally(() => forwarding.delete(answer));
      return answer;
    },
  });
  return { url: `http://127.0.0.1:${server.port}`, received: () => received, stop: () => server.stop(true) };
}

const puts = (nginx: Nginx) => nginx.requests().filter((line) => line.startsWith("PUT ")).length;

let nginx: Nginx;
let treeA: string;
let files: string[];
let answersA: Map<string, Record<string, unknown>>;
let buildA: any;
let rowsA: Map<string, string>;

beforeAll(async () => {
  nginx = await startNginx();
  treeA = realTree();
  files = sourceFiles(treeA);
  // Machine A (CI) builds and uploads; the command ends only when its uploads are done (or dropped).
  const built = await cli(["ctx", "build", "--segment", treeA, "--remote-cache", nginx.url], machine({ TRIFECTA_REMOTE_CACHE_MODE: "readwrite" }));
  expect(built.exitCode).toBe(0);
  buildA = built.json;
  // The CLI's answers for two files of each language (the cache rows, compared whole, cover every file).
  const sample = Object.keys(LANGUAGE_OF).flatMap((ext) => files.filter((rel) => rel.endsWith(`.${ext}`)).slice(0, 2));
  answersA = new Map(sample.map((rel) => [rel, portableAnswer(treeA, rel, machine()).answer]));
  rowsA = cacheRows(treeA);
});

afterAll(async () => {
  await nginx?.stop();
});

describe("remote cache over nginx WebDAV", () => {
  test("machine A's build fills the server: one ac/ manifest and a cas/ blob per parsed file", () => {
    expect(buildA.remote.misses).toBe(files.length);
    expect(buildA.remote.uploads_queued).toBe(files.length);
    expect(readdirSync(join(nginx.root, "ac")).length).toBe(files.length);
    const blobs = readdirSync(join(nginx.root, "cas"));
    for (const blob of blobs) expect(new Bun.CryptoHasher("sha256").update(readFileSync(join(nginx.root, "cas", blob))).digest("hex")).toBe(blob);
    // The address is of the content, language and extractor, never of a path of the machine.
    const manifest = JSON.parse(readFileSync(join(nginx.root, "ac", readdirSync(join(nginx.root, "ac"))[0]!), "utf8"));
    expect(Object.keys(manifest)).toEqual(["format", "language", "extractor", "content_sha256", "cas", "size"]);
    expect(JSON.stringify(manifest)).not.toContain(treeA);
  });

  test("machine B (another path, another HOME, read mode) answers every file byte-identically with 0 parses, and never PUTs", async () => {
    const treeB = copyOf(treeA);
    const env = machine({ TRIFECTA_REMOTE_CACHE: nginx.url });
    const putsBefore = puts(nginx);
    const built = await cli(["ctx", "build", "--segment", treeB], env);
    expect(built.exitCode).toBe(0);
    expect(built.json.remote).toMatchObject({ hits: files.length, misses: 0, rejected: 0, errors: 0 });
    // Every file came from a cache: nothing was parsed.
    expect(built.json.cache_hits).toBe(files.length);
    expect(built.json.workers).toBe(0);
    expect(built.json.symbols).toBe(buildA.symbols);
    expect(cacheRows(treeB)).toEqual(rowsA);
    // A fetched entry's checksum is its blob's CAS address cut short, not computed again: the one a lookup checks.
    expect(badChecksums(treeB)).toEqual([]);
    for (const [rel, answer] of answersA) expect(portableAnswer(treeB, rel, env).answer).toEqual(answer);
    const stats = runCli(["ast", "cache-stats", "--segment", treeB], { env }).json.stats;
    expect(stats.remote).toMatchObject({ hits: files.length, misses: 0, errors: 0, uploads: 0 });
    expect(stats.remote.bytes_in).toBeGreaterThan(0);

    // A third machine asks one module straight away: the answer comes from the server.
    const treeC = copyOf(treeA);
    const one = runCli(["ast", "symbols", "sym://python/mod/email.message", "--segment", treeC, "--remote-cache", nginx.url], { env: machine() });
    expect([one.json.cache_status, one.json.miss_reason]).toEqual(["hit", "remote_hit"]);
    // A file the server does not have is parsed; in read mode nothing is uploaded.
    writeFileSync(join(treeC, "new_module.py"), "def fresh():\n    return 1\n");
    const parsed = runCli(["ast", "symbols", "sym://python/mod/new_module", "--segment", treeC], { env: machine({ TRIFECTA_REMOTE_CACHE: nginx.url }) });
    expect([parsed.json.cache_status, parsed.json.symbols.length]).toEqual(["miss", 1]);
    expect(puts(nginx)).toBe(putsBefore);
  });

  test("corrupt, truncated and foreign entries served by the server are counted, logged and parsed locally", async () => {
    const treeD = copyOf(treeA);
    const env = machine({ TRIFECTA_REMOTE_CACHE: nginx.url, TRIFECTA_TELEMETRY_LEVEL: "lite" });
    const manifests = readdirSync(join(nginx.root, "ac")).sort();
    const manifestOf = (name: string) => JSON.parse(readFileSync(join(nginx.root, "ac", name), "utf8"));
    const saved = new Map<string, Buffer>();
    const tamper = (path: string, bytes: Uint8Array | string) => {
      saved.set(path, readFileSync(path));
      writeFileSync(path, bytes);
    };
    // Entries whose blob no other entry shares, so each change below touches one file: a blob with a
    // byte changed (same length), a blob cut short, a manifest answering for another file.
    const uses = new Map<string, number>();
    for (const name of manifests) uses.set(manifestOf(name).cas, (uses.get(manifestOf(name).cas) ?? 0) + 1);
    const [flipped, cut, foreign, other, notText] = manifests.filter((name) => uses.get(manifestOf(name).cas) === 1);
    const flippedBlob = join(nginx.root, "cas", manifestOf(flipped!).cas);
    tamper(flippedBlob, readFileSync(flippedBlob, "utf8").replace(/"parse_errors":(\d)/, (_m, d) => `"parse_errors":${(Number(d) + 1) % 10}`));
    const cutBlob = join(nginx.root, "cas", manifestOf(cut!).cas);
    tamper(cutBlob, readFileSync(cutBlob).subarray(0, 10));
    tamper(join(nginx.root, "ac", foreign!), JSON.stringify(manifestOf(other!)));
    // A manifest naming, by its true sha256 and size, a blob that is not UTF-8 (a byte 0xFF in a name).
    const textBlob = readFileSync(join(nginx.root, "cas", manifestOf(notText!).cas));
    const badBytes = Buffer.from(textBlob);
    badBytes[badBytes.indexOf('"name":"') + 8] = 0xff;
    const badCas = new Bun.CryptoHasher("sha256").update(badBytes).digest("hex");
    writeFileSync(join(nginx.root, "cas", badCas), badBytes);
    tamper(join(nginx.root, "ac", notText!), JSON.stringify({ ...manifestOf(notText!), cas: badCas, size: badBytes.length }));
    try {
      const built = await cli(["ctx", "build", "--segment", treeD], env);
      expect(built.exitCode).toBe(0);
      expect(built.json.remote.rejected).toBe(4);
      expect(built.json.remote.hits).toBe(files.length - 4);
      expect(built.json.cache_hits).toBe(files.length - 4);
      expect(built.stderr).toContain("4 entries rejected");
      const events = readFileSync(join(treeD, "_ctx", "telemetry", "events.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
      expect(events.filter((e) => e.cmd === "ast.cache.remote_rejected").map((e) => e.result.problem).sort()).toEqual(["checksum", "foreign", "malformed", "truncated"]);
      const report = runCli(["telemetry", "report", "--segment", treeD, "--json"], { env }).json;
      expect(report.remote).toMatchObject({ hits: files.length - 4, misses: 0, rejected: 4, errors: 0 });
      expect(report.remote.bytes_in).toBe(events.find((e) => e.cmd === "ast.cache.remote").result.bytes_in);
      // What was parsed here is what A parsed: the cache holds the same bytes for every file.
      expect(cacheRows(treeD)).toEqual(rowsA);
    } finally {
      for (const [path, bytes] of saved) writeFileSync(path, bytes);
    }
  });

  test("a server stopped mid-build: the build finishes, complete and correct, with what it got", async () => {
    const server = await startNginx();
    try {
      // Filled with machine A's entries; stopped once every manifest and half the blobs were served.
      cpSync(nginx.root, server.root, { recursive: true });
      const front = proxy(server.url, { stopAfter: files.length + Math.floor(files.length / 2), onStop: () => server.stop() });
      const treeE = copyOf(treeA);
      const built = await cli(["ctx", "build", "--segment", treeE, "--remote-cache", front.url], machine());
      expect(built.exitCode).toBe(0);
      expect(built.json.failed).toEqual([]);
      expect(built.json.remote.hits).toBeGreaterThan(0);
      expect(built.json.remote.hits).toBeLessThan(files.length);
      expect(built.json.remote.errors).toBeGreaterThan(0);
      expect(built.json.files.indexed).toBe(buildA.files.indexed);
      expect(built.json.symbols).toBe(buildA.symbols);
      expect(cacheRows(treeE)).toEqual(rowsA);
    } finally {
      if (existsSync(server.root)) await server.stop();
    }
  });

  test("a slow server: each request times out, the breaker opens after 3 failures, every file is parsed", async () => {
    // More files than requests in flight at once (64), so the open breaker shows in what the server received.
    const many = makeSegment(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`m${i}.py`, `def f${i}(x):\n    return x + ${i}\n`])));
    const slow = proxy(nginx.url, { delayMs: 3000 });
    try {
      const env = machine({ TRIFECTA_REMOTE_CACHE: slow.url, TRIFECTA_REMOTE_CACHE_TIMEOUT_MS: "200" });
      const built = await cli(["ctx", "build", "--segment", many], env);
      expect(built.exitCode).toBe(0);
      expect(built.json.files.indexed).toBe(100);
      expect(built.json.symbols).toBe(100);
      expect(built.json.remote.hits).toBe(0);
      expect(built.json.remote.errors).toBeGreaterThanOrEqual(3);
      expect(built.json.remote.skipped).toBeGreaterThan(0);
      expect(slow.received()).toBeLessThan(100);
      expect(built.stderr).toContain("requests failed");
      // One-shot: the answer is complete, parsed locally.
      const one = runCli(["ast", "symbols", "sym://python/mod/m7", "--segment", makeSegment({ "m7.py": "def f7(x):\n    return x + 7\n" })], { env });
      expect([one.exitCode, one.json.cache_status, one.json.symbols[0].name]).toEqual([0, "miss", "f7"]);
      expect(one.stderr).toContain("1 requests failed");
    } finally {
      slow.stop();
    }
  });
});

describe("remote cache with an auth header", () => {
  test("a wrong header is refused and costs nothing but the parse; the header is never printed or logged", async () => {
    const secret = "s3cret-token-for-test";
    const guarded = await startNginx({ bearer: secret });
    try {
      const tree = makeSegment({ "a.py": "def a():\n    pass\n", "b.py": "class B:\n    def m(self):\n        pass\n" });
      const writer = await cli(["ctx", "build", "--segment", tree], machine({ TRIFECTA_REMOTE_CACHE: guarded.url, TRIFECTA_REMOTE_CACHE_MODE: "readwrite", TRIFECTA_REMOTE_CACHE_HEADER: `Authorization: Bearer ${secret}` }));
      expect(writer.json.remote.misses).toBe(2);
      expect(readdirSync(join(guarded.root, "ac")).length).toBe(2);

      const wrong = "Authorization: Bearer not-the-token";
      const reader = copyOf(tree);
      const env = machine({ TRIFECTA_REMOTE_CACHE: guarded.url, TRIFECTA_REMOTE_CACHE_HEADER: wrong, TRIFECTA_TELEMETRY_LEVEL: "full" });
      const refused = await cli(["ctx", "build", "--segment", reader], env);
      expect(refused.exitCode).toBe(0);
      expect(refused.json.remote).toMatchObject({ hits: 0, errors: 2 });
      expect(refused.json.symbols).toBe(3);
      const one = runCli(["ast", "symbols", "sym://python/mod/a", "--segment", copyOf(tree)], { env });
      expect(one.json.cache_status).toBe("miss");
      const telemetry = readFileSync(join(reader, "_ctx", "telemetry", "events.jsonl"), "utf8");
      expect(telemetry).toContain('"reason":"auth"');
      for (const output of [refused.stdout, refused.stderr, one.stdout, one.stderr, telemetry]) {
        expect(output).not.toContain("not-the-token");
        expect(output).not.toContain(secret);
      }

      // A bad URL is a usage error that does not echo what was given (a URL may carry credentials).
      const badUrl = runCli(["ast", "symbols", "sym://python/mod/a", "--segment", tree, "--remote-cache", "ftp://user:pw-in-url@host/x"], { env: machine() });
      expect([badUrl.exitCode, badUrl.json.error_code]).toEqual([2, "USAGE_ERROR"]);
      expect(badUrl.stdout + badUrl.stderr).not.toContain("pw-in-url");

      const right = await cli(["ctx", "build", "--segment", copyOf(tree)], machine({ TRIFECTA_REMOTE_CACHE: guarded.url, TRIFECTA_REMOTE_CACHE_HEADER: `Authorization: Bearer ${secret}` }));
      expect(right.json.remote).toMatchObject({ hits: 2, errors: 0 });
    } finally {
      await guarded.stop();
    }
  });
});

describe("ast cache-export / cache-import", () => {
  test("an archive carries every entry to another machine; a tampered entry, a foreign extractor and a file that is no archive are refused", () => {
    const dir = freshDir();
    const archive = join(dir, "ast-cache.jsonl.gz");
    const exported = runCli(["ast", "cache-export", archive, "--segment", treeA], { env: machine() });
    expect(exported.exitCode).toBe(0);
    expect(exported.json.entries).toBe(files.length);
    const lines = new TextDecoder().decode(Bun.gunzipSync(readFileSync(archive))).split("\n").filter(Boolean);
    expect(JSON.parse(lines[0]!)).toEqual({ format: "trifecta-ast-archive/1", entries: files.length });
    expect(lines.join("\n")).not.toContain(treeA);

    const treeF = copyOf(treeA);
    const imported = runCli(["ast", "cache-import", archive, "--segment", treeF], { env: machine() });
    expect(imported.json).toMatchObject({ status: "ok", entries: files.length, imported: files.length, rejected: { checksum: 0, foreign: 0, malformed: 0 } });
    expect(cacheRows(treeF)).toEqual(rowsA);
    const [rel, expected] = [...answersA][0]!;
    const { answer, run } = portableAnswer(treeF, rel, machine());
    expect([run.json.cache_status, run.json.miss_reason]).toEqual(["hit", "cache_hit"]);
    expect(answer).toEqual(expected);

    // One value changed under its checksum, one entry of an extractor this build does not have.
    const entries = lines.slice(1).map((l) => JSON.parse(l));
    entries[0].value = entries[0].value.replace(/"parse_errors":(\d)/, (_m: string, d: string) => `"parse_errors":${(Number(d) + 1) % 10}`);
    entries[1].extractor = "000000000000";
    const tampered = join(dir, "tampered.jsonl.gz");
    writeFileSync(tampered, Bun.gzipSync(new TextEncoder().encode([lines[0], ...entries.map((e) => JSON.stringify(e))].join("\n"))));
    const treeG = copyOf(treeA);
    const checked = runCli(["ast", "cache-import", tampered, "--segment", treeG], { env: machine() });
    expect(checked.json).toMatchObject({ entries: files.length, imported: files.length - 2, rejected: { checksum: 1, foreign: 1, malformed: 0 } });
    // The two refused files are parsed when asked, to the same bytes as everyone else's.
    for (const refused of entries.slice(0, 2)) expect(portableAnswer(treeG, refused.file_rel, machine()).run.json.cache_status).toBe("miss");
    expect(cacheRows(treeG)).toEqual(rowsA);

    writeFileSync(join(dir, "not-an-archive"), "hello");
    const refused = runCli(["ast", "cache-import", join(dir, "not-an-archive"), "--segment", treeG], { env: machine() });
    expect([refused.exitCode, refused.json.error_code]).toEqual([1, "ARCHIVE_INVALID"]);
  });
});
