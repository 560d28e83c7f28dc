import { defineCommand } from "citty";
import { openRemoteCache } from "../../cache/remote.ts";
import { useNormalJit } from "../../core/jit.ts";
import { readSettings, TELEMETRY_LEVELS } from "../../core/settings.ts";
import { telemetryLevel } from "../../telemetry/telemetry.ts";
import { parseListen, serveHttp } from "../../mcp/http.ts";
import { serveStdio } from "../../mcp/stdio.ts";
import { tellHuman } from "../output.ts";
import { usage } from "../strict-args.ts";
import { endRemote, oneOf, remoteCacheArg, segmentArg, telemetryArg, withRemoteFlag } from "./shared.ts";

export const mcpCommand = defineCommand({
  meta: { name: "mcp", description: "Serve search, outline, get and status to an agent over MCP (stdio, or Streamable HTTP with --http)" },
  args: {
    ...segmentArg,
    http: { type: "string", description: "Serve over Streamable HTTP on HOST:PORT or PORT (127.0.0.1; another host needs TRIFECTA_MCP_TOKEN)" },
    ...remoteCacheArg,
    ...telemetryArg,
  },
  async run({ args }) {
    // A server lives long: the normal JIT policy pays back within the first calls.
    useNormalJit();
    const configured = withRemoteFlag(readSettings(), args["remote-cache"]);
    if (!configured.ok) return configured;
    const settings = configured.value;
    const flag = oneOf("telemetry", args.telemetry, TELEMETRY_LEVELS, "off");
    if (!flag.ok) return flag;
    const telemetry = telemetryLevel(args.telemetry === undefined ? undefined : flag.value, settings.telemetry);
    const remote = openRemoteCache(settings.remote, settings.cache.limits.maxBytes);
    const context = { settings, events: () => {}, remote };
    // The team cache's pending uploads get their deadline when the server ends.
    const ended = async (code: number) => {
      if (remote) await endRemote(remote, args.segment, settings);
      process.exitCode = code;
    };
    if (args.http === undefined) return ended(await serveStdio(context, args.segment, telemetry));
    const listen = parseListen(args.http);
    if (!listen.ok) return usage(listen.error.message);
    const served = await serveHttp(context, args.segment, listen.value, telemetry, (url) => tellHuman("info", `MCP over Streamable HTTP at ${url}`));
    if (!served.ok) return usage(served.error.message);
    return ended(served.value);
  },
});
