import { timingSafeEqual } from "node:crypto";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { fail, ok, type Result } from "../core/result.ts";
import type { TelemetryLevel } from "../core/settings.ts";
import type { ServiceContext } from "../services/answered.ts";
import { createServer, Workspaces } from "./server.ts";

/** Requests answered at once; more wait for none and get 503 (each takes milliseconds). */
const MAX_IN_FLIGHT = 32;
/** A tool call is a few hundred bytes; 1 MiB leaves room for long id lists and nothing else. */
const MAX_BODY_BYTES = 1024 * 1024;

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export interface Listen {
  readonly host: string;
  readonly port: number;
}

/** `--http` takes `HOST:PORT` or `PORT` (on 127.0.0.1); port 0 picks a free one. */
export function parseListen(value: string): Result<Listen> {
  const match = /^(?:(\[[0-9a-f:]+\]|[A-Za-z0-9.-]+):)?(\d{1,5})$/.exec(value);
  const port = match ? Number(match[2]) : Number.NaN;
  if (!match || port > 65_535) return fail("USAGE_ERROR", `--http takes HOST:PORT or PORT; got '${value}'`);
  return ok({ host: match[1] ?? "127.0.0.1", port });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const refuse = (status: number, message: string) => Response.json({ jsonrpc: "2.0", error: { code: -32_000, message }, id: null }, { status });

/**
 * MCP over Streamable HTTP for many clients at once, stateless (a server and a transport per
 * request, JSON answers), on one set of warm workspaces. Loopback only unless a token is set; the
 * Host header must name this listener and an Origin, when sent, this host (DNS rebinding).
 */
export async function serveHttp(context: ServiceContext, segment: string | undefined, listen: Listen, telemetry: TelemetryLevel, announce: (url: string) => Promise<void>): Promise<Result<number>> {
  const token = context.settings.mcpToken;
  if (!LOOPBACK.has(listen.host) && token === null) {
    return fail("USAGE_ERROR", `listening on ${listen.host} needs TRIFECTA_MCP_TOKEN set (loopback needs none)`);
  }
  const workspaces = new Workspaces(context, telemetry);
  let inFlight = 0;
  const options: Parameters<typeof Bun.serve>[0] = {
    hostname: listen.host,
    port: listen.port,
    maxRequestBodySize: MAX_BODY_BYTES,
    async fetch(request, bound) {
      const url = new URL(request.url);
      if (url.pathname !== "/mcp") return refuse(404, "the MCP endpoint is /mcp");
      const hosts = new Set([`${listen.host}:${bound.port}`, ...[...LOOPBACK].map((h) => `${h}:${bound.port}`)]);
      if (!hosts.has(request.headers.get("host") ?? "")) return refuse(403, "Host header does not name this server");
      const origin = request.headers.get("origin");
      if (origin !== null && !hosts.has(origin.replace(/^https?:\/\//, ""))) return refuse(403, "foreign Origin");
      if (token !== null && !sameSecret(request.headers.get("authorization") ?? "", `Bearer ${token}`)) return refuse(401, "missing or wrong bearer token");
      if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return refuse(413, "request body too large");
      if (inFlight >= MAX_IN_FLIGHT) return refuse(503, "too many requests at once; retry");
      inFlight++;
      const mcp = createServer(workspaces, segment);
      const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true, maxRequestBodySize: MAX_BODY_BYTES });
      try {
        await mcp.connect(transport);
        return await transport.handleRequest(request);
      } finally {
        inFlight--;
        void mcp.close();
      }
    },
  };
  let server: ReturnType<typeof Bun.serve>;
  try {
    server = Bun.serve(options);
  } catch (error) {
    return fail("USAGE_ERROR", `cannot listen on ${listen.host}:${listen.port}: ${(error as Error).message}`);
  }
  await announce(`http://${listen.host}:${server.port}/mcp`);
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await server.stop(true);
  workspaces.close();
  return ok(0);
}
