import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ListToolsRequestSchema, RootsListChangedNotificationSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { fail, ok, type Result, type TrifectaError } from "../core/result.ts";
import { resolveSegment } from "../resolve/segment.ts";
import type { ServiceContext } from "../services/answered.ts";
import type { TelemetryLevel } from "../core/settings.ts";
import { openTelemetry, type Telemetry } from "../telemetry/telemetry.ts";
import { budgetOf, fits, type Rendered } from "./budget.ts";
import { TOOLS, unknownTool } from "./tools.ts";
import { validateArguments } from "./validate.ts";
import { Workspace } from "./workspace.ts";

/**
 * The MCP front end: the tools of src/mcp/tools.ts over the same services as the CLI, in-process,
 * on warm workspaces. Invariants: an answer never exceeds its budget; bad input is an `isError`
 * result with the CLI's error codes, never a crash; nothing outside the segment is read.
 */

export const SERVER_INFO = { name: "trifecta", version: "0.1.0" };

const INSTRUCTIONS = "Code search and outlines from a local index kept fresh on every call. search → ids; get ids for the lines; outline a file or sym:// URI; status for the index.";

/** After this long without a call the heap is collected, so an idle server holds no garbage. */
const IDLE_COLLECT_MS = 1000;
/** A busy server collects after this many calls too (a full collection takes a few ms, paid by one call in 1,000). */
const COLLECT_EVERY_CALLS = 1000;

/**
 * Tool calls run one at a time: they share one connection, and each takes milliseconds. Once none
 * has come for a second, a full garbage collection returns what the calls left behind (RSS over
 * 30,000 calls otherwise wandered between 78 and 96 MB with the collector's timing).
 */
class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  private idle: Timer | undefined;
  private calls = 0;
  run<T>(work: () => Promise<T>): Promise<T> {
    clearTimeout(this.idle);
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    void next.finally(() => {
      clearTimeout(this.idle);
      if (++this.calls % COLLECT_EVERY_CALLS === 0) Bun.gc(true);
      this.idle = setTimeout(() => Bun.gc(true), IDLE_COLLECT_MS);
      this.idle.unref();
    }).catch(() => undefined);
    return next;
  }
}

/** Where the server's workspaces live, shared by every connection of one process. */
export class Workspaces {
  private readonly open = new Map<string, Workspace>();
  private readonly telemetries = new Map<string, Telemetry>();
  readonly serial = new Serial();

  constructor(
    readonly context: ServiceContext,
    private readonly telemetryLevel: TelemetryLevel = "off",
  ) {}

  /** One event per tool call in the segment's telemetry, when it is on (`mcp.<tool>`: the outcome and the time, as the CLI's commands). */
  record(root: string, tool: string, result: Record<string, unknown>, ms: number): void {
    if (this.telemetryLevel === "off") return;
    let telemetry = this.telemetries.get(root);
    if (!telemetry) {
      telemetry = openTelemetry(root, this.telemetryLevel, this.context.settings.telemetry);
      this.telemetries.set(root, telemetry);
    }
    telemetry.emit(`mcp.${tool}`, {}, result, ms);
  }

  /** The warm workspace of a segment root, started on first use (with a build when the index is not complete). */
  for(root: string): Workspace {
    let workspace = this.open.get(root);
    if (!workspace) {
      workspace = new Workspace(this.context, root);
      this.open.set(root, workspace);
    }
    return workspace;
  }

  close(): void {
    for (const workspace of this.open.values()) workspace.close();
  }
}

export function errorResult(error: TrifectaError): CallToolResult {
  return { isError: true, content: [{ type: "text", text: JSON.stringify({ status: "error", error_code: error.code, message: error.message, ...error.details }) }] };
}

/** The first `file://` root the client offers that is a directory: the segment (roots win over `--segment`). */
function rootFromClient(roots: readonly { uri: string }[]): string | null {
  for (const { uri } of roots) {
    if (!uri.startsWith("file://")) continue;
    const path = fileURLToPath(uri);
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return path;
  }
  return null;
}

/**
 * One MCP server (one per connection; the workspaces are shared). `segment` is `--segment`; a client
 * that offers roots is asked for them instead (again when it says they changed).
 */
export function createServer(workspaces: Workspaces, segment: string | undefined): Server {
  const server = new Server(SERVER_INFO, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  let root: Promise<Result<string>> | null = null;

  const resolveRoot = async (): Promise<Result<string>> => {
    if (server.getClientCapabilities()?.roots) {
      const offered = await server.listRoots().then((r) => rootFromClient(r.roots)).catch(() => null);
      if (offered) {
        const found = resolveSegment(offered);
        return found.ok ? ok(found.value.root) : found;
      }
    }
    const found = resolveSegment(segment);
    return found.ok ? ok(found.value.root) : found;
  };
  const workspace = async (): Promise<Result<Workspace>> => {
    root ??= resolveRoot();
    const resolved = await root;
    if (!resolved.ok) root = null;
    return resolved.ok ? ok(workspaces.for(resolved.value)) : resolved;
  };

  // The index is brought up to date in the background as soon as the client is ready, not on the
  // first call (and never before `initialize` is answered).
  server.oninitialized = () => {
    void workspace().then((w) => w.ok && w.value.startBuildIfIncomplete());
  };
  server.setNotificationHandler(RootsListChangedNotificationSchema, async () => {
    root = null;
  });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: TOOLS.map((t) => ({ name: t.name, title: t.title, description: t.description, inputSchema: t.inputSchema, outputSchema: t.outputSchema, annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false } })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const tool = TOOLS.find((t) => t.name === request.params.name);
    if (!tool) return errorResult(unknownTool(request.params.name));
    const args = validateArguments(request.params.arguments, tool.inputSchema);
    if (!args.ok) return errorResult(args.error);
    const found = await workspace();
    if (!found.ok) return errorResult(found.error);
    const started = performance.now();
    const answered = await workspaces.serial.run(() => tool.run(args.value, found.value)).catch((error: unknown): Result<never> => ({ ok: false, error: { code: "INTERNAL_ERROR", message: String((error as Error)?.message ?? error) } }));
    const budget = budgetOf(args.value);
    const result: Result<Rendered> = !answered.ok || fits(answered.value, budget) ? answered : fail("USAGE_ERROR", `the smallest answer does not fit ${budget} tokens`, { hint: "raise budget" });
    workspaces.record(found.value.root, tool.name, result.ok ? { status: "ok" } : { status: "error", error_code: result.error.code }, performance.now() - started);
    if (!result.ok) return errorResult(result.error);
    return { content: [{ type: "text", text: result.value.text }], structuredContent: result.value.structured };
  });
  return server;
}
