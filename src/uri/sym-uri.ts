import { parseLineSuffix } from "../core/definition-address.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { LANGUAGES, type LanguageId } from "../languages.ts";

/** What a `sym://` URI addresses: a module, one symbol in a module, or a file by path. */
export type SymKind = "mod" | "type" | "file";

export interface SymUri {
  readonly raw: string;
  readonly language: LanguageId;
  readonly kind: SymKind;
  /** Path parts relative to the segment root, already split and validated (no `.`/`..`/empty parts). */
  readonly pathParts: readonly string[];
  /** For `type` (and `file`, optionally): the qualified name after `#`, e.g. `Outer.Inner.method`. */
  readonly member: string | null;
  /** For `type`: an optional `@LINE` suffix that picks one of several same-named definitions. */
  readonly memberLine: number | null;
  /** For `type`: with `@LINE:K`, the K-th definition of that name on that line. */
  readonly memberOrdinal: number | null;
}

const SCHEME = "sym://";
const KINDS: readonly SymKind[] = ["mod", "type", "file"];
// Control characters and backslashes never belong in a segment-relative path.
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f\\]/;

export function parseSymUri(raw: string, knownLanguages: readonly LanguageId[]): Result<SymUri> {
  const invalid = (message: string) => fail("INVALID_URI", message, { uri: raw });
  if (!raw.startsWith(SCHEME)) return invalid(`URI must start with ${SCHEME}<language>/`);
  const rest = raw.slice(SCHEME.length);
  const [name = "", kind = "", ...pathAndMember] = rest.split("/");
  if (name === "") return invalid("URI has no language: expected sym://<language>/<mod|type|file>/<path>");
  const language = knownLanguages.find((id) => id === name);
  if (!language) {
    return fail("UNSUPPORTED_LANGUAGE", `language '${name}' is not supported`, {
      uri: raw,
      supported: [...knownLanguages],
    });
  }
  if (!KINDS.includes(kind as SymKind)) {
    return invalid(`kind must be one of ${KINDS.join(", ")}; got '${kind}'`);
  }
  const joined = pathAndMember.join("/");
  const hashAt = joined.indexOf("#");
  const pathText = hashAt === -1 ? joined : joined.slice(0, hashAt);
  const fragment = hashAt === -1 ? null : joined.slice(hashAt + 1);

  const symKind = kind as SymKind;
  if (symKind === "type" && (fragment === null || fragment === "")) {
    return invalid("a type URI names its symbol after '#': sym://<language>/type/<module>#<Qualified.Name>");
  }
  // A file names one symbol too (`sym://c/file/x.h#f`): the way to one of a module's several files.
  if (symKind === "mod" && fragment !== null) {
    return invalid(`kind '${symKind}' takes no '#' fragment; use sym://<language>/type/<module>#<name> or sym://<language>/file/<path>#<name>`);
  }

  // Module paths split the way the language writes them (`.` for Python and JVM packages, `::` for Rust).
  const parts = splitPath(pathText, symKind, LANGUAGES[language].modules.separator);
  if (!parts.ok) return fail(parts.error.code, parts.error.message, { uri: raw });

  let member: string | null = null;
  let memberLine: number | null = null;
  let memberOrdinal: number | null = null;
  if (fragment !== null) {
    // `Name@LINE`, or `Name@LINE:K` for the K-th definition of Name on that line.
    const at = fragment.lastIndexOf("@");
    member = at === -1 ? fragment : fragment.slice(0, at);
    if (at !== -1) {
      const suffix = parseLineSuffix(fragment.slice(at + 1));
      if (!suffix) return invalid(`'@${fragment.slice(at + 1)}' is not a line number (or LINE:K)`);
      memberLine = suffix.line;
      memberOrdinal = suffix.ordinal;
    }
    if (member === "" || FORBIDDEN_CHARS.test(member)) return invalid("the symbol name after '#' is empty or has control characters");
  }
  return ok({ raw, language, kind: symKind, pathParts: parts.value, member, memberLine, memberOrdinal });
}

function splitPath(pathText: string, kind: SymKind, moduleSeparator: RegExp): Result<string[]> {
  if (pathText === "") return fail("INVALID_URI", "the URI has no module or file path");
  if (pathText.startsWith("/") || /^[A-Za-z]:/.test(pathText)) {
    return fail("PATH_OUTSIDE_SEGMENT", "absolute paths are not allowed; paths are relative to the segment");
  }
  if (FORBIDDEN_CHARS.test(pathText)) return fail("INVALID_URI", "the path has a backslash or a control character");
  const slashParts = pathText.split("/");
  if (slashParts.includes("..")) return fail("PATH_OUTSIDE_SEGMENT", `'..' may not appear in '${pathText}'`);
  // File paths keep their dots (extensions); module paths split the way the language writes them.
  const parts = kind === "file" ? slashParts : slashParts.flatMap((part) => part.split(moduleSeparator));
  for (const part of parts) {
    if (part === "" || part === ".") return fail("INVALID_URI", `the path '${pathText}' has an empty or '.' part`);
  }
  return ok(parts);
}
