import { defineCommand } from "citty";
import { readSettings } from "../../core/settings.ts";
import { resolveSegment } from "../../resolve/segment.ts";
import { buildReport, parseDuration, renderReport } from "../../telemetry/report.ts";
import { telemetryDir } from "../../telemetry/telemetry.ts";
import { writeStdout } from "../output.ts";
import { usage } from "../strict-args.ts";
import { finish, printOk, segmentArg } from "./shared.ts";

const report = defineCommand({
  meta: { name: "report", description: "Commands, hit rate, latency percentiles, bypasses, corruptions and lock waits from events.jsonl" },
  args: {
    ...segmentArg,
    since: { type: "string", description: "Window such as 7d, 12h, 30m (default 7d)" },
    json: { type: "boolean", description: "JSON output (the default when stdout is not a terminal)" },
  },
  async run({ args }) {
    const sinceText = args.since ?? "7d";
    const sinceMs = parseDuration(sinceText);
    if (sinceMs === null) return usage(`--since takes a number and a unit (s, m, h, d), e.g. 7d; got '${sinceText}'`);
    const segment = resolveSegment(args.segment);
    if (!segment.ok) return finish(segment);
    const dir = telemetryDir(segment.value.root, readSettings().telemetry.dir);
    const built = buildReport(dir, sinceMs, sinceText);
    const asJson = args.json === true || !process.stdout.isTTY;
    await finish({ ok: true, value: built }, asJson ? printOk : (r) => writeStdout(renderReport(r)));
  },
});

export const telemetryCommand = defineCommand({
  meta: { name: "telemetry", description: "Read what trifecta recorded about its own runs" },
  subCommands: { report },
});
