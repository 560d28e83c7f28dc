/**
 * The MCP server driven by a second, independent client: the MCP Inspector's CLI mode
 * (`@modelcontextprotocol/inspector --cli`, installed from npm into a scratch folder), with `--strict`
 * schema checks, on the bundled example. Not in the default suite: it needs the npm registry.
 *
 *   bun run build && bun scripts/mcp-inspector.ts
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const INSPECTOR = "@modelcontextprotocol/inspector@2.12.0";
const repo = join(import.meta.dir, "..");
const binary = join(repo, "dist", "trifecta");
const segment = join(repo, "examples", "shop");
const scratch = mkdtempSync(join(tmpdir(), "trifecta-inspector-"));

const install = Bun.spawnSync(["npm", "install", "--no-audit", "--no-fund", INSPECTOR], { cwd: scratch, stdout: "ignore", stderr: "pipe" });
if (install.exitCode !== 0) throw new Error(`npm install ${INSPECTOR} failed:\n${install.stderr}`);

const calls: [string, string[], (answer: any) => boolean][] = [
  ["tools/list", [], (a) => a.tools.map((t: any) => t.name).join() === "search,outline,get,refs,map,status"],
  ["tools/call", ["--tool-name", "search", "--tool-arg", "query=cart total"], (a) => a.structuredContent.hits[0].file_rel === "shop/cart.py"],
  ["tools/call", ["--tool-name", "outline", "--tool-arg", "target=shop/cart.py"], (a) => a.structuredContent.symbols.some((s: any) => s.qualified_name === "Cart.total")],
  ["tools/call", ["--tool-name", "get", "--tool-arg", 'ids=["shop/cart.py#Cart.add"]'], (a) => a.structuredContent.pieces[0].citation.startsWith("shop/cart.py:")],
  ["tools/call", ["--tool-name", "get", "--tool-arg", 'ids=["Cart.add"]'], (a) => a.structuredContent.pieces[0].id === "shop/cart.py#Cart.add"],
  ["tools/call", ["--tool-name", "refs", "--tool-arg", "target=Cart.add"], (a) => a.structuredContent.targets[0].id === "shop/cart.py#Cart.add"],
  ["tools/call", ["--tool-name", "map", "--tool-arg", "budget=300"], (a) => typeof a.structuredContent === "object" && !a.isError],
  ["tools/call", ["--tool-name", "status"], (a) => a.structuredContent.index === "complete"],
  ["tools/call", ["--tool-name", "outline", "--tool-arg", "target=../outside.py"], (a) => a.isError === true && JSON.parse(a.content[0].text).error_code === "PATH_OUTSIDE_SEGMENT"],
];
let failed = 0;
for (const [method, args, check] of calls) {
  // `--strict` (schema portability checks) applies to tools/list only.
  const strict = method === "tools/list" ? ["--strict"] : [];
  const run = Bun.spawnSync(["npx", "mcp-inspector", "--cli", ...strict, binary, "mcp", "--segment", segment, "--method", method, ...args], {
    cwd: scratch,
    env: { ...process.env, MCP_CATALOG_PATH: join(scratch, "catalog.json") },
    stdout: "pipe",
    stderr: "pipe",
  });
  let answer: unknown = null;
  try {
    answer = JSON.parse(run.stdout.toString());
  } catch {}
  // The inspector exits non-zero on an isError result (the one case that expects it).
  const expectsError = args.includes("target=../outside.py");
  const good = (run.exitCode === 0) !== expectsError && answer !== null && check(answer) && !/warning/i.test(run.stderr.toString());
  if (!good) failed++;
  console.log(`${good ? "ok  " : "FAIL"} ${method} ${args.join(" ")}${good ? "" : `\n${run.stderr}${run.stdout}`}`);
}
console.log(`inspector: ${calls.length - failed} of ${calls.length} calls as expected (tools/list with strict schema checks)`);
process.exit(failed === 0 ? 0 : 1);
