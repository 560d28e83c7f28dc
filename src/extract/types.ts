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

/** Everything extraction learns about one file's content; this is what the cache stores. */
export interface Extraction {
  parse_status: ParseStatus;
  parse_errors: number;
  symbols: SymbolRecord[];
}
