/**
 * The MCP server against the CLI, side by side in one run on the Python standard library: the same
 * outline (a cache hit), search and get, as tool calls through the SDK's client over stdio (one warm
 * server) and as one CLI process each, interleaved. Then the server's RSS after 100 calls and after
 * 10,000 (growth must stay under 10%), read at once and after 1.5 s idle (the server collects its heap
 * after 1 s without calls), and `tools/list`'s size.
 *
 *   bun run build && bun bench/mcp.ts [calls per tool, default 1000] [cli runs per tool, default 100] [--binary PATH]
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { stdlibSegment } from "./stdlib-segment.ts";

const calls = Number(process.argv[2] ?? 1000);
const cliRuns = Number(process.argv[3] ?? 100);
const binaryAt = process.argv.indexOf("--binary");
const binary = binaryAt === -1 ? join(import.meta.dir, "..", "dist", "trifecta") : process.argv[binaryAt + 1]!;
const { root } = stdlibSegment();

const TOOLS = {
  outline: { args: { target: "argparse.py", budget: 100_000 }, cli: ["ast", "symbols", "sym://python/mod/argparse"] },
  // The first page at the default budget (4,000 tokens), as an agent asks; the CLI has no pages.
  "outline, default budget": { args: { target: "argparse.py" }, cli: ["ast", "symbols", "sym://python/mod/argparse"] },
  search: { args: { query: "parse command line arguments" }, cli: ["ctx", "search", "parse command line arguments"] },
  get: { args: { ids: ["argparse.py#ArgumentParser.parse_args"], mode: "skeleton" }, cli: ["ctx", "get", "argparse.py#ArgumentParser.parse_args", "--mode", "skeleton"] },
} as const;
type ToolName = keyof typeof TOOLS;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

Bun.spawnSync([binary, "ctx", "build", "--segment", root]);
Bun.spawnSync([binary, "ast", "symbols", "sym://python/mod/argparse", "--segment", root]);

const transport = new StdioClientTransport({ command: binary, args: ["mcp", "--segment", root], stderr: "ignore" });
const client = new Client({ name: "bench", version: "1" });
const connectStarted = performance.now();
await client.connect(transport);
const connectMs = performance.now() - connectStarted;
const listed = await client.listTools();
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${transport.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

async function mcpCall(tool: ToolName): Promise<number> {
  const started = performance.now();
  const result = await client.callTool({ name: tool.split(",")[0]!, arguments: TOOLS[tool].args });
  const ms = performance.now() - started;
  if (result.isError) throw new Error(`${tool}: ${JSON.stringify(result.content)}`);
  return ms;
}

function cliCall(tool: ToolName): number {
  const started = performance.now();
  const run = Bun.spawnSync([binary, ...TOOLS[tool].cli, "--segment", root], { stdout: "pipe", stderr: "ignore" });
  if (run.exitCode !== 0) throw new Error(`${tool} CLI exited ${run.exitCode}`);
  return performance.now() - started;
}

const samples: Record<string, number[]> = {};
const add = (name: string, ms: number) => {
  samples[name] ??= [];
  samples[name].push(ms);
};
let total = 0;
let rssAt100 = { busy: 0, idle: 0 };
/** RSS now, and after the idle collection. */
const rssPair = async () => {
  const busy = rss();
  await Bun.sleep(1500);
  return { busy, idle: rss() };
};
const every = Math.max(1, Math.floor(calls / cliRuns));
for (let i = 0; i < calls; i++) {
  for (const tool of Object.keys(TOOLS) as ToolName[]) {
    add(`mcp ${tool}`, await mcpCall(tool));
    if (++total === 100) rssAt100 = await rssPair();
    if (i % every === 0) add(`cli ${tool}`, cliCall(tool));
  }
}
// On to 10,000 calls in all, the same three in turn.
while (total < 10_000) {
  for (const tool of Object.keys(TOOLS) as ToolName[]) {
    await mcpCall(tool);
    total++;
  }
}
const rssAt10k = await rssPair();
await client.close();
rmSync(root, { recursive: true, force: true });

console.log(`segment: Python standard library copy; ${calls} MCP calls and ${samples["cli outline"]?.length} CLI runs per tool, interleaved`);
console.log(`connect (spawn + initialize): ${connectMs.toFixed(1)} ms; tools/list: ${listed.tools.length} tools, ${Math.ceil(JSON.stringify(listed).length / 4)} tokens`);
console.log("| call | MCP p50 ms | MCP p95 ms | CLI p50 ms | CLI p95 ms | CLI p50 ÷ MCP p50 |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const tool of Object.keys(TOOLS) as ToolName[]) {
  const m = samples[`mcp ${tool}`]!;
  const c = samples[`cli ${tool}`]!;
  console.log(`| ${tool} | ${quantile(m, 0.5).toFixed(2)} | ${quantile(m, 0.95).toFixed(2)} | ${quantile(c, 0.5).toFixed(1)} | ${quantile(c, 0.95).toFixed(1)} | ${(quantile(c, 0.5) / quantile(m, 0.5)).toFixed(1)}× |`);
}
const growth = (key: "busy" | "idle") => `${rssAt100[key].toFixed(1)} → ${rssAt10k[key].toFixed(1)} MB (${(((rssAt10k[key] - rssAt100[key]) / rssAt100[key]) * 100).toFixed(1)}%)`;
console.log(`server RSS after 100 → ${total} calls: read at once ${growth("busy")}; after 1.5 s idle ${growth("idle")}`);
