import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, expectedDbPath, finished, makeSegment, pythonModule, spawnCli } from "./helpers.ts";

const ctx = (segment: string, ...args: string[]) => cli(["ctx", ...args, "--segment", segment]);

/** Runs `sql` on the segment's database file, as an older binary or damage would have left it. */
function alterDatabase(segment: string, sql: string): void {
  const db = new Database(expectedDbPath(segment));
  db.exec(sql);
  db.close();
}

function project(): string {
  const segment = makeSegment({
    "app/billing.py": 'class Invoice:\n    """An invoice for a customer."""\n\n    def total_amount(self, tax_rate: float) -> float:\n        """Sum of the lines with tax."""\n        return 0.0\n\n\ndef send_reminder(invoice):\n    """Email a payment reminder."""\n    pass\n',
    "app/http_client.ts": "/** Fetch JSON over HTTP with retries. */\nexport async function fetchJsonWithRetry(url: string, tries = 3): Promise<unknown> {\n  return null;\n}\n\nexport class RetryPolicy {\n  delayFor(attempt: number): number {\n    return attempt * 100;\n  }\n}\n",
    "docs/guide.md": "# Guide\n\nIntro text.\n\n## Installing the service\n\nRun the installer and configure the database connection.\n\n## Troubleshooting\n\nCheck the logs.\n",
    "node_modules/dep/index.js": "function vendored() {}\n",
    "generated/out.py": "def generated_code(): pass\n",
    "scratch/notes.py": "def scratch_only(): pass\n",
    "assets/logo.py": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]),
    ".gitignore": "generated/\n",
    ".trifectaignore": "scratch/\n",
    "README.txt": "not indexed\n",
  });
  const outside = makeSegment({ "leak.py": "def leaked(): pass\n" });
  symlinkSync(join(outside, "leak.py"), join(segment, "app", "leak.py"));
  return segment;
}

/**
 * One built project for the tests that only read it (searches, gets, usage errors): a build of it costs ~0.7 s of
 * CPU (loading the Python and TypeScript grammars), once instead of in nine tests.
 */
let shared: Promise<string> | undefined;
function builtProject(): Promise<string> {
  shared ??= (async () => {
    const segment = project();
    expect((await ctx(segment, "build")).exitCode).toBe(0);
    return segment;
  })();
  return shared;
}

describe("ctx build", () => {
  test.concurrent("walks the segment honouring ignore files, skipping dependencies, binaries and links out", async () => {
    const segment = project();
    const run = await ctx(segment, "build");
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.json.files).toMatchObject({ indexed: 3, unchanged: 0, removed: 0 });
    expect(run.json.files.skipped).toMatchObject({ symlink_outside: 1, binary: 1, unsupported: 3 });
    // Which extensions those are: README.txt, .gitignore, .trifectaignore.
    expect(run.json.files.unsupported_extensions).toEqual({ ".gitignore": 1, ".trifectaignore": 1, ".txt": 1 });
    expect(run.json.files.skipped).toMatchObject({ ignored: 2, tool_dir: 2 }); // generated/, scratch/; node_modules/, .trifecta/
    expect(run.json.symbols).toBe(6);
    expect(run.json.sections).toBe(3);
    const ids = (await ctx(segment, "search", "vendored generated scratch leaked", "--limit", "50")).json.hits.map((h: any) => h.id);
    expect(ids).toEqual([]);
  });

  test.concurrent("virtualenvs are skipped by what they hold, not by name: a source package called venv is indexed", async () => {
    const segment = makeSegment({
      "venv/__init__.py": "def create_environment(path):\n    pass\n",
      ".venv/pyvenv.cfg": "home = /usr/bin\n",
      ".venv/lib/python3.11/site-packages/dep.py": "def third_party_helper():\n    pass\n",
      "env/bin/activate": "# old virtualenv\n",
      "env/lib/python2.7/site-packages/old.py": "def old_helper():\n    pass\n",
    });
    const run = (await ctx(segment, "build")).json;
    expect(run.files.indexed).toBe(1);
    expect(run.files.skipped).toMatchObject({ virtualenv: 2, tool_dir: 1 }); // .venv/, env/; trifecta's own .trifecta/
    expect((await ctx(segment, "search", "create_environment")).json.hits[0].id).toBe("venv/__init__.py#create_environment");
    expect((await ctx(segment, "search", "third_party_helper old_helper")).json.hits).toEqual([]);
  });

  test.concurrent("incremental: unchanged files cost no parse; edits, deletions and renames are followed", async () => {
    const segment = project();
    await ctx(segment, "build");
    expect((await ctx(segment, "build")).json.files).toMatchObject({ indexed: 0, unchanged: 3, removed: 0 });
    writeFileSync(join(segment, "app/billing.py"), "def refund(order):\n    pass\n");
    renameSync(join(segment, "app/http_client.ts"), join(segment, "app/client.ts"));
    rmSync(join(segment, "docs/guide.md"));
    const run = await ctx(segment, "build");
    expect(run.json.files).toMatchObject({ indexed: 2, unchanged: 0, removed: 2 });
    expect(run.json.sections).toBe(0);
    const hits = (await ctx(segment, "search", "fetchJsonWithRetry")).json.hits;
    expect(hits[0].id).toBe("app/client.ts#fetchJsonWithRetry");
    expect((await ctx(segment, "search", "send_reminder")).json.hits.map((h: any) => h.id)).not.toContain("app/billing.py#send_reminder");
  });

  test.concurrent("worker threads (TRIFECTA_CTX_WORKERS=2) index exactly what the main thread alone (=0) does, over several batches", async () => {
    // 450 files: nine batches, so the pipeline writes one batch while the next is parsed.
    const files = Object.fromEntries(Array.from({ length: 450 }, (_, i) => [`pkg/m${i}.py`, `class C${i}:\n    def run_${i}(self, x):\n        """Run ${i}."""\n        return x\n`]));
    const one = makeSegment(files);
    const two = makeSegment(files);
    const single = (await cli(["ctx", "build", "--segment", one], { env: { TRIFECTA_CTX_WORKERS: "0" } })).json;
    const threaded = (await cli(["ctx", "build", "--segment", two], { env: { TRIFECTA_CTX_WORKERS: "2" } })).json;
    expect(single.workers).toBe(0);
    expect(threaded.workers).toBe(2);
    expect(threaded.files.indexed).toBe(450);
    expect(threaded.symbols).toBe(single.symbols);
    expect(threaded.symbols).toBe(900);
    for (const id of ["pkg/m7.py", "pkg/m449.py"]) {
      const skeleton = async (seg: string) => (await ctx(seg, "get", id, "--mode", "skeleton")).json.pieces[0].content;
      expect(await skeleton(two)).toBe(await skeleton(one));
    }
    expect((await ctx(two, "search", "run_449")).json.hits[0].id).toBe("pkg/m449.py#C449.run_449");
  });

  test("a build killed between batches: search and get say the index is incomplete until a build finishes", async () => {
    // Sixteen batches of 50 files (~0.2 s of parse each): the kill lands after the first write and long before the
    // last. (12 functions a file, not 40: the same batches at half the CPU.)
    const files = Object.fromEntries(Array.from({ length: 800 }, (_, i) => [`pkg/m${i}.py`, pythonModule(`m${i}`, 12)]));
    const segment = makeSegment(files);
    const build = spawnCli(["ctx", "build", "--segment", segment], { TRIFECTA_CTX_WORKERS: "0" });
    const state = () => {
      try {
        const db = new Database(expectedDbPath(segment), { readonly: true });
        try {
          return (db.query("SELECT value FROM ctx_meta WHERE name = 'build'").get() as { value: string } | null)?.value ?? null;
        } finally {
          db.close();
        }
      } catch {
        return null; // not created yet
      }
    };
    while (state() !== "running") await Bun.sleep(2);
    build.kill("SIGKILL");
    await build.exited;
    const note = (await ctx(segment, "search", "m7_f3")).json.index_incomplete;
    expect(note.hint).toContain("ctx build");
    expect((await ctx(segment, "get", "pkg/m0.py", "--mode", "skeleton")).json.index_incomplete).toBeDefined();
    const finish = (await ctx(segment, "build")).json;
    expect(finish.files.unchanged).toBeGreaterThan(0);
    expect(finish.files.unchanged + finish.files.indexed).toBe(800);
    expect((await ctx(segment, "search", "m7_f3")).json.index_incomplete).toBeUndefined();
  });

  test.concurrent("an index written by another format or extractor version is indexed again by the next build, once", async () => {
    const segment = project();
    const first = (await ctx(segment, "build")).json.files.indexed;
    expect(first).toBeGreaterThan(0);
    expect((await ctx(segment, "build")).json.files.indexed).toBe(0);
    // As a binary whose extractor differs finds it: the recorded format is not its own.
    alterDatabase(segment, "UPDATE ctx_meta SET value = '1' WHERE name = 'text_format'");
    const again = (await ctx(segment, "build")).json;
    expect(again.files.indexed).toBe(first);
    expect(again.files.unchanged).toBe(0);
    expect((await ctx(segment, "build")).json.files.indexed).toBe(0);
  });

  test.concurrent("every source file goes through the AST cache: ast symbols is then a hit", async () => {
    const segment = await builtProject();
    const symbols = await cli(["ast", "symbols", "sym://python/mod/app.billing", "--segment", segment]);
    expect(symbols.json.cache_status).toBe("hit");
  });

  test("two ctx builds and ast symbols at the same time: no process fails", async () => {
    // 450 files: the builds' batch transactions interleave.
    const files = Object.fromEntries(Array.from({ length: 450 }, (_, i) => [`m${i}.py`, `def f${i}(x):\n    return x\n`]));
    const segment = makeSegment(files);
    const procs = [spawnCli(["ctx", "build", "--segment", segment]), spawnCli(["ctx", "build", "--segment", segment])];
    for (let i = 0; i < 10; i++) procs.push(spawnCli(["ast", "symbols", `sym://python/mod/m${i}`, "--segment", segment]));
    for (const run of await Promise.all(procs.map(finished))) {
      expect(run.exitCode).toBe(0);
      expect(run.json.status).toBe("ok");
    }
    const again = (await ctx(segment, "build")).json;
    expect(again.files.unchanged).toBe(450);
    expect(again.symbols).toBe(450);
  });
});

describe("ctx search", () => {
  test.concurrent("ranked hits with stable ids, locations, signatures and why they matched", async () => {
    const segment = await builtProject();
    const run = await ctx(segment, "search", "email a payment reminder");
    expect(run.exitCode).toBe(0);
    const top = run.json.hits[0];
    expect(top).toMatchObject({ id: "app/billing.py#send_reminder", kind: "function", name: "send_reminder", file_rel: "app/billing.py", line: 9, end_line: 11, signature: "def send_reminder(invoice)" });
    expect(top.why.fields).toContain("doc");
    expect(typeof top.score).toBe("number");
  });

  test.concurrent("identifiers: exact names and camelCase/snake_case sub-words", async () => {
    const segment = await builtProject();
    expect((await ctx(segment, "search", "total_amount")).json.hits[0]).toMatchObject({ id: "app/billing.py#Invoice.total_amount", why: { name: "exact" } });
    expect((await ctx(segment, "search", "json retry")).json.hits[0].id).toBe("app/http_client.ts#fetchJsonWithRetry");
    expect((await ctx(segment, "search", "installing the service")).json.hits[0]).toMatchObject({ id: "docs/guide.md#installing-the-service", kind: "section" });
  });

  test.concurrent("an MDX page is split into sections by its headings, its imports and JSX left in their text", async () => {
    const page = "---\ntitle: Setup\n---\nimport Tabs from '@theme/Tabs';\n\n# Setup\n\n## Configure the webhook secret\n\n<Tabs>Set WEBHOOK_SECRET in the environment.</Tabs>\n";
    const segment = makeSegment({ "docs/setup.mdx": page });
    expect((await ctx(segment, "build")).json.sections).toBe(2);
    const [hit] = (await ctx(segment, "search", "webhook secret")).json.hits;
    expect(hit).toMatchObject({ id: "docs/setup.mdx#configure-the-webhook-secret", kind: "section", lang: "markdown", line: 8 });
  });

  test.concurrent("a reStructuredText document is split into sections by its titles", async () => {
    const readme = "========\nWidgets\n========\n\nA library.\n\nRotating the API token\n----------------------\n\nCall rotate() once a month.\n";
    const segment = makeSegment({ "README.rst": readme });
    expect((await ctx(segment, "build")).json.sections).toBe(2);
    const [hit] = (await ctx(segment, "search", "rotate the api token")).json.hits;
    expect(hit).toMatchObject({ id: "README.rst#rotating-the-api-token", kind: "section", line: 7, end_line: 10 });
    expect((await ctx(segment, "get", hit.id, "--mode", "raw")).json.pieces[0].content).toContain("Call rotate() once a month.");
  });

  test.concurrent("a sym:// query resolves directly; its ids work with ctx get", async () => {
    const segment = await builtProject();
    const run = await ctx(segment, "search", "sym://python/type/app.billing#Invoice");
    expect(run.exitCode).toBe(0);
    expect(run.json.hits.map((h: any) => [h.id, h.why.fields])).toEqual([
      ["app/billing.py#Invoice", ["sym_uri"]],
      ["app/billing.py#Invoice.total_amount", ["sym_uri"]],
    ]);
    expect((await ctx(segment, "get", run.json.hits[1].id, "--mode", "raw")).json.pieces[0].citation).toBe("app/billing.py:4-6");
    expect((await ctx(segment, "search", "sym://python/mod/app.nothing")).json.error_code).toBe("FILE_NOT_FOUND");
  });

  test.concurrent("--kind and --lang filter; no result is ok with a hint", async () => {
    const segment = await builtProject();
    const classes = (await ctx(segment, "search", "retry", "--kind", "class")).json.hits;
    expect(classes.map((h: any) => h.id)).toEqual(["app/http_client.ts#RetryPolicy"]);
    expect((await ctx(segment, "search", "invoice", "--lang", "markdown")).json.hits).toEqual([]);
    const none = await ctx(segment, "search", "zebra quantum");
    expect(none.exitCode).toBe(0);
    expect(none.json.hits).toEqual([]);
    expect(none.json.hint).toContain("no match");
  });

  test.concurrent("a missing index is built on demand", async () => {
    const segment = project();
    const run = await ctx(segment, "search", "invoice");
    expect(run.exitCode).toBe(0);
    expect(run.json.index_built.files).toBe(3);
    expect(run.json.hits[0].id).toBe("app/billing.py#Invoice");
  });

  test.concurrent("freshness: a file changed after the build is re-indexed before answering", async () => {
    const segment = project();
    await ctx(segment, "build");
    writeFileSync(join(segment, "app/billing.py"), "\n\ndef send_reminder(invoice, channel):\n    pass\n");
    const run = await ctx(segment, "search", "send_reminder");
    expect(run.json.refreshed).toEqual(["app/billing.py"]);
    expect(run.json.hits[0]).toMatchObject({ id: "app/billing.py#send_reminder", line: 3, signature: "def send_reminder(invoice, channel)" });
  });

  test.concurrent("freshness: files created, deleted or newly ignored since the build count before answering", async () => {
    const segment = makeSegment({ "pkg/a.py": "def alpha_function():\n    pass\n", "old/gone.py": "def gone_function():\n    pass\n" });
    await ctx(segment, "build");
    mkdirSync(join(segment, "fresh"));
    writeFileSync(join(segment, "fresh/b.py"), "def brand_new_function():\n    pass\n");
    rmSync(join(segment, "old"), { recursive: true });
    const created = (await ctx(segment, "search", "brand_new_function")).json;
    expect(created.hits[0].id).toBe("fresh/b.py#brand_new_function");
    expect(created.refreshed.sort()).toEqual(["fresh/b.py", "old/gone.py"]);
    expect((await ctx(segment, "search", "gone_function")).json.hits.map((h: { file_rel: string }) => h.file_rel)).not.toContain("old/gone.py");
    // Nothing changed since: no walk, nothing refreshed.
    expect((await ctx(segment, "search", "brand_new_function")).json.refreshed).toEqual([]);
    writeFileSync(join(segment, ".gitignore"), "pkg/\n");
    const ignored = (await ctx(segment, "search", "alpha_function")).json;
    expect(ignored.refreshed).toEqual(["pkg/a.py"]);
    expect(ignored.hits.map((h: { id: string }) => h.id)).not.toContain("pkg/a.py#alpha_function");
  });

  test.concurrent("an index from schema 2 (session 1) is migrated in place and keeps answering", async () => {
    const segment = makeSegment({ "pkg/a.py": "def alpha_function():\n    pass\n" });
    await ctx(segment, "build");
    alterDatabase(segment, "DROP INDEX ctx_items_by_name; DROP INDEX ctx_items_by_qualified_name; DROP TABLE ctx_dirs; PRAGMA user_version = 2");
    writeFileSync(join(segment, "pkg/b.py"), "def beta_function():\n    pass\n");
    const run = (await ctx(segment, "search", "beta_function")).json;
    expect(run.hits[0].id).toBe("pkg/b.py#beta_function");
    expect(run.refreshed).toEqual(["pkg/b.py"]);
    const migrated = new Database(expectedDbPath(segment), { readonly: true });
    expect((migrated.query("PRAGMA user_version").get() as { user_version: number }).user_version).toBe(3);
    expect((migrated.query("SELECT count(*) AS n FROM ctx_dirs").get() as { n: number }).n).toBe(2);
    migrated.close();
  });

  test.concurrent("an index of ctx_index version 3 (a full-text table with a copy of its text) is indexed again without the copy, and answers the same", async () => {
    const segment = makeSegment({ "pkg/a.py": "def alpha_function():\n    pass\n", "pkg/b.py": "def beta_function():\n    alpha_function()\n" });
    await ctx(segment, "build");
    const before = (await ctx(segment, "search", "alpha function")).json.hits;
    // Version 3's table, with its rows as they were written then.
    alterDatabase(segment, `DROP TABLE ctx_fts;
      CREATE VIRTUAL TABLE ctx_fts USING fts5(names, signature, doc, body, path, tokenize = 'porter unicode61');
      INSERT INTO ctx_fts(rowid, names, signature, doc, body, path) SELECT rowid, name, signature, coalesce(doc, ''), '', file_rel FROM ctx_items;
      DROP INDEX ctx_refs_by_receiver;
      UPDATE store_features SET version = 3 WHERE name = 'ctx_index'`);
    const after = await ctx(segment, "search", "alpha function");
    expect(after.exitCode).toBe(0);
    expect(after.json.hits).toEqual(before);
    const migrated = new Database(expectedDbPath(segment), { readonly: true });
    expect((migrated.query("SELECT sql FROM sqlite_master WHERE name = 'ctx_fts'").get() as { sql: string }).sql).toContain("content=''");
    expect(migrated.query("SELECT version FROM store_features WHERE name = 'ctx_index'").get()).toEqual({ version: 6 });
    // Version 6's index on the references' receivers came with the migration.
    expect(migrated.query("SELECT name FROM sqlite_master WHERE name = 'ctx_refs_by_receiver'").get()).toEqual({ name: "ctx_refs_by_receiver" });
    expect(migrated.query("SELECT count(*) AS n FROM ctx_files").get()).toEqual({ n: 2 });
    migrated.close();
  });

  test.concurrent("the definition the segment's code calls by its qualified name ranks first among namesakes; edits and deletions move the counts", async () => {
    const reader = 'def read_all(path):\n    """Read the whole file."""\n    return open(path).read()\n';
    const caller = (module: string) => `import ${module}\n\ndef main(p):\n    ${module}.read_all(p)\n    return ${module}.read_all(p + "x")\n`;
    const segment = makeSegment({ "alpha.py": reader, "omega.py": reader, "app.py": caller("omega") });
    const top = async () => {
      const hits = (await ctx(segment, "search", "read the whole file")).json.hits as { id: string; why: { uses?: number } }[];
      return hits.filter((h) => h.id.endsWith("#read_all")).map((h) => [h.id, h.why.uses ?? 0]);
    };
    expect(await top()).toEqual([["omega.py#read_all", 2], ["alpha.py#read_all", 0]]);
    // The caller now uses alpha (a replaced file), then is gone (a removed file): its old uses go with it.
    writeFileSync(join(segment, "app.py"), caller("alpha"));
    expect(await top()).toEqual([["alpha.py#read_all", 2], ["omega.py#read_all", 0]]);
    rmSync(join(segment, "app.py"));
    expect((await ctx(segment, "build")).json.files.removed).toBe(1);
    expect(await top()).toEqual([["alpha.py#read_all", 0], ["omega.py#read_all", 0]]);
  });

  test.concurrent("a .h file is read as C++ when it holds C++, as C otherwise; a rebuild finds both unchanged, an edit can move one", async () => {
    const cHeader = '#ifdef __cplusplus\nextern "C" {\n#endif\n/* A point. */\nstruct point { int x; };\nint point_norm(struct point p);\n#ifdef __cplusplus\n}\n#endif\n';
    const cppHeader = "namespace geo {\n// A shape.\nclass Shape {\n public:\n  double area() const;\n};\n}\n";
    const segment = makeSegment({ "lib/point.h": cHeader, "lib/shape.h": cppHeader, "lib/shape.cpp": '#include "shape.h"\ndouble geo::Shape::area() const { return 0; }\n' });
    expect((await ctx(segment, "build")).json.files.indexed).toBe(3);
    const files = async (lang: string) => {
      const hits = (await ctx(segment, "search", "point_norm Shape area", "--lang", lang)).json.hits as { file_rel: string }[];
      return [...new Set(hits.map((h) => h.file_rel))].sort();
    };
    expect(await files("c")).toEqual(["lib/point.h"]);
    expect(await files("cpp")).toEqual(["lib/shape.cpp", "lib/shape.h"]);
    const again = (await ctx(segment, "build")).json;
    expect([again.files.indexed, again.files.unchanged]).toEqual([0, 3]);
    writeFileSync(join(segment, "lib/point.h"), `namespace geo {\n${cHeader}}\n`);
    expect((await ctx(segment, "build")).json.files.indexed).toBe(1);
    expect(await files("c")).toEqual([]);
    expect(await files("cpp")).toEqual(["lib/point.h", "lib/shape.cpp", "lib/shape.h"]);
  });

  test.concurrent("a .js that says @flow is read as Flow (its types do not cost its definitions), a .js.flow too; plain .js stays JavaScript", async () => {
    const share = "/**\n * @flow strict-local\n */\n\nexport type ShareContent =\n  | {title?: string, url: string}\n  | {title?: string, message: string};\n\nclass Share {\n  static share(content: ShareContent, options: ShareOptions = {}): Promise<{action: string}> {\n    return send(content, options);\n  }\n}\n\nmodule.exports = Share;\n";
    const segment = makeSegment({ "Libraries/Share/Share.js": share, "Libraries/plain.js": "export function plainHelper() {}\n", "flow/console.js.flow": "declare class Console {\n  log(...args: Array<mixed>): void;\n}\n" });
    const built = (await ctx(segment, "build")).json;
    expect([built.files.indexed, built.parse_errors]).toEqual([3, 0]);
    const hits = async (query: string) => ((await ctx(segment, "search", query)).json.hits as { id: string; lang?: string }[]).map((h) => h.id);
    expect(await hits("share content")).toEqual(expect.arrayContaining(["Libraries/Share/Share.js#Share.share", "Libraries/Share/Share.js#ShareContent", "Libraries/Share/Share.js#Share"]));
    expect(await hits("Console log")).toContain("flow/console.js.flow#Console.log");
    const langs = async (lang: string) => ((await ctx(segment, "search", "share plainHelper console", "--lang", lang)).json.hits as { file_rel: string }[]).map((h) => h.file_rel);
    expect(new Set(await langs("flow"))).toEqual(new Set(["Libraries/Share/Share.js", "flow/console.js.flow"]));
    expect(await langs("javascript")).toEqual(["Libraries/plain.js"]);
    const outline = await cli(["ast", "symbols", "sym://flow/mod/Libraries/Share/Share", "--segment", segment]);
    expect(outline.json.symbols.map((s: { qualified_name: string }) => s.qualified_name)).toEqual(["ShareContent", "Share", "Share.share"]);
  });

  test.concurrent("Vue and Svelte components: their script blocks are indexed at the file's lines and got by id", async () => {
    const card = '<template>\n  <div @click="toggleExpanded">{{ title }}</div>\n</template>\n\n<script setup lang="ts">\nimport { ref } from "vue";\n\n/** Opens or closes the card. */\nfunction toggleExpanded(): void {\n  expanded.value = !expanded.value;\n}\n\nconst expanded = ref(false);\n</script>\n';
    const list = '<script lang="ts">\n  export let rows: string[] = [];\n  function selectRow(i: number) {\n    return rows[i];\n  }\n</script>\n\n{#each rows as row, i}<p on:click={() => selectRow(i)}>{row}</p>{/each}\n';
    const segment = makeSegment({ "src/Card.vue": card, "src/List.svelte": list });
    const built = (await ctx(segment, "build")).json;
    expect([built.files.indexed, built.parse_errors]).toEqual([2, 0]);
    const [hit] = (await ctx(segment, "search", "toggle expanded card")).json.hits;
    expect([hit.id, hit.line, hit.end_line]).toEqual(["src/Card.vue#toggleExpanded", 9, 11]);
    expect((await ctx(segment, "search", "toggle expanded card", "--lang", "vue")).json.hits[0].id).toBe(hit.id);
    const got = (await ctx(segment, "get", hit.id, "--mode", "raw")).json.pieces[0];
    expect(got.citation).toBe("src/Card.vue:9-11");
    expect(got.content).toContain("function toggleExpanded(): void {");
    expect((await ctx(segment, "search", "select row", "--lang", "svelte")).json.hits[0]).toMatchObject({ id: "src/List.svelte#selectRow", lang: "svelte" });
    // A hit's lang and file_rel make the URI that outlines it.
    expect((await cli(["ast", "snippet", `sym://${hit.lang}/file/${hit.file_rel}#toggleExpanded`, "--segment", segment])).json.text).toContain("function toggleExpanded");
  });

  test.concurrent("a script without an extension is read in the language its #! line runs, or its editor mode line names; a file without either is unsupported", async () => {
    const segment = makeSegment({
      "bin/deploy": "#!/usr/bin/env bash\n# Deploys the site.\ndeploy_site() {\n  echo go\n}\n",
      "bin/tool": '#!/usr/bin/env -S python3 -u\ndef rotate_logs():\n    """Rotates the logs."""\n',
      Makefile: "all:\n\techo hi\n",
      // bash-completion's layout: no extension, no #! line, an Emacs mode line, an extended glob before the function.
      "completions/killall": "# killall(1) completion  -*- shell-script -*-\n\n[[ $OSTYPE == *@(linux|freebsd)* ]] || return 1\n\n_killall()\n{\n    COMPREPLY=()\n}\n",
      "completions/tool": "# a tool's completion\n# vim: set ft=sh:\n_tool() { :; }\n",
      "notes/README": "# -*- coding: utf-8 -*-\nplain words\n",
    });
    const built = (await ctx(segment, "build")).json;
    expect([built.files.indexed, built.files.skipped.unsupported, built.parse_errors]).toEqual([4, 2, 0]);
    // No file parsed partially: the report names none.
    expect(built.partial_files).toBeUndefined();
    // One that does is named, so an agent knows which outlines may be missing definitions.
    writeFileSync(join(segment, "bin/broken"), "#!/bin/bash\nbroken() {\n  if [[ then\n}\n");
    const again = (await ctx(segment, "build")).json;
    expect([again.parse_errors, again.partial_files]).toEqual([1, ["bin/broken"]]);
    expect((await ctx(segment, "search", "killall", "--lang", "bash")).json.hits[0].id).toBe("completions/killall#_killall");
    expect((await cli(["ast", "symbols", "completions/tool"], { cwd: segment })).json.symbols.map((s: { name: string }) => s.name)).toEqual(["_tool"]);
    expect((await ctx(segment, "search", "deploy the site", "--lang", "bash")).json.hits[0].id).toBe("bin/deploy#deploy_site");
    expect((await ctx(segment, "search", "rotate logs", "--lang", "python")).json.hits[0].id).toBe("bin/tool#rotate_logs");
    const outline = await cli(["ast", "symbols", "sym://python/file/bin/tool", "--segment", segment]);
    expect(outline.json.symbols.map((s: { name: string }) => s.name)).toEqual(["rotate_logs"]);
    // Edited, it is read again (the refresh before a search finds it by its #! line too).
    writeFileSync(join(segment, "bin/deploy"), "#!/usr/bin/env bash\npublish_site() {\n  echo go\n}\n");
    expect((await ctx(segment, "search", "publish site")).json.hits[0].id).toBe("bin/deploy#publish_site");
  });

  test.concurrent("an Objective-C .h is read as Objective-C, with its .m: methods by selector, the header's declaration folded into the implementation", async () => {
    const header = '#import <Foundation/Foundation.h>\n\n/** Talks to the host. */\n@interface RCTBridge : NSObject\n@property (nonatomic, copy) NSString *bundleName;\n- (instancetype)initWithBundleName:(NSString *)name\n                      launchOptions:(NSDictionary *)options;\n- (void)reload;\n@end\n';
    const source = '#import "RCTBridge.h"\n\n@implementation RCTBridge\n\n- (instancetype)initWithBundleName:(NSString *)name launchOptions:(NSDictionary *)options\n{\n  return [super init];\n}\n\n- (void)reload\n{\n}\n@end\n';
    const segment = makeSegment({ "ios/RCTBridge.h": header, "ios/RCTBridge.m": source, "lib/plain.h": "int plain_norm(int x);\n" });
    const built = (await ctx(segment, "build")).json;
    expect([built.files.indexed, built.files.skipped.unsupported, built.parse_errors]).toEqual([3, 0, 0]);
    const hits = (await ctx(segment, "search", "init bridge with bundle name", "--lang", "objc")).json.hits as { id: string; signature: string; copies?: string[] }[];
    expect(hits[0]).toMatchObject({ id: "ios/RCTBridge.m#RCTBridge.initWithBundleName:launchOptions:", copies: ["ios/RCTBridge.h"] });
    const outline = await cli(["ast", "symbols", "sym://objc/file/ios/RCTBridge.h", "--segment", segment]);
    expect(outline.json.symbols.map((s: { qualified_name: string; line: number; signature: string }) => [s.qualified_name, s.line, s.signature])).toEqual([
      ["RCTBridge", 4, "@interface RCTBridge : NSObject"],
      ["RCTBridge.bundleName", 5, "@property (nonatomic, copy) NSString *bundleName"],
      ["RCTBridge.initWithBundleName:launchOptions:", 6, "- (instancetype)initWithBundleName:(NSString *)name launchOptions:(NSDictionary *)options"],
      ["RCTBridge.reload", 8, "- (void)reload"],
    ]);
    const got = (await ctx(segment, "get", hits[0]!.id, "--mode", "raw")).json.pieces[0];
    expect(got.citation).toBe("ios/RCTBridge.m:5-8");
    // A message is a use of its whole selector: `[RCTBridge reload]` of `reload`, `[b initWithBundleName:… launchOptions:…]` of that.
    writeFileSync(join(segment, "ios/use.m"), '#import "RCTBridge.h"\nvoid restart(RCTBridge *b) {\n  [b reload];\n  [b initWithBundleName:@"main"\n          launchOptions:nil];\n}\n');
    const uses = async (id: string) => ((await ctx(segment, "refs", id)).json.references as { file: string; line: number }[]).map((u) => `${u.file}:${u.line}`);
    expect(await uses("ios/RCTBridge.m#RCTBridge.reload")).toEqual(["ios/use.m:3"]);
    expect(await uses("ios/RCTBridge.m#RCTBridge.initWithBundleName:launchOptions:")).toEqual(["ios/use.m:4"]);
    expect((await ctx(segment, "search", "plain_norm", "--lang", "c")).json.hits[0].id).toBe("lib/plain.h#plain_norm");
  });

  test.concurrent("an index of ctx_index version 4 (no counted uses) is indexed again by the next search, which then ranks by them", async () => {
    const segment = makeSegment({ "alpha.py": "def read_all(path):\n    pass\n", "omega.py": "def read_all(path):\n    pass\n", "app.py": "import omega\nomega.read_all(1)\n" });
    await ctx(segment, "build");
    alterDatabase(segment, `DROP TABLE ctx_uses;
      UPDATE store_features SET version = 4 WHERE name = 'ctx_index';
      UPDATE ctx_meta SET value = '4' || substr(value, instr(value, ':')) WHERE name = 'text_format'`);
    const run = await ctx(segment, "search", "read_all");
    expect(run.exitCode).toBe(0);
    expect(run.json.index_built.files).toBe(3);
    expect(run.json.hits.map((h: { id: string }) => h.id).slice(0, 2)).toEqual(["omega.py#read_all", "alpha.py#read_all"]);
  });

  test.concurrent("an index of this row format written by another extractor version answers searches as it is (the next build indexes it again)", async () => {
    const segment = makeSegment({ "pkg/a.py": "def alpha_function():\n    pass\n" });
    await ctx(segment, "build");
    alterDatabase(segment, "UPDATE ctx_meta SET value = substr(value, 1, instr(value, ':')) || 'another-extractor' WHERE name = 'text_format'");
    const run = await ctx(segment, "search", "alpha function");
    expect(run.json.hits[0].id).toBe("pkg/a.py#alpha_function");
    expect(run.json.index_built).toBeUndefined();
    expect((await ctx(segment, "build")).json.files.indexed).toBe(1);
  });

  test.concurrent("above the refresh limit the answer says stale, yet no hit carries lines from old content", async () => {
    const files = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`m${i}.py`, `def helper_${i}():\n    pass\n`]));
    const segment = makeSegment({ ...files, "target.py": "def unique_target_name():\n    pass\n" });
    await ctx(segment, "build");
    for (let i = 0; i < 60; i++) writeFileSync(join(segment, `m${i}.py`), `\n\ndef helper_${i}():\n    return ${i}\n`);
    writeFileSync(join(segment, "target.py"), "\n\n\n\ndef unique_target_name(x):\n    pass\n");
    const run = await ctx(segment, "search", "unique_target_name");
    expect(run.json.stale.files).toBeGreaterThan(0);
    expect(run.json.hits[0]).toMatchObject({ id: "target.py#unique_target_name", line: 5, signature: "def unique_target_name(x)" });
    const helpers = (await ctx(segment, "search", "helper", "--limit", "100")).json.hits;
    for (const hit of helpers) expect(hit.line).toBe(3); // every helper hit read from the new content
  });

  test.concurrent("usage errors exit 2: --kind and --lang typos name the valid values; --limit above 100; an empty query", async () => {
    const segment = await builtProject();
    for (const empty of ["", "   "]) expect((await ctx(segment, "search", empty)).json).toMatchObject({ status: "error", error_code: "USAGE_ERROR" });
    expect((await ctx(segment, "search", "x", "--limit", "0")).exitCode).toBe(2);
    expect((await ctx(segment, "search", "x", "--limit", "101")).json).toMatchObject({ error_code: "USAGE_ERROR", message: "--limit takes a whole number from 1 to 100" });
    expect((await ctx(segment, "search", "x", "--limit", "100")).exitCode).toBe(0);
    const lang = await ctx(segment, "search", "x", "--lang", "cobol");
    expect(lang.exitCode).toBe(2);
    expect(lang.json.message).toContain("python");
    const kind = await ctx(segment, "search", "x", "--kind", "funtion");
    expect(kind.exitCode).toBe(2);
    expect(kind.json).toMatchObject({ error_code: "USAGE_ERROR" });
    expect(kind.json.message).toContain("function, method");
    expect(kind.json.message).toContain("section");
  });

  test.concurrent("--path globs include and !GLOB excludes (repeatable); --no-tests leaves test files out", async () => {
    const segment = makeSegment({
      "src/parser.py": "def parse_config(text):\n    pass\n",
      "src/legacy/parser.py": "def parse_config_old(text):\n    pass\n",
      "tests/test_parser.py": "def test_parse_config():\n    pass\n",
      "lib/parse_test.go": "package lib\n\nfunc parseConfigCase() {}\n",
      "web/parse.ts": "export function parseConfig(text: string) {}\n",
      // Swift's and C#'s test folders: Tests/<Target>Tests/, Polly.Core.Tests/.
      "Tests/ParserTests/ParseConfigCheck.swift": "func parseConfigCheck() {}\n",
      "test/Parser.Tests/ParseConfigCheck.cs": "class ParseConfigCheck {}\n",
    });
    const files = async (...args: string[]) => [...new Set((await ctx(segment, "search", "parse config", "--limit", "20", ...args)).json.hits.map((h: { file_rel: string }) => h.file_rel))].sort();
    expect(await files()).toHaveLength(7);
    expect(await files("--path", "src")).toEqual(["src/legacy/parser.py", "src/parser.py"]);
    expect(await files("--path", "src/**", "--path", "!src/legacy")).toEqual(["src/parser.py"]);
    expect(await files("--path", "*.ts")).toEqual(["web/parse.ts"]);
    expect(await files("--path", "!*.py")).toEqual(["Tests/ParserTests/ParseConfigCheck.swift", "lib/parse_test.go", "test/Parser.Tests/ParseConfigCheck.cs", "web/parse.ts"]);
    expect(await files("--no-tests")).toEqual(["src/legacy/parser.py", "src/parser.py", "web/parse.ts"]);
    // A definition ranks above the test of the same words, and says why the test went down.
    const hits = (await ctx(segment, "search", "parse config", "--limit", "20")).json.hits;
    const test = hits.findIndex((h: { file_rel: string }) => h.file_rel === "tests/test_parser.py");
    expect(hits[test].why.demoted).toEqual(["test"]);
    expect(hits.findIndex((h: { file_rel: string }) => h.file_rel === "src/parser.py")).toBeLessThan(test);
    expect((await ctx(segment, "search", "parse", "--path", "!")).exitCode).toBe(2);
    for (const unclosed of ["[", "src/{a,b", "!x]"]) expect((await ctx(segment, "search", "parse", "--path", unclosed)).json.error_code).toBe("USAGE_ERROR");
  });
});

describe("ctx get", () => {
  test.concurrent("modes: skeleton, excerpt with line numbers, raw; each piece cited with its content hash", async () => {
    const segment = await builtProject();
    const skeleton = (await ctx(segment, "get", "app/billing.py#Invoice", "--mode", "skeleton")).json;
    expect(skeleton.pieces[0]).toMatchObject({ id: "app/billing.py#Invoice", citation: "app/billing.py:1-6", content: "1-6 class Invoice\n  4-6 def total_amount(self, tax_rate: float) -> float" });
    expect(skeleton.pieces[0].content_hash).toMatch(/^[0-9a-f]{16}$/);
    const excerpt = (await ctx(segment, "get", "app/billing.py#send_reminder")).json.pieces[0];
    expect(excerpt.citation).toBe("app/billing.py:7-11");
    expect(excerpt.content.split("\n")[2]).toBe(" 9| def send_reminder(invoice):");
    const raw = (await ctx(segment, "get", "docs/guide.md#troubleshooting", "--mode", "raw")).json.pieces[0];
    expect(raw.content).toBe("## Troubleshooting\n\nCheck the logs.");
    const file = (await ctx(segment, "get", "app/http_client.ts", "--mode", "skeleton")).json.pieces[0];
    expect(file.content.split("\n")).toHaveLength(3);
  });

  test.concurrent("a hard budget: never exceeded, what did not fit is listed, unknown ids are errors", async () => {
    const segment = await builtProject();
    const ids = ["app/billing.py#Invoice", "app/billing.py#send_reminder", "app/http_client.ts#RetryPolicy", "app/nope.py#x", "app/billing.py#Ghost"];
    const all = (await ctx(segment, "get", ...ids, "--mode", "raw", "--budget", "100000")).json;
    expect(all.pieces).toHaveLength(3);
    const budget = all.pieces[0].tokens; // exactly the first piece
    const run = (await ctx(segment, "get", ...ids, "--mode", "raw", "--budget", String(budget))).json;
    expect(run.used_tokens).toBe(budget);
    expect(run.pieces.map((p: any) => p.id)).toEqual(["app/billing.py#Invoice"]);
    for (const p of all.pieces) expect(p.tokens).toBe(Math.ceil(p.content.length / 4));
    expect(run.omitted.map((o: any) => [o.id, o.stop_reason])).toEqual([
      ["app/billing.py#send_reminder", "budget"],
      ["app/http_client.ts#RetryPolicy", "budget"],
    ]);
    expect(run.stop_reason).toBe("budget");
    expect(run.errors.map((e: any) => [e.id, e.error_code])).toEqual([
      ["app/nope.py#x", "ID_NOT_FOUND"],
      ["app/billing.py#Ghost", "ID_NOT_FOUND"],
    ]);
  });

  test.concurrent("a first piece larger than the budget comes back cut, with a marker, the lines it shows and the id that reads on", async () => {
    const body = Array.from({ length: 60 }, (_, i) => `    total_${i} = compute_value(${i})`).join("\n");
    const segment = makeSegment({ "big.py": `def big():\n${body}\n    return 0\n` });
    await ctx(segment, "build");
    for (const mode of ["excerpt", "raw", "skeleton"]) {
      const run = await ctx(segment, "get", mode === "skeleton" ? "big.py" : "big.py#big", "--mode", mode, "--budget", mode === "skeleton" ? "2" : "80");
      expect(run.exitCode).toBe(0);
      const [piece] = run.json.pieces;
      expect(piece.tokens).toBeLessThanOrEqual(run.json.budget);
      expect(run.json.used_tokens).toBe(piece.tokens);
      expect(piece.content.length).toBeGreaterThan(0);
      expect(run.json.stop_reason).toBe("budget");
      if (mode === "skeleton") continue;
      expect(piece.truncated).toMatchObject({ line: 1, of: "1-62" });
      expect(piece.citation).toBe(`big.py:1-${piece.truncated.end_line}`);
      expect(piece.content).toEndWith(`… truncated to fit 80 tokens; read on: ${piece.truncated.next_id}`);
      expect(piece.truncated.next_id).toBe(`big.py#L${piece.truncated.end_line + 1}-L62`);
      // Reading on continues where the cut was, without a gap.
      const next = (await ctx(segment, "get", piece.truncated.next_id, "--mode", mode, "--budget", "100000")).json.pieces[0];
      expect(next.citation).toBe(`big.py:${piece.truncated.end_line + 1}-62`);
      expect(next.content.split("\n").at(-1)).toEndWith("    return 0");
    }
    // A budget smaller than one line: part of the line, still within the budget.
    const tiny = (await ctx(segment, "get", "big.py#big", "--mode", "raw", "--budget", "2")).json.pieces[0];
    expect(tiny).toMatchObject({ content: "def big(", tokens: 2, truncated: { line: 1, end_line: 1, next_id: "big.py#L2-L62" } });
  });

  test.concurrent("line-range ids: file#L10-L40 (or #L7) reads those lines in every mode; past the end is ID_NOT_FOUND", async () => {
    const segment = await builtProject();
    const raw = (await ctx(segment, "get", "app/billing.py#L9-L10", "--mode", "raw")).json.pieces[0];
    expect(raw).toMatchObject({ kind: "lines", citation: "app/billing.py:9-10", content: 'def send_reminder(invoice):\n    """Email a payment reminder."""' });
    expect((await ctx(segment, "get", "app/billing.py#L9")).json.pieces[0]).toMatchObject({ citation: "app/billing.py:9-9", content: "9| def send_reminder(invoice):" });
    expect((await ctx(segment, "get", "app/billing.py#L1-L8", "--mode", "skeleton")).json.pieces[0].content).toBe("1-6 class Invoice\n  4-6 def total_amount(self, tax_rate: float) -> float");
    expect((await ctx(segment, "get", "app/billing.py#L5-L500", "--mode", "raw")).json.pieces[0].citation).toBe("app/billing.py:5-11");
    const past = await ctx(segment, "get", "app/billing.py#L400-L500");
    expect(past.exitCode).toBe(1);
    expect(past.json.error_code).toBe("ID_NOT_FOUND");
    const backwards = (await ctx(segment, "get", "app/billing.py#L9-L3")).json;
    expect(backwards.error_code).toBe("ID_NOT_FOUND");
    expect(backwards.message).toContain("no range of lines");
    expect((await ctx(segment, "get", "app/billing.py#L0-L3")).json.message).toContain("numbered from L1");
    // An empty id or target is a usage error, as an empty search is.
    for (const args of [["get", ""], ["refs", ""], ["callers", " "]]) expect((await ctx(segment, ...args)).json).toMatchObject({ error_code: "USAGE_ERROR" });
  });

  test.concurrent("an id given as a definition's name: its one definition (resolved_from says so), or AMBIGUOUS_SYMBOL with the candidates", async () => {
    const segment = await builtProject();
    const piece = (await ctx(segment, "get", "Invoice.total_amount", "--mode", "raw")).json.pieces[0];
    expect(piece).toMatchObject({ id: "app/billing.py#Invoice.total_amount", resolved_from: "Invoice.total_amount", citation: "app/billing.py:4-6" });
    expect((await ctx(segment, "get", "send_reminder")).json.pieces[0].id).toBe("app/billing.py#send_reminder");
    // Written with its module, as a stack trace or a doc writes it; refs takes it too.
    expect((await ctx(segment, "get", "app.billing.Invoice.total_amount")).json.pieces[0]).toMatchObject({ id: "app/billing.py#Invoice.total_amount", resolved_from: "app.billing.Invoice.total_amount" });
    expect((await ctx(segment, "refs", "app.billing.Invoice.total_amount")).json.targets.map((t: { id: string }) => t.id)).toEqual(["app/billing.py#Invoice.total_amount"]);
    // An id by path is read as one, as before: no resolved_from.
    expect((await ctx(segment, "get", "app/billing.py#send_reminder")).json.pieces[0].resolved_from).toBeUndefined();
    writeFileSync(join(segment, "app/jobs.py"), "def send_reminder(job):\n    pass\n");
    await ctx(segment, "build");
    const two = await ctx(segment, "get", "send_reminder");
    expect([two.exitCode, two.json.error_code, two.json.errors[0].candidates]).toEqual([1, "AMBIGUOUS_SYMBOL", ["app/billing.py#send_reminder", "app/jobs.py#send_reminder"]]);
    const none = (await ctx(segment, "get", "no_such_name")).json;
    expect([none.error_code, none.hint]).toEqual(["ID_NOT_FOUND", expect.stringContaining("a definition's name")]);
    // A file made since the build: the answer says a build indexes it.
    writeFileSync(join(segment, "app/fresh.py"), "def fresh(): pass\n");
    expect((await ctx(segment, "get", "app/fresh.py")).json.message).toContain("`ctx build` indexes new files");
  });

  test.concurrent("never serves lines that no longer match the file", async () => {
    const segment = project();
    await ctx(segment, "build");
    writeFileSync(join(segment, "app/billing.py"), "# moved down\n\n\ndef send_reminder(invoice):\n    return 'sent'\n");
    const piece = (await ctx(segment, "get", "app/billing.py#send_reminder", "--mode", "raw")).json.pieces[0];
    expect(piece.citation).toBe("app/billing.py:4-5");
    expect(piece.content).toBe("def send_reminder(invoice):\n    return 'sent'");
    const gone = await ctx(segment, "get", "app/billing.py#Invoice");
    expect(gone.exitCode).toBe(1);
    expect(gone.json.error_code).toBe("ID_NOT_FOUND");
  });

  test.concurrent("no index: a clear error that says how to build it; ids outside the segment are refused", async () => {
    const segment = project();
    const run = await ctx(segment, "get", "app/billing.py#Invoice");
    expect(run.exitCode).toBe(1);
    expect(run.json).toMatchObject({ error_code: "INDEX_NOT_FOUND" });
    expect(run.json.hint).toContain("ctx build");
    await ctx(segment, "build");
    expect((await ctx(segment, "get", "../etc/passwd")).json.error_code).toBe("PATH_OUTSIDE_SEGMENT");
    mkdirSync(join(segment, "x"));
    expect((await ctx(segment, "get", "x/../../y.py")).json.error_code).toBe("PATH_OUTSIDE_SEGMENT");
  });
});
