import { expect, test } from "bun:test";
import { Glob } from "bun";
import { join } from "node:path";
import { REPO } from "./helpers.ts";

/**
 * Data flows one way: front end → resolve → cache or extract → answer. Each folder of src/ may import
 * only folders below it in this list (`languages.ts` and other files at the top of src/ are "(root)").
 * Modules count, not data: the language table embeds the query files (`.scm` text) it names.
 */
const LAYERS = ["core", "(root)", "uri", "store", "extract", "resolve", "cache", "symbols", "format", "telemetry", "ctx", "graph", "services", "mcp", "cli"];

test("no folder imports a folder above it, so there is no cycle", async () => {
  const src = join(REPO, "src");
  const folder = (path: string) => (path.includes("/") ? path.split("/")[0]! : "(root)");
  const upward: string[] = [];
  for (const file of new Glob("**/*.ts").scanSync({ cwd: src })) {
    const text = await Bun.file(join(src, file)).text();
    for (const match of text.matchAll(/(?:from|import\()\s*"(\.[^"]+\.ts)"/g)) {
      const target = new URL(match[1]!, `file:///src/${file}`).pathname.replace(/^\/src\//, "");
      const [from, to] = [folder(file), folder(target)];
      expect(LAYERS).toContain(from);
      if (from !== to && LAYERS.indexOf(to) > LAYERS.indexOf(from)) upward.push(`${file} imports ${target}`);
    }
  }
  expect(upward).toEqual([]);
});
