import { decodeSource } from "../extract/source-text.ts";
import { readSegmentFile } from "../resolve/safe-read.ts";
import { join } from "node:path";

/** One line of a `.gitignore` / `.trifectaignore`, compiled. */
interface Rule {
  readonly base: string;
  readonly regex: RegExp;
  readonly negate: boolean;
  readonly dirOnly: boolean;
}

/** A glob (`*`, `**`, `?`, `[…]`, `\` escapes) as the body of a regular expression over POSIX paths. */
export function globToRegex(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const slashAfter = glob[i + 2] === "/";
        out += slashAfter ? "(?:.*/)?" : ".*";
        i += slashAfter ? 2 : 1;
      } else out += "[^/]*";
    } else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 1);
      if (close === -1) out += "\\[";
      else {
        out += `[${glob.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else if (c === "\\" && i + 1 < glob.length) {
      // An escaped character is that character (`\\d` is the letter d, as git reads it).
      const next = glob[++i]!;
      out += /[.*+?^${}()|[\]\\/-]/.test(next) ? `\\${next}` : next;
    }
    else out += /[.+^${}()|\]\\]/.test(c) ? `\\${c}` : c;
  }
  return out;
}

export function parseIgnore(text: string, base: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, "");
    if (line === "" || line.startsWith("#")) continue;
    const negate = line.startsWith("!");
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith("/");
    if (dirOnly) line = line.slice(0, -1);
    // A pattern with a slash (other than at the end) is anchored to its file's directory.
    const anchored = line.includes("/");
    if (line.startsWith("/")) line = line.slice(1);
    const body = globToRegex(line);
    rules.push({ base, negate, dirOnly, regex: new RegExp(anchored ? `^${body}(?:/.*)?$` : `(?:^|/)${body}(?:/.*)?$`) });
  }
  return rules;
}

/** The ignore rules in force in one directory: its parents' plus its own files'. */
export class IgnoreRules {
  constructor(private readonly rules: readonly Rule[] = []) {}

  /**
   * Adds the `.gitignore` and `.trifectaignore` of `dirRel` (segment-relative); `names` is the
   * directory's listing, which the walk has anyway: only the files it holds are opened.
   */
  withDirectory(root: string, dirRel: string, names: ReadonlySet<string>): IgnoreRules {
    const added: Rule[] = [];
    for (const name of [".gitignore", ".trifectaignore"]) {
      if (!names.has(name)) continue;
      // Read like any file of the segment: an ignore file that is a link is not followed.
      const read = readSegmentFile(root, join(root, dirRel, name));
      if (read.ok) added.push(...parseIgnore(decodeSource(read.bytes), dirRel));
    }
    return added.length === 0 ? this : new IgnoreRules([...this.rules, ...added]);
  }

  /** Whether `pathRel` (segment-relative, POSIX) is ignored; the last matching rule decides. */
  ignores(pathRel: string, isDir: boolean): boolean {
    return this.verdict(pathRel, isDir) === true;
  }

  /**
   * true: ignored; false: a negated rule (`!path`) brings it back, which also overrides trifecta's own
   * skip of generated and minified files; null: no rule speaks of it.
   */
  verdict(pathRel: string, isDir: boolean): boolean | null {
    let ignored: boolean | null = null;
    for (const rule of this.rules) {
      if (rule.dirOnly && !isDir) continue;
      const local = rule.base === "" ? pathRel : pathRel.startsWith(`${rule.base}/`) ? pathRel.slice(rule.base.length + 1) : null;
      if (local !== null && rule.regex.test(local)) ignored = !rule.negate;
    }
    return ignored;
  }
}
