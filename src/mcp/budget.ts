import { fail, ok, type Result } from "../core/result.ts";

/**
 * Every tool answer fits a token budget: tokens = characters / 4, rounded up, of the answer's JSON
 * (`structuredContent`) and, separately, of its text rendering (a host shows the model one of the two).
 * A list longer than a budget comes in pages; a cursor names the next one.
 */

export const DEFAULT_BUDGET = 4000;
export const MIN_BUDGET = 300;
export const MAX_BUDGET = 100_000;
/** Room kept for the cursor a page may carry (its encoded length stays far below this). */
const CURSOR_ROOM = 160;

export const tokens = (text: string): number => Math.ceil(text.length / 4);

/** A tool's `budget` argument, or the default. */
export const budgetOf = (args: Record<string, unknown>): number => (args.budget as number | undefined) ?? DEFAULT_BUDGET;

/** One page of a tool's answer: the structured value and the text a host may show instead. */
export interface Rendered {
  readonly structured: Record<string, unknown>;
  readonly text: string;
}

/** Where the next page starts, and what it must still be about. */
export interface CursorState {
  /** The tool and the arguments that shaped the list (not the budget): a cursor is only good for them. */
  readonly request: string;
  readonly offset: number;
  /** What the list was computed from (a content hash); a page of changed content is refused. */
  readonly version: string;
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify([state.request, state.offset, state.version])).toString("base64url");
}

export function decodeCursor(cursor: string, request: string, version: string | null): Result<number> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || typeof decoded[1] !== "number" || decoded[1] < 0 || !Number.isInteger(decoded[1])) {
    return fail("USAGE_ERROR", "cursor is not one this server gave out", { hint: "pass next_cursor from the previous answer unchanged" });
  }
  const [forRequest, offset, forVersion] = decoded as [string, number, string];
  if (forRequest !== request) return fail("USAGE_ERROR", "cursor belongs to a call with other arguments", { hint: "repeat the call's arguments with its next_cursor" });
  if (version !== null && forVersion !== version) {
    return fail("STALE_INDEX", "what the cursor pages through changed since the first page", { hint: "ask again without a cursor" });
  }
  return ok(offset);
}

/**
 * The longest page of `items` from `offset` whose rendering fits the budget. `render` builds the
 * answer for a page (and the cursor of the next, when there is one); sizes are summed per item first
 * and the answer checked whole, so a page is never over. At least one item is returned when any is
 * left: an item that alone exceeds the budget is passed through `shrink` (e.g. its doc cut), and the
 * server refuses an answer that still does not fit.
 */
export function fitPage<T>(
  items: readonly T[],
  offset: number,
  budget: number,
  render: (page: readonly T[], next: number | null) => Rendered,
  measure: (item: T) => { json: number; text: number },
  shrink: (item: T) => T = (item) => item,
): Rendered {
  const limit = budget * 4;
  const empty = render([], null);
  let json = JSON.stringify(empty.structured).length + CURSOR_ROOM;
  let text = empty.text.length + CURSOR_ROOM;
  let end = offset;
  while (end < items.length) {
    const size = measure(items[end]!);
    if (json + size.json + 1 > limit || text + size.text + 1 > limit) break;
    json += size.json + 1;
    text += size.text + 1;
    end++;
  }
  for (;;) {
    const page = items.slice(offset, Math.max(end, offset + 1));
    const next = offset + page.length < items.length ? offset + page.length : null;
    const rendered = render(page, next);
    if (fits(rendered, budget) || page.length === 0) return rendered;
    if (page.length === 1) return render([shrink(page[0]!)], next);
    end = offset + page.length - 1;
  }
}

/** Token sizes of renderings already measured: a page checked by its tool is not serialized again by the server's final check. */
const measured = new WeakMap<Rendered, { json: number; text: number }>();

export function fits(rendered: Rendered, budget: number): boolean {
  let size = measured.get(rendered);
  if (!size) {
    size = { json: tokens(JSON.stringify(rendered.structured)), text: tokens(rendered.text) };
    measured.set(rendered, size);
  }
  return size.json <= budget && size.text <= budget;
}
