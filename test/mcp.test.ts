import { afterAll, describe, expect, test } from "bun:test";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stdlibDir } from "../scripts/python-agreement.ts";
import { pathToFileURL } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ListRootsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { BINARY, cli, cliEnv, expectedDbPath, makeSegment, REPO, SOURCE_ENTRY } from "./helpers.ts";
import { startNginx } from "./nginx.ts";

/** The real server: the compiled binary, driven by the SDK's own client over stdio or HTTP. */

const clients: Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close().catch(() => {})));
});

/** A client of a server on `segment`: the compiled binary (or `command`), with `args` after the segment. */
async function connect(segment: string, options: { roots?: string[]; command?: string[]; args?: string[] } = {}): Promise<Client> {
  const client = new Client({ name: "test", version: "1" }, options.roots ? { capabilities: { roots: { listChanged: true } } } : {});
  if (options.roots) {
    const roots = options.roots;
    client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: roots.map((r) => ({ uri: pathToFileURL(r).href, name: "root" })) }));
  }
  const [command, ...prefix] = options.command ?? [BINARY];
  await client.connect(new StdioClientTransport({ command: command!, args: [...prefix, "mcp", "--segment", segment, ...(options.args ?? [])], env: cliEnv(), stderr: "pipe" }));
  clients.push(client);
  return client;
}

type Called = { isError?: boolean; structured: any; text: string; error: any };

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<Called> {
  const result = (await client.callTool({ name, arguments: args })) as { isError?: boolean; structuredContent?: unknown; content: { type: string; text: string }[] };
  const text = result.content[0]?.text ?? "";
  return { isError: result.isError, structured: result.structuredContent, text, error: result.isError ? JSON.parse(text) : null };
}

const tokensOf = (value: unknown) => Math.ceil((typeof value === "string" ? value : JSON.stringify(value)).length / 4);

/** Until the server's own background build is done (status says so). */
async function untilBuilt(client: Client): Promise<any> {
  for (;;) {
    const { structured } = await call(client, "status", {});
    if (structured.server_build?.state !== "running" && !structured.index_incomplete?.building) return structured;
    await Bun.sleep(50);
  }
}

const shop = join(REPO, "examples", "shop");

/** The standard library's json and email packages, copied once: the two tests that read them only read them. */
let tree: string | undefined;
function stdlibTree(): string {
  if (tree) return tree;
  tree = makeSegment({});
  for (const pkg of ["json", "email"]) cpSync(join(stdlibDir(), pkg), join(tree, pkg), { recursive: true, filter: (p) => !p.includes("__pycache__") });
  return tree;
}

describe("trifecta mcp over stdio", () => {
  test.concurrent("tools/list: at most six tools, at most 2,000 tokens, each with schemas and read-only annotations", async () => {
    const client = await connect(makeSegment({ "a.py": "def f():\n    pass\n" }));
    const listed = await client.listTools();
    expect(listed.tools.length).toBeLessThanOrEqual(6);
    expect(listed.tools.map((t) => t.name).sort()).toEqual(["get", "map", "outline", "refs", "search", "status"]);
    expect(tokensOf(listed)).toBeLessThanOrEqual(2000);
    for (const tool of listed.tools) {
      expect(tool.inputSchema.type).toBe("object");
      expect(tool.outputSchema?.type).toBe("object");
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true });
    }
  });

  test.concurrent("from the sources too (`bun run src/cli/main.ts mcp`, as bunx runs it)", async () => {
    const segment = makeSegment({ "a.py": "def from_source():\n    pass\n" });
    const client = await connect(segment, { command: [process.execPath, SOURCE_ENTRY] });
    expect((await call(client, "search", { query: "from_source" })).structured.hits[0].id).toBe("a.py#from_source");
  });

  test.concurrent("every tool on the bundled example agrees with the CLI", async () => {
    const segment = makeSegment({});
    cpSync(shop, segment, { recursive: true });
    const client = await connect(segment);
    await untilBuilt(client);

    const outline = await call(client, "outline", { target: "shop/cart.py" });
    const viaCli = await cli(["ast", "symbols", "sym://python/mod/shop.cart", "--segment", segment]);
    expect(outline.structured.symbols).toEqual(viaCli.json.symbols);
    expect(outline.structured.file_rel).toBe("shop/cart.py");
    expect(outline.text).toContain("22-42 class Cart");

    const viaUri = await call(client, "outline", { target: "sym://python/type/shop.cart#Cart", kinds: ["method"], depth: 2 });
    expect(viaUri.structured.symbols.map((s: any) => s.qualified_name)).toEqual(["Cart.add", "Cart.total"]);
    // A path names one symbol with #Name, as the CLI's does.
    const byPath = await call(client, "outline", { target: "shop/cart.py#Cart", kinds: ["method"], depth: 2 });
    expect(byPath.structured.symbols).toEqual(viaUri.structured.symbols);

    const search = await call(client, "search", { query: "cart total" });
    const cliSearch = await cli(["ctx", "search", "cart total", "--segment", segment]);
    expect(search.structured.hits).toEqual(cliSearch.json.hits);
    expect(search.text.split("\n")[0]).toStartWith(cliSearch.json.hits[0].id);

    const get = await call(client, "get", { ids: [search.structured.hits[0].id, "sym://python/type/shop.cart#Cart"], mode: "excerpt" });
    const cliGet = await cli(["ctx", "get", search.structured.hits[0].id, "shop/cart.py#Cart", "--segment", segment]);
    expect(get.structured.pieces).toEqual(cliGet.json.pieces);

    const status = await call(client, "status", {});
    expect(status.structured).toMatchObject({ index: "complete", files: 2, languages: { python: 2 } });
    expect(status.structured.stale).toBeUndefined();
  });

  test.concurrent("a real tree: the standard library's json and email packages", async () => {
    const segment = stdlibTree();
    const client = await connect(segment);
    await untilBuilt(client);
    const search = await call(client, "search", { query: "decode JSON document", limit: 5 });
    expect(search.structured.hits.map((h: any) => h.file_rel)).toContain("json/decoder.py");
    const outline = await call(client, "outline", { target: "email/message.py", budget: 100_000 });
    expect(outline.structured.symbols).toEqual((await cli(["ast", "symbols", "sym://python/mod/email.message", "--segment", segment])).json.symbols);
    const get = await call(client, "get", { ids: ["json/decoder.py#JSONDecoder.decode"] });
    const lines = readFileSync(join(segment, "json/decoder.py"), "utf8").split("\n");
    const [from, to] = get.structured.pieces[0].citation.split(":")[1].split("-").map(Number);
    expect(get.structured.pieces[0].content).toContain(lines[from - 1 + 2]!.trim());
    expect(to).toBeGreaterThan(from);
  });

  test.concurrent("refs and map: the CLI's answers, each page within the budget, the pages adding up to the whole", async () => {
    const segment = stdlibTree();
    const client = await connect(segment);
    await untilBuilt(client);
    const uses = await call(client, "refs", { target: "json/decoder.py#JSONDecoder", budget: 100_000 });
    const viaCli = (await cli(["ctx", "refs", "json/decoder.py#JSONDecoder", "--limit", "1000", "--segment", segment])).json;
    expect(uses.structured.items).toEqual(viaCli.references);
    expect(uses.structured.items).toContainEqual(expect.objectContaining({ file: "json/__init__.py", kind: "call", resolution: "resolved" }));
    const callers = await call(client, "refs", { target: "email/utils.py#formatdate", direction: "callers", depth: 2 });
    expect(callers.structured.items).toEqual((await cli(["ctx", "callers", "email/utils.py#formatdate", "--depth", "2", "--segment", segment])).json.callers);

    // A name with many uses, in pages of a small budget.
    const whole = (await cli(["ctx", "refs", "get", "--limit", "1000", "--segment", segment])).json.references;
    expect(whole.length).toBeGreaterThan(15);
    const pages: any[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(client, "refs", { target: "get", budget: 600, ...(cursor ? { cursor } : {}) });
      expect(tokensOf(page.structured)).toBeLessThanOrEqual(600);
      expect(tokensOf(page.text)).toBeLessThanOrEqual(600);
      pages.push(...page.structured.items);
      cursor = page.structured.next_cursor;
    } while (cursor);
    expect(pages).toEqual(whole);

    for (const budget of [300, 2000]) {
      const map = await call(client, "map", { budget });
      expect(tokensOf(map.structured)).toBeLessThanOrEqual(budget);
      expect(tokensOf(map.text)).toBeLessThanOrEqual(budget);
      // Filled: within a few lines of the budget.
      expect(tokensOf(map.structured)).toBeGreaterThan(budget * 0.8);
      expect(map.structured.map).toContain("json/decoder.py:");
    }
    const focused = await call(client, "map", { focus: ["json/decoder.py"], budget: 1000 });
    expect(focused.structured.map).not.toContain("json/decoder.py:");
    expect((await call(client, "map", { focus: ["nope.py"] })).isError).toBe(true);
  });

  test.concurrent("budgets and cursors: lib.dom.d.ts's outline comes in pages within the budget that add up to the whole", async () => {
    const segment = makeSegment({});
    copyFileSync(join(REPO, "node_modules/typescript/lib/lib.dom.d.ts"), join(segment, "lib.dom.d.ts"));
    const whole = (await cli(["ast", "symbols", "sym://typescript/file/lib.dom.d.ts", "--segment", segment])).json.symbols;
    expect(whole.length).toBeGreaterThan(4000);
    const client = await connect(segment);
    const pages: any[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(client, "outline", { target: "lib.dom.d.ts", budget: 50_000, ...(cursor ? { cursor } : {}) });
      expect(page.isError).toBeFalsy();
      expect(tokensOf(page.structured)).toBeLessThanOrEqual(50_000);
      expect(tokensOf(page.text)).toBeLessThanOrEqual(50_000);
      pages.push(...page.structured.symbols);
      cursor = page.structured.next_cursor;
    } while (cursor);
    expect(pages).toEqual(whole);

    // The default budget holds too, and a search's pages are the same hits as one large answer.
    const first = await call(client, "outline", { target: "lib.dom.d.ts" });
    expect(tokensOf(first.structured)).toBeLessThanOrEqual(4000);
    expect(first.text).toContain("next_cursor: ");
    const all = await call(client, "search", { query: "event listener", limit: 60, budget: 100_000 });
    const paged: any[] = [];
    cursor = undefined;
    do {
      const page = await call(client, "search", { query: "event listener", limit: 60, budget: 1000, ...(cursor ? { cursor } : {}) });
      expect(tokensOf(page.structured)).toBeLessThanOrEqual(1000);
      paged.push(...page.structured.hits);
      cursor = page.structured.next_cursor;
    } while (cursor);
    expect(paged).toEqual(all.structured.hits);

    // A get of more than fits: the first page within budget, the cursor reads on from the next id.
    const ids = all.structured.hits.slice(0, 8).map((h: any) => h.id);
    const got: any[] = [];
    cursor = undefined;
    do {
      const page = await call(client, "get", { ids, mode: "raw", budget: 400, ...(cursor ? { cursor } : {}) });
      expect(tokensOf(page.structured)).toBeLessThanOrEqual(400);
      got.push(...page.structured.pieces.map((p: any) => p.id), ...(page.structured.errors ?? []).map((e: any) => e.id));
      cursor = page.structured.next_cursor;
    } while (cursor);
    expect([...new Set(got)].sort()).toEqual([...new Set(ids as string[])].sort());

    // A piece larger than the whole budget comes back cut to fit, saying where it stops and how to read on.
    const cut = await call(client, "get", { ids: ["lib.dom.d.ts"], mode: "raw", budget: 500 });
    expect(tokensOf(cut.structured)).toBeLessThanOrEqual(500);
    expect(cut.structured.pieces).toHaveLength(1);
    expect(cut.structured.pieces[0].truncated.next_id).toStartWith("lib.dom.d.ts#L");
    const next = await call(client, "get", { ids: [cut.structured.pieces[0].truncated.next_id], mode: "raw", budget: 500 });
    expect(next.structured.pieces[0].citation).toStartWith(`lib.dom.d.ts:${cut.structured.pieces[0].truncated.end_line + 1}-`);
  });

  test.concurrent("get: two pieces that each fit the budget alone but not together come on two pages, neither cut", async () => {
    const body = (name: string) => `def ${name}():\n${Array.from({ length: 40 }, (_, i) => `    value_${i} = "${name} line ${i} ${"x".repeat(30)}"\n`).join("")}`;
    const segment = makeSegment({ "big.py": `${body("first_big")}\n${body("second_big")}` });
    const client = await connect(segment);
    await untilBuilt(client);
    const ids = ["big.py#first_big", "big.py#second_big"];
    const whole = await call(client, "get", { ids, mode: "raw", budget: 100_000 });
    const sizes = whole.structured.pieces.map((p: any) => p.tokens);
    const budget = Math.max(...sizes) + 300;
    expect(sizes[0] + sizes[1] + 100).toBeGreaterThan(budget);
    const page1 = await call(client, "get", { ids, mode: "raw", budget });
    expect(page1.structured.pieces.map((p: any) => [p.id, p.truncated ?? null])).toEqual([[ids[0], null]]);
    const page2 = await call(client, "get", { ids, mode: "raw", budget, cursor: page1.structured.next_cursor });
    expect(page2.structured.pieces.map((p: any) => [p.id, p.truncated ?? null])).toEqual([[ids[1], null]]);
    expect(page2.structured.next_cursor).toBeUndefined();
  });

  test.concurrent("bad arguments for every tool are isError results with the CLI's error codes, and the server stays up", async () => {
    const segment = makeSegment({ "a.py": "def f():\n    pass\n" });
    const client = await connect(segment);
    const cases: [string, Record<string, unknown>, string][] = [
      ["search", {}, "USAGE_ERROR"],
      ["search", { query: "" }, "USAGE_ERROR"],
      ["search", { query: "f", limit: 0 }, "USAGE_ERROR"],
      ["search", { query: "f", budget: 10 }, "USAGE_ERROR"],
      ["search", { query: "f", cursor: "garbage" }, "USAGE_ERROR"],
      ["search", { query: "f", colour: "red" }, "USAGE_ERROR"],
      ["search", { query: "f", kind: "fucntion" }, "USAGE_ERROR"],
      ["search", { query: "f", lang: "pyhton" }, "USAGE_ERROR"],
      ["search", { query: "f", paths: ["!"] }, "USAGE_ERROR"],
      ["outline", { target: "a.py", kinds: ["fucntion"] }, "USAGE_ERROR"],
      ["outline", { target: 3 }, "USAGE_ERROR"],
      ["outline", { target: "../../etc/passwd.py" }, "PATH_OUTSIDE_SEGMENT"],
      ["outline", { target: "/etc/hosts" }, "PATH_OUTSIDE_SEGMENT"],
      ["outline", { target: "missing.py" }, "FILE_NOT_FOUND"],
      ["outline", { target: "sym://cobol/mod/x" }, "UNSUPPORTED_LANGUAGE"],
      ["outline", { target: "sym://python/type/a#Nope" }, "SYMBOL_NOT_FOUND"],
      ["outline", { target: "a.py", kinds: "function" }, "USAGE_ERROR"],
      ["get", { ids: [] }, "USAGE_ERROR"],
      ["get", { ids: ["a.py#f"], mode: "full" }, "USAGE_ERROR"],
      ["status", { build: "yes" }, "USAGE_ERROR"],
      ["nope", {}, "USAGE_ERROR"],
    ];
    for (const [name, args, code] of cases) {
      const result = await call(client, name, args);
      expect({ name, args, isError: result.isError, code: result.error?.error_code }).toEqual({ name, args, isError: true, code });
    }
    // A cursor from one request is refused for another.
    const big = makeSegment(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`m${i}.py`, `def handler_${i}():\n    """Handle request ${i}."""\n`])));
    const other = await connect(big);
    await untilBuilt(other);
    const page = await call(other, "search", { query: "handle request", limit: 30, budget: 300 });
    expect(page.structured.next_cursor).toBeString();
    const misuse = await call(other, "search", { query: "something else", cursor: page.structured.next_cursor });
    expect(misuse.error.error_code).toBe("USAGE_ERROR");
    // Filters as in ctx search: paths (with !exclusions) and no tests.
    const filtered = makeSegment({ "src/app.py": "def handle_order():\n    pass\n", "tests/test_app.py": "def test_handle_order():\n    pass\n", "vendor/lib.py": "def handle_order_vendor():\n    pass\n" });
    const third = await connect(filtered);
    await untilBuilt(third);
    const ids = async (args: Record<string, unknown>) => (await call(third, "search", { query: "handle order", ...args })).structured.hits.map((h: any) => h.file_rel).sort();
    expect(await ids({ paths: ["src/**"] })).toEqual(["src/app.py"]);
    expect(await ids({ paths: ["!vendor/**"], tests: false })).toEqual(["src/app.py"]);
    expect(await ids({})).toEqual(["src/app.py", "tests/test_app.py", "vendor/lib.py"]);
    const unknownId = await call(client, "get", { ids: ["a.py#nope"] });
    expect(unknownId.structured.errors[0].error_code).toBe("ID_NOT_FOUND");
    expect((await call(client, "search", { query: "f" })).structured.hits[0].id).toBe("a.py#f");
  });

  test.concurrent("an edit between two calls is seen by the second; calls at once all answer", async () => {
    const segment = makeSegment({ "svc.py": "def alpha():\n    return 1\n" });
    const client = await connect(segment);
    await untilBuilt(client);
    expect((await call(client, "search", { query: "alpha" })).structured.hits[0].id).toBe("svc.py#alpha");
    // The outline before the edit is kept warm in memory: the edit must still be seen.
    expect((await call(client, "outline", { target: "svc.py" })).structured.symbols.map((s: any) => s.name)).toEqual(["alpha"]);
    writeFileSync(join(segment, "svc.py"), "# moved down\n\ndef beta():\n    return 2\n\ndef alpha():\n    return 1\n");
    const after = await call(client, "search", { query: "alpha" });
    expect(after.structured.hits[0]).toMatchObject({ id: "svc.py#alpha", line: 6 });
    expect(after.structured.refreshed).toEqual(["svc.py"]);
    expect((await call(client, "outline", { target: "svc.py" })).structured.symbols.map((s: any) => s.name)).toEqual(["beta", "alpha"]);
    writeFileSync(join(segment, "new.py"), "def gamma():\n    pass\n");
    expect((await call(client, "get", { ids: ["new.py#gamma"] })).structured.pieces).toHaveLength(0);
    expect((await call(client, "search", { query: "gamma" })).structured.hits[0].id).toBe("new.py#gamma");

    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => call(client, ["search", "outline", "get", "status"][i % 4]!, [{ query: "beta" }, { target: "svc.py" }, { ids: ["svc.py#beta"] }, {}][i % 4]!)));
    for (const [i, answer] of answers.entries()) {
      expect(answer.isError).toBeFalsy();
      if (i % 4 === 0) expect(answer.structured.hits[0].id).toBe("svc.py#beta");
      if (i % 4 === 2) expect(answer.structured.pieces[0].citation).toBe("svc.py:1-6");
    }
  });

  test.concurrent("--telemetry lite: each call is an event (mcp.<tool>, its outcome, its time) in the segment's telemetry", async () => {
    const segment = makeSegment({ "svc.py": "def alpha():\n    return 1\n" });
    const client = await connect(segment, { args: ["--telemetry", "lite"] });
    await untilBuilt(client);
    expect((await call(client, "search", { query: "alpha" })).structured.hits[0].id).toBe("svc.py#alpha");
    const missing = await call(client, "outline", { target: "nope.py" });
    expect(missing.isError).toBe(true);
    await client.close();
    const events = readFileSync(join(segment, "_ctx", "telemetry", "events.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line));
    const search = events.find((e) => e.cmd === "mcp.search");
    const outline = events.find((e) => e.cmd === "mcp.outline");
    expect(search).toMatchObject({ args: {}, result: { status: "ok" } });
    expect(outline).toMatchObject({ result: { status: "error", error_code: missing.error.error_code } });
    expect(events.filter((e) => e.cmd === "mcp.status").length).toBeGreaterThan(0);
    expect(search.timing_ms).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(events)).not.toContain(segment);
  });

  test.concurrent("the client's roots win over --segment", async () => {
    const flagged = makeSegment({ "flag.py": "def from_flag():\n    pass\n" });
    const rooted = makeSegment({ "root.py": "def from_root():\n    pass\n" });
    const client = await connect(flagged, { roots: [rooted] });
    const status = await call(client, "status", {});
    expect(status.structured.segment_root).toBe(rooted);
    expect((await call(client, "outline", { target: "flag.py" })).error.error_code).toBe("FILE_NOT_FOUND");
  });

  test.concurrent("a background build answers meanwhile, then the whole segment is there", async () => {
    const files = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`pkg/mod_${i}.py`, `class Model${i}:\n    def save_${i}(self):\n        return ${i}\n`]));
    const segment = makeSegment(files);
    const client = await connect(segment);
    const early = await call(client, "status", {});
    expect(early.isError).toBeFalsy();
    // Either the build is still running (and says so) or it is already done; both are answers.
    if (early.structured.server_build?.state === "running") expect(early.structured.index_incomplete?.building).toBe(true);
    const done = await untilBuilt(client);
    expect(done).toMatchObject({ index: "complete", files: 400 });
    expect((await call(client, "search", { query: "save_399" })).structured.hits[0].id).toBe("pkg/mod_399.py#Model399.save_399");
  });

  test.concurrent("a database replaced with garbage between calls is recovered, as in the CLI", async () => {
    const segment = makeSegment({ "a.py": "def keep():\n    pass\n" });
    const client = await connect(segment);
    await untilBuilt(client);
    const db = expectedDbPath(segment);
    const garbage = `${db}.garbage`;
    writeFileSync(garbage, Buffer.alloc(64 * 1024, 0xa5));
    // A new file under the same name (rename is atomic), as another process might leave it.
    renameSync(garbage, db);
    const after = await call(client, "search", { query: "keep" });
    expect(after.isError).toBeFalsy();
    expect(after.structured.hits[0].id).toBe("a.py#keep");
  });

  test.concurrent("a disk that fills mid-session: a typed error (as in the CLI), and answers again once there is room", async () => {
    const mountPoint = mkdtempSync(join(tmpdir(), "trifecta-mcp-mnt-"));
    const sh = (cmd: string) => Bun.spawnSync(["sh", "-c", cmd], { stderr: "pipe" });
    expect(sh(`mount -t tmpfs -o size=4m tmpfs ${mountPoint}`).exitCode).toBe(0);
    try {
      const segment = join(mountPoint, "seg");
      mkdirSync(segment);
      for (let i = 0; i < 20; i++) writeFileSync(join(segment, `m${i}.py`), `def first_${i}():\n    pass\n`);
      const client = await connect(segment);
      await untilBuilt(client);
      for (let i = 0; i < 20; i++) writeFileSync(join(segment, `m${i}.py`), `${"# padding\n".repeat(400)}def second_${i}():\n    pass\n`);
      try {
        for (let i = 0; ; i++) writeFileSync(join(mountPoint, `fill${i}`), Buffer.alloc(4096, 1));
      } catch {}
      const full = await call(client, "search", { query: "second_7" });
      if (full.isError) expect(full.error).toMatchObject({ error_code: "CACHE_UNAVAILABLE", reason: "disk_full" });
      else expect(full.structured.hits[0].id).toBe("m7.py#second_7");
      sh(`rm -f ${mountPoint}/fill*`);
      const after = await call(client, "search", { query: "second_7" });
      expect(after.structured.hits[0]).toMatchObject({ id: "m7.py#second_7", line: 401 });
      await client.close();
    } finally {
      sh(`umount ${mountPoint}`);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });

  test.concurrent("with a team cache: the server's build reads every entry from it (nginx WebDAV on 127.0.0.1)", async () => {
    const nginx = await startNginx();
    try {
      const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`pkg/m${i}.py`, `def shared_${i}():\n    return ${i}\n`]));
      const machineA = makeSegment(files);
      const filled = await cli(["ctx", "build", "--segment", machineA, "--remote-cache", nginx.url], { env: { TRIFECTA_REMOTE_CACHE_MODE: "readwrite" } });
      expect(filled.exitCode).toBe(0);
      const machineB = makeSegment(files);
      const client = await connect(machineB, { args: ["--remote-cache", nginx.url] });
      const built = await untilBuilt(client);
      expect(built.server_build).toMatchObject({ state: "done", files_indexed: 12, remote_hits: 12 });
      expect((await call(client, "search", { query: "shared_11" })).structured.hits[0].id).toBe("pkg/m11.py#shared_11");
      await client.close();
    } finally {
      await nginx.stop();
    }
  });

  test("a client that dies mid-call ends the server within a second", async () => {
    const segment = makeSegment(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`m${i}.py`, `def f${i}():\n    pass\n`])));
    const server = Bun.spawn([BINARY, "mcp", "--segment", segment], { stdin: "pipe", stdout: "pipe", stderr: "pipe", env: cliEnv() });
    const send = (message: object) => server.stdin.write(`${JSON.stringify(message)}\n`);
    send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "dying", version: "1" } } });
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "search", arguments: { query: "f1" } } });
    const reader = server.stdout.getReader();
    await reader.read(); // the initialize answer: the server is up and building
    const closedAt = performance.now();
    await server.stdin.end();
    await server.exited;
    expect(performance.now() - closedAt).toBeLessThan(1000);
  });
});

describe("trifecta mcp over Streamable HTTP", () => {
  async function serve(segment: string, env: Record<string, string> = {}, listen = "127.0.0.1:0") {
    const proc = Bun.spawn([BINARY, "mcp", "--segment", segment, "--http", listen], { stdout: "pipe", stderr: "pipe", env: cliEnv(env) });
    const reader = proc.stderr.getReader();
    let seen = "";
    while (!/http:\/\/\S+\/mcp/.test(seen)) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += new TextDecoder().decode(value);
    }
    const url = /http:\/\/\S+\/mcp/.exec(seen)?.[0];
    return { proc, url, seen };
  }

  test("several clients at once; a token is required when set; foreign Origin and Host refused", async () => {
    const segment = makeSegment({ "a.py": "def served():\n    pass\n" });
    const { proc, url } = await serve(segment, { TRIFECTA_MCP_TOKEN: "t0ken" });
    try {
      expect(url).toBeString();
      const connectHttp = async (headers: Record<string, string>) => {
        const client = new Client({ name: "http", version: "1" });
        await client.connect(new StreamableHTTPClientTransport(new URL(url!), { requestInit: { headers } }));
        return client;
      };
      await expect(connectHttp({})).rejects.toThrow();
      await expect(connectHttp({ authorization: "Bearer wrong" })).rejects.toThrow();
      const clientsAtOnce = await Promise.all([1, 2, 3].map(() => connectHttp({ authorization: "Bearer t0ken" })));
      const answers = await Promise.all(clientsAtOnce.map((c) => call(c, "search", { query: "served" })));
      for (const a of answers) expect({ text: a.text, id: a.structured?.hits[0].id }).toEqual({ text: a.text, id: "a.py#served" });
      await Promise.all(clientsAtOnce.map((c) => c.close()));

      const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} });
      const headers = { authorization: "Bearer t0ken", "content-type": "application/json", accept: "application/json, text/event-stream" };
      expect((await fetch(url!, { method: "POST", body, headers: { ...headers, origin: "http://evil.example" } })).status).toBe(403);
      expect((await fetch(url!, { method: "POST", body, headers: { ...headers, host: "evil.example" } })).status).toBe(403);
      expect((await fetch(url!, { method: "POST", body: "x".repeat(2 * 1024 * 1024), headers })).status).toBe(413);
      const listed = await fetch(url!, { method: "POST", body, headers: { ...headers, origin: new URL(url!).origin } });
      expect(listed.status).toBe(200);
    } finally {
      proc.kill();
      await proc.exited;
    }
  });

  test("loopback needs no token; another host needs one", async () => {
    const segment = makeSegment({ "a.py": "def f():\n    pass\n" });
    const { proc, url } = await serve(segment);
    try {
      const client = new Client({ name: "http", version: "1" });
      await client.connect(new StreamableHTTPClientTransport(new URL(url!)));
      expect((await call(client, "outline", { target: "a.py" })).structured.symbols[0].name).toBe("f");
      await client.close();
    } finally {
      proc.kill();
      await proc.exited;
    }
    const refused = await cli(["mcp", "--segment", segment, "--http", "0.0.0.0:0"]);
    expect(refused.exitCode).toBe(2);
    expect(refused.json.error_code).toBe("USAGE_ERROR");
    // A port in use is a usage error too, not a crash.
    const { proc: first, url: taken } = await serve(segment);
    try {
      const busy = await cli(["mcp", "--segment", segment, "--http", new URL(taken!).host]);
      expect({ exit: busy.exitCode, code: busy.json?.error_code }).toEqual({ exit: 2, code: "USAGE_ERROR" });
    } finally {
      first.kill();
      await first.exited;
    }
  });
});
