import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { TelemetryLevel } from "../core/settings.ts";
import type { ServiceContext } from "../services/answered.ts";
import { createServer, Workspaces } from "./server.ts";

/**
 * MCP over stdio until the client goes: stdin ending (the client closed it, or died and the kernel
 * closed the pipe) ends the server at once, whatever a background build was doing (the next build
 * resumes it).
 */
export async function serveStdio(context: ServiceContext, segment: string | undefined, telemetry: TelemetryLevel): Promise<number> {
  const workspaces = new Workspaces(context, telemetry);
  const server = createServer(workspaces, segment);
  const transport = new StdioServerTransport();
  const ended = new Promise<void>((resolve) => {
    process.stdin.once("end", resolve);
    process.stdin.once("close", resolve);
    transport.onclose = resolve;
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await server.connect(transport);
  await ended;
  workspaces.close();
  return 0;
}
