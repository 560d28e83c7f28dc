/** One definition found in a source file. Field order is the JSON contract's order. */
export interface SymbolRecord {
  kind: string;
  name: string;
  /** 1-based line of the definition keyword (`def`/`class`, or `async` for `async def`). */
  line: number;
  qualified_name: string;
  end_line: number;
  signature: string;
  decorators: string[];
  async: boolean;
  doc: string | null;
  parent: string | null;
  /** A re-export's module specifier (`export { a } from "./x"`: `./x`); only on `export` symbols that have one. */
  from?: string;
  /** The trait a Rust method implements (`impl fmt::Display for T`: `fmt::Display`); only on such methods. */
  trait?: string;
}

export type ParseStatus = "ok" | "partial";

/** How a name is used: called (or constructed), imported, named as a type, inherited or implemented, decorating. */
export type ReferenceKind = "call" | "import" | "type" | "inherit" | "decorator";

/** One use of a name in a source file, as written (resolution to definitions is the index's work). */
export interface ReferenceRecord {
  kind: ReferenceKind;
  /** The name used: the last part of a path (`f` of `a.b.f()`), `*` for a whole-module import. */
  name: string;
  /** 1-based line and column of the name. */
  line: number;
  col: number;
  /** The qualified name of the innermost definition around the use; null at module level. */
  from: string | null;
  /** What the name is reached through, dot-separated (`self`, `os.path`, `pkg`); `?` for an expression. */
  receiver?: string;
  /** An import's module as written, quotes dropped (`./x`, `os.path`, `net/http`, `java.util`). */
  module?: string;
  /** An import's local name when it is not `name` (`import x as y`, `import * as ns`, Go's package name). */
  alias?: string;
}

/** Everything extraction learns about one file's content; this is what the cache stores. */
export interface Extraction {
  parse_status: ParseStatus;
  parse_errors: number;
  symbols: SymbolRecord[];
  references: ReferenceRecord[];
}
