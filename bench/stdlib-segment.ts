/** A copy of the Python standard library without tests or site-packages, as a segment for benchmarks. */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stdlibDir } from "../scripts/python-agreement.ts";

const SKIP_DIRS = new Set(["site-packages", "test", "tests", "idle_test", "__pycache__"]);

export function stdlibSegment(): { root: string; files: number } {
  const source = stdlibDir();
  const root = realpathSync(mkdtempSync(join(tmpdir(), "trifecta-stdlib-")));
  let files = 0;
  const copy = (rel: string) => {
    for (const entry of readdirSync(join(source, rel), { withFileTypes: true })) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) copy(child);
      else if (entry.isFile() && entry.name.endsWith(".py") && !entry.name.startsWith("test_")) {
        mkdirSync(join(root, rel), { recursive: true });
        copyFileSync(join(source, child), join(root, child));
        files++;
      }
    }
  };
  copy("");
  return { root, files };
}
