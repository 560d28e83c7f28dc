/**
 * Runs the generated/minified detector (src/ctx/generated.ts) over real trees and lists every file it catches,
 * so that a human can check there is no false positive: `bun scripts/generated-survey.ts [--head N] [--extra]`.
 *
 * Every source file of a supported language is surveyed, in skipped directories too (rxjs's dist/, Go's testdata/):
 * the more files, the stricter the test. `.gitattributes` files in a tree are honoured as the walk would.
 * `--head N` reads only the first N bytes (to see what a smaller HEAD_BYTES would miss); `--extra` adds trees
 * that informed the thresholds but are not always installed (npm's own node_modules, Python's site-packages).
 * Trees that are missing are reported and skipped; java.base is unzipped from the JDK's src.zip on first use.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { describeLines, explainGenerated, GitAttributes, HEAD_BYTES, lineStats, type GeneratedVerdict } from "../src/ctx/generated.ts";
import { kindOf } from "../src/ctx/walk.ts";

interface Tree {
  readonly name: string;
  readonly root: string | null;
  /** Directories (tree-relative) not surveyed: another tree's files. */
  readonly exclude?: readonly string[];
}

function command(args: string[]): string | null {
  const run = Bun.spawnSync(args, { stdout: "pipe", stderr: "pipe" });
  return run.exitCode === 0 ? run.stdout.toString().trim() : null;
}

function pythonStdlib(): string | null {
  return command(["python3", "-c", 'import sysconfig;print(sysconfig.get_paths()["stdlib"])']);
}

function goRoot(): string | null {
  const fromGo = command(["go", "env", "GOROOT"]);
  if (fromGo && existsSync(join(fromGo, "src"))) return join(fromGo, "src");
  const candidates = existsSync("/usr/lib") ? readdirSync("/usr/lib").filter((d) => /^go(-[\d.]+)?$/.test(d)) : [];
  for (const dir of candidates.sort().reverse()) if (existsSync(join("/usr/lib", dir, "src"))) return join("/usr/lib", dir, "src");
  return null;
}

const JDK_SRC_ZIP = "/usr/lib/jvm/openjdk-17/lib/src.zip";
const JDK_DIR = "/tmp/generated-jdk";

function javaBase(): string | null {
  const dir = join(JDK_DIR, "java.base");
  if (existsSync(dir)) return dir;
  if (!existsSync(JDK_SRC_ZIP)) return null;
  return command(["unzip", "-q", "-o", JDK_SRC_ZIP, "java.base/*", "-d", JDK_DIR]) === null ? null : dir;
}

const NPM = "/work/corpora/npm/node_modules";
const orNull = (path: string) => (existsSync(path) ? path : null);

function trees(extra: boolean): Tree[] {
  const stdlib = pythonStdlib();
  const list: Tree[] = [
    { name: "python-stdlib", root: stdlib, exclude: ["site-packages"] },
    { name: "go-stdlib", root: goRoot() },
    { name: "openjdk17-java.base", root: javaBase() },
    { name: "npm-rxjs", root: orNull(join(NPM, "rxjs")) },
    { name: "npm-zod", root: orNull(join(NPM, "zod")) },
    { name: "npm-typescript", root: orNull(join(NPM, "typescript")) },
    { name: "django", root: orNull("/usr/lib/python3/dist-packages/django") },
  ];
  if (extra) {
    list.push({ name: "extra-npm-cli", root: orNull("/usr/lib/node_modules/npm") });
    list.push({ name: "extra-python-site-packages", root: stdlib && orNull(join(stdlib, "site-packages")) });
    list.push({ name: "extra-google-cloud-sdk", root: orNull("/usr/lib/google-cloud-sdk") });
  }
  return list;
}

/** Source files of the tree (path order), with the `.gitattributes` in force in their directory. */
function* sourceFiles(root: string, exclude: ReadonlySet<string>): Generator<{ rel: string; attributes: GitAttributes }> {
  const visit = function* (dirRel: string, inherited: GitAttributes): Generator<{ rel: string; attributes: GitAttributes }> {
    const dir = join(root, dirRel);
    let attributes = inherited;
    const own = join(dir, ".gitattributes");
    if (existsSync(own)) attributes = attributes.withFile(readFileSync(own, "utf8"), dirRel);
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = dirRel === "" ? entry.name : `${dirRel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!exclude.has(rel)) yield* visit(rel, attributes);
      } else if (entry.isFile() && kindOf(entry.name)?.type === "source") yield { rel, attributes };
    }
  };
  yield* visit("", GitAttributes.EMPTY);
}

function readHead(path: string, bytes: number): { head: Uint8Array; size: number } {
  const size = statSync(path).size;
  const head = new Uint8Array(Math.min(bytes, size));
  const fd = openSync(path, "r");
  try {
    let read = 0;
    while (read < head.length) {
      const n = readSync(fd, head, read, head.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { head: head.subarray(0, read), size };
  } finally {
    closeSync(fd);
  }
}

interface Caught {
  readonly rel: string;
  readonly reason: string;
  readonly rule: string;
  readonly evidence: string;
}

/** The longest line of the head, in bytes. */
function longestLine(head: Uint8Array): number {
  let longest = 0;
  let start = 0;
  for (let i = 0; i <= head.length; i++) {
    if (i === head.length || head[i] === 10) {
      longest = Math.max(longest, i - start);
      start = i + 1;
    }
  }
  return longest;
}

function survey(tree: Tree, headBytes: number) {
  const caught: Caught[] = [];
  const nearMisses: { rel: string; share: number; evidence: string }[] = [];
  const largest: { rel: string; size: number; longest: number }[] = [];
  let files = 0;
  for (const { rel, attributes } of sourceFiles(tree.root!, new Set(tree.exclude ?? []))) {
    files++;
    const attribute = attributes.generated(rel);
    if (attribute === true) {
      caught.push({ rel, reason: "generated", rule: "gitattributes", evidence: "linguist-generated/vendored" });
      continue;
    }
    const { head, size } = readHead(join(tree.root!, rel), headBytes);
    const verdict: GeneratedVerdict | null = attribute === false ? null : explainGenerated(rel, head, size);
    const minifiable = /\.(?:js|mjs|cjs|css)$/i.test(rel);
    const stats = lineStats(head.subarray(0, HEAD_BYTES));
    if (verdict?.rule === "minified_name" && minifiable) {
      // Whether the line rule alone would have caught it too: the line rule measured on named bundles.
      const byLines = explainGenerated(rel.replace(/\.min(\.\w+)$/i, "$1"), head, size)?.rule === "minified_lines";
      caught.push({ rel, ...verdict, evidence: `${verdict.evidence}; line rule ${byLines ? "agrees" : "does not"}: ${describeLines(stats)}` });
    } else if (verdict) caught.push({ rel, ...verdict });
    else {
      if (minifiable && stats.long > 0) nearMisses.push({ rel, share: stats.long / stats.total, evidence: describeLines(stats) });
      largest.push({ rel, size, longest: longestLine(head.subarray(0, HEAD_BYTES)) });
    }
  }
  return {
    files,
    caught,
    nearMisses: nearMisses.sort((a, b) => b.share - a.share).slice(0, 5),
    largest: largest.sort((a, b) => b.size - a.size).slice(0, 3),
  };
}

const args = process.argv.slice(2);
const headAt = args.indexOf("--head");
const headBytes = headAt === -1 ? HEAD_BYTES : Number(args[headAt + 1]);
if (!Number.isInteger(headBytes) || headBytes <= 0) throw new Error("--head takes a positive number of bytes");

console.log(`generated-survey: first ${headBytes} bytes of each file${headBytes > HEAD_BYTES ? ` (the detector reads ${HEAD_BYTES})` : ""}\n`);
const totals: string[] = [];
for (const tree of trees(args.includes("--extra"))) {
  if (!tree.root || !existsSync(tree.root)) {
    console.log(`== ${tree.name}: not found, skipped\n`);
    continue;
  }
  const { files, caught, nearMisses, largest } = survey(tree, headBytes);
  const byReason = new Map<string, number>();
  for (const c of caught) byReason.set(`${c.reason}/${c.rule}`, (byReason.get(`${c.reason}/${c.rule}`) ?? 0) + 1);
  const counts = [...byReason].map(([k, n]) => `${k} ${n}`).join(", ") || "none";
  console.log(`== ${tree.name} (${tree.root}): ${files} source files, ${caught.length} caught: ${counts}`);
  for (const c of caught) console.log(`  ${c.reason.padEnd(9)} ${c.rule.padEnd(14)} ${c.rel}  | ${c.evidence.slice(0, 160)}`);
  if (nearMisses.length > 0) {
    console.log("  closest JS/CSS files not caught by the line rule:");
    for (const m of nearMisses) console.log(`    ${m.rel}  | ${m.evidence}`);
  }
  console.log("  largest files not caught:");
  for (const l of largest) console.log(`    ${l.rel}  | ${l.size.toLocaleString("en")} bytes, longest line of the head ${l.longest}`);
  console.log("");
  totals.push(`${tree.name}: ${files} files, ${caught.length} caught (${counts})`);
}
console.log(`Summary\n${totals.map((t) => `  ${t}`).join("\n")}`);
